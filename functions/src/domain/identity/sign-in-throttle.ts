import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '../errors';
import { SignInAttemptsEntity } from '../people/entities';
import { isConditionFailure } from '../../shared/conditions';

/** After this many failures within the window, sign-in for that email waits until the window ends. */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

const hashOf = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');
const now = () => Math.floor(Date.now() / 1000);

/** Refuses a sign-in while the email has too many recent failures (one GetItem). */
export async function assertSignInAllowed(email: string): Promise<void> {
  const { data } = await SignInAttemptsEntity.get({ emailHash: hashOf(email) }).go();
  // DynamoDB Local does not enforce TTL: an expired counter is treated as absent.
  if (!data || data.expiresAt <= now() || data.failures < MAX_FAILURES) return;
  const wait = data.expiresAt - now();
  throw new TooManyRequestsError(
    `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}, ou réinitialisez votre mot de passe.`,
    wait,
  );
}

/** Counts a failure (one conditional update; a new window starts when the previous one expired). */
export async function recordSignInFailure(email: string): Promise<void> {
  const emailHash = hashOf(email);
  const expiresAt = now() + WINDOW_SECONDS;
  try {
    await SignInAttemptsEntity.update({ emailHash })
      .add({ failures: 1 })
      .where(({ expiresAt: e }, { gt }) => gt(e, now()))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) {
      await SignInAttemptsEntity.put({ emailHash, failures: 1, expiresAt }).go();
      return;
    }
    throw error;
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await SignInAttemptsEntity.delete({ emailHash: hashOf(email) }).go();
}
