import { createHash, randomInt } from 'node:crypto';
import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { TooManyRequestsError, ValidationError, type Reason } from '../errors';
import { clearRate, spendRate, type RateLimit } from '../limits/rate-limits';
import { sendMail } from '../mail/send';
import { PersonEmailEntity, PersonEntity } from '../people/entities';

/**
 * The sign-in throttle (ADR 0015 § Sign-in throttle and second factor), on the one rate limiter: a
 * guess is counted before the password is checked, so a burst cannot pass more than the ceiling.
 *
 * - per address and client: 5 guesses in 15 minutes from one client (its IP) for one address;
 * - per address: 10 guesses in 15 minutes from all clients together (many clients, one target).
 *
 * Past either, the password alone no longer opens the account; its owner gets a code by mail
 * (once per window), and her password with that code opens it — so a stranger's failures never
 * lock her out. A successful sign-in forgets the guesses of that address. Every answer is the same
 * whether the address has an account or not.
 */

const WINDOW_SECONDS = 15 * 60;
export const UNLOCK_CODE_MINUTES = 15;

const locked = (seconds: number): Reason => ['sign-in.locked', { seconds }];

export const signInLimits = {
  fromClient: { name: 'sign-in.address-client', max: 5, windowSeconds: WINDOW_SECONDS, refusal: locked },
  address: { name: 'sign-in.address', max: 10, windowSeconds: WINDOW_SECONDS, refusal: locked },
  /** Guesses of the mailed code itself. */
  unlockTries: { name: 'sign-in.unlock-tries', max: 5, windowSeconds: WINDOW_SECONDS, refusal: locked },
  /** One unlock mail per address and window, however many refused attempts. */
  unlockMails: { name: 'sign-in.unlock-mail', max: 1, windowSeconds: WINDOW_SECONDS, refusal: locked },
} satisfies Record<string, RateLimit>;

/** The code mailed to an address whose sign-in is throttled (its hash only), until it is used or expires. */
export const SignInUnlockEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'signInUnlock', version: '1' },
    attributes: {
      emailHash: { type: 'string', required: true },
      codeHash: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byAddress: { pk: { field: 'pk', composite: ['emailHash'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

const hashOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n').toLowerCase()).digest('hex');
const epochSeconds = () => Math.floor(Date.now() / 1000);
const clientSubject = (email: string, ip: string) => `${email}\n${ip}`;

/**
 * Spends one guess for this address from this client, or refuses (429) — then mails the unlock
 * code to the address's owner, if it has an account. With a valid `unlockCode`, the guess is spent
 * on the code's own tries instead: the owner is let through whatever strangers did.
 */
export async function spendSignInGuess(email: string, clientIp: string, unlockCode?: string): Promise<void> {
  if (unlockCode !== undefined) return checkUnlockCode(email, unlockCode);
  try {
    await spendRate(signInLimits.fromClient, clientSubject(email, clientIp));
    await spendRate(signInLimits.address, email);
  } catch (error) {
    if (error instanceof TooManyRequestsError) await mailUnlockCode(email);
    throw error;
  }
}

async function checkUnlockCode(email: string, code: string): Promise<void> {
  await spendRate(signInLimits.unlockTries, email);
  const { data } = await SignInUnlockEntity.get({ emailHash: hashOf(email) }).go();
  // DynamoDB Local does not enforce TTL: an expired code is treated as absent.
  if (!data || data.expiresAt <= epochSeconds() || data.codeHash !== hashOf(email, code)) {
    throw new ValidationError([{ field: 'body.unlockCode', message: 'code incorrect ou expiré' }]);
  }
}

/** Mails a new unlock code to the address's owner (at most once per window); nothing for an address without an account. */
async function mailUnlockCode(email: string): Promise<void> {
  const known = (await PersonEmailEntity.get({ email }).go()).data;
  if (!known) return;
  try {
    await spendRate(signInLimits.unlockMails, email);
  } catch (error) {
    if (error instanceof TooManyRequestsError) return;
    throw error;
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await SignInUnlockEntity.put({ emailHash: hashOf(email), codeHash: hashOf(email, code), expiresAt: epochSeconds() + UNLOCK_CODE_MINUTES * 60 }).go();
  const person = (await PersonEntity.get({ userId: known.userId }).go()).data;
  await sendMail({ to: email, template: 'sign-in-unlock', data: { code, givenName: person?.givenName, minutes: UNLOCK_CODE_MINUTES }, kind: 'transactional' });
}

/** Cognito's own lockout (AWS only) is told like ours: same words, the owner's code still works. */
export function cognitoLockout(): TooManyRequestsError {
  return new TooManyRequestsError(locked(60), 60);
}

/** After a successful sign-in (or a new password): the address's guesses and its unlock code are forgotten. */
export async function clearSignInGuesses(email: string, clientIp?: string): Promise<void> {
  await Promise.all([
    clearRate(signInLimits.address, email),
    clientIp ? clearRate(signInLimits.fromClient, clientSubject(email, clientIp)) : Promise.resolve(),
    clearRate(signInLimits.unlockTries, email),
    SignInUnlockEntity.delete({ emailHash: hashOf(email) }).go(),
  ]);
}
