import { ForbiddenError } from '../errors';

/**
 * The rule that must hold even when someone calls Cognito directly (PreSignUp trigger): nobody signs
 * up with Cognito itself. Accounts are created by Coopol's API once a mailed code is confirmed, with
 * the password its holder chose (AdminCreateUser, which Cognito reports as `PreSignUp_AdminCreateUser`).
 */
export function assertCreatedByCoopol(triggerSource: string): void {
  if (triggerSource !== 'PreSignUp_AdminCreateUser') {
    throw new ForbiddenError('sign-up.refused');
  }
}
