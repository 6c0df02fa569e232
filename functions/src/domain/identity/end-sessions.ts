import { AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognito, userPoolId } from '../../shared/cognito';
import { recordSessionsEnded } from './sessions';

/**
 * Ends every session of the person, on every device: from now on their tokens are refused where the
 * caller is loaded and at the refresh route (« sessions valid after »), and Cognito revokes their
 * refresh tokens and access tokens for its own API (AdminUserGlobalSignOut; the local Cognito has
 * it through infra/local/cognito-server.ts). Called by password reset, « Déconnecter tous mes
 * appareils », and meant for sign-up confirmation and erasure. Our record first: it is what the API
 * checks, and it holds even if Cognito cannot be reached (the error still surfaces).
 */
export async function endAllSessions(userId: string): Promise<void> {
  await recordSessionsEnded(userId);
  try {
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
  } catch (error) {
    // An account already gone from Cognito (erasure) has no session left there.
    if ((error as Error).name !== 'UserNotFoundException') throw error;
  }
}
