import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { AdminCreateUserCommand, AdminDeleteUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ConfirmSignUpRequest, SignUpRequest, SignUpStarted } from '../../contracts/identity';
import { cognito, userPoolId } from '../../shared/cognito';
import { isConditionFailure } from '../../shared/conditions';
import { siteLink } from '../../shared/site';
import { TooManyRequestsError, ValidationError } from '../errors';
import { assertRateLeft, clearRate, spendRate, type RateLimit } from '../limits/rate-limits';
import { sendMail } from '../mail/send';
import { PersonEmailEntity } from '../people/entities';
import { registerPerson, type Registration } from '../people/registration';
import { assertTerritoryOpen } from '../rollout/territories';
import { resolvePostalCode } from '../territory/service';
import { fromCognito } from './cognito-errors';
import { SIGN_UP_ATTEMPT_SECONDS, SignUpAttemptEntity } from './entities';
import { maskEmail } from './mask-email';
import { assertAcceptablePassword } from './passwords';

/*
 * Sign-up in two steps, so that nobody can open an account with a password its owner did not choose
 * (ADR 0015): the form records a sign-up attempt and mails a code; whoever holds the code chooses the
 * password at confirmation, and only then is the Cognito user created. Every answer is the same for
 * a new address and for one that already has an account (GDPR art. 9: having an account on a party's
 * network is a political opinion).
 */

/** Code mails to one address, sign-ups and « Renvoyer le code » together: the form cannot flood a mailbox. */
export const signUpMails: RateLimit = {
  name: 'sign-up-mail.address',
  max: 5,
  windowSeconds: 3600,
  refusal: (seconds) => ['sign-up.too-many-requests', { seconds }],
};
/** Codes tried for one address (counted before the check, forgotten once a code is right): no guessing. */
export const signUpCodeTries: RateLimit = {
  name: 'sign-up-code.address',
  max: 5,
  windowSeconds: 3600,
  refusal: (seconds) => ['sign-up.too-many-codes', { seconds }],
};
/**
 * Wrong codes from one client, whatever the addresses: someone spreading guesses over many addresses
 * (five an hour each) is stopped too. Spent only by a wrong code, so people signing up from one
 * office or one test machine are not.
 */
export const signUpWrongCodesPerClient: RateLimit = {
  name: 'sign-up-wrong-code.client',
  max: 50,
  windowSeconds: 3600,
  refusal: (seconds) => ['sign-up.too-many-wrong-codes', { seconds }],
};
/** « You already have an account »: at most one such mail an hour to an address (as preregistration, ADR 0010). */
const knownAddressNotices: RateLimit = { name: 'sign-up-known.address', max: 1, windowSeconds: 3600, refusal: () => 'rate.limited' }; // never shown: past it, nothing is sent

/** Only the latest attempts of an address are looked at: a guessed code has few codes to match. */
const ATTEMPTS_LOOKED_AT = 3;
/** A confirmation in progress holds its attempt this long (a double submit cannot create two accounts). */
const CLAIM_SECONDS = 60;

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Time first (base 36, fixed width), then randomness: the key orders attempts, and the id is unguessable. */
const attemptIdAt = (ms: number) => ms.toString(36).padStart(9, '0');
const newAttemptId = () => `${attemptIdAt(Date.now())}${randomBytes(12).toString('base64url')}`;
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
const hashOf = (attemptId: string, code: string) => createHash('sha256').update(`${attemptId}:${code}`).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const wrongCode = () =>
  new ValidationError([{ field: 'body.code', message: 'code incorrect ou expiré' }], 'code.wrong-or-expired');

/** Whether the address already belongs to a person (one GetItem, P6). */
async function hasAccount(email: string): Promise<boolean> {
  return Boolean((await PersonEmailEntity.get({ email }).go()).data);
}

/** The address's attempts of the last day, newest first (one Query page, SU1): expired ones are out of the key range. */
async function recentAttempts(email: string, limit = ATTEMPTS_LOOKED_AT) {
  const since = attemptIdAt(Date.now() - SIGN_UP_ATTEMPT_SECONDS * 1000);
  const { data } = await SignUpAttemptEntity.query.byEmail({ email }).gte({ attemptId: since }).go({ order: 'desc', limit });
  return data.filter((attempt) => attempt.expiresAt > nowSeconds());
}

async function mailCode(email: string, code: string, givenName: string): Promise<void> {
  await sendMail({ to: email, template: 'verify-email', kind: 'transactional', data: { code, givenName } });
}

/** Tells the owner of a known address that someone tried to sign up with it; at most once an hour. */
async function tellOwner(email: string): Promise<void> {
  try {
    await spendRate(knownAddressNotices, email);
  } catch (error) {
    if (error instanceof TooManyRequestsError) return; // told within the hour already
    throw error;
  }
  await sendMail({
    to: email,
    template: 'sign-up-already',
    kind: 'transactional',
    data: { signInUrl: siteLink('/connexion', { email }), forgotPasswordUrl: siteLink('/mot-de-passe-oublie') },
  });
}

/**
 * The sign-up form: checks the postal code and the territory, then records a new attempt (never
 * overwriting another) and mails its code. An address that already has an account gets, instead, a
 * mail saying so, and the same answer: a masked address and an attempt id (random, stored nowhere).
 */
export async function startSignUp(request: SignUpRequest): Promise<SignUpStarted> {
  const email = request.email.toLowerCase();
  await resolvePostalCode(request.postalCode).catch(() => {
    throw new ValidationError([{ field: 'body.postalCode', message: 'code postal inconnu' }]);
  });
  await assertTerritoryOpen(request.postalCode);
  await spendRate(signUpMails, email);
  const attemptId = newAttemptId();
  if (await hasAccount(email)) {
    await tellOwner(email);
  } else {
    const code = newCode();
    await SignUpAttemptEntity.create({
      email,
      attemptId,
      codeHash: hashOf(attemptId, code),
      givenName: request.givenName,
      familyName: request.familyName,
      postalCode: request.postalCode,
      memberNumber: request.memberNumber,
      consentAt: new Date().toISOString(),
      expiresAt: nowSeconds() + SIGN_UP_ATTEMPT_SECONDS,
    }).go();
    await mailCode(email, code, request.givenName);
  }
  return { destination: maskEmail(email), attempt: attemptId };
}

/**
 * « Renvoyer le code »: a new code for the caller's own attempt (the id the sign-up answered), which
 * replaces the old one. Same answer for any address and any id; a mail only for a live attempt.
 */
export async function resendSignUpCode(email: string, attemptId: string): Promise<{ destination: string }> {
  email = email.toLowerCase();
  await spendRate(signUpMails, email);
  const { data: attempt } = await SignUpAttemptEntity.get({ email, attemptId }).go();
  if (attempt && attempt.expiresAt > nowSeconds()) {
    const code = newCode();
    const replaced = await SignUpAttemptEntity.patch({ email, attemptId })
      .set({ codeHash: hashOf(attemptId, code) })
      .go()
      .then(() => true)
      .catch((error: Error) => {
        if (isConditionFailure(error)) return false; // confirmed meanwhile
        throw error;
      });
    if (replaced) await mailCode(email, code, attempt.givenName);
  }
  return { destination: maskEmail(email) };
}

/**
 * Confirmation: the code finds the attempt it was mailed for; its holder's password is checked, and
 * only then is the account created, with that password and that attempt's data. The address's other
 * attempts are deleted. A wrong or expired code, and an address that already has an account, get the
 * same answer and change nothing.
 */
export async function confirmSignUp(request: ConfirmSignUpRequest, client: { ip: string }): Promise<void> {
  const email = request.email.toLowerCase();
  await assertRateLeft(signUpWrongCodesPerClient, client.ip);
  await spendRate(signUpCodeTries, email);
  const attempt = (await recentAttempts(email)).find((a) => sameHash(a.codeHash, hashOf(a.attemptId, request.code)));
  if (!attempt || (await hasAccount(email))) {
    await spendRate(signUpWrongCodesPerClient, client.ip).catch((error: unknown) => {
      if (!(error instanceof TooManyRequestsError)) throw error;
    });
    throw wrongCode();
  }
  await clearRate(signUpCodeTries, email); // the right code: its holder is not guessing
  assertAcceptablePassword(request.password, { email, givenName: attempt.givenName, familyName: attempt.familyName });

  const now = nowSeconds();
  await SignUpAttemptEntity.patch({ email, attemptId: attempt.attemptId })
    .set({ claimedUntil: now + CLAIM_SECONDS })
    .where((attr, { notExists, lt }) => `${notExists(attr.claimedUntil)} OR ${lt(attr.claimedUntil, now)}`)
    .go()
    .catch((error: Error) => {
      if (isConditionFailure(error)) throw wrongCode(); // being confirmed right now, or just was
      throw error;
    });
  await openAccount(email, request.password, attempt);
  await forgetAttempts(email);
}

/**
 * Creates the Cognito user with its password, confirmed (the address is proven), then the person.
 * A Cognito user already there has no person (checked by the caller): an unconfirmed sign-up of the
 * old flow, whose password was whoever typed it, or a confirmation cut short — it is replaced.
 * Also used by the demo seed, whose addresses receive no mail.
 */
export async function openAccount(email: string, password: string, registration: Registration): Promise<string> {
  const create = () =>
    cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: registration.givenName },
          { Name: 'family_name', Value: registration.familyName },
        ],
      }),
    );
  let created;
  try {
    created = await create();
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw fromCognito(error);
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email }));
    created = await create();
  }
  const userId = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!userId) throw new Error('AdminCreateUser answered a user without a sub');
  try {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
  } catch (error) {
    throw fromCognito(error, { passwordField: 'body.password' });
  }
  await registerPerson(userId, email, registration);
  return userId;
}

/** Deletes every attempt of the address (one Query, one batch): their codes stop working. */
async function forgetAttempts(email: string): Promise<void> {
  const { data } = await SignUpAttemptEntity.query.byEmail({ email }).go({ pages: 'all', attributes: ['email', 'attemptId'] });
  if (data.length) await SignUpAttemptEntity.delete(data.map(({ attemptId }) => ({ email, attemptId }))).go();
}
