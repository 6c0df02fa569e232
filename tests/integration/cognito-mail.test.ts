import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mailsTo, VERIFY_SUBJECT, waitForMail, type StoredMail } from '../support/mail';
import { api, testStack, type TestStack } from '../support/stack';

// Cognito itself (cognito-local), called directly as anyone could: the PreSignUp trigger refuses every
// sign-up made around the API, the CustomMessage trigger writes the reset mail, which the user pool
// sends through SES (the SES emulator) — the same trigger modules as in AWS. The sign-up code mail is
// the API's own (mail module), checked here as it arrives.

let stack: TestStack;
let cognito: CognitoIdentityProviderClient;
let domain: {
  PersonEntity: typeof import('../../functions/src/domain/people/entities').PersonEntity;
  sendMail: typeof import('../../functions/src/domain/mail/send').sendMail;
  unsubscribeHeaders: typeof import('../../functions/src/domain/mail/send').unsubscribeHeaders;
};

before(async () => {
  stack = testStack();
  cognito = new CognitoIdentityProviderClient({
    endpoint: stack.urls.cognito,
    region: stack.env.AWS_REGION,
    credentials: { accessKeyId: stack.env.AWS_ACCESS_KEY_ID!, secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY! },
  });
  // The domain reads its configuration at load: import it once testStack() has set the environment.
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { sendMail, unsubscribeHeaders } = await import('../../functions/src/domain/mail/send');
  domain = { PersonEntity, sendMail, unsubscribeHeaders };
});

const newEmail = () => `essai-${randomUUID().slice(0, 8)}@coopol.example`;
const password = 'Essai-Coopol-2026!';

/** The one 6-digit code shown in the mail's code block. */
function codeIn(mail: StoredMail): string {
  const codes = [...(mail.body.html ?? '').matchAll(/>(\d{6})</g)].map((m) => m[1]!);
  assert.equal(codes.length, 1, `one code in ${mail.body.html}`);
  return codes[0]!;
}

function signUp(email: string, givenName = 'Zoé') {
  return cognito.send(
    new SignUpCommand({
      ClientId: stack.env.USER_POOL_CLIENT_ID,
      Username: email,
      Password: password,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'given_name', Value: givenName },
        { Name: 'family_name', Value: 'Essai' },
      ],
    }),
  );
}

const post = (path: string, body: unknown) =>
  api(stack, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Cognito triggers and code mails', () => {
  test('a sign-up straight to Cognito is refused, even for an address with a sign-up attempt under way, and no account exists', async () => {
    const email = newEmail();
    assert.equal((await post('/api/auth/sign-up', { email, givenName: 'Zoé', familyName: 'Martin', postalCode: '68100', consent: true })).status, 201);
    await assert.rejects(signUp(email), (error: Error) => {
      assert.equal(error.name, 'UserLambdaValidationException');
      assert.match(error.message, /^PreSignUp failed with error Inscription refusée : passez par le formulaire d’inscription de Coopol\.\.?$/);
      return true;
    });
    await assert.rejects(cognito.send(new AdminGetUserCommand({ UserPoolId: stack.env.USER_POOL_ID, Username: email })), { name: 'UserNotFoundException' });
    assert.deepEqual((await mailsTo(stack, email)).map((m) => m.subject), [VERIFY_SUBJECT], 'only the API’s own code mail');
  });

  const registered = { email: newEmail(), sub: '' };

  test('sign-up through the API: a French code mail through SES, the name escaped; the code and a password open the account and make the person', async () => {
    const { email } = registered;
    const started = await post('/api/auth/sign-up', { email, givenName: 'Zoé <b>Essai</b>', familyName: 'Martin', postalCode: '68100', consent: true });
    assert.equal(started.status, 201, JSON.stringify(started.body));

    const mail = await waitForMail(stack, email, VERIFY_SUBJECT);
    assert.equal(mail.from, stack.env.MAIL_FROM);
    const html = mail.body.html ?? '';
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /Confirmez votre adresse e-mail/);
    assert.match(html, /Bonjour Zoé &lt;b&gt;Essai&lt;\/b&gt;,/, 'the name typed at sign-up is escaped');
    assert.match(mail.body.text ?? '', /Bonjour Zoé <b>Essai<\/b>,/, 'and a text part, for the mails Coopol sends itself');
    const code = codeIn(mail);

    assert.equal((await post('/api/auth/confirm-sign-up', { email, code: code === '000000' ? '111111' : '000000', password })).status, 400);
    assert.equal((await post('/api/auth/confirm-sign-up', { email, code, password })).status, 200);

    // The Cognito user is confirmed, its address verified; the person is keyed by Cognito's sub.
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: stack.env.USER_POOL_ID, Username: email }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    registered.sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    const person = (await domain.PersonEntity.get({ userId: registered.sub }).go()).data;
    assert.ok(person, 'the person exists');
    assert.equal(person.email, email);
    assert.equal(person.givenName, 'Zoé <b>Essai</b>');
    assert.equal(person.status, 'sympathisant');
    assert.equal(person.federationCode, '68');
  });

  test('forgot password sends a French reset mail with a code, which sets the new password', async () => {
    const { email } = registered;
    await cognito.send(new ForgotPasswordCommand({ ClientId: stack.env.USER_POOL_CLIENT_ID, Username: email }));
    const mail = await waitForMail(stack, email, 'Coopol : réinitialisation de votre mot de passe');
    assert.match(mail.body.html ?? '', /Choisissez un nouveau mot de passe/);
    assert.match(mail.body.html ?? '', /Bonjour Zoé &lt;b&gt;Essai&lt;\/b&gt;,/);
    const code = codeIn(mail);

    const newPassword = 'Nouveau-Coopol-2026!';
    await cognito.send(new ConfirmForgotPasswordCommand({ ClientId: stack.env.USER_POOL_CLIENT_ID, Username: email, ConfirmationCode: code, Password: newPassword }));
    const auth = await cognito.send(
      new InitiateAuthCommand({ ClientId: stack.env.USER_POOL_CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: newPassword } }),
    );
    assert.ok(auth.AuthenticationResult?.IdToken);
    assert.ok((await domain.PersonEntity.get({ userId: registered.sub }).go()).data);
  });

  test('sendMail: one recipient, both parts, one-click unsubscribe headers on bulk mail', async () => {
    const email = newEmail();
    const messageId = await domain.sendMail({
      to: email,
      template: 'verify-email',
      data: { code: '424242', givenName: 'Léa' },
      kind: 'bulk',
      headers: domain.unsubscribeHeaders('https://coopol.example/desabonnement?jeton=abc'),
    });
    const [mail] = await mailsTo(stack, email);
    assert.ok(mail);
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.from, stack.env.MAIL_FROM);
    assert.match(mail.body.text ?? '', /Bonjour Léa,[\s\S]*424242/);
    assert.match(mail.body.html ?? '', />424242</);
    assert.deepEqual(mail.headers, [
      { name: 'List-Unsubscribe', value: '<https://coopol.example/desabonnement?jeton=abc>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
    await assert.rejects(
      domain.sendMail({ to: email, template: 'verify-email', data: { code: '1' }, kind: 'transactional', headers: [{ Name: 'X-Test', Value: 'a\r\nBcc: x@y' }] }),
      /line break/,
    );
  });
});
