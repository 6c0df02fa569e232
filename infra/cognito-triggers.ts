import type { FeatureAccess } from './feature-access';

/** The Cognito triggers Coopol uses, by Cognito's name for them. */
export const cognitoTriggerNames = ['PreSignUp', 'PostConfirmation', 'CustomMessage'] as const;
export type CognitoTrigger = (typeof cognitoTriggerNames)[number];

export interface CognitoTriggerFunction {
  /** Module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  /** What the function may touch, as for features (see feature-access.ts). */
  access: FeatureAccess;
}

/**
 * The one table of Cognito triggers: the auth stack attaches these functions to the user pool, and
 * the local stack's Lambda endpoint (infra/local/lambda.ts) runs the same modules for cognito-local.
 * tests/infra checks each bundle loads exactly the config modules its access provides for.
 */
export const cognitoTriggers: Record<CognitoTrigger, CognitoTriggerFunction> = {
  // Refuses a sign-up without a pending registration: one GetItem.
  PreSignUp: { entry: 'functions/src/triggers/pre-sign-up.ts', description: 'Coopol Cognito trigger: PreSignUp', access: { table: 'read' } },
  // Turns the pending registration into a person (and links their member-file record).
  PostConfirmation: {
    entry: 'functions/src/triggers/post-confirmation.ts',
    description: 'Coopol Cognito trigger: PostConfirmation',
    access: { table: 'readwrite' },
  },
  // Renders the French code mails; Cognito sends them through SES itself.
  CustomMessage: { entry: 'functions/src/triggers/custom-message.ts', description: 'Coopol Cognito trigger: CustomMessage', access: {} },
};
