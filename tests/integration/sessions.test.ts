import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { mailsTo, waitForMail, type StoredMail } from '../support/mail';
import { generateSync } from 'otplib';
import { call, createTestPerson, signInAgain, TEST_PASSWORD, type TestPerson } from '../support/people';
import { api, postFrom, testStack, type TestStack } from '../support/stack';

// Sessions that really end (ADR 0015 § Sessions), through the real handlers, cognito-local (with the
// session claims and global sign-out infra/local/cognito-server.ts gives it, as in AWS) and DynamoDB Local.
let stack: TestStack;

const post = (path: string, body: unknown) =>
  api(stack, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const NEW_PASSWORD = 'Quarante-deux girafes lisent au jardin';

/** The one 6-digit code shown in the mail's code block. */
function codeIn(mail: StoredMail): string {
  const codes = [...(mail.body.html ?? '').matchAll(/>(\d{6})</g)].map((m) => m[1]!);
  assert.equal(codes.length, 1, `one code in ${mail.body.html}`);
  return codes[0]!;
}

/** Someone's session as a device holds it: its tokens and its refresh token. */
type Held = { idToken: string; accessToken: string; refreshToken: string };

/** What a stranger's device can still do with a session: read the profile with either token, refresh. */
async function whatStillWorks(held: Held) {
  return {
    idToken: (await api(stack, '/api/me/profile', { headers: bearer(held.idToken) })).status,
    accessToken: (await api(stack, '/api/me/profile', { headers: bearer(held.accessToken) })).status,
    // A page read alongside the caller's load (ADR 0025): refused all the same, nothing of it sent.
    notifications: await api(stack, '/api/me/notifications?limit=20', { headers: bearer(held.idToken) }).then((r) =>
      r.body && typeof r.body === 'object' && 'items' in r.body ? `${r.status} with items` : r.status,
    ),
    refresh: (await post('/api/auth/refresh', { refreshToken: held.refreshToken })).status,
  };
}

before(() => {
  stack = testStack();
});

describe('sessions', () => {
  test('a refresh keeps the sign-in’s auth_time and session id, as in AWS; tokens live 15 minutes', async () => {
    const person = await createTestPerson(stack, { email: 'ses.refresh@coopol.example', postalCode: '68100' });
    const held = await signInAgain(stack, person);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refreshed = await post('/api/auth/refresh', { refreshToken: held.refreshToken });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    const tokens = (refreshed.body.tokens as Held);
    for (const [before, after] of [
      [held.idToken, tokens.idToken],
      [held.accessToken, tokens.accessToken],
    ] as const) {
      const [b, a] = [claimsOf(before), claimsOf(after)];
      assert.ok(Number(a.iat) > Number(b.iat), 'a new token');
      assert.equal(a.auth_time, b.auth_time, 'authenticated at the same time');
      assert.ok(typeof a.origin_jti === 'string' && a.origin_jti === b.origin_jti, 'the same session');
      assert.equal(Number(a.exp) - Number(a.iat), 15 * 60);
    }
    assert.equal((await api(stack, '/api/me/profile', { headers: bearer(tokens.idToken) })).status, 200);
  });

  test('a password reset ends a stranger’s session (old tokens and refresh token refused); the owner’s new session works', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.reset@coopol.example', postalCode: '68100' });
    const stranger = await signInAgain(stack, owner); // someone who knew the old password
    assert.deepEqual(await whatStillWorks(stranger), { idToken: 200, accessToken: 200, notifications: '200 with items', refresh: 200 });

    assert.equal((await post('/api/auth/forgot-password', { email: owner.email })).status, 202);
    const code = codeIn(await waitForMail(stack, owner.email, 'Coopol : réinitialisation de votre mot de passe'));
    const reset = await post('/api/auth/reset-password', { email: owner.email, code, password: NEW_PASSWORD });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));

    assert.deepEqual(await whatStillWorks(stranger), { idToken: 401, accessToken: 401, notifications: 401, refresh: 401 });
    // Nor with the session the owner herself had before the reset.
    assert.equal((await call(stack, owner, 'GET', '/api/me/profile')).status, 401);
    assert.equal((await post('/api/auth/sign-in', { email: owner.email, password: TEST_PASSWORD })).status, 401);
    const fresh = await signInAgain(stack, owner, NEW_PASSWORD);
    assert.deepEqual(await whatStillWorks(fresh), { idToken: 200, accessToken: 200, notifications: '200 with items', refresh: 200 });
  });

  test('« Déconnecter tous mes appareils » ends every session, this one included; signing in again works', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.everywhere@coopol.example', postalCode: '68100' });
    const stranger = await signInAgain(stack, owner);
    const mine = await signInAgain(stack, owner);

    assert.equal((await api(stack, '/api/me/sessions/end', { method: 'POST', headers: bearer(mine.idToken) })).status, 200);

    assert.deepEqual(await whatStillWorks(stranger), { idToken: 401, accessToken: 401, notifications: 401, refresh: 401 });
    assert.deepEqual(await whatStillWorks(mine), { idToken: 401, accessToken: 401, notifications: 401, refresh: 401 });
    // An ended session cannot end anything any more, nor start a TOTP setup.
    assert.equal((await api(stack, '/api/me/sessions/end', { method: 'POST', headers: bearer(stranger.idToken) })).status, 401);
    const setup = await api(stack, '/api/me/mfa/setup', {
      method: 'POST',
      headers: { ...bearer(stranger.idToken), 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: stranger.accessToken }),
    });
    assert.equal(setup.status, 401);

    const again = await signInAgain(stack, owner);
    assert.deepEqual(await whatStillWorks(again), { idToken: 200, accessToken: 200, notifications: '200 with items', refresh: 200 });
  });

  test('Cognito itself no longer renews an ended session (global sign-out)', async () => {
    const { CognitoIdentityProviderClient, InitiateAuthCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const owner = await createTestPerson(stack, { email: 'ses.cognito@coopol.example', postalCode: '68100' });
    const held = await signInAgain(stack, owner);
    assert.equal((await api(stack, '/api/me/sessions/end', { method: 'POST', headers: bearer(owner.idToken) })).status, 200);
    const cognito = new CognitoIdentityProviderClient({ endpoint: stack.urls.cognito, region: stack.env.AWS_REGION });
    await assert.rejects(
      cognito.send(new InitiateAuthCommand({ ClientId: stack.env.USER_POOL_CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: held.refreshToken } })),
      (error: Error) => error.name === 'NotAuthorizedException',
    );
    cognito.destroy();
  });
});


/** A sign-in sent from a client of its own (another loopback address: the gateway's source IP). */
const signInFrom = (clientIp: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  postFrom(stack, clientIp, '/api/auth/sign-in', body, headers);

const UNLOCK_SUBJECT = 'Coopol : votre code pour vous connecter';
const wrong = (email: string) => ({ email, password: 'pas le bon mot de passe' });
const statuses = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>((count, { status }) => ({ ...count, [status]: (count[status] ?? 0) + 1 }), {});

describe('sign-in throttle', () => {
  test('30 parallel wrong guesses from one client: only 5 reach the password check; then even the right password waits', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.burst@coopol.example', postalCode: '68100' });
    // A 401 is Cognito's answer to a wrong password: the guesses that reached it. The others were refused before.
    const burst = await Promise.all(Array.from({ length: 30 }, () => signInFrom('127.0.0.1', wrong(owner.email))));
    assert.deepEqual(statuses(burst), { 401: 5, 429: 25 });
    const right = await signInFrom('127.0.0.1', { email: owner.email, password: TEST_PASSWORD });
    assert.equal(right.status, 429);
  });

  test('a stranger’s failures from another client do not lock the owner out', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.stranger@coopol.example', postalCode: '68100' });
    const stranger = await Promise.all(Array.from({ length: 12 }, () => signInFrom('127.0.0.2', wrong(owner.email))));
    assert.deepEqual(statuses(stranger), { 401: 5, 429: 7 });
    const mine = await signInFrom('127.0.0.1', { email: owner.email, password: TEST_PASSWORD });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.status, 'SIGNED_IN');
  });

  test('through the site, the browser’s address counts, as the site signed it; an address nobody signed counts as the sender’s own', async () => {
    // The site's server calls the API from its own address and names the browser in x-coopol-viewer,
    // signed with the key it shares with the API (web/lib/viewer.ts): sent here as the site would.
    const { viewerSignature } = await import('../../functions/src/http/kit/client-of-event');
    const key = stack.env.COOPOL_VIEWER_KEY!;
    const viewing = (ip: string) => ({ 'x-coopol-viewer': `${ip} ${viewerSignature(key, ip)}` });
    const owner = await createTestPerson(stack, { email: 'ses.viewer@coopol.example', postalCode: '68100' });
    // The site (127.0.0.6) relays a stranger's browser (192.0.2.10): his five guesses lock only him.
    for (let i = 0; i < 5; i += 1) assert.equal((await signInFrom('127.0.0.6', wrong(owner.email), viewing('192.0.2.10'))).status, 401);
    assert.equal((await signInFrom('127.0.0.6', wrong(owner.email), viewing('192.0.2.10'))).status, 429);
    // The owner's browser, relayed by the same site, is not locked out.
    const mine = await signInFrom('127.0.0.6', { email: owner.email, password: TEST_PASSWORD }, viewing('192.0.2.20'));
    assert.equal(mine.body.status, 'SIGNED_IN', JSON.stringify(mine.body));
    // A forged signature names the locked browser in vain: it counts as the sender (127.0.0.7), who
    // reaches the password check (401), where the locked browser would be refused before it (429).
    const stranger = await signInFrom('127.0.0.6', wrong(owner.email), viewing('192.0.2.10'));
    assert.equal(stranger.status, 429);
    const forged = await signInFrom('127.0.0.7', wrong(owner.email), { 'x-coopol-viewer': '192.0.2.10 pas-une-signature' });
    assert.equal(forged.status, 401, JSON.stringify(forged.body));
    // Through CloudFront: the address its function wrote counts when the edge's key comes with it, not otherwise.
    const viaEdge = await signInFrom('127.0.0.8', wrong(owner.email), { 'x-coopol-viewer-ip': '192.0.2.10', 'x-coopol-edge': key });
    assert.equal(viaEdge.status, 429, 'the locked browser, through the edge');
    const fakeEdge = await signInFrom('127.0.0.8', wrong(owner.email), { 'x-coopol-viewer-ip': '192.0.2.10', 'x-coopol-edge': 'devinée' });
    assert.equal(fakeEdge.status, 401, 'a guessed edge key: counted as its sender');
  });

  test('strangers from many clients lock the address; the owner’s password with the mailed code lets her in; an unknown address reads the same', async () => {
    const owner = await createTestPerson(stack, { email: 'ses.many@coopol.example', postalCode: '68100' });
    for (const ip of ['127.0.0.3', '127.0.0.4', '127.0.0.5']) {
      for (let i = 0; i < 5; i += 1) await signInFrom(ip, wrong(owner.email));
    }
    // Ten guesses reached Cognito: the address is throttled for every client, the owner's too.
    const refused = await signInFrom('127.0.0.1', { email: owner.email, password: TEST_PASSWORD });
    assert.equal(refused.status, 429, JSON.stringify(refused.body));
    const code = codeIn(await waitForMail(stack, owner.email, UNLOCK_SUBJECT));

    // The stranger cannot use the way in: a wrong code is refused, naming the field.
    const guessed = await signInFrom('127.0.0.3', { ...wrong(owner.email), unlockCode: code === '000000' ? '111111' : '000000' });
    assert.equal(guessed.status, 400);
    assert.deepEqual(guessed.body.details, [{ field: 'body.unlockCode', message: 'code incorrect ou expiré' }]);

    const unlocked = await signInFrom('127.0.0.1', { email: owner.email, password: TEST_PASSWORD, unlockCode: code });
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    assert.equal(unlocked.body.status, 'SIGNED_IN');
    // Only one mail, however many refusals; the code is used up.
    assert.equal((await mailsTo(stack, owner.email)).filter((m) => m.subject === UNLOCK_SUBJECT).length, 1);
    assert.equal((await signInFrom('127.0.0.1', { email: owner.email, password: TEST_PASSWORD, unlockCode: code })).status, 400);

    // The same answers for an address with no account: nothing tells a stranger it exists, and no mail.
    const nobody = 'ses.nobody@coopol.example';
    for (const ip of ['127.0.0.3', '127.0.0.4']) {
      for (let i = 0; i < 5; i += 1) await signInFrom(ip, wrong(nobody));
    }
    const other = await signInFrom('127.0.0.1', wrong(nobody));
    assert.equal(other.status, 429);
    assert.equal(other.body.message, refused.body.message);
    assert.deepEqual(Object.keys(other.body).sort(), Object.keys(refused.body).sort());
    assert.equal((await mailsTo(stack, nobody)).length, 0);
  });
});

describe('TOTP per session', () => {
  test('an official signed in without the TOTP step (authenticator removed) cannot read the member list nor use her powers; after the TOTP step she can', async () => {
    const { CognitoIdentityProviderClient, SetUserMFAPreferenceCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const cognito = new CognitoIdentityProviderClient({ endpoint: stack.urls.cognito, region: stack.env.AWS_REGION });
    const setTotp = (accessToken: string, Enabled: boolean) =>
      cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled, PreferredMfa: Enabled } }));
    const member = await createTestPerson(stack, { email: 'ses.lille.member@coopol.example', postalCode: '59000', member: { memberNumber: 'SES00001', sectionId: 'lille' } });
    const secretary = await createTestPerson(stack, {
      email: 'ses.lille.secretary@coopol.example',
      postalCode: '59000',
      member: { memberNumber: 'SES00002', sectionId: 'lille' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'lille' }],
      mfa: true,
    });
    const grant = { userId: member.userId, role: 'web-referent', scopeType: 'section', scopeId: 'lille' };
    const powers = async (tokens: Pick<TestPerson, 'idToken'>) => {
      const person: TestPerson = { ...secretary, ...tokens };
      const list = await call(stack, person, 'GET', '/api/sections/lille/members');
      const granted = await call(stack, person, 'POST', '/api/roles', grant);
      if (granted.status === 201) assert.equal((await call(stack, person, 'DELETE', `/api/roles/${member.userId}/section/lille/web-referent`)).status, 200);
      return { memberList: list.status, grantRole: granted.status };
    };
    // Her session turned TOTP on: it counts as signed in with TOTP.
    assert.deepEqual(await powers(secretary), { memberList: 200, grantRole: 201 });

    // The authenticator is removed (by her, or by whoever holds her password and session): sign-in asks for no code.
    await setTotp(secretary.accessToken, false);
    const withoutTotp = await signInAgain(stack, { ...secretary, totpSecret: undefined });
    const profile = await call(stack, { ...secretary, ...withoutTotp }, 'GET', '/api/me/profile');
    assert.equal(profile.body.mfaEnabled, true, 'TOTP was turned on once: the old flag would have let her through');
    assert.deepEqual(await powers(withoutTotp), { memberList: 403, grantRole: 403 });
    const refused = await call(stack, { ...secretary, ...withoutTotp }, 'GET', '/api/sections/lille/members');
    assert.match(refused.body.message as string, /double authentification/);
    // What any member of the section may do still works.
    assert.equal((await call(stack, { ...secretary, ...withoutTotp }, 'GET', '/api/sections/lille/officials')).status, 200);

    // With the authenticator back, the sign-in asks for the code; that session has her powers.
    await setTotp(withoutTotp.accessToken, true);
    const started = await post('/api/auth/sign-in', { email: secretary.email, password: TEST_PASSWORD });
    assert.equal(started.body.status, 'MFA_REQUIRED');
    const answered = await post('/api/auth/mfa', { email: secretary.email, session: started.body.session, code: generateSync({ secret: secretary.totpSecret! }) });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const withTotp = answered.body.tokens as Held;
    assert.deepEqual(await powers(withTotp), { memberList: 200, grantRole: 201 });
    // And its refreshed tokens keep them: the session passed the TOTP step, not the token.
    const refreshed = (await post('/api/auth/refresh', { refreshToken: withTotp.refreshToken })).body.tokens as Held;
    assert.deepEqual(await powers(refreshed), { memberList: 200, grantRole: 201 });
    // The session without TOTP still has none.
    assert.deepEqual(await powers(withoutTotp), { memberList: 403, grantRole: 403 });
    cognito.destroy();
  });
});
