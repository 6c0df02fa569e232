import type { FeatureAccess } from './feature-access';

/** The Cognito triggers Coopol uses, by Cognito's name for them. */
export const cognitoTriggerNames = ['PreSignUp', 'CustomMessage'] as const;
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
  // Refuses every sign-up straight to Cognito: the API creates accounts (AdminCreateUser) once confirmed.
  PreSignUp: { entry: 'functions/src/triggers/pre-sign-up.ts', description: 'Coopol Cognito trigger: PreSignUp', access: {} },
  // Renders the French reset-code mail; Cognito sends it through SES itself.
  CustomMessage: { entry: 'functions/src/triggers/custom-message.ts', description: 'Coopol Cognito trigger: CustomMessage', access: {} },
};
