import { ForbiddenError } from '../errors';
import { assertTerritoryOpen } from '../rollout/territories';
import { PendingRegistrationEntity } from './entities';

/**
 * The sign-up rules that must hold even when someone calls Cognito directly (PreSignUp trigger):
 * a sign-up must come through Coopol's API, which checked the password, the postal code and
 * recorded the consent; and the person's territory must be open (rollout waves).
 */
export async function assertSignUpAllowed(email: string): Promise<void> {
  const { data } = await PendingRegistrationEntity.get({ email: email.toLowerCase() }).go();
  // DynamoDB Local does not enforce TTL: an expired registration counts as absent.
  if (!data || data.expiresAt <= Math.floor(Date.now() / 1000)) {
    throw new ForbiddenError('Inscription refusée : passez par le formulaire d’inscription de Coopol.');
  }
  await assertTerritoryOpen(data.postalCode);
}
