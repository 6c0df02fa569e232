import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolEmail,
  UserPoolOperation,
  VerificationEmailStyle,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { SESSION_MAX_SECONDS, TOKEN_VALIDITY_MINUTES } from '../../functions/src/domain/identity/session-lifetimes';
import { cognitoTriggers, type CognitoTrigger } from '../cognito-triggers';
import { CoopolFunction, type CoopolResources } from '../constructs/coopol-function';
import type { StageConfig } from '../config';
import { acknowledge } from '../nag';
import { fromRepoRoot } from '../paths';

export interface AuthStackProps extends StackProps {
  /** What the triggers may be granted (the user pool and its client are this stack's own). */
  resources: Omit<CoopolResources, 'userPool' | 'userPoolClient'>;
  /** The mail stack's SES domain, when it verifies a whole domain rather than the sender address. */
  mailDomain?: string;
  config: Pick<StageConfig, 'cognitoThreatProtection'>;
}

const threatProtection = {
  audit: StandardThreatProtectionMode.AUDIT_ONLY,
  enforced: StandardThreatProtectionMode.FULL_FUNCTION,
} as const;

const operations: Record<CognitoTrigger, UserPoolOperation> = {
  PreSignUp: UserPoolOperation.PRE_SIGN_UP,
  CustomMessage: UserPoolOperation.CUSTOM_MESSAGE,
};

/**
 * Stateful: the members' directory. Email is the sign-in name; the pool holds no groups: every role,
 * national ones included, lives in the table (ADR 0007). Retained when the stack is deleted.
 *
 * The pool mails through SES (the mail stack's sender and configuration set), with the French text
 * of the CustomMessage trigger. Its triggers (infra/cognito-triggers.ts) live here, next to the pool
 * whose configuration names them; replacing a function never replaces the pool.
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly triggers: Record<CognitoTrigger, CoopolFunction>;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { mail } = props.resources;

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      // Cognito sends as our SES sender, through the configuration set that tracks bounces and complaints.
      email: UserPoolEmail.withSES({
        fromEmail: mail.from,
        fromName: 'Coopol',
        sesVerifiedDomain: props.mailDomain,
        configurationSetName: mail.configurationSet.configurationSetName,
      }),
      // Used only where the CustomMessage trigger leaves the text to Cognito (e.g. an email change).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'Coopol : votre code de vérification',
        emailBody: 'Bienvenue sur Coopol. Votre code de vérification : {####}',
      },
      userInvitation: {
        emailSubject: 'Coopol : votre compte a été créé',
        emailBody: 'Votre compte Coopol a été créé. Identifiant : {username} — mot de passe provisoire : {####}',
      },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      customAttributes: {
        // The party's membership number, once the membership is confirmed (set by the back office, not by the member).
        member_number: new StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      // TOTP offered to everyone; the API requires it of officials before their powers (ADR 0015).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // The API's rule (identity/passwords.ts): 12 characters at least, no composition rule — so a
      // direct Cognito ChangePassword cannot go below it, and the pool never refuses what the API accepts.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection needs the Plus plan, billed per monthly active user: a per-stage choice (ADR 0020).
      ...(props.config.cognitoThreatProtection === 'off'
        ? { featurePlan: FeaturePlan.ESSENTIALS }
        : { featurePlan: FeaturePlan.PLUS, standardThreatProtectionMode: threatProtection[props.config.cognitoThreatProtection] }),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG1',
      'passwords follow NIST SP 800-63B and ANSSI: 12 characters at least, common and personal ones refused by the API, no composition rule (identity/passwords.ts)',
    );
    acknowledge(this.userPool, 'AwsSolutions-COG2', 'TOTP is offered to all and required by the API of officials and admins before they use their powers (ADR 0015); members and supporters choose');
    if (props.config.cognitoThreatProtection === 'off') {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG8',
        'threat protection (Plus plan) is off for this stage by its config: ADR 0020 weighs its cost per active user against the API’s own sign-in limits and WAF',
      );
    }

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      // The web app signs in with the API flows below; there is no hosted UI, hence no OAuth flow.
      disableOAuth: true,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Short: an ended session's tokens are refused by the API at once, but Cognito's own API and
      // anything trusting the tokens alone see them until they expire (ADR 0015 § Sessions).
      accessTokenValidity: Duration.minutes(TOKEN_VALIDITY_MINUTES),
      idTokenValidity: Duration.minutes(TOKEN_VALIDITY_MINUTES),
      refreshTokenValidity: Duration.seconds(SESSION_MAX_SECONDS),
      // Members read their membership number but cannot set it: only the back office (admin API) writes it.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
        .withCustomAttributes('member_number'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, givenName: true, familyName: true }),
    });

    const resources: CoopolResources = { ...props.resources, userPool: this.userPool, userPoolClient: this.userPoolClient };
    this.triggers = Object.fromEntries(
      Object.entries(cognitoTriggers).map(([trigger, { entry, description, access }]) => {
        const fn = new CoopolFunction(this, `Trigger-${trigger}`, {
          entry: fromRepoRoot(entry),
          description,
          access,
          resources,
          // Cognito waits 5 s for a trigger, then fails the call.
          timeout: Duration.seconds(5),
          synchronous: 'invoked synchronously by Cognito during the call it serves: a failure is that call’s error',
        });
        this.userPool.addTrigger(operations[trigger as CognitoTrigger], fn.function);
        return [trigger, fn];
      }),
    ) as Record<CognitoTrigger, CoopolFunction>;

  }
}
