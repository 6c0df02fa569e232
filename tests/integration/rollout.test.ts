import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { header, linkIn, mailsTo, waitForMail, waitForSignUpCode } from '../support/mail';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// Preregistration, territories open or not, and a wave from draft to launch mail, against the real
// handlers, the local scheduler, the worker (stream consumer) and the SES emulator with its events.
// Regions used here and nowhere else: Pays de la Loire (52, wave), Normandie (28, never opened).

let stack: TestStack;
let admin: TestPerson;

/** An account whose address withdrew from bulk mail: its preference says so, and no suppression blocks it silently. */
async function assertWithdrawnAccount(person: TestPerson, spaces: string[]): Promise<void> {
  const mine = await call(stack, person, 'GET', '/api/me/mail-subscriptions');
  assert.equal(mine.status, 200, JSON.stringify(mine.body));
  assert.equal(mine.body.eventAnnouncements, false);
  const items = mine.body.items as { space: { type: string; id: string }; subscribed: boolean }[];
  assert.deepEqual(items.map((i) => `${i.space.type}:${i.space.id}`), spaces);
  assert.ok(items.every((i) => !i.subscribed), JSON.stringify(items));
  const { hashedAddress, SuppressionEntity, suppressedAmong } = await import('../../functions/src/domain/mail/suppression');
  assert.equal((await suppressedAmong([person.email], 'bulk')).size, 0);
  assert.equal((await SuppressionEntity.get({ email: hashedAddress(person.email) }).go()).data, null);
}
const newEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@coopol.example`;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const preregister = (email: string, postalCode: string, kind = 'supporter') =>
  api(stack, '/api/preregistrations', json({ email, postalCode, kind, consent: true }));

/** Preregisters and follows the confirmation link of the mail, as the person would. */
async function preregisterConfirmed(email: string, postalCode: string): Promise<string> {
  const answer = await preregister(email, postalCode);
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  const mail = await waitForMail(stack, email, 'Coopol : confirmez votre pré-inscription');
  const token = new URL(linkIn(mail, /\/preinscription\/confirmer/)).searchParams.get('jeton')!;
  const confirmed = await api(stack, `/api/preregistrations/${token}/confirm`, { method: 'POST' });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.equal(confirmed.body.status, 'confirmed');
  return token;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const cognitoClient = () =>
  new CognitoIdentityProviderClient({
    endpoint: stack.urls.cognito,
    region: stack.env.AWS_REGION,
    credentials: { accessKeyId: stack.env.AWS_ACCESS_KEY_ID!, secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY! },
  });

before(async () => {
  stack = testStack();
  admin = await createTestPerson(stack, {
    email: newEmail('admin-vagues'),
    postalCode: '75011',
    member: { memberNumber: `RW${randomUUID().slice(0, 6).toUpperCase()}`, sectionId: 'paris-11' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
    mfa: true,
  });
});

describe('preregistration', () => {
  test('bad input is refused with the failing field, and nothing is sent', async () => {
    const email = newEmail('invalide');
    const unknown = await preregister(email, '00000');
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.details, [{ field: 'body.postalCode', message: 'code postal inconnu' }]);
    const noConsent = await api(stack, '/api/preregistrations', json({ email, postalCode: '14000', kind: 'supporter' }));
    assert.equal(noConsent.status, 400);
    assert.equal(noConsent.body.details?.[0]?.field, 'body.consent');
    const badKind = await api(stack, '/api/preregistrations', json({ email, postalCode: '14000', kind: 'militant', consent: true }));
    assert.equal(badKind.body.details?.[0]?.field, 'body.kind');
    const malformed = await api(stack, '/api/preregistrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await mailsTo(stack, email), []);
  });

  test('in a territory already open, the answer is to sign up', async () => {
    const answer = await preregister(newEmail('ouvert'), '68100');
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.body, { outcome: 'territory-open', federationName: 'Fédération du Haut-Rhin' });
  });

  test('double opt-in: a confirmation mail, then a confirmed preregistration the person can see, export and erase', async () => {
    const email = newEmail('caen');
    const answer = await preregister(email, '14000', 'member');
    assert.equal(answer.status, 202);
    assert.equal(answer.body.outcome, 'mail-sent');
    const mail = await waitForMail(stack, email, 'Coopol : confirmez votre pré-inscription');
    assert.match(mail.body.text ?? '', /Caen \(Fédération du Calvados\)/);
    const token = new URL(linkIn(mail, /\/preinscription\/confirmer/)).searchParams.get('jeton')!;
    const manage = new URL(linkIn(mail, /\/preinscription\/gerer/)).searchParams.get('jeton');
    assert.equal(manage, token, 'the mail also carries the link to see or erase it');

    const pending = await api(stack, `/api/preregistrations/${token}`);
    assert.equal(pending.body.status, 'pending');
    const confirmed = await api(stack, `/api/preregistrations/${token}/confirm`, { method: 'POST' });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.status, 'confirmed');
    assert.equal(confirmed.body.kind, 'member');
    assert.equal(confirmed.body.territoryOpen, false);
    const again = await api(stack, `/api/preregistrations/${token}/confirm`, { method: 'POST' });
    assert.equal(again.body.confirmedAt, confirmed.body.confirmedAt, 'a second click changes nothing');

    // Preregistering again: the same answer as for a new address (a stranger learns nothing), nothing changes,
    // and the owner is told, by mail, once an hour at most.
    const twice = await preregister(email, '14000');
    assert.equal(twice.status, 202);
    assert.deepEqual(twice.body, answer.body);
    await waitForMail(stack, email, 'Coopol : vous êtes déjà pré-inscrit·e');
    await preregister(email, '14000');
    const still = await api(stack, `/api/preregistrations/${token}`);
    assert.equal(still.body.status, 'confirmed');
    assert.equal(still.body.kind, 'member', 'the second form (supporter) changed nothing');
    const mails = await mailsTo(stack, email);
    assert.equal(mails.filter((m) => m.subject === 'Coopol : vous êtes déjà pré-inscrit·e').length, 1);

    const erased = await api(stack, `/api/preregistrations/${token}`, { method: 'DELETE' });
    assert.equal(erased.status, 200);
    assert.equal((await api(stack, `/api/preregistrations/${token}`)).status, 404);
  });

  test('past its retention, a preregistration is gone even before DynamoDB’s TTL removes it', async () => {
    const { PreregistrationEntity } = await import('../../functions/src/domain/rollout/entities');
    const token = `expired${randomUUID().replaceAll('-', '').slice(0, 25)}`;
    await PreregistrationEntity.put({
      email: newEmail('expiree'), token, postalCode: '14000', communeName: 'Caen', federationCode: '14', federationName: 'Fédération du Calvados',
      kind: 'supporter', status: 'confirmed', consentAt: '2024-01-01T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z', expiresAt: Math.floor(Date.now() / 1000) - 1,
    }).go();
    assert.equal((await api(stack, `/api/preregistrations/${token}`)).status, 404);
  });

  test('an unknown or malformed link finds nothing', async () => {
    assert.equal((await api(stack, `/api/preregistrations/${'a'.repeat(32)}`)).status, 404);
    const malformed = await api(stack, '/api/preregistrations/trop-court');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.details?.[0]?.field, 'params.token');
  });
});

describe('territories not open yet', () => {
  test('sign-up is refused with a clear message, through the API and straight through Cognito', async () => {
    const email = newEmail('refus');
    const refused = await api(stack, '/api/auth/sign-up', json({ email, givenName: 'Rémi', familyName: 'Refus', postalCode: '14000', consent: true }));
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'TerritoryNotOpen');
    assert.match(String(refused.body.message), /pas encore ouvert à Caen \(Fédération du Calvados\)\. Pré-inscrivez-vous/);

    // Around the API: PreSignUp refuses every sign-up straight to Cognito (only the API creates accounts).
    await assert.rejects(
      cognitoClient().send(new SignUpCommand({ ClientId: stack.env.USER_POOL_CLIENT_ID, Username: email, Password: TEST_PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] })),
      /PreSignUp failed with error Inscription refusée : passez par le formulaire d’inscription de Coopol/,
    );
  });
});

describe('a wave, from draft to launch mail', () => {
  let waveId: string;
  let inWave: { email: string; token: string };
  let outOfWave: { email: string; token: string };
  const unconfirmed = newEmail('nantes-sans-confirmation');

  test('a national admin creates a draft, edits it, and bad input is refused by field', async () => {
    const bad = await call(stack, admin, 'POST', '/api/waves', { name: '', regionCodes: [], opensAt: 'demain' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.details?.map((d) => d.field).sort(), ['body.name', 'body.opensAt', 'body.regionCodes']);
    // A time without an offset is refused, as on every route (ADR 0019): the API cannot guess its zone.
    const wallClock = await call(stack, admin, 'POST', '/api/waves', { name: 'Vague sans décalage', federationCodes: ['68'], opensAt: '2030-01-01T09:00', trainings: [{ title: 'Formation', startsAt: '2029-12-15T18:00', place: 'En visio' }] });
    assert.equal(wallClock.status, 400);
    assert.deepEqual(wallClock.body.details?.map((d) => d.field).sort(), ['body.opensAt', 'body.trainings.0.startsAt']);
    const unknownFederation = await call(stack, admin, 'POST', '/api/waves', { name: 'Vague test', federationCodes: ['68', '00'], opensAt: '2030-01-01T08:00:00Z' });
    assert.equal(unknownFederation.status, 400);
    assert.equal(unknownFederation.body.details?.[0]?.field, 'body.federationCodes.1');

    const created = await call(stack, admin, 'POST', '/api/waves', {
      name: 'Vague test — Bretagne',
      regionCodes: ['53'],
      opensAt: '2030-01-01T08:00:00+01:00',
      trainings: [{ title: 'Formation des référents web', startsAt: '2029-12-15T18:00:00+01:00', place: 'En visio' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'draft');
    waveId = created.body.id as string;
    const edited = await call(stack, admin, 'PATCH', `/api/waves/${waveId}`, { name: 'Vague test — Pays de la Loire', regionCodes: ['52'] });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.regionCodes, ['52']);
    const listed = await call(stack, admin, 'GET', '/api/waves');
    assert.ok((listed.body.items as { id: string }[]).some((w) => w.id === waveId));
  });

  test('confirmed people of the region, and of another, wait; unconfirmed ones will get nothing', async () => {
    const nantes = newEmail('nantes');
    inWave = { email: nantes, token: await preregisterConfirmed(nantes, '44000') };
    const caen = newEmail('caen-hors-vague');
    outOfWave = { email: caen, token: await preregisterConfirmed(caen, '14000') };
    assert.equal((await preregister(unconfirmed, '44000')).status, 202);
  });

  test('deployed, it opens at its date through the scheduler: one launch mail each, with one-click unsubscribe', async () => {
    const opensAt = new Date(Date.now() + 2000).toISOString();
    assert.equal((await call(stack, admin, 'PATCH', `/api/waves/${waveId}`, { opensAt })).status, 200);
    const deployed = await call(stack, admin, 'POST', `/api/waves/${waveId}/deploy`);
    assert.equal(deployed.status, 200, JSON.stringify(deployed.body));
    assert.equal(deployed.body.status, 'scheduled');
    const frozen = await call(stack, admin, 'PATCH', `/api/waves/${waveId}`, { name: 'Trop tard' });
    assert.equal(frozen.status, 409, 'a deployed wave is no longer edited');

    const launch = await waitForMail(stack, inWave.email, /Coopol ouvre aujourd’hui à Nantes/, 20_000);
    const done = await waitFor('the wave to finish', async () => {
      const wave = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
      return wave.body.status === 'done' ? wave.body : undefined;
    });
    assert.ok(Date.parse(String(done.openedAt)) >= Date.parse(opensAt), 'not before its date');
    const progress = done.progress as Record<string, number>;
    assert.ok(progress.sent! >= 1);
    assert.equal(progress.toSend, 0);

    // Personal, with the sign-up link filled in and the RFC 8058 headers.
    const signUpLink = new URL(linkIn(launch, /\/inscription\?/));
    assert.equal(signUpLink.searchParams.get('email'), inWave.email);
    assert.equal(signUpLink.searchParams.get('cp'), '44000');
    assert.equal(header(launch, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(header(launch, 'List-Unsubscribe') ?? '', new RegExp(`^<${stack.urls.site}/api/unsubscribe/${inWave.token}>$`));

    // Exactly one each; nothing to the unconfirmed, nor to the other region.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await mailsTo(stack, inWave.email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 1);
    assert.deepEqual((await mailsTo(stack, unconfirmed)).map((m) => m.subject), ['Coopol : confirmez votre pré-inscription']);
    assert.equal((await mailsTo(stack, outOfWave.email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 0);
    assert.equal((await call(stack, admin, 'POST', `/api/waves/${waveId}/open`)).status, 409, 'an open wave does not open twice');
  });

  test('a second wave over the same territory mails nobody twice', async () => {
    const again = await call(stack, admin, 'POST', '/api/waves', { name: 'Vague test — rattrapage', federationCodes: ['44'], opensAt: new Date().toISOString() });
    assert.equal(again.status, 201);
    assert.equal((await call(stack, admin, 'POST', `/api/waves/${again.body.id as string}/open`)).status, 200);
    const done = await waitFor('the second wave to finish', async () => {
      const wave = await call(stack, admin, 'GET', `/api/waves/${again.body.id as string}`);
      return wave.body.status === 'done' ? wave.body : undefined;
    });
    assert.equal((done.progress as Record<string, number>).sent, 0);
    assert.equal((await mailsTo(stack, inWave.email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 1);
  });

  test('the region is open to sign-up now; the other is not, and its person stays preregistered', async () => {
    const nantes = await api(stack, '/api/auth/sign-up', json({ email: inWave.email, givenName: 'Nadia', familyName: 'Nantes', postalCode: '44000', consent: true }));
    assert.equal(nantes.status, 201, JSON.stringify(nantes.body));
    // Confirmed with the mailed code, the person exists; the stats consumer counts the sign-up, then
    // the activation (the welcome step), once each, in the funnel and the day's sign-ups.
    const code = await waitForSignUpCode(stack, inWave.email);
    const confirmed = await api(stack, '/api/auth/confirm-sign-up', json({ email: inWave.email, code, password: TEST_PASSWORD }));
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const signedIn = await api(stack, '/api/auth/sign-in', json({ email: inWave.email, password: TEST_PASSWORD }));
    const idToken = (signedIn.body.tokens as { idToken: string }).idToken;
    const onboarded = await api(stack, '/api/me/profile', { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${idToken}` }, body: JSON.stringify({ onboarded: true }) });
    assert.equal(onboarded.status, 200, JSON.stringify(onboarded.body));
    const counted = await waitFor('the sign-up and the activation to be counted', async () => {
      const numbers = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=federation&code=44');
      const totals = numbers.body.totals as Record<string, number>;
      return totals.signedUp === 1 && totals.active === 1 ? numbers.body : undefined;
    });
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(counted.signups, [{ day: today, count: 1 }]);

    const caen = await api(stack, '/api/auth/sign-up', json({ email: outOfWave.email, givenName: 'Camille', familyName: 'Caen', postalCode: '14000', consent: true }));
    assert.equal(caen.status, 403);
    const waiting = await api(stack, `/api/preregistrations/${outOfWave.token}`);
    assert.equal(waiting.body.status, 'confirmed');
    assert.equal(waiting.body.emailed, false);
  });

  test('one-click unsubscribe: a bare POST to the header’s address, honoured at once', async () => {
    const [launch] = (await mailsTo(stack, inWave.email)).filter((m) => /Coopol ouvre/.test(m.subject));
    const url = header(launch!, 'List-Unsubscribe')!.slice(1, -1);
    const response = await fetch(url, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.equal((await api(stack, `/api/preregistrations/${inWave.token}`)).status, 404, 'the preregistration is erased');
    const wave = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
    assert.equal((wave.body.progress as Record<string, number>).unsubscribed, 1);

    // She has an account already: her choice is its preference at once, shown in « Mails reçus ».
    const signedIn = await api(stack, '/api/auth/sign-in', json({ email: inWave.email, password: TEST_PASSWORD }));
    const nadia = { email: inWave.email, userId: '', idToken: (signedIn.body.tokens as { idToken: string }).idToken, accessToken: '' };
    await assertWithdrawnAccount(nadia, ['national:national', 'federation:44']);
    assert.equal((await mailsTo(stack, inWave.email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 1);
  });

  test('without an account, « ne plus rien recevoir » is kept by the address’s hash only; an account made later finds it in « Mails reçus »', async () => {
    const unsubscribed = await api(stack, `/api/unsubscribe/${outOfWave.token}`, { method: 'POST' });
    assert.equal(unsubscribed.status, 200);
    assert.equal((await api(stack, `/api/preregistrations/${outOfWave.token}`)).status, 404, 'the preregistration is erased');
    const { hashedAddress, SuppressionEntity } = await import('../../functions/src/domain/mail/suppression');
    assert.equal((await SuppressionEntity.get({ email: outOfWave.email }).go()).data, null, 'the erased address is not stored again');
    assert.equal((await SuppressionEntity.get({ email: hashedAddress(outOfWave.email) }).go()).data?.reason, 'unsubscribe');
    // That address gets no more bulk mail.
    const { sendMail } = await import('../../functions/src/domain/mail/send');
    const sent = await sendMail({ to: outOfWave.email, template: 'wave-launch', kind: 'bulk', data: { communeName: 'Nantes', federationName: 'Loire-Atlantique', kind: 'supporter', signUpUrl: 'x', unsubscribeUrl: 'x', manageUrl: 'x' } });
    assert.equal(sent, undefined);

    // She moves to Nantes, which is open, and signs up with the same address.
    const camille = await createTestPerson(stack, { email: outOfWave.email, postalCode: '44000' });
    await assertWithdrawnAccount(camille, ['national:national', 'federation:44']);
    const back = await call(stack, camille, 'PATCH', '/api/me/mail-subscriptions', { items: [{ space: { type: 'federation', id: '44' }, kind: 'messages', subscribed: true }] });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.deepEqual((back.body.items as { subscribed: boolean }[]).map((i) => i.subscribed), [false, true]);
  });

  test('the numbers: the federation’s funnel and the day’s sign-ups', async () => {
    const numbers = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=federation&code=44');
    assert.equal(numbers.status, 200, JSON.stringify(numbers.body));
    const totals = numbers.body.totals as Record<string, number>;
    assert.ok(totals.preregistered! >= 2 && totals.confirmed! >= 1 && totals.emailed! >= 1, JSON.stringify(totals));
    const region = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=region&code=52');
    const loireAtlantique = (region.body.territories as { code: string; openedAt?: string }[]).find((t) => t.code === '44');
    assert.ok(loireAtlantique?.openedAt, 'opened by the wave');
    const missingCode = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=region');
    assert.equal(missingCode.status, 400);
    assert.equal(missingCode.body.details?.[0]?.field, 'query.code');
  });

  test('a stream batch delivered again counts nobody twice, and the new sign-ups beside it once', async () => {
    // The stream consumer counts a batch in one transaction; a replayed batch (a crash after the
    // write, before the checkpoint) must not add again. Here the job is called as the mapping would
    // call it, with Nadia's sign-up (already counted) and two new ones of the same federation.
    const { PersonEmailEntity } = await import('../../functions/src/domain/people/entities');
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const { handler } = await import('../../functions/src/jobs/rollout-stats');
    const nadia = (await PersonEmailEntity.get({ email: inWave.email }).go()).data!;
    const insert = (userId: string, email: string) => ({
      eventName: 'INSERT' as const,
      dynamodb: { NewImage: marshall({ userId, email, federationCode: '44' }) as never, ApproximateCreationDateTime: Date.now() / 1000 },
    });
    const before = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=federation&code=44');
    const signedUpBefore = (before.body.signups as { count: number }[]).reduce((sum, d) => sum + d.count, 0);
    const batch = { Records: [insert(nadia.userId, inWave.email), insert(`replay-${randomUUID()}`, newEmail('a')), insert(`replay-${randomUUID()}`, newEmail('b'))] };
    await handler(batch, {} as never);
    await handler(batch, {} as never);
    const after = await call(stack, admin, 'GET', '/api/rollout/numbers?scope=federation&code=44');
    const signedUpAfter = (after.body.signups as { count: number }[]).reduce((sum, d) => sum + d.count, 0);
    assert.equal(signedUpAfter - signedUpBefore, 2);
    // Nadia's funnel step stays counted once.
    assert.equal((after.body.totals as Record<string, number>).signedUp, 1);
  });
});

describe('a stalled sending, relaunched', () => {
  // Region used here only: Auvergne-Rhône-Alpes (84), federation de l’Ain (01).
  test('a task whose stream record was lost is shown stalled; « Relancer » resumes it and each person gets one mail', async () => {
    const people = [newEmail('relance-a'), newEmail('relance-b'), newEmail('relance-c')];
    for (const email of people) await preregisterConfirmed(email, '01000');
    const created = await call(stack, admin, 'POST', '/api/waves', { name: 'Ain (relance)', federationCodes: ['01'], opensAt: '2030-01-01T08:00:00.000Z' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const waveId = created.body.id as string;

    // As if the wave had opened and its one task's stream record had been dropped after its retries
    // (in AWS: sent to the failure queue). The task is written without its entity name, which is
    // added by an update: the stream shows a MODIFY, which the sender's filter (INSERT) ignores.
    const { WaveEntity, WaveTaskEntity } = await import('../../functions/src/domain/rollout/entities');
    const { documentClient } = await import('../../functions/src/shared/dynamodb');
    const { PutCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const openedAt = new Date().toISOString();
    await WaveEntity.patch({ waveId }).set({ status: 'sending', openedAt, recipients: 3, tasksTotal: 1 }).go();
    const put = WaveTaskEntity.create({ waveId, federationCode: '01', seq: 0, openedAt }).params<{ TableName: string; Item: Record<string, unknown> }>();
    const { __edb_e__: entityName, ...withoutName } = put.Item;
    await documentClient.send(new PutCommand({ TableName: put.TableName, Item: withoutName }));
    const key = { pk: put.Item.pk, sk: put.Item.sk };
    await documentClient.send(new UpdateCommand({ TableName: put.TableName, Key: key, UpdateExpression: 'SET #e = :e', ExpressionAttributeNames: { '#e': '__edb_e__' }, ExpressionAttributeValues: { ':e': entityName } }));

    // Just written, the task is not stalled: a sender may be on it. Nothing to relaunch.
    const fresh = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
    assert.deepEqual(fresh.body.stalledFederations, []);
    const early = await call(stack, admin, 'POST', `/api/waves/${waveId}/relaunch`);
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.match(early.body.message as string, /rien à relancer/);

    // Untouched for a minute (WAVE_STALL_SECONDS is 10 here): stalled.
    await documentClient.send(new UpdateCommand({ TableName: put.TableName, Key: key, UpdateExpression: 'SET touchedAt = :t', ExpressionAttributeValues: { ':t': Math.floor(Date.now() / 1000) - 60 } }));
    const stalled = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
    assert.deepEqual(stalled.body.stalledFederations, ['01']);
    assert.equal((stalled.body.progress as Record<string, number>).sent, 0);
    assert.equal((await mailsTo(stack, people[0]!)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 0);

    const relaunched = await call(stack, admin, 'POST', `/api/waves/${waveId}/relaunch`);
    assert.equal(relaunched.status, 200, JSON.stringify(relaunched.body));
    const done = await waitFor('the relaunched wave to be sent', async () => {
      const wave = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
      return wave.body.status === 'done' ? wave.body : undefined;
    });
    assert.equal((done.progress as Record<string, number>).sent, 3);
    for (const email of people) assert.equal((await mailsTo(stack, email)).filter((m) => /Coopol ouvre/.test(m.subject)).length, 1, email);
    const again = await call(stack, admin, 'POST', `/api/waves/${waveId}/relaunch`);
    assert.equal(again.status, 409);
  });
});

describe('bounces and complaints', () => {
  test('a permanent bounce suppresses the address from every later mail, and counts on its wave', async () => {
    const { suppressedAmong } = await import('../../functions/src/domain/mail/suppression');
    const { sendMail } = await import('../../functions/src/domain/mail/send');
    const bounce = 'bounce@simulator.amazonses.com';
    const first = await sendMail({ to: bounce, template: 'verify-email', kind: 'transactional', data: { code: '123456' } });
    assert.ok(first, 'the first mail goes');
    await waitFor('the bounce to be recorded', async () => ((await suppressedAmong([bounce], 'transactional')).size ? true : undefined));
    const second = await sendMail({ to: bounce, template: 'verify-email', kind: 'transactional', data: { code: '654321' } });
    assert.equal(second, undefined, 'nothing more, not even a transactional mail');
  });
});
