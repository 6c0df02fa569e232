import assert from 'node:assert/strict';
import { generateSync } from 'otplib';
import type { Grant } from '../../functions/src/domain/access/caller';
import { signUpCodesTo, waitForSignUpCode } from './mail';
import { api, type TestStack } from './stack';

/**
 * People for tests, created the way a real person is: sign-up through the API, the code read from
 * the mail in the SES emulator, confirmation with the password through the API (which creates the
 * Cognito user and the person), sign-in. As setup, the test writes member-file records and role
 * grants directly, and turns on TOTP through the API.
 */
export interface TestPerson {
  email: string;
  userId: string;
  idToken: string;
  accessToken: string;
  /** The TOTP secret, when `mfa` was asked for (to sign in again with a code). */
  totpSecret?: string;
}

export const TEST_PASSWORD = 'Vingt-sept lapins dansent au marché';

export interface PersonSpec {
  email: string;
  givenName?: string;
  familyName?: string;
  postalCode: string;
  member?: { memberNumber: string; sectionId: string };
  grants?: Grant[];
  /** Turn on TOTP (officials need it before using their powers). */
  mfa?: boolean;
}

export async function createTestPerson(stack: TestStack, spec: PersonSpec): Promise<TestPerson> {
  // Domain modules read their configuration at load: import them once the stack's env is set.
  const { MemberRecordEntity } = await import('../../functions/src/domain/membership/entities');
  const { shardOf } = await import('../../functions/src/domain/membership/member-file');
  const { PersonEmailEntity, PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { writeGrant } = await import('../../functions/src/domain/roles/service');

  const givenName = spec.givenName ?? 'Test';
  const familyName = spec.familyName ?? 'Personne';
  if (spec.member) {
    await MemberRecordEntity.put({
      ...spec.member,
      email: spec.email,
      firstName: givenName,
      lastName: familyName,
      active: true,
      shard: shardOf(spec.member.memberNumber),
      importedAt: new Date().toISOString(),
    }).go();
  }
  const mailed = (await signUpCodesTo(stack, spec.email)).length;
  const signUp = await api(stack, '/api/auth/sign-up', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: spec.email, givenName, familyName, postalCode: spec.postalCode, consent: true }),
  });
  assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
  const code = await waitForSignUpCode(stack, spec.email, mailed + 1);
  const confirmed = await api(stack, '/api/auth/confirm-sign-up', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: spec.email, code, password: TEST_PASSWORD }),
  });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  const userId = (await PersonEmailEntity.get({ email: spec.email.toLowerCase() }).go()).data!.userId;

  for (const grant of spec.grants ?? []) {
    const person = (await PersonEntity.get({ userId }).go()).data!;
    await writeGrant(person, grant, 'system');
  }

  const signIn = await api(stack, '/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: spec.email, password: TEST_PASSWORD }),
  });
  assert.equal(signIn.body.status, 'SIGNED_IN', JSON.stringify(signIn.body));
  const tokens = signIn.body.tokens as { idToken: string; accessToken: string };
  const person: TestPerson = { email: spec.email, userId, idToken: tokens.idToken, accessToken: tokens.accessToken };
  if (spec.mfa) person.totpSecret = await turnOnMfa(stack, person);
  return person;
}

/**
 * A new session for the person, through the sign-in (and its TOTP step when they turned TOTP on):
 * their tokens, the refresh token included.
 */
export async function signInAgain(stack: TestStack, person: TestPerson, password = TEST_PASSWORD) {
  const post = (path: string, body: unknown) => api(stack, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let answer = await post('/api/auth/sign-in', { email: person.email, password });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  if (answer.body.status === 'MFA_REQUIRED') {
    assert.ok(person.totpSecret, `${person.email} has TOTP on: sign in with a code`);
    answer = await post('/api/auth/mfa', { email: person.email, session: answer.body.session, code: generateSync({ secret: person.totpSecret }) });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  }
  assert.equal(answer.body.status, 'SIGNED_IN', JSON.stringify(answer.body));
  return answer.body.tokens as { idToken: string; accessToken: string; refreshToken: string };
}

/** TOTP setup through the API, with codes computed like an authenticator app would. */
export async function turnOnMfa(stack: TestStack, person: TestPerson): Promise<string> {
  const setup = await call(stack, person, 'POST', '/api/me/mfa/setup', { accessToken: person.accessToken });
  assert.equal(setup.status, 200, JSON.stringify(setup.body));
  const secret = setup.body.secretCode as string;
  const verify = await call(stack, person, 'POST', '/api/me/mfa/verify', { accessToken: person.accessToken, code: generateSync({ secret }) });
  assert.equal(verify.status, 200, JSON.stringify(verify.body));
  return secret;
}

/** A request as this person (or anonymously when `person` is undefined). */
export function call(stack: TestStack, person: TestPerson | undefined, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const headers: Record<string, string> = {};
  if (person) headers.authorization = `Bearer ${person.idToken}`;
  if (body !== undefined) headers['content-type'] = contentType;
  return api(stack, path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
}

/**
 * Waits until `viewer` finds `person` by this name in search. A mention resolves against the search
 * index, which the table's stream fills a moment after a sign-up — longer when a test file before
 * wrote thousands of people on the shared stack — so a test that mentions someone just made waits here.
 */
export async function untilFindable(stack: TestStack, viewer: TestPerson, person: TestPerson, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await call(stack, viewer, 'GET', `/api/search?q=${encodeURIComponent(name)}`);
    if (found.status === 200 && JSON.stringify(found.body).includes(person.userId)) return;
    assert.ok(Date.now() < deadline, `${name} is not findable by search: ${JSON.stringify(found.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
