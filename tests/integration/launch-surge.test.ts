import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitForSignUpCode } from '../support/mail';
import { TEST_PASSWORD } from '../support/people';
import { postFrom, testStack, type TestStack } from '../support/stack';

// A launch day's surge, through the real sign-up: the local Cognito (infra/local/cognito-server.ts)
// is made to refuse UserCreation calls the way AWS does past its quota (TooManyRequestsException).
let stack: TestStack;
const client = '127.0.0.71';

/** Sets the local Cognito's UserCreation quota (its local-only CoopolSetRequestQuota target). */
async function userCreationQuota(quota: { perSecond?: number | null; refuseNext?: number }): Promise<void> {
  const response = await fetch(stack.urls.cognito, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.CoopolSetRequestQuota' },
    body: JSON.stringify({ category: 'UserCreation', ...quota }),
  });
  assert.equal(response.status, 200, await response.text());
}

const post = (path: string, body: unknown) => postFrom(stack, client, path, body);

async function codeFor(email: string): Promise<string> {
  const started = await post('/api/auth/sign-up', { email, givenName: 'Affluence', familyName: 'Lancement', postalCode: '35000', consent: true });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return waitForSignUpCode(stack, email);
}

before(() => {
  stack = testStack();
});
after(async () => {
  await userCreationQuota({ perSecond: null, refuseNext: 0 });
});

test('Cognito refusing a burst of account creations: the sign-up waits and tries again, and the account is made once', async () => {
  const email = 'surge.burst@coopol.example';
  const code = await codeFor(email);
  // More refusals in a row than the SDK's own three attempts: only our backoff gets through them.
  await userCreationQuota({ refuseNext: 4 });
  const confirmed = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  const signedIn = await post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
  assert.equal(signedIn.body.status, 'SIGNED_IN', JSON.stringify(signedIn.body));
});

test('Cognito still at its quota: a 503 saying « Beaucoup de monde en ce moment, nous réessayons… », nothing created, and the same code works once it eases', async () => {
  const email = 'surge.saturated@coopol.example';
  const code = await codeFor(email);
  await userCreationQuota({ perSecond: 0 });
  const busy = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
  assert.equal(busy.status, 503, JSON.stringify(busy.body));
  assert.equal(busy.body.error, 'Busy');
  assert.equal(busy.body.message, 'Beaucoup de monde en ce moment, nous réessayons…');
  assert.equal((await post('/api/auth/sign-in', { email, password: TEST_PASSWORD })).status, 401, 'no account yet');

  await userCreationQuota({ perSecond: null });
  const retried = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
  assert.equal(retried.status, 200, `the retry is not taken for a second confirmation: ${JSON.stringify(retried.body)}`);
  assert.equal((await post('/api/auth/sign-in', { email, password: TEST_PASSWORD })).body.status, 'SIGNED_IN');
});
