import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { DEMO_PASSWORD, demoAccounts } from '../../infra/local/demo-data';
import { api, postFrom, testStack, type TestStack } from '../support/stack';

// Given the local gateway in front of the real handlers and cognito-local issuing real tokens,
// a protected route answers as API Gateway's JWT authorizer would.
const require = createRequire(import.meta.url);
let stack: TestStack;
let idToken: string;
let accessToken: string;

async function signIn(email: string) {
  const cognito = new CognitoIdentityProviderClient({ endpoint: stack.urls.cognito, region: stack.env.AWS_REGION });
  const result = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.env.USER_POOL_CLIENT_ID,
      AuthParameters: { USERNAME: email, PASSWORD: DEMO_PASSWORD },
    }),
  );
  return result.AuthenticationResult!;
}

/** Re-signs claims with cognito-local's own key (shipped in its package): only what we change differs. */
async function signWithCognitoLocalKey(claims: JWTPayload) {
  const { jwk } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: Record<string, string> };
  const key = await importJWK({ ...jwk, alg: 'RS256' }, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
}

const me = (token?: string) => api(stack, '/api/me', token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('JWT authorizer of the local gateway', () => {
  before(async () => {
    stack = testStack();
    const admin = demoAccounts.find((a) => a.grants.some((g) => g.role === 'national-admin'))!;
    ({ IdToken: idToken, AccessToken: accessToken } = (await signIn(admin.email)) as { IdToken: string; AccessToken: string });
  });

  test('no token: 401', async () => {
    const { status, body } = await me();
    assert.equal(status, 401);
    assert.deepEqual(body, { message: 'Unauthorized' });
  });

  test('a malformed token: 401', async () => {
    assert.equal((await me('not-a-jwt')).status, 401);
    assert.equal((await api(stack, '/api/me', { headers: { authorization: `Basic ${idToken}` } })).status, 401);
  });

  test('a token signed by another key: 401', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    void (await exportJWK(publicKey));
    const forged = await new SignJWT(decodeJwt(idToken)).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey);
    assert.equal((await me(forged)).status, 401);
  });

  test('an expired token, otherwise valid: 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signWithCognitoLocalKey({ ...decodeJwt(idToken), iat: now - 7200, exp: now - 60 });
    assert.equal((await me(expired)).status, 401);
    // The same claims with a future expiry pass: only the expiry made the difference.
    const fresh = await signWithCognitoLocalKey({ ...decodeJwt(idToken), iat: now, exp: now + 600 });
    assert.equal((await me(fresh)).status, 200);
  });

  test('a token for another app client (audience): 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const otherAudience = await signWithCognitoLocalKey({ ...decodeJwt(idToken), aud: 'some-other-client', exp: now + 600 });
    assert.equal((await me(otherAudience)).status, 401);
  });

  test('a token from another issuer: 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const otherIssuer = await signWithCognitoLocalKey({ ...decodeJwt(idToken), iss: 'http://127.0.0.1:1/other-pool', exp: now + 600 });
    assert.equal((await me(otherIssuer)).status, 401);
  });

  test('a valid id token: 200 with the caller as the authorizer saw them', async () => {
    const { status, body } = await me(idToken);
    assert.equal(status, 200);
    assert.equal(body.email, 'admin.nationale@coopol.example');
    assert.equal(body.sub, decodeJwt(idToken).sub);
  });

  test('roles come from the table, not the token: no account has a Cognito group, each has exactly its demo grants', async () => {
    for (const account of demoAccounts) {
      // Through the API's sign-in (it records the session the API then checks), from a client of this test's own.
      const signedIn = await postFrom(stack, '127.0.0.12', '/api/auth/sign-in', { email: account.email, password: DEMO_PASSWORD });
      assert.equal(signedIn.body.status, 'SIGNED_IN', account.email);
      const { idToken } = signedIn.body.tokens as { idToken: string };
      assert.equal(decodeJwt(idToken)['cognito:groups'], undefined, account.email);
      const { status, body } = await api(stack, '/api/me/profile', { headers: { authorization: `Bearer ${idToken}` } });
      assert.equal(status, 200, account.email);
      const roles = (body.roles as { role: string; scopeType: string; scopeId: string }[]).map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId }));
      assert.deepEqual(roles, account.grants, account.email);
    }
  });

  test('a valid access token (client_id instead of aud): 200', async () => {
    assert.equal((await me(accessToken)).status, 200);
  });

  test('public routes need no token', async () => {
    assert.equal((await api(stack, '/api/regions')).status, 200);
  });
});

describe('paths the local gateway cannot decode', () => {
  test('a malformed percent escape in a path parameter: 400, as API Gateway answers, and no handler runs', async () => {
    stack = testStack();
    for (const path of ['/api/federations/%E0%A4%A', '/api/federations/%', '/api/federations/abc%zz']) {
      const { status, body } = await api(stack, path);
      assert.equal(status, 400, path);
      assert.deepEqual(body, { message: 'Bad Request' }, path);
    }
    // A well-formed escape still reaches the handler (an unknown federation: its own 404 or 400, not the gateway's).
    const decoded = await api(stack, '/api/federations/%39%39');
    assert.notDeepEqual(decoded.body, { message: 'Bad Request' });
  });
});
