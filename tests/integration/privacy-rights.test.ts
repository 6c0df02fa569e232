import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, TEST_PASSWORD, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// Issue 14, the rest: the transparency log of member-list reads (written by the access module), consents
// as records one can withdraw, and the DPO's desk — through the real handlers behind the local gateway,
// with officials' TOTP required. Rennes (federation 35); other files use it too, so every check of the
// log looks at this file's readers only.

let stack: TestStack;
const run = Date.now().toString(36);
let secretary: TestPerson;
let officer: TestPerson;
let member: TestPerson;
let supporter: TestPerson;
let otherMember: TestPerson;
let dpo: TestPerson;

const person = (key: string, spec: Omit<Parameters<typeof createTestPerson>[1], 'email'>) =>
  createTestPerson(stack, { email: `${key}.${run}@coopol.example`, familyName: `Transparence${run}`, ...spec });

interface DpoView {
  id: string;
  state: string;
  dueAt: string;
  overdue: boolean;
  audit: { action: string; byName: string; note?: string }[];
}
const dpoView = (response: { body: unknown }) => response.body as DpoView;

interface Read {
  at: string;
  readerName: string;
  role: string;
  list: { type: string; id: string };
  count: number;
  readerId?: string;
}

before(async () => {
  stack = testStack();
  [secretary, officer, member, supporter, otherMember, dpo] = await Promise.all([
    person('secretaire', {
      givenName: 'Solène', postalCode: '35000', member: { memberNumber: `TR${run}1`, sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    }),
    person('federation', {
      givenName: 'Fulbert', postalCode: '35000', member: { memberNumber: `TR${run}2`, sectionId: 'rennes' },
      grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '35' }], mfa: true,
    }),
    person('adherente', { givenName: 'Maëlle', postalCode: '35000', member: { memberNumber: `TR${run}3`, sectionId: 'rennes' } }),
    person('sympathisant', { givenName: 'Sacha', postalCode: '35000' }),
    person('ailleurs', { givenName: 'Octave', postalCode: '75011', member: { memberNumber: `TR${run}4`, sectionId: 'paris-11' } }),
    person('dpo', { givenName: 'Delphine', postalCode: '75018', grants: [{ role: 'privacy-officer', scopeType: 'national', scopeId: 'national' }], mfa: true }),
  ]);
});

const mine = (items: Read[]) => items.filter((r) => r.readerName.endsWith(`Transparence${run}`));

describe('the transparency log', () => {
  test('records the officials’ reads of member lists and of a membership, and nothing else; the people on the list see them', async () => {
    // Reads that are not logged: a member's own list (as its people allow), a supporter's, a member opening an official's profile.
    assert.equal((await call(stack, member, 'GET', '/api/sections/rennes/members')).status, 200);
    assert.equal((await call(stack, supporter, 'GET', '/api/federations/35/members')).status, 200);
    assert.equal((await call(stack, member, 'GET', `/api/people/${secretary.userId}`)).status, 200);

    // The officials' reads, in full.
    const sectionPage = await call(stack, secretary, 'GET', '/api/sections/rennes/members?limit=100');
    assert.equal(sectionPage.status, 200, JSON.stringify(sectionPage.body));
    const federationPage = await call(stack, officer, 'GET', '/api/federations/35/members?limit=100');
    assert.equal(federationPage.status, 200, JSON.stringify(federationPage.body));
    const profile = await call(stack, secretary, 'GET', `/api/people/${member.userId}`);
    assert.equal(profile.body.status, 'adherent', 'the secretary sees her membership');

    // The section's members see who read their list: the secretary, by her role, how many people.
    const sectionLog = await call(stack, member, 'GET', '/api/sections/rennes/access-log');
    assert.equal(sectionLog.status, 200, JSON.stringify(sectionLog.body));
    assert.deepEqual(
      mine(sectionLog.body.items as Read[]).map((r) => [r.readerName, r.role, r.list, r.count]),
      [[`Solène Transparence${run}`, 'section-secretary', { type: 'section', id: 'rennes' }, (sectionPage.body.items as unknown[]).length]],
    );
    // The federation's people see the officer's read (a supporter is on that list).
    const federationLog = await call(stack, supporter, 'GET', '/api/federations/35/access-log');
    assert.deepEqual(
      mine(federationLog.body.items as Read[]).map((r) => [r.readerName, r.role, r.count]),
      [[`Fulbert Transparence${run}`, 'federation-officer', (federationPage.body.items as unknown[]).length]],
    );

    // Each person sees the reads of the lists she was on, and of her own membership.
    const hers = await call(stack, member, 'GET', '/api/me/access-log');
    assert.equal(hers.status, 200, JSON.stringify(hers.body));
    assert.deepEqual(
      mine(hers.body.items as Read[]).map((r) => `${r.list.type}:${r.list.id} ${r.role}`).sort(),
      [`federation:35 federation-officer`, `person:${member.userId} section-secretary`, 'section:rennes section-secretary'],
    );
    // The supporter was on the federation's list, never on the section's; nobody read her membership.
    const his = await call(stack, supporter, 'GET', '/api/me/access-log');
    assert.deepEqual(mine(his.body.items as Read[]).map((r) => `${r.list.type}:${r.list.id}`), ['federation:35']);

    // Art. 9: another section's member learns nothing — the log is a 404, and her own view holds none of these reads.
    assert.equal((await call(stack, otherMember, 'GET', '/api/sections/rennes/access-log')).status, 404);
    assert.equal((await call(stack, otherMember, 'GET', '/api/federations/35/access-log')).status, 404);
    assert.deepEqual(mine((await call(stack, otherMember, 'GET', '/api/me/access-log')).body.items as Read[]), []);
    // Someone who joins the section afterwards was not on the list then: her own view shows none of them.
    const newcomer = await person('arrivee', { givenName: 'Nour', postalCode: '35000', member: { memberNumber: `TR${run}5`, sectionId: 'rennes' } });
    assert.deepEqual(mine((await call(stack, newcomer, 'GET', '/api/me/access-log')).body.items as Read[]), []);

    // The DPO sees everything and filters: by reader, by list, by month. Nothing of the member's or supporter's reads.
    const bySecretary = await call(stack, dpo, 'GET', `/api/dpo/access-log?readerId=${secretary.userId}`);
    assert.equal(bySecretary.status, 200, JSON.stringify(bySecretary.body));
    assert.deepEqual((bySecretary.body.items as Read[]).map((r) => r.list.type).sort(), ['person', 'section']);
    for (const quiet of [member, supporter]) {
      assert.deepEqual((await call(stack, dpo, 'GET', `/api/dpo/access-log?readerId=${quiet.userId}`)).body.items, []);
    }
    const ofFederation = await call(stack, dpo, 'GET', '/api/dpo/access-log?federationCode=35');
    assert.ok((ofFederation.body.items as Read[]).some((r) => r.readerId === officer.userId));
    const month = new Date().toISOString().slice(0, 7);
    const ofMonth = await call(stack, dpo, 'GET', `/api/dpo/access-log?month=${month}&limit=100`);
    assert.equal(ofMonth.status, 200);
    const badMonth = await call(stack, dpo, 'GET', '/api/dpo/access-log?month=2026-13');
    assert.equal(badMonth.status, 400);
    assert.deepEqual(badMonth.body.details!.map((d: { field: string }) => d.field), ['query.month']);

    // Append-only: no route changes or deletes an entry.
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const response = await call(stack, member, method, '/api/sections/rennes/access-log', {});
      assert.ok([404, 405].includes(response.status), `${method}: ${response.status}`);
    }
    const again = await call(stack, member, 'GET', '/api/sections/rennes/access-log');
    assert.equal(mine(again.body.items as Read[]).length, 1);
  });
});

describe('consents', () => {
  test('are listed with their text version, date and means; withdrawing one has its effect', async () => {
    const camille = await person('consent', { givenName: 'Camille', postalCode: '35000', member: { memberNumber: `TR${run}6`, sectionId: 'rennes' } });
    const listed = await call(stack, camille, 'GET', '/api/me/consents');
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const byId = (body: unknown) => Object.fromEntries((body as { items: { id: string }[] }).items.map((c) => [c.id, c])) as Record<string, Record<string, unknown>>;
    const art9 = byId(listed.body)['art9-signup']!;
    assert.equal(art9.textVersion, '2026-06-v1');
    assert.match(String(art9.givenAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.match(String(art9.means), /formulaire d’inscription/);
    assert.match(String(art9.withdrawalEffect), /supprime votre compte/);
    assert.equal(art9.withdrawalNeedsPassword, true);
    assert.equal(byId(listed.body)['mail-notifications']!.active, true);

    // A mail category: withdrawn, the notification mails stop (the preferences say « jamais »), dated.
    const withdrawn = await call(stack, camille, 'POST', '/api/me/consents/mail-notifications/withdraw', {});
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    const settings = await call(stack, camille, 'GET', '/api/me/notification-settings');
    assert.ok(Object.values(settings.body.email as Record<string, string>).every((mode) => mode === 'never'), JSON.stringify(settings.body));
    const after = byId((await call(stack, camille, 'GET', '/api/me/consents')).body)['mail-notifications']!;
    assert.equal(after.active, false);
    assert.equal(after.withdrawnAt, withdrawn.body.withdrawnAt);
    assert.equal((await call(stack, camille, 'POST', '/api/me/consents/mail-notifications/withdraw', {})).status, 409);
    assert.equal((await call(stack, camille, 'POST', '/api/me/consents/mail-event-announcements/withdraw', {})).status, 200);
    assert.equal(byId((await call(stack, camille, 'GET', '/api/me/consents')).body)['mail-event-announcements']!.active, false);
    assert.equal((await call(stack, camille, 'POST', '/api/me/consents/nothing-here/withdraw', {})).status, 404);

    // The art. 9 consent: withdrawing it is the erasure of the account, confirmed by the password.
    const noPassword = await call(stack, camille, 'POST', '/api/me/consents/art9-signup/withdraw', {});
    assert.equal(noPassword.status, 400);
    assert.deepEqual(noPassword.body.details!.map((d: { field: string }) => d.field), ['body.password']);
    const wrong = await call(stack, camille, 'POST', '/api/me/consents/art9-signup/withdraw', { password: 'pas le bon' });
    assert.equal(wrong.status, 400);
    assert.equal((await call(stack, camille, 'GET', '/api/me/profile')).status, 200, 'refusals change nothing');
    const erased = await call(stack, camille, 'POST', '/api/me/consents/art9-signup/withdraw', { password: TEST_PASSWORD });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.ok(erased.body.erasureId);
    const signIn = await api(stack, '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: camille.email, password: TEST_PASSWORD }) });
    assert.equal(signIn.status, 401);
  });
});

describe('the DPO’s desk', () => {
  test('a request by letter: recorded with its deadline, run on the person’s behalf, journaled, closed', { timeout: 240_000 }, async () => {
    const yvonne = await person('courrier', { givenName: 'Yvonne', postalCode: '35000' });
    const base = { means: 'courrier', requesterName: 'Yvonne Courrier', requesterEmail: yvonne.email };
    const bad = await call(stack, dpo, 'POST', '/api/dpo/requests', { ...base, kind: 'tout' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.details!.map((d: { field: string }) => d.field), ['body.kind']);

    // Received forty days ago: a month has passed, it is overdue.
    const receivedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const made = await call(stack, dpo, 'POST', '/api/dpo/requests', { ...base, kind: 'export', receivedAt, details: 'Lettre du 3 : demande une copie de ses données.' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const due = new Date(receivedAt);
    due.setUTCMonth(due.getUTCMonth() + 1);
    assert.equal(dpoView(made).dueAt, due.toISOString());
    assert.equal(dpoView(made).state, 'received');
    assert.equal(dpoView(made).overdue, true);
    assert.deepEqual(dpoView(made).audit.map((a) => [a.action, a.byName]), [['Demande enregistrée', `Delphine Transparence${run}`]]);
    const listed = await call(stack, dpo, 'GET', '/api/dpo/requests');
    assert.ok((listed.body.items as { id: string }[]).some((r) => r.id === dpoView(made).id));

    // Run on her behalf: the export's sweep records the DPO as who asked; the journal says so.
    const ran = await call(stack, dpo, 'POST', `/api/dpo/requests/${dpoView(made).id}/run`, { action: 'export' });
    assert.equal(ran.status, 200, JSON.stringify(ran.body));
    assert.equal(dpoView(ran).state, 'in-progress');
    assert.equal(dpoView(ran).audit[1]!.action, 'Export des données lancé au nom de la personne');
    const { SweepTaskEntity } = await import('../../functions/src/domain/privacy/entities');
    const sweepId = String(dpoView(ran).audit[1]!.note).replace(/\D*n° /, '');
    const { data: tasks } = await SweepTaskEntity.query.byId({ sweepId }).go();
    assert.equal(tasks[0]?.requestedBy, dpo.userId);
    assert.equal(tasks[0]?.userId, yvonne.userId);

    const download = await until('the archive is ready', () => call(stack, dpo, 'GET', `/api/dpo/requests/${dpoView(made).id}/download`), (r) => r.status === 200, 180_000);
    assert.match(String(download.body.url), /coopol-mes-donnees/);
    const closed = await call(stack, dpo, 'POST', `/api/dpo/requests/${dpoView(made).id}/close`, { outcome: 'done', note: 'Archive envoyée par courrier recommandé.' });
    assert.equal(dpoView(closed).state, 'done');
    assert.equal(dpoView(closed).overdue, false);
    assert.deepEqual(dpoView(closed).audit.map((a) => a.action), [
      'Demande enregistrée',
      'Export des données lancé au nom de la personne',
      'Archive téléchargée pour être remise à la personne',
      'Demande traitée et close',
    ]);
    assert.equal((await call(stack, dpo, 'POST', `/api/dpo/requests/${dpoView(made).id}/run`, { action: 'erasure' })).status, 409);

    // An erasure by telephone: the account closes at once.
    const erasure = await call(stack, dpo, 'POST', '/api/dpo/requests', { ...base, means: 'telephone', kind: 'erasure' });
    assert.equal(dpoView(erasure).overdue, false);
    const erased = await call(stack, dpo, 'POST', `/api/dpo/requests/${dpoView(erasure).id}/run`, { action: 'erasure', content: 'delete' });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.equal(dpoView(erased).audit[1]!.action, 'Effacement du compte lancé au nom de la personne');
    assert.equal((await call(stack, yvonne, 'GET', '/api/me/profile')).status, 401);

    // No account at that address any more: nothing to run.
    const again = await call(stack, dpo, 'POST', '/api/dpo/requests', { ...base, kind: 'erasure' });
    const nothing = await call(stack, dpo, 'POST', `/api/dpo/requests/${dpoView(again).id}/run`, { action: 'erasure' });
    assert.equal(nothing.status, 409);
    assert.equal(nothing.body.code, 'dpo-request.no-account');
  });
});
