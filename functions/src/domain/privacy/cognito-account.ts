import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '../../shared/cognito';

/** The person's Cognito user gone (sign-in fails): at the erasure's request, and again by its job. Idempotent. */
export async function deleteCognitoUser(userId: string): Promise<void> {
  try {
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: userId }));
  } catch (error) {
    if ((error as Error).name !== 'UserNotFoundException') throw error;
  }
}
