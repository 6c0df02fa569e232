import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { allMails, header, type StoredMail } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// Messages to a space's members (issue 16, ADR 0028), through the real handlers, the worker's
// bulk-mail job and the SES emulator. Spaces used here and nowhere else: the sections of the étang de
// Berre (2,100 adhérents), of the Hôpital Nord (the breaker) and of Marseille Centre (unsubscribe,
// schedules), the federations of the Var and the Vaucluse (supporters) and of the Alpes-Maritimes
// (approval). Their people are written straight into the table, as the large announcement tests do.

let stack: TestStack;
const run = Date.now().toString(36);
const officials = {} as Record<'berre' | 'hopital' | 'marseille' | 'var' | 'alpesA' | 'alpesB' | 'rennes', TestPerson>;

type Seeded = { userId: string; email: string };
async function seed(prefix: string, count: number, place: { sectionId?: string; federationCode: string; status: 'adherent' | 'sympathisant' }, emailOf?: (i: number) => string): Promise<Seeded[]> {
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { defaultVisibility } = await import('../../functions/src/domain/people/visibility');
  const items = Array.from({ length: count }, (_, i) => {
    const userId = `${prefix}-${run}-${i}`;
    return {
      userId, email: emailOf?.(i) ?? `${userId}@coopol.example`, givenName: 'Militant', familyName: `N° ${i}`, sortName: `${String(i).padStart(5, '0')} ${userId}`,
      status: place.status, ...(place.sectionId && { sectionId: place.sectionId }), federationCode: place.federationCode, federationName: place.federationCode,
      visibility: defaultVisibility, consentAt: new Date().toISOString(),
    };
  });
  const { unprocessed } = await PersonEntity.put(items).go({ concurrency: 4 });
  assert.equal(unprocessed.length, 0);
  return items.map(({ userId, email }) => ({ userId, email }));
}

const official = (key: keyof typeof officials, email: string, postalCode: string, grant: { role: 'section-secretary' | 'federation-officer'; scopeType: 'section' | 'federation'; scopeId: string }, sectionId?: string) =>
  createTestPerson(stack, {
    email, postalCode, givenName: 'Camille', familyName: key,
    ...(sectionId && { member: { memberNumber: `ML${key.slice(0, 3).toUpperCase()}${run.toUpperCase()}`, sectionId } }),
    grants: [grant], mfa: true,
  }).then((p) => (officials[key] = p));

let berre: Seeded[] = [];
let berreVolunteers: Seeded[] = [];
let hopital: Seeded[] = [];
let marseille: Seeded[] = [];
let var83: Seeded[] = [];
let vaucluse: Seeded[] = [];
let alpes: Seeded[] = [];

before(async () => {
  stack = testStack();
  await Promise.all([
    official('berre', `secretaire-berre-${run}@coopol.example`, '13500', { role: 'section-secretary', scopeType: 'section', scopeId: 'etang-de-berre' }, 'etang-de-berre'),
    official('hopital', `secretaire-hopital-${run}@coopol.example`, '13015', { role: 'section-secretary', scopeType: 'section', scopeId: 'hopital-nord' }, 'hopital-nord'),
    official('marseille', `secretaire-marseille-${run}@coopol.example`, '13001', { role: 'section-secretary', scopeType: 'section', scopeId: 'marseille-centre' }, 'marseille-centre'),
    official('var', `federation-var-${run}@coopol.example`, '83000', { role: 'federation-officer', scopeType: 'federation', scopeId: '83' }),
    official('alpesA', `federation-alpes-a-${run}@coopol.example`, '06000', { role: 'federation-officer', scopeType: 'federation', scopeId: '06' }),
    official('alpesB', `federation-alpes-b-${run}@coopol.example`, '06000', { role: 'federation-officer', scopeType: 'federation', scopeId: '06' }),
    official('rennes', `secretaire-rennes-${run}@coopol.example`, '35000', { role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }, 'rennes'),
  ]);
  berre = await seed('berre', 2_000, { sectionId: 'etang-de-berre', federationCode: '13', status: 'adherent' });
  berreVolunteers = await seed('berre-benevole', 100, { sectionId: 'etang-de-berre', federationCode: '13', status: 'adherent' });
  // The first 30 of the Hôpital Nord bounce (SES's mailbox simulator, one label each): 30 of the first pages.
  hopital = await seed('hopital', 300, { sectionId: 'hopital-nord', federationCode: '13', status: 'adherent' }, (i) => (i < 30 ? `bounce+hopital-${run}-${i}@simulator.amazonses.com` : `hopital-${run}-${i}@coopol.example`));
  marseille = await seed('marseille', 15, { sectionId: 'marseille-centre', federationCode: '13', status: 'adherent' });
  var83 = await seed('var', 20, { federationCode: '83', status: 'sympathisant' });
  vaucluse = await seed('vaucluse', 20, { federationCode: '84', status: 'sympathisant' });
  alpes = await seed('alpes', 520, { federationCode: '06', status: 'sympathisant' });
});

const base = (type: string, id: string) => `/api/spaces/${type}/${id}/mailings`;

async function draft(person: TestPerson, type: string, id: string, body: Record<string, unknown>) {
  const response = await call(stack, person, 'POST', base(type, id), body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body as { id: string; state: string; fromName: string; segment?: { inactiveForMonths?: number } | null };
}

async function mailingState(person: TestPerson, type: string, id: string, mailingId: string) {
  const response = await call(stack, person, 'GET', `${base(type, id)}/${mailingId}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body as { state: string; progress: Record<string, number | string | null>; approvedBy: string | null };
}

const sentAll = (person: TestPerson, type: string, id: string, mailingId: string, timeoutMs = 120_000) =>
  until(`message ${mailingId} sent`, () => mailingState(person, type, id, mailingId), (m) => m.state === 'sent', timeoutMs);

/** How many copies of the message whose subject ends so each address received. */
async function copiesOf(subject: string): Promise<Map<string, number>> {
  const copies = new Map<string, number>();
  for (const mail of (await allMails(stack)).filter((m) => m.subject.endsWith(`] ${subject}`))) {
    for (const to of mail.destination.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  }
  return copies;
}

function assertExactlyOnce(copies: Map<string, number>, expected: string[]) {
  const missing = expected.filter((email) => !copies.has(email));
  const twice = [...copies].filter(([, count]) => count > 1);
  const strangers = [...copies.keys()].filter((email) => !expected.includes(email));
  assert.deepEqual({ missing: missing.length, twice: twice.length, strangers: strangers.length }, { missing: 0, twice: 0, strangers: 0 }, `missing: ${missing.slice(0, 5)}; twice: ${JSON.stringify(twice.slice(0, 5))}; strangers: ${strangers.slice(0, 5)}`);
}

describe('a section writes to a segment of its members', () => {
  test('2,000 adhérents minus the volunteers: each gets exactly one mail, the worker SIGKILLed mid-send, a second sender racing', { timeout: 240_000 }, async () => {
    const secretary = officials.berre;
    // An action of the section last month, with 100 volunteers signed up for its slot.
    const created = await call(stack, secretary, 'POST', '/api/events', {
      space: { type: 'section', id: 'etang-de-berre' }, kind: 'tractage', title: `Tractage du marché ${run}`,
      start: '2026-11-07T09:00:00+01:00', end: '2026-11-07T12:00:00+01:00', place: { address: 'Marché de Martigues' }, visibility: 'section',
      slots: [{ start: '2026-11-07T09:00:00+01:00', end: '2026-11-07T12:00:00+01:00', needed: 200 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id: eventId, slots } = created.body as { id: string; slots: { id: string }[] };
    const { SlotSignupEntity } = await import('../../functions/src/domain/events/entities');
    await SlotSignupEntity.put(berreVolunteers.map((v) => ({ eventId, slotId: slots[0]!.id, userId: v.userId, name: 'Bénévole', email: v.email, shard: 0, startsAt: '2026-11-07T08:00:00.000Z', at: new Date().toISOString() }))).go();

    const subject = `Réunion de rentrée ${run}`;
    const m = await draft(secretary, 'section', 'etang-de-berre', { subject, text: 'Jeudi à 19 h, salle des fêtes.\n\nVenez nombreux !', segment: { status: 'adherents', excludeVolunteersWithinMonths: 3 } });
    assert.equal(m.state, 'draft');
    assert.match(m.fromName, /· Coopol$/);

    const reach = await call(stack, secretary, 'GET', `${base('section', 'etang-de-berre')}/${m.id}/reach`);
    assert.equal(reach.status, 200);
    assert.deepEqual(reach.body, { count: 2_001, fewerThanTen: false, text: `${(2001).toLocaleString('fr-FR')} personnes` }); // the secretary is an adhérent of the section too

    const [a, b] = await Promise.all([0, 1].map(() => call(stack, secretary, 'POST', `${base('section', 'etang-de-berre')}/${m.id}/send`, {})));
    assert.deepEqual([a!.status, b!.status].sort(), [202, 409], 'one sender moves the draft, the other is told it is not a draft any more');

    // Kill as soon as the SES emulator has some of the mails, not all: claims are in flight.
    let atKill = 0;
    for (;;) {
      atKill = (await copiesOf(subject)).size;
      if (atKill > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const pid = Number(readFileSync(stack.workerPidFile, 'utf8'));
    process.kill(pid, 'SIGKILL');
    assert.ok(atKill < 2_001, `killed before the end (${atKill} received)`);

    const done = await sentAll(secretary, 'section', 'etang-de-berre', m.id, 200_000);
    assertExactlyOnce(await copiesOf(subject), [...berre.map((p) => p.email), secretary.email]);
    assert.equal(done.progress.processed, 2_001);
    assert.equal(done.progress.sent, 2_001);
  });

  test('the mail is the party’s: its display name, a signature, and one-click unsubscribe per space', async () => {
    const [mail] = (await allMails(stack)).filter((m) => m.subject.endsWith(`] Réunion de rentrée ${run}`) && m.destination.to.includes(berre[0]!.email));
    assert.ok(mail);
    assert.match(mail.from, /=\?UTF-8\?B\?|Coopol/);
    assert.match(mail.body.text ?? '', /Bonjour Militant,/);
    assert.match(mail.body.text ?? '', /Camille berre, pour Section/);
    assert.doesNotMatch(mail.body.html ?? '', /<img/i, 'no tracking pixel');
    assert.equal(header(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(header(mail, 'List-Unsubscribe') ?? '', /\/api\/mail-preferences\/[\w-]+\/spaces\/section\/etang-de-berre\/messages\/unsubscribe\?message=/);
  });
});

describe('draft, reach, preview, test', () => {
  test('a segment under 10 is « moins de 10 »; the preview greets the chosen first name; the test goes to the sender alone', async () => {
    const secretary = officials.marseille;
    const subject = `Permanence ${run}`;
    const m = await draft(secretary, 'section', 'marseille-centre', { subject, text: 'Samedi matin au local.', segment: { interests: ['apiculture'] } });
    const reach = await call(stack, secretary, 'GET', `${base('section', 'marseille-centre')}/${m.id}/reach`);
    assert.deepEqual(reach.body, { count: null, fewerThanTen: true, text: 'moins de 10 personnes' });

    const preview = await call(stack, secretary, 'GET', `${base('section', 'marseille-centre')}/${m.id}/preview?givenName=Lucie`);
    assert.equal(preview.status, 200);
    assert.match(preview.body.text as string, /Bonjour Lucie,/);
    assert.match(preview.body.subject as string, new RegExp(`\\] ${subject}$`));
    assert.equal(preview.body.replyTo, null, 'no address is shown unless the sender chose one');

    const tested = await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${m.id}/test`);
    assert.equal(tested.status, 200);
    const copies = await until('the test mail', () => copiesOf(subject), (c) => c.size > 0);
    assert.deepEqual([...copies], [[secretary.email, 1]]);
    assert.equal((await mailingState(secretary, 'section', 'marseille-centre', m.id)).state, 'draft', 'a test sends nothing else');
  });

  test('bad input is a 400 naming the field; a member who does not speak for the section is refused', async () => {
    const secretary = officials.marseille;
    const segmentedPost = await call(stack, secretary, 'POST', base('section', 'marseille-centre'), { subject: 'x', text: 'y', segment: { status: 'adherents' }, postInSpace: true });
    assert.equal(segmentedPost.status, 400);
    assert.equal(segmentedPost.body.code, 'mailing.segment-not-posted');
    assert.equal((segmentedPost.body.details as { field: string }[])[0]!.field, 'body.postInSpace');
    const noSubject = await call(stack, secretary, 'POST', base('section', 'marseille-centre'), { text: 'y' });
    assert.equal(noSubject.status, 400);
    assert.ok((noSubject.body.details as { field: string }[]).some((d) => d.field === 'body.subject'));
    const otherSection = await call(stack, officials.berre, 'POST', base('section', 'marseille-centre'), { subject: 'x', text: 'y' });
    assert.equal(otherSection.status, 403);
    assert.equal(otherSection.body.code, 'mailing.speakers-only');
  });
});

describe('the people inactive for N months', () => {
  test('« inactifs depuis 6 mois » reaches exactly those with no signed-in visit for 6 months; a visit today is recorded once', { timeout: 60_000 }, async () => {
    const { PersonEntity } = await import('../../functions/src/domain/people/entities');
    const { LastActivityEntity, today } = await import('../../functions/src/domain/people/activity');
    const secretary = officials.rennes;
    // 36 adhérents of Rennes, their accounts two years old: 12 came last week, 12 eight months ago, 12 never since the days are kept.
    const people = await seed('rennes', 36, { sectionId: 'rennes', federationCode: '35', status: 'adherent' });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    await PersonEntity.put(
      (await PersonEntity.get(people.map(({ userId }) => ({ userId }))).go()).data.map((p) => ({ ...p, createdAt: new Date(Date.now() - 730 * 86_400_000).toISOString() })),
    ).go({ concurrency: 4 });
    const recent = people.slice(0, 12);
    const long = people.slice(12, 24);
    const never = people.slice(24);
    await LastActivityEntity.put([...recent.map(({ userId }) => ({ userId, day: daysAgo(7) })), ...long.map(({ userId }) => ({ userId, day: daysAgo(240) }))]).go();

    // The secretary's own requests record her day (she is in the section, and active).
    const subject = `On ne vous voit plus ${run}`;
    const m = await draft(secretary, 'section', 'rennes', { subject, text: 'Revenez nous voir au local.', segment: { inactiveForMonths: 6 } });
    const recorded = await until('the secretary’s day recorded', async () => (await LastActivityEntity.get({ userId: secretary.userId }).go()).data, (a) => Boolean(a));
    assert.equal(recorded!.day, today());
    assert.equal(m.segment?.inactiveForMonths, 6);

    const reach = await call(stack, secretary, 'GET', `${base('section', 'rennes')}/${m.id}/reach`);
    assert.equal(reach.body.count, 24, JSON.stringify(reach.body));
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'rennes')}/${m.id}/send`, {})).status, 202);
    await sentAll(secretary, 'section', 'rennes', m.id, 30_000);
    assertExactlyOnce(await copiesOf(subject), [...long, ...never].map((p) => p.email));

    const tooMany = await call(stack, secretary, 'POST', base('section', 'rennes'), { subject: 'x', text: 'y', segment: { inactiveForMonths: 40 } });
    assert.equal(tooMany.status, 400);
    assert.ok((tooMany.body.details as { field: string }[]).some((d) => d.field === 'body.segment.inactiveForMonths'));
    // The stack is shared: the 36 seeded adhérents leave Rennes again (their numbered names sort first
    // in the section, where other files' tests look for their own people among its first 20).
    await PersonEntity.delete(people.map(({ userId }) => ({ userId }))).go({ concurrency: 4 });
  });
});

describe('a message at a set time', () => {
  test('a scheduled message goes at its time; a cancelled one never', { timeout: 60_000 }, async () => {
    const secretary = officials.marseille;
    const when = (s: number) => new Date(Date.now() + s * 1000).toISOString().replace('Z', '+00:00');
    const going = await draft(secretary, 'section', 'marseille-centre', { subject: `Programmé ${run}`, text: 'À l’heure dite.' });
    const cancelled = await draft(secretary, 'section', 'marseille-centre', { subject: `Annulé ${run}`, text: 'Jamais.' });
    const scheduled = await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${going.id}/send`, { at: when(4) });
    assert.equal(scheduled.status, 202, JSON.stringify(scheduled.body));
    assert.equal(scheduled.body.state, 'scheduled');
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${cancelled.id}/send`, { at: when(5) })).status, 202);
    const cancel = await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${cancelled.id}/cancel`);
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.state, 'cancelled');
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${cancelled.id}/cancel`)).status, 409);

    const past = await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${cancelled.id}/send`, { at: '2020-01-01T10:00:00+01:00' });
    assert.equal(past.status, 409, 'a cancelled message is not a draft');

    assert.equal((await copiesOf(`Programmé ${run}`)).size, 0, 'not before its time');
    await sentAll(secretary, 'section', 'marseille-centre', going.id, 30_000);
    assertExactlyOnce(await copiesOf(`Programmé ${run}`), [...marseille.map((p) => p.email), secretary.email]);
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal((await copiesOf(`Annulé ${run}`)).size, 0);
    assert.equal((await mailingState(secretary, 'section', 'marseille-centre', cancelled.id)).state, 'cancelled');
  });
});

describe('only the space’s own people', () => {
  test('a federation’s message to its supporters: no supporter of another federation is in it', { timeout: 60_000 }, async () => {
    const officer = officials.var;
    const subject = `Aux sympathisants du Var ${run}`;
    const m = await draft(officer, 'federation', '83', { subject, text: 'Une réunion publique.', segment: { status: 'sympathisants' } });
    const reach = await call(stack, officer, 'GET', `${base('federation', '83')}/${m.id}/reach`);
    assert.equal(reach.body.count, 21);
    assert.equal((await call(stack, officer, 'POST', `${base('federation', '83')}/${m.id}/send`, {})).status, 202);
    await sentAll(officer, 'federation', '83', m.id, 30_000);
    const copies = await copiesOf(subject);
    assertExactlyOnce(copies, [...var83.map((p) => p.email), officer.email]);
    assert.ok(vaucluse.every((p) => !copies.has(p.email)));
    // The Var's officer cannot write to the Vaucluse, nor read its messages.
    assert.equal((await call(stack, officer, 'POST', base('federation', '84'), { subject: 'x', text: 'y' })).status, 403);
  });
});

describe('the circuit breaker', () => {
  test('stops by itself past 5 % bounces (SES’s mailbox simulator), then resumes: everyone else gets one mail', { timeout: 120_000 }, async () => {
    const secretary = officials.hopital;
    const subject = `Assemblée du personnel ${run}`;
    const m = await draft(secretary, 'section', 'hopital-nord', { subject, text: 'Mardi, salle de garde.' });
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'hopital-nord')}/${m.id}/send`, {})).status, 202);
    const paused = await until('the breaker', () => mailingState(secretary, 'section', 'hopital-nord', m.id), (s) => s.state === 'paused' || s.state === 'sent', 60_000);
    assert.equal(paused.state, 'paused');
    assert.equal(paused.progress.pausedBecause, 'bounces');
    assert.ok((paused.progress.bounced as number) / (paused.progress.sent as number) > 0.05, JSON.stringify(paused.progress));
    assert.ok((paused.progress.sent as number) < 301, 'stopped before the end');

    const resumed = await call(stack, secretary, 'POST', `${base('section', 'hopital-nord')}/${m.id}/resume`);
    assert.equal(resumed.status, 202, JSON.stringify(resumed.body));
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'hopital-nord')}/${m.id}/resume`)).status, 409);
    await sentAll(secretary, 'section', 'hopital-nord', m.id, 60_000);
    const copies = await copiesOf(subject);
    assertExactlyOnce(new Map([...copies].filter(([to]) => !to.includes('simulator'))), [...hopital.slice(30).map((p) => p.email), secretary.email]);
  });
});

describe('a draft, rewritten or deleted', () => {
  test('its author rewrites it (what it no longer says is gone) or deletes it; the other speakers may not; once sent it stays', async () => {
    const [author, other] = [officials.alpesA, officials.alpesB];
    const m = await draft(author, 'federation', '06', { subject: `Brouillon ${run}`, text: 'Premier jet.', segment: { status: 'sympathisants', inactiveForMonths: 6 }, replyTo: 'me' });
    const one = `${base('federation', '06')}/${m.id}`;
    const rewritten = await call(stack, author, 'PUT', one, { subject: `Brouillon relu ${run}`, text: 'Deuxième jet, **relu**.' });
    assert.equal(rewritten.status, 200, JSON.stringify(rewritten.body));
    assert.equal(rewritten.body.subject, `Brouillon relu ${run}`);
    assert.equal(rewritten.body.segment, null, 'no segment now: to the whole federation');
    assert.equal(rewritten.body.replyToAddress, null, 'the address shown before is gone');
    assert.equal((await mailingState(author, 'federation', '06', m.id) as unknown as { text: string }).text, 'Deuxième jet, **relu**.');

    // Bad input names its field and changes nothing; another officer sees the draft but does not change it.
    const bad = await call(stack, author, 'PUT', one, { subject: '', text: 'x' });
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.body.details as { field: string }[]).map((d) => d.field), ['body.subject']);
    const theirs = await call(stack, other, 'PUT', one, { subject: 'Pris', text: 'Pris' });
    assert.equal(theirs.status, 403);
    assert.equal(theirs.body.code, 'mailing.not-author');
    assert.equal((await call(stack, other, 'DELETE', one)).status, 403);
    assert.equal((await mailingState(other, 'federation', '06', m.id) as unknown as { subject: string }).subject, `Brouillon relu ${run}`);

    const deleted = await call(stack, author, 'DELETE', one);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal((await call(stack, author, 'GET', one)).status, 404);
    assert.equal((await call(stack, author, 'DELETE', one)).status, 404);

    // Once it goes, it is no longer a draft: neither rewritten nor deleted.
    const sent = await draft(author, 'federation', '06', { subject: `Parti ${run}`, text: 'Envoyé.', segment: { status: 'adherents', interests: [`rien-${run}`] } });
    assert.equal((await call(stack, author, 'POST', `${base('federation', '06')}/${sent.id}/send`, {})).status, 202);
    const late = await call(stack, author, 'PUT', `${base('federation', '06')}/${sent.id}`, { subject: 'Trop tard', text: 'x' });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'mailing.not-draft');
    assert.equal((await call(stack, author, 'DELETE', `${base('federation', '06')}/${sent.id}`)).status, 409);
  });
});

describe('late feedback and the breaker', () => {
  test('bounces arriving after the resume, of mails sent before it, are counted but do not stop the sending again', async () => {
    // Set up straight in the table (the SES emulator answers at once; a real SES may answer minutes later):
    // a message resumed after 150 mails, 50 more sent since, and the receipts of ten mails sent before the resume.
    const { MailingEntity } = await import('../../functions/src/domain/mailings/entities');
    const { breakerTrips, mailingOf } = await import('../../functions/src/domain/mailings/sender');
    const { BulkReceiptEntity, mailingKey } = await import('../../functions/src/domain/mail/bulk/stores');
    const { recordMailFeedback } = await import('../../functions/src/domain/rollout/feedback');
    const mailingId = `late-${run}`;
    const resumedAt = new Date(Date.now() - 60_000).toISOString();
    const before = new Date(Date.now() - 120_000).toISOString();
    await MailingEntity.create({
      mailingId, spaceType: 'section', spaceId: 'hopital-nord', spaceKey: `late-${run}`, spaceLabel: 'Section test', authorId: 'x', authorName: 'x', subject: 's', text: 't',
      state: 'sending', sent: 200, processed: 200, baseSent: 150, bounced: 3, baseBounced: 3, resumedAt,
    }).go();
    const recipients = Array.from({ length: 11 }, (_, i) => `late-${run}-${i}`);
    await BulkReceiptEntity.put(recipients.map((recipient) => ({ mailing: mailingKey(mailingOf(mailingId)), recipient, state: 'sent' as const, expiresAt: Math.floor(Date.now() / 1000) + 3600 }))).go();
    const bounce = (recipient: string, timestamp: string) => ({
      eventType: 'Bounce', mail: { messageId: `m-${recipient}`, timestamp, destination: [`${recipient}@coopol.example`], tags: { message: [mailingId], recipient: [recipient] } },
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: `${recipient}@coopol.example` }] },
    });
    await recordMailFeedback(recipients.slice(0, 10).map((r) => bounce(r, before)));
    await recordMailFeedback([bounce(recipients[0]!, before)]); // SES redelivers: counted once
    let m = (await MailingEntity.get({ mailingId }).go({ consistent: true })).data!;
    assert.equal(m.bounced, 13, 'the progress shows every bounce');
    assert.equal(breakerTrips(m), undefined, 'ten late bounces over the fifty mails since the resume would be 20 %');
    // A bounce of a mail sent since the resume is in the breaker's window.
    await recordMailFeedback([bounce(recipients[10]!, new Date().toISOString())]);
    m = (await MailingEntity.get({ mailingId }).go({ consistent: true })).data!;
    assert.equal(m.bounced - m.baseBounced, 1);
    await MailingEntity.delete({ mailingId }).go();
  });
});

describe('one-click unsubscribe per space and kind', () => {
  test('a bare POST of the mail’s link stops that space’s messages at once, and nothing else', { timeout: 60_000 }, async () => {
    const secretary = officials.marseille;
    const first = await draft(secretary, 'section', 'marseille-centre', { subject: `Premier ${run}`, text: 'Un.' });
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${first.id}/send`, {})).status, 202);
    await sentAll(secretary, 'section', 'marseille-centre', first.id, 30_000);
    const leaving = marseille[3]!;
    const mail = (await allMails(stack)).find((x: StoredMail) => x.subject.endsWith(`] Premier ${run}`) && x.destination.to.includes(leaving.email))!;
    const link = new URL(/<([^>]+)>/.exec(header(mail, 'List-Unsubscribe')!)![1]!);
    const posted = await api(stack, `${link.pathname}${link.search}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    assert.equal((await mailingState(secretary, 'section', 'marseille-centre', first.id)).progress.unsubscribed, 1);

    const second = await draft(secretary, 'section', 'marseille-centre', { subject: `Second ${run}`, text: 'Deux.' });
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'marseille-centre')}/${second.id}/send`, {})).status, 202);
    const done = await sentAll(secretary, 'section', 'marseille-centre', second.id, 30_000);
    assertExactlyOnce(await copiesOf(`Second ${run}`), [...marseille.filter((p) => p !== leaving).map((p) => p.email), secretary.email]);
    assert.equal(done.progress.skipped, 1);
    // Only that space and kind: event announcements, and every other space's messages, still come.
    const { MailPreferenceEntity } = await import('../../functions/src/domain/mail/preference-entities');
    const { data } = await MailPreferenceEntity.get({ userId: leaving.userId }).go();
    assert.equal(data!.eventAnnouncements, true);
    assert.deepEqual(data!.unsubscribedFrom, ['section:marseille-centre/messages']);
    const unknown = await api(stack, `/api/mail-preferences/inconnu-0123456789abcdef/spaces/section/marseille-centre/messages/unsubscribe`, { method: 'POST' });
    assert.equal(unknown.status, 404);
  });
});

describe('« Mails reçus »: one subscription model', () => {
  type Subscriptions = { eventAnnouncements: boolean; items: { space: { type: string; id: string; name: string }; kind: string; subscribed: boolean }[] };
  const mine = async (person: TestPerson) => {
    const response = await call(stack, person, 'GET', '/api/me/mail-subscriptions');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as Subscriptions;
  };
  const rennesOn = (s: Subscriptions) => s.items.find((i) => i.space.type === 'section' && i.space.id === 'rennes')?.subscribed;

  test('lists each of my spaces per kind and changes them; another’s or an unknown space is a 404, bad input a 400, nothing changed', { timeout: 30_000 }, async () => {
    const secretary = officials.rennes;
    const listed = await mine(secretary);
    assert.equal(listed.eventAnnouncements, true);
    assert.deepEqual(listed.items.map((i) => `${i.space.type}:${i.space.id}/${i.kind}:${i.subscribed}`), ['national:national/messages:true', 'federation:35/messages:true', 'section:rennes/messages:true']);
    assert.equal(listed.items[2]!.space.name, 'Section de Rennes');

    const off = await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', { items: [{ space: { type: 'section', id: 'rennes' }, kind: 'messages', subscribed: false }] });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(rennesOn(off.body as Subscriptions), false);

    // Someone else's section, and one that does not exist: not found, and the valid item beside it is not applied either.
    for (const id of ['marseille-centre', 'nulle-part']) {
      const refused = await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', {
        items: [{ space: { type: 'section', id: 'rennes' }, kind: 'messages', subscribed: true }, { space: { type: 'section', id }, kind: 'messages', subscribed: false }],
      });
      assert.equal(refused.status, 404, id);
      assert.equal((refused.body.details as { field: string }[])[0]!.field, 'body.items.1.space');
    }
    const bad = await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', { items: [{ space: { type: 'section', id: 'rennes' }, kind: 'lettres', subscribed: true }] });
    assert.equal(bad.status, 400);
    assert.ok((bad.body.details as { field: string }[]).some((d) => d.field === 'body.items.0.kind'), JSON.stringify(bad.body));
    assert.equal((await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', { eventAnnouncements: 'non' })).status, 400);
    assert.equal(rennesOn(await mine(secretary)), false, 'nothing changed by the refusals');
    assert.equal((await api(stack, '/api/me/mail-subscriptions')).status, 401);

    const back = await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', { eventAnnouncements: false, items: [{ space: { type: 'section', id: 'rennes' }, kind: 'messages', subscribed: true }] });
    assert.equal(rennesOn(back.body as Subscriptions), true);
    assert.equal((back.body as Subscriptions).eventAnnouncements, false);
  });

  test('a bare POST of a message’s link and of the announcements’ link land in the same model the page shows', { timeout: 30_000 }, async () => {
    const secretary = officials.rennes;
    await call(stack, secretary, 'PATCH', '/api/me/mail-subscriptions', { eventAnnouncements: true });
    const subject = `Essai du lien ${run}`;
    const m = await draft(secretary, 'section', 'rennes', { subject, text: 'Un essai.' });
    assert.equal((await call(stack, secretary, 'POST', `${base('section', 'rennes')}/${m.id}/test`)).status, 200);
    await until('the test mail', () => copiesOf(subject), (c) => c.size > 0);
    const mail = (await allMails(stack)).find((x: StoredMail) => x.subject.endsWith(`] ${subject}`))!;
    const link = new URL(/<([^>]+)>/.exec(header(mail, 'List-Unsubscribe')!)![1]!);
    const posted = await api(stack, `${link.pathname}${link.search}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(posted.status, 200);
    assert.equal(rennesOn(await mine(secretary)), false);

    const token = /\/api\/mail-preferences\/([\w-]+)\//.exec(link.pathname)![1]!;
    assert.equal((await api(stack, `/api/event-announcements/unsubscribe/${token}`, { method: 'POST' })).status, 200);
    const after = await mine(secretary);
    assert.equal(after.eventAnnouncements, false);
    assert.deepEqual(after.items.filter((i) => !i.subscribed).map((i) => i.space.id), ['rennes'], 'the other spaces stay');
  });
});

describe('two people for a mass mail', () => {
  test('a federation message above the stage’s threshold waits for another officer’s approval, audited', { timeout: 90_000 }, async () => {
    const [author, other] = [officials.alpesA, officials.alpesB];
    const subject = `À toute la fédération ${run}`;
    const m = await draft(author, 'federation', '06', { subject, text: 'La rentrée fédérale.' });
    const asked = await call(stack, author, 'POST', `${base('federation', '06')}/${m.id}/send`, {});
    assert.equal(asked.status, 202);
    assert.equal(asked.body.state, 'awaiting-approval');
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal((await copiesOf(subject)).size, 0, 'nothing goes before the approval');

    const byAuthor = await call(stack, author, 'POST', `${base('federation', '06')}/${m.id}/approve`);
    assert.equal(byAuthor.status, 403);
    assert.equal(byAuthor.body.code, 'mailing.approval-by-another');
    const approved = await call(stack, other, 'POST', `${base('federation', '06')}/${m.id}/approve`);
    assert.equal(approved.status, 202, JSON.stringify(approved.body));
    assert.equal(approved.body.approvedBy, other.userId);
    await sentAll(author, 'federation', '06', m.id, 60_000);
    assertExactlyOnce(await copiesOf(subject), [...alpes.map((p) => p.email), author.email, other.email]);

    const { mailingAudit } = await import('../../functions/src/domain/mailings/service');
    const lines = await mailingAudit(m.id);
    assert.deepEqual(lines.map((l) => [l.action, l.by]), [['ask-approval', author.userId], ['approve', other.userId], ['send', other.userId]]);
  });
});
