import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { mailsTo, signUpCodesTo, waitForMail, waitForSignUpCode } from '../support/mail';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { api, postFrom, testStack, type TestStack } from '../support/stack';

// Sign-up rules, sign-in throttling, the member file and what follows from it, photos — through the
// real handlers, Cognito (cognito-local) and DynamoDB Local.
let stack: TestStack;
let admin: TestPerson;

const post = (path: string, body: unknown) =>
  api(stack, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const signUpBody = (overrides: Record<string, unknown> = {}) => ({
  email: 'id.new@coopol.example',
  givenName: 'Nouvelle',
  familyName: 'Personne',
  postalCode: '35000',
  consent: true,
  ...overrides,
});
const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

before(async () => {
  stack = testStack();
  admin = await createTestPerson(stack, {
    email: 'id.admin@coopol.example',
    postalCode: '75011',
    member: { memberNumber: 'ID000001', sectionId: 'paris-11' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
    mfa: true,
  });
});

describe('sign-up', () => {
  const codesTo = (email: string) => signUpCodesTo(stack, email);
  const signIn = (email: string, password: string) => post('/api/auth/sign-in', { email, password });
  const signUpOf = async (email: string, overrides: Record<string, unknown> = {}) => {
    const answer = await post('/api/auth/sign-up', signUpBody({ email, ...overrides }));
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body as { destination: string; attempt: string };
  };

  test('every invalid field is named at once, and nothing is created', async () => {
    const { status, body } = await post('/api/auth/sign-up', { email: 'pas-une-adresse', password: 1, postalCode: '123', consent: false });
    assert.equal(status, 400);
    assert.deepEqual(fields(body), ['body.consent', 'body.email', 'body.familyName', 'body.givenName', 'body.postalCode']);
    assert.equal((await post('/api/auth/sign-in', { email: 'pas-une-adresse', password: 'x' })).status, 400);
  });

  test('an unknown postal code is refused', async () => {
    const { status, body } = await post('/api/auth/sign-up', signUpBody({ postalCode: '00000' }));
    assert.equal(status, 400);
    assert.deepEqual(fields(body), ['body.postalCode']);
  });

  test('passwords, chosen at confirmation: too short, common, or made of one’s name are refused, naming the field, and the code still works', async () => {
    const email = 'id.password@coopol.example';
    await signUpOf(email);
    const code = await waitForSignUpCode(stack, email);
    for (const password of ['court', 'password12345', 'Personne-Nouvelle-2026']) {
      const { status, body } = await post('/api/auth/confirm-sign-up', { email, code, password });
      assert.equal(status, 400, password);
      assert.deepEqual([...new Set(fields(body))], ['body.password'], password);
    }
    assert.equal((await signIn(email, 'Personne-Nouvelle-2026')).status, 401, 'no account was created');
    assert.equal((await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD })).status, 200);
    assert.equal((await signIn(email, TEST_PASSWORD)).body.status, 'SIGNED_IN');
  });

  test('pre-account takeover: a stranger signs up first with someone’s address, never confirms; the owner’s confirmation never activates his password', async () => {
    const email = 'id.owner@coopol.example';
    const strangersPassword = 'Le-mot-de-passe-du-voleur-2026';
    // The stranger: the old form took his password here; the new one has no password field.
    const stranger = await post('/api/auth/sign-up', signUpBody({ email, password: strangersPassword, givenName: 'Malo', familyName: 'Voleur', postalCode: '13001' }));
    assert.equal(stranger.status, 201);
    // The owner signs up too: the same answer (was 409), and her own attempt.
    const owner = await signUpOf(email, { givenName: 'Olga', familyName: 'Vraie', postalCode: '35000' });
    assert.notEqual(owner.attempt, (stranger.body as { attempt: string }).attempt);
    await waitForSignUpCode(stack, email, 2);
    // « Renvoyer le code » for her attempt, then she confirms with that code and her password.
    assert.equal((await post('/api/auth/resend-code', { email, attempt: owner.attempt })).status, 202);
    const code = await waitForSignUpCode(stack, email, 3);
    const confirmed = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

    const refused = await signIn(email, strangersPassword);
    assert.equal(refused.status, 401, 'the stranger’s password never works');
    const signedIn = await signIn(email, TEST_PASSWORD);
    assert.equal(signedIn.body.status, 'SIGNED_IN', JSON.stringify(signedIn.body));
    const me = await api(stack, '/api/me/profile', { headers: { authorization: `Bearer ${(signedIn.body.tokens as { idToken: string }).idToken}` } });
    assert.equal(me.body.givenName, 'Olga');
    assert.equal(me.body.federationCode, '35');
  });

  test('a second sign-up with the address stores nothing over the first: the attempt confirmed is the one that becomes the person', async () => {
    const email = 'id.pending@coopol.example';
    await signUpOf(email, { givenName: 'Inès', familyName: 'Première', postalCode: '35000' });
    const hers = await waitForSignUpCode(stack, email);
    // Someone else then signs up with her address: another name, federation, member number.
    await signUpOf(email, { givenName: 'Autre', familyName: 'Intrus', postalCode: '13001', memberNumber: 'ZZ999999' });
    const his = await waitForSignUpCode(stack, email, 2);
    assert.notEqual(his, hers);

    assert.equal((await post('/api/auth/confirm-sign-up', { email, code: hers, password: TEST_PASSWORD })).status, 200);
    const signedIn = await signIn(email, TEST_PASSWORD);
    const me = await api(stack, '/api/me/profile', { headers: { authorization: `Bearer ${(signedIn.body.tokens as { idToken: string }).idToken}` } });
    assert.equal(me.body.givenName, 'Inès');
    assert.equal(me.body.familyName, 'Première');
    assert.equal(me.body.federationCode, '35');
    assert.equal(me.body.memberNumber, null);
    // The other attempt's code is worth nothing now, and changes nothing.
    const late = await post('/api/auth/confirm-sign-up', { email, code: his, password: 'Un-autre-mot-de-passe-2026' });
    assert.equal(late.status, 400);
    assert.deepEqual(fields(late.body), ['body.code']);
    assert.equal((await signIn(email, 'Un-autre-mot-de-passe-2026')).status, 401);
  });

  test('an address that already has an account: the same answer as a new one; its owner is told by mail, at most once an hour; nothing changes', async () => {
    const codesBefore = await codesTo(admin.email); // the one of their own sign-up
    const known = await post('/api/auth/sign-up', signUpBody({ email: admin.email, givenName: 'Usurpé', postalCode: '13001' }));
    const fresh = await post('/api/auth/sign-up', signUpBody({ email: 'id.fresh@coopol.example' }));
    assert.equal(known.status, fresh.status);
    assert.deepEqual(Object.keys(known.body).sort(), Object.keys(fresh.body).sort());
    assert.equal(known.body.destination, 'i***@coopol.example');
    assert.equal(fresh.body.destination, 'i***@coopol.example');
    await waitForMail(stack, admin.email, 'Coopol : vous avez déjà un compte');
    assert.equal((await post('/api/auth/sign-up', signUpBody({ email: admin.email }))).status, 201);
    assert.equal((await mailsTo(stack, admin.email)).filter((m) => m.subject === 'Coopol : vous avez déjà un compte').length, 1, 'one notice an hour');
    assert.deepEqual(await codesTo(admin.email), codesBefore, 'no code for a known address');
    // « Renvoyer le code » with the id the form answered: nothing to re-mail.
    assert.equal((await post('/api/auth/resend-code', { email: admin.email, attempt: known.body.attempt })).status, 202);
    assert.deepEqual(await codesTo(admin.email), codesBefore);
    const profile = (await call(stack, admin, 'GET', '/api/me/profile')).body;
    assert.equal(profile.givenName, 'Test');
    assert.equal(profile.federationCode, '75');
  });

  test('sign-up, « Renvoyer le code », forgotten password and confirmation answer alike for a new, an unconfirmed and a confirmed address', async () => {
    const confirmedEmail = 'id.alike.confirmed@coopol.example';
    await createTestPerson(stack, { email: confirmedEmail, postalCode: '68100' });
    const unconfirmedEmail = 'id.alike.pending@coopol.example';
    await signUpOf(unconfirmedEmail);
    const addresses = ['id.alike.new@coopol.example', unconfirmedEmail, confirmedEmail];
    const shapeOf = (answer: { status: number; body: Record<string, unknown> }) =>
      JSON.stringify({
        status: answer.status,
        body: Object.fromEntries(Object.entries(answer.body).map(([k, v]) => [k, k === 'attempt' ? typeof v : v])),
      });
    const calls: Record<string, (email: string) => Promise<{ status: number; body: Record<string, unknown> }>> = {
      signUp: (email) => post('/api/auth/sign-up', signUpBody({ email })),
      resend: (email) => post('/api/auth/resend-code', { email, attempt: '00000000aAAAAAAAAAAAAAAAA' }),
      forgot: (email) => post('/api/auth/forgot-password', { email }),
      confirm: (email) => post('/api/auth/confirm-sign-up', { email, code: '000000', password: TEST_PASSWORD }),
    };
    for (const [name, send] of Object.entries(calls)) {
      const answers = await Promise.all(addresses.map(async (email) => shapeOf(await send(email))));
      assert.equal(new Set(answers).size, 1, `${name}: ${answers.join(' / ')}`);
    }
    assert.equal((await signIn(confirmedEmail, TEST_PASSWORD)).body.status, 'SIGNED_IN', 'nothing changed for the confirmed account');
  });

  test('signing in before confirming the address: no account exists yet, the same answer as an unknown address', async () => {
    await signUpOf('id.twice@coopol.example');
    const { status, body } = await signIn('id.twice@coopol.example', TEST_PASSWORD);
    assert.equal(status, 401);
    assert.match(body.message as string, /incorrect/);
  });

  test('an attempt past its day is worth nothing, even before DynamoDB’s TTL removes it', async () => {
    const { SignUpAttemptEntity } = await import('../../functions/src/domain/identity/entities');
    const email = 'id.expired@coopol.example';
    await signUpOf(email);
    const code = await waitForSignUpCode(stack, email);
    const { data } = await SignUpAttemptEntity.query.byEmail({ email }).go();
    for (const attempt of data) await SignUpAttemptEntity.patch({ email, attemptId: attempt.attemptId }).set({ expiresAt: Math.floor(Date.now() / 1000) - 1 }).go();
    const late = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
    assert.equal(late.status, 400);
    assert.deepEqual(fields(late.body), ['body.code']);
    assert.equal((await signIn(email, TEST_PASSWORD)).status, 401);
  });

  test('wrong codes are limited per address: after five, even the right code waits (429, Retry-After)', async () => {
    const email = 'id.guess@coopol.example';
    await signUpOf(email);
    const code = await waitForSignUpCode(stack, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await post('/api/auth/confirm-sign-up', { email, code: wrong, password: TEST_PASSWORD })).status, 400);
    }
    const blocked = await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal((await signIn(email, TEST_PASSWORD)).status, 401);
  });

  test('wrong codes spread over many addresses from one client are stopped at 50 an hour, even for a right code; other clients are not', async () => {
    const guesser = '127.0.0.3';
    const targets = Array.from({ length: 11 }, (_, i) => `id.spread${i}@coopol.example`);
    for (const email of targets) await signUpOf(email);
    const codes = new Map(await Promise.all(targets.map(async (email) => [email, await waitForSignUpCode(stack, email)] as const)));
    const wrongFor = (email: string) => (codes.get(email) === '000000' ? '111111' : '000000');
    for (const email of targets.slice(0, 10)) {
      for (let i = 0; i < 5; i += 1) {
        const answer = await postFrom(stack, guesser, '/api/auth/confirm-sign-up', { email, code: wrongFor(email), password: TEST_PASSWORD });
        assert.equal(answer.status, 400, `${email} #${i + 1}: ${JSON.stringify(answer.body)}`);
      }
    }
    const last = targets[10]!;
    const refused = await postFrom(stack, guesser, '/api/auth/confirm-sign-up', { email: last, code: codes.get(last), password: TEST_PASSWORD });
    assert.equal(refused.status, 429, JSON.stringify(refused.body));
    assert.match(String(refused.body.message), /depuis votre connexion/);
    // The owner, from her own connection, confirms with her code.
    const owner = await postFrom(stack, '127.0.0.4', '/api/auth/confirm-sign-up', { email: last, code: codes.get(last), password: TEST_PASSWORD });
    assert.equal(owner.status, 200, JSON.stringify(owner.body));
  });

  test('an account left without a person (a sign-up of the old flow, its password the stranger’s) is replaced when the owner confirms', async () => {
    const { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const email = 'id.legacy@coopol.example';
    const strangersPassword = 'Ancien-mot-de-passe-du-voleur';
    const cognito = new CognitoIdentityProviderClient({ endpoint: stack.urls.cognito, region: stack.env.AWS_REGION });
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: stack.env.USER_POOL_ID, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }] }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: stack.env.USER_POOL_ID, Username: email, Password: strangersPassword, Permanent: true }));
    cognito.destroy();

    await signUpOf(email);
    const code = await waitForSignUpCode(stack, email);
    assert.equal((await post('/api/auth/confirm-sign-up', { email, code, password: TEST_PASSWORD })).status, 200);
    assert.equal((await signIn(email, strangersPassword)).status, 401);
    assert.equal((await signIn(email, TEST_PASSWORD)).body.status, 'SIGNED_IN');
  });

  test('« Renvoyer le code »: a new code by mail for one’s own attempt; the old one no longer works; strangers learn nothing', async () => {
    const email = 'id.resend@coopol.example';
    const { attempt } = await signUpOf(email);
    const first = await waitForSignUpCode(stack, email);
    const resent = await post('/api/auth/resend-code', { email, attempt });
    assert.equal(resent.status, 202, JSON.stringify(resent.body));
    assert.match(resent.body.destination as string, /^i.*@coopol\.example$/);
    const second = await waitForSignUpCode(stack, email, 2);
    assert.ok(first !== second, `two different codes: ${first}, ${second}`);
    const old = await post('/api/auth/confirm-sign-up', { email, code: first, password: TEST_PASSWORD });
    assert.equal(old.status, 400, JSON.stringify(old.body));
    assert.equal((await post('/api/auth/confirm-sign-up', { email, code: second, password: TEST_PASSWORD })).status, 200);

    // A confirmed account and an unknown address get the same answer as anyone, and no mail.
    for (const other of [email, 'id.nobody@coopol.example']) {
      const answer = await post('/api/auth/resend-code', { email: other, attempt });
      assert.equal(answer.status, 202);
      assert.deepEqual(Object.keys(answer.body), ['destination']);
    }
    assert.equal((await codesTo(email)).length, 2);
    assert.equal((await mailsTo(stack, 'id.nobody@coopol.example')).length, 0);
  });

  test('malformed JSON and a wrong content type change nothing', async () => {
    const broken = await api(stack, '/api/auth/sign-up', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    assert.equal(broken.status, 400);
    assert.deepEqual(fields(broken.body), ['body']);
    const form = await api(stack, '/api/auth/sign-up', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a' });
    assert.equal(form.status, 415);
  });
});

describe('sign-in', () => {
  test('wrong passwords: 401, then after five failures 429 with Retry-After, even with the right password', async () => {
    const person = await createTestPerson(stack, { email: 'id.throttle@coopol.example', postalCode: '68100' });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await post('/api/auth/sign-in', { email: person.email, password: 'pas le bon mot de passe' });
      assert.equal(wrong.status, 401);
    }
    const blocked = await post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  });

  test('signing out revokes the refresh token: the session can no longer be renewed', async () => {
    const person = await createTestPerson(stack, { email: 'id.signout@coopol.example', postalCode: '68100' });
    const signIn = await post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    const { refreshToken } = (signIn.body.tokens as { refreshToken: string });
    assert.equal((await post('/api/auth/refresh', { refreshToken })).status, 200);
    assert.equal((await post('/api/auth/sign-out', { refreshToken })).status, 200);
    assert.equal((await post('/api/auth/refresh', { refreshToken })).status, 401);
  });

  test('an unknown address gets the same answer as a wrong password', async () => {
    const { status, body } = await post('/api/auth/sign-in', { email: 'id.nobody@coopol.example', password: TEST_PASSWORD });
    assert.equal(status, 401);
    assert.match(body.message as string, /incorrect/);
  });

  test('a forgotten password for an unknown address answers like for a known one', async () => {
    const unknown = await post('/api/auth/forgot-password', { email: 'id.nobody@coopol.example' });
    assert.equal(unknown.status, 202);
    assert.deepEqual(unknown.body, { destination: 'i***@coopol.example' });
  });

  test('with TOTP on, sign-in asks for the code, and a wrong code is refused', async () => {
    const { status, body } = await post('/api/auth/sign-in', { email: admin.email, password: TEST_PASSWORD });
    assert.equal(status, 200);
    assert.equal(body.status, 'MFA_REQUIRED');
    const wrong = await post('/api/auth/mfa', { email: admin.email, session: body.session, code: '000000' });
    assert.equal(wrong.status, 400);
  });
});

describe('the member file', () => {
  const importFile = (csv: string, who: TestPerson | undefined = admin, type = 'text/csv') => call(stack, who, 'POST', '/api/member-file', csv, type);
  const header = 'numero;nom;prenom;email;section';

  test('bad rows are reported with their line; the rest is imported; importing again changes nothing', async () => {
    const csv = [
      header,
      'ID100001;Martin;Jeanne;id.jeanne@coopol.example;mulhouse',
      'ID100002;Durand;Paul;id.paul@coopol.example;nulle-part',
      'x;Bernard;Luc;pas-une-adresse;mulhouse',
      'ID100001;Martin;Jeanne;id.jeanne2@coopol.example;mulhouse',
      'ID100003;Petit;Ana;id.jeanne@coopol.example;colmar',
      'ID100004;Roux;Léa;id.lea@coopol.example;rennes',
    ].join('\n');
    const first = await importFile(csv);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.rows, 6);
    assert.equal(first.body.created, 2);
    const errors = first.body.errors as { line: number; field: string }[];
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.field}`),
      ['3:sectionId', '4:memberNumber', '4:email', '5:memberNumber', '6:email'],
    );
    const again = await importFile(csv);
    assert.equal(again.body.created, 0);
    assert.equal(again.body.updated, 0);
    assert.equal(again.body.unchanged, 2);
    assert.equal(again.body.lapsed, 0);
  });

  test('a file without the expected header, or that is not CSV, is refused and changes nothing', async () => {
    const noHeader = await importFile('ID1;Martin;Jeanne;a@coopol.example;mulhouse\n');
    assert.equal(noHeader.status, 400);
    assert.match(noHeader.body.message as string, /en-tête/);
    assert.equal((await importFile('{"a":1}', admin, 'application/json')).status, 415);
    const tooBig = await importFile(`${header}\n${'ID000009;A;B;c@coopol.example;mulhouse\n'.repeat(150_000)}`);
    assert.equal(tooBig.status, 413);
  });

  test('someone who signs up with an address of the file is an adhérent of that section; anyone else a supporter of their postal code’s federation', async () => {
    await importFile([header, 'ID200001;Faure;Nina;id.nina@coopol.example;rennes'].join('\n'));
    const member = await createTestPerson(stack, { email: 'id.nina@coopol.example', postalCode: '75011' });
    const profile = (await call(stack, member, 'GET', '/api/me/profile')).body;
    assert.equal(profile.status, 'adherent');
    assert.equal(profile.sectionId, 'rennes');
    assert.equal(profile.federationCode, '35');
    assert.equal(profile.memberNumber, 'ID200001');

    const supporter = await createTestPerson(stack, { email: 'id.simon@coopol.example', postalCode: '13001' });
    const theirs = (await call(stack, supporter, 'GET', '/api/me/profile')).body;
    assert.equal(theirs.status, 'sympathisant');
    assert.equal(theirs.sectionId, null);
    assert.equal(theirs.federationCode, '13');
  });

  test('status follows later imports: a lapsed member becomes a supporter and loses nothing else; a new member is promoted', async () => {
    await importFile([header, 'ID300001;Blanc;Omar;id.omar@coopol.example;lille'].join('\n'));
    const omar = await createTestPerson(stack, { email: 'id.omar@coopol.example', postalCode: '59000' });
    await call(stack, omar, 'PATCH', '/api/me/profile', { interests: ['Santé'], mandates: ['conseiller-municipal'] });
    const supporter = await createTestPerson(stack, { email: 'id.zoe@coopol.example', postalCode: '68100' });

    // The next file no longer has Omar, and now has Zoé.
    const next = await importFile([header, 'ID300002;Weber;Zoé;id.zoe@coopol.example;mulhouse'].join('\n'));
    assert.ok((next.body.lapsed as number) >= 1);
    const lapsed = (await call(stack, omar, 'GET', '/api/me/profile')).body;
    assert.equal(lapsed.status, 'sympathisant');
    assert.equal(lapsed.sectionId, null);
    assert.deepEqual(lapsed.interests, ['Santé']);
    assert.deepEqual(lapsed.mandates, ['conseiller-municipal']);
    const promoted = (await call(stack, supporter, 'GET', '/api/me/profile')).body;
    assert.equal(promoted.status, 'adherent');
    assert.equal(promoted.sectionId, 'mulhouse');
  });
});

describe('profile', () => {
  test('unknown function codes and a supporter-only field are refused, naming them', async () => {
    const member = await createTestPerson(stack, { email: 'id.profile@coopol.example', postalCode: '35000', member: { memberNumber: 'ID400001', sectionId: 'rennes' } });
    const bad = await call(stack, member, 'PATCH', '/api/me/profile', { functions: ['secretaire-federal', 'roi'], postalCode: '75011' });
    assert.equal(bad.status, 400);
    assert.deepEqual(fields(bad.body), ['body.functions', 'body.postalCode']);
    const unknownField = await call(stack, member, 'PATCH', '/api/me/profile', { status: 'adherent' });
    assert.equal(unknownField.status, 400);
    const good = await call(stack, member, 'PATCH', '/api/me/profile', { functions: ['secretaire-federal'], mandates: ['adjoint-au-maire'], otherFunction: 'Trésorière d’association' });
    assert.deepEqual(good.body.functions, ['secretaire-federal']);
    assert.deepEqual(good.body.mandates, ['adjoint-au-maire']);
  });

  test('a photo: wrong type or size refused; a real upload through the presigned form becomes the photo', async () => {
    const person = await createTestPerson(stack, { email: 'id.photo@coopol.example', postalCode: '68100' });
    const wrongType = await call(stack, person, 'POST', '/api/me/photo-upload', { contentType: 'application/pdf', size: 1000 });
    assert.equal(wrongType.status, 400);
    const tooBig = await call(stack, person, 'POST', '/api/me/photo-upload', { contentType: 'image/png', size: 6 * 1024 * 1024 });
    assert.equal(tooBig.status, 400);

    const form = await call(stack, person, 'POST', '/api/me/photo-upload', { contentType: 'image/png', size: 68 });
    assert.equal(form.status, 200);
    const { url, fields: formFields, key } = form.body as { url: string; fields: Record<string, string>; key: string };
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = new FormData();
    for (const [name, value] of Object.entries(formFields)) upload.append(name, value);
    upload.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const stored = await fetch(url, { method: 'POST', body: upload });
    assert.ok(stored.status < 300, `S3 answered ${stored.status}: ${await stored.text()}`);

    const confirmed = await call(stack, person, 'PUT', '/api/me/photo', { key });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const photo = await fetch(confirmed.body.photoUrl as string);
    assert.equal(photo.status, 200);
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), png);
  });
});

describe('request costs', () => {
  test('my profile costs one DynamoDB request (the caller’s own item); an update two', async () => {
    const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
    const { getMyProfile, updateMyProfile } = await import('../../functions/src/domain/people/service');
    const { runWithRequestStats } = await import('../../functions/src/shared/request-context');
    const person = await createTestPerson(stack, { email: 'id.cost@coopol.example', postalCode: '68100' });
    const actor = { kind: 'user' as const, sub: person.userId, email: person.email };

    const read = runWithRequestStats(async () => getMyProfile(await loadCaller(actor)));
    assert.equal((await read.result).userId, person.userId);
    assert.equal(read.stats.dynamodbCalls, 1);

    const write = runWithRequestStats(async () => updateMyProfile(await loadCaller(actor), { interests: ['Culture'] }));
    assert.deepEqual((await write.result).interests, ['Culture']);
    assert.equal(write.stats.dynamodbCalls, 2);
  });
});

describe('roles', () => {
  test('granting and revoking are recorded: who, when', async () => {
    const { RoleAuditEntity } = await import('../../functions/src/domain/people/entities');
    const member = await createTestPerson(stack, { email: 'id.role@coopol.example', postalCode: '59000', member: { memberNumber: 'ID500001', sectionId: 'lille' } });
    const granted = await call(stack, admin, 'POST', '/api/roles', { userId: member.userId, role: 'section-secretary', scopeType: 'section', scopeId: 'lille' });
    assert.equal(granted.status, 201);
    assert.equal(granted.body.grantedBy, admin.userId);
    const twice = await call(stack, admin, 'POST', '/api/roles', { userId: member.userId, role: 'section-secretary', scopeType: 'section', scopeId: 'lille' });
    assert.equal(twice.status, 409);
    const officials = await call(stack, member, 'GET', '/api/sections/lille/officials');
    assert.ok((officials.body.items as { userId: string }[]).some((o) => o.userId === member.userId));
    assert.equal((await call(stack, admin, 'DELETE', `/api/roles/${member.userId}/section/lille/section-secretary`)).status, 200);
    const { data } = await RoleAuditEntity.query.byScope({ scopeType: 'section', scopeId: 'lille' }).go();
    // The stack is shared: other test files grant roles in Lille too, so only this person's entries are read.
    assert.deepEqual(data.filter((a) => a.userId === member.userId).map((a) => [a.action, a.userId, a.by]), [
      ['grant', member.userId, admin.userId],
      ['revoke', member.userId, admin.userId],
    ]);
  });

  test('a role for an unknown person or space: 404 naming it', async () => {
    const unknownPerson = await call(stack, admin, 'POST', '/api/roles', { userId: 'personne-inconnue', role: 'web-referent', scopeType: 'section', scopeId: 'lille' });
    assert.equal(unknownPerson.status, 404);
    assert.deepEqual(fields(unknownPerson.body), ['body.userId']);
    const unknownSpace = await call(stack, admin, 'POST', '/api/roles', { userId: admin.userId, role: 'web-referent', scopeType: 'section', scopeId: 'nulle-part' });
    assert.equal(unknownSpace.status, 404);
  });
});

describe('roles follow membership', () => {
  const header = 'numero;nom;prenom;email;section';
  const importFile = (...rows: string[]) => call(stack, admin, 'POST', '/api/member-file', [header, ...rows].join('\n'), 'text/csv');
  const auditOf = async (scopeId: string, userId: string) => {
    const { RoleAuditEntity } = await import('../../functions/src/domain/people/entities');
    const { data } = await RoleAuditEntity.query.byScope({ scopeType: 'section', scopeId }).go({ pages: 'all' });
    return data.filter((a) => a.userId === userId).map((a) => [a.action, a.role, a.by, a.reason ?? null]);
  };
  const rolesOf = async (person: TestPerson) => (await call(stack, person, 'GET', '/api/me/profile')).body.roles;

  test('a lapse by the member file ends her section roles in the same change, audited; the lapsed referent no longer reads the member list', async () => {
    const secretary = await createTestPerson(stack, {
      email: 'id.lapse.secretary@coopol.example', postalCode: '35000', member: { memberNumber: 'ID600001', sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    });
    const referent = await createTestPerson(stack, {
      email: 'id.lapse.referent@coopol.example', postalCode: '35000', member: { memberNumber: 'ID600002', sectionId: 'rennes' },
      grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    });
    const before = await call(stack, referent, 'GET', '/api/sections/rennes/members?limit=100');
    assert.equal(before.status, 200, 'the referent runs the section while a member');

    const lapsed = await importFile(`ID600001;Personne;Test;${secretary.email};rennes`);
    assert.equal(lapsed.status, 200, JSON.stringify(lapsed.body));
    assert.deepEqual(await rolesOf(referent), []);
    const after = await call(stack, referent, 'GET', '/api/sections/rennes/members?limit=100');
    assert.equal(after.status, 403, 'a lapsed referent reads no member list');
    const officials = (await call(stack, referent, 'GET', '/api/sections/rennes/officials')).body.items as { userId: string }[];
    assert.ok(!officials.some((o) => o.userId === referent.userId), 'no longer listed among the officials');
    assert.deepEqual(await auditOf('rennes', referent.userId), [
      ['grant', 'web-referent', 'system', null],
      ['revoke', 'web-referent', admin.userId, 'adhésion échue'],
    ]);
    // The secretary, still in the file, keeps hers.
    assert.deepEqual(await rolesOf(secretary), [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }]);
  });

  test('a move to another section by the member file ends the roles of the old section', async () => {
    const mover = await createTestPerson(stack, {
      email: 'id.move@coopol.example', postalCode: '35000', member: { memberNumber: 'ID600003', sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    });
    assert.equal((await importFile(`ID600003;Personne;Test;${mover.email};mulhouse`)).status, 200);
    const profile = (await call(stack, mover, 'GET', '/api/me/profile')).body;
    assert.equal(profile.sectionId, 'mulhouse');
    assert.deepEqual(profile.roles, []);
    assert.equal((await call(stack, mover, 'GET', '/api/sections/rennes/members')).status, 403);
    assert.deepEqual((await auditOf('rennes', mover.userId)).at(-1), ['revoke', 'section-secretary', admin.userId, 'changement de section']);
  });

  test('whoever may grant a role can revoke it from someone who is no longer a member there', async () => {
    const { PersonEntity } = await import('../../functions/src/domain/people/entities');
    const secretary = await createTestPerson(stack, {
      email: 'id.revoke.secretary@coopol.example', postalCode: '35000', member: { memberNumber: 'ID600004', sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    });
    const former = await createTestPerson(stack, {
      email: 'id.revoke.former@coopol.example', postalCode: '35000', member: { memberNumber: 'ID600005', sectionId: 'rennes' },
      grants: [{ role: 'web-referent', scopeType: 'section', scopeId: 'rennes' }],
    });
    // As the import before this change left her: lapsed, her role still there.
    await PersonEntity.patch({ userId: former.userId }).set({ status: 'sympathisant' }).remove(['sectionId', 'sectionName', 'memberNumber']).go();
    const revoked = await call(stack, secretary, 'DELETE', `/api/roles/${former.userId}/section/rennes/web-referent`);
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.deepEqual(await rolesOf(former), []);
    // Granting it again is still refused: the role needs a member of the section.
    const regrant = await call(stack, secretary, 'POST', '/api/roles', { userId: former.userId, role: 'web-referent', scopeType: 'section', scopeId: 'rennes' });
    assert.equal(regrant.status, 403);
  });
});
