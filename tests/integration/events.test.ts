import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { announced, announcementCopies } from '../support/announcements';
import { allMails, linkIn, mailsTo as mailsToAddress, waitForMail } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Events, volunteer slots, waiting lists, calendar feeds, mails and field reports — through the
// real handlers behind the local gateway, DynamoDB Local and the SES emulator.
let stack: TestStack;
let secretary: TestPerson;
let colmarSecretary: TestPerson;
let officer: TestPerson;
let admin: TestPerson;
let member: TestPerson;
let outsider: TestPerson;

const mailsTo = (address: string) => mailsToAddress(stack, address);

const event = (overrides: Record<string, unknown> = {}) => ({
  space: { type: 'section', id: 'mulhouse' },
  kind: 'tractage',
  title: 'Tractage au marché du Canal',
  description: 'Tracts sur les transports.',
  start: '2031-05-17T09:00:00+02:00',
  end: '2031-05-17T13:00:00+02:00',
  place: { address: 'Marché du Canal couvert, Mulhouse', lat: 47.7467, lon: 7.3389 },
  visibility: 'members',
  ...overrides,
});

async function create(as: TestPerson, body: Record<string, unknown>) {
  const response = await call(stack, as, 'POST', '/api/events', body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body as { id: string; slots: { id: string; needed: number; taken: number; missing: number }[] };
}

let n = 0;
const volunteer = (section = 'mulhouse', postalCode = '68100') => {
  n += 1;
  return createTestPerson(stack, {
    email: `ev.volunteer${n}@coopol.example`,
    givenName: `Bénévole${n}`,
    postalCode,
    member: { memberNumber: `EV1${String(n).padStart(5, '0')}`, sectionId: section },
  });
};

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: 'ev.secretary@coopol.example', givenName: 'Jeanne', familyName: 'Martin', postalCode: '68100',
    member: { memberNumber: 'EV000001', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  colmarSecretary = await createTestPerson(stack, {
    email: 'ev.colmar@coopol.example', postalCode: '68000', member: { memberNumber: 'EV000002', sectionId: 'colmar' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'colmar' }], mfa: true,
  });
  officer = await createTestPerson(stack, {
    email: 'ev.federation@coopol.example', postalCode: '68000', member: { memberNumber: 'EV000003', sectionId: 'colmar' },
    grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '68' }], mfa: true,
  });
  admin = await createTestPerson(stack, {
    email: 'ev.admin@coopol.example', postalCode: '75018', member: { memberNumber: 'EV000004', sectionId: 'paris-18' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }], mfa: true,
  });
  member = await createTestPerson(stack, { email: 'ev.member@coopol.example', givenName: 'Paul', postalCode: '68100', member: { memberNumber: 'EV000005', sectionId: 'mulhouse' } });
  outsider = await createTestPerson(stack, { email: 'ev.paris@coopol.example', postalCode: '75011', member: { memberNumber: 'EV000006', sectionId: 'paris-11' } });
});

describe('volunteer slots', () => {
  test('50 sign-ups at the same instant on a slot of 10: exactly 10 signed up, 40 refused', async () => {
    const { id, slots } = await create(secretary, event({ slots: [{ start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T11:00:00+02:00', needed: 10 }] }));
    const slot = slots[0]!;
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await volunteer());
    const answers = await Promise.all(people.map((p) => call(stack, p, 'PUT', `/api/events/${id}/slots/${slot.id}/signup`)));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, 10, JSON.stringify(answers.filter((a) => a.status !== 200 && a.status !== 409).map((a) => a.body)));
    assert.equal(statuses.filter((s) => s === 409).length, 40);
    const seen = await call(stack, secretary, 'GET', `/api/events/${id}`);
    const [seenSlot] = seen.body.slots as { taken: number; missing: number }[];
    assert.deepEqual([seenSlot!.taken, seenSlot!.missing], [10, 0]);
    const attendees = await call(stack, secretary, 'GET', `/api/events/${id}/attendees`);
    assert.equal((attendees.body.items as { state: string }[]).filter((a) => a.state === 'volunteer').length, 10);

    // The event page costs the same requests with 10 sign-ups as with none.
    const { runWithRequestStats } = await import('../../functions/src/shared/request-context');
    const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
    const { getEvent } = await import('../../functions/src/domain/events/service');
    const empty = await create(secretary, event({ slots: [{ start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T11:00:00+02:00', needed: 10 }] }));
    const cost = async (eventId: string) => {
      const run = runWithRequestStats(async () => getEvent(await loadCaller({ kind: 'user', sub: member.userId, email: null }), eventId));
      await run.result;
      return run.stats.dynamodbCalls;
    };
    assert.equal(await cost(id), await cost(empty.id));
    assert.ok((await cost(id)) <= 7); // caller, event, slots, their shards, my sign-ups, my answer, the « je viens » shards
  });

  test('a full slot says so and offers the slot that still misses people; leaving frees the place', async () => {
    const { id, slots } = await create(secretary, event({
      slots: [
        { start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T11:00:00+02:00', needed: 1 },
        { start: '2031-05-17T11:00:00+02:00', end: '2031-05-17T13:00:00+02:00', needed: 2 },
      ],
    }));
    const [first, second] = [slots[0]!, slots[1]!];
    assert.equal((await call(stack, member, 'PUT', `/api/events/${id}/slots/${first.id}/signup`)).status, 200);
    const twice = await call(stack, member, 'PUT', `/api/events/${id}/slots/${first.id}/signup`);
    assert.equal(twice.status, 409);
    const late = await volunteer();
    const refused = await call(stack, late, 'PUT', `/api/events/${id}/slots/${first.id}/signup`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.message as string, /complet.*11:00–13:00 \(2\)/);
    assert.ok(refused.body.details!.some((d) => d.field === 'alternatives' && d.message === second.id));
    const left = await call(stack, member, 'DELETE', `/api/events/${id}/slots/${first.id}/signup`);
    assert.equal(left.status, 200);
    assert.equal((left.body.slot as { missing: number }).missing, 1);
    assert.equal((await call(stack, late, 'PUT', `/api/events/${id}/slots/${first.id}/signup`)).status, 200);
  });

  test('bad input names the field and changes nothing', async () => {
    const bad = await call(stack, secretary, 'POST', '/api/events', event({ visibility: 'partout', slots: [{ start: 'demain', end: '2031-05-17T11:00:00+02:00', needed: 0 }] }));
    assert.equal(bad.status, 400);
    const fields = bad.body.details!.map((d) => d.field).sort();
    assert.deepEqual(fields, ['body.slots.0.needed', 'body.slots.0.start', 'body.visibility']);
    // An end that does not come after the start: the same instant written with two offsets is still not after it.
    const backwards = await call(stack, secretary, 'POST', '/api/events', event({ start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T07:00:00Z' }));
    assert.equal(backwards.status, 400);
    assert.deepEqual(backwards.body.details!.map((d) => d.field), ['body.end']);
    const unknown = await call(stack, member, 'PUT', '/api/events/00000000000000000000000000000000/slots/abcd/signup');
    assert.equal(unknown.status, 404);
    assert.equal((await call(stack, colmarSecretary, 'POST', '/api/events', event())).status, 403);
  });
});

describe('one date-time form on the wire (ADR 0019)', () => {
  const mulhouseAgenda = async () =>
    ((await call(stack, secretary, 'GET', '/api/spaces/section/mulhouse/events?from=2031-05-01&limit=100')).body.items as { id: string; title: string }[]);

  test('a Paris wall-clock time without an offset, as events once took, is refused on each of its fields, and nothing is made', async () => {
    const title = 'Tractage d’un ancien client';
    const old = await call(stack, secretary, 'POST', '/api/events', event({ title, start: '2031-05-17T09:00', end: '2031-05-17T13:00', slots: [{ start: '2031-05-17T09:00', end: '2031-05-17T11:00', needed: 3 }] }));
    assert.equal(old.status, 400);
    assert.deepEqual(old.body.details!.map((d) => d.field).sort(), ['body.end', 'body.slots.0.end', 'body.slots.0.start', 'body.start']);
    assert.match(old.body.details!.find((d) => d.field === 'body.start')!.message, /ISO 8601 avec décalage/);
    assert.ok(!(await mulhouseAgenda()).some((e) => e.title === title));
  });

  test('an edit with a wall-clock time is refused too, and the event keeps its times', async () => {
    const { id } = await create(secretary, event({ title: 'Réunion à déplacer' }));
    const moved = await call(stack, secretary, 'PATCH', `/api/events/${id}`, { title: 'Réunion déplacée', start: '2031-05-17T10:00' });
    assert.equal(moved.status, 400);
    assert.deepEqual(moved.body.details!.map((d) => d.field), ['body.start']);
    const kept = await call(stack, secretary, 'GET', `/api/events/${id}`);
    assert.equal(kept.body.title, 'Réunion à déplacer');
    assert.equal(kept.body.startsAt, '2031-05-17T07:00:00.000Z');
  });

  test('the same instant in any offset is the same event time; answers give instants in UTC and no wall-clock copy', async () => {
    const { id } = await create(secretary, event({ title: 'Tractage en UTC', start: '2031-05-17T07:00:00Z', end: '2031-05-17T13:00:00+02:00' }));
    const read = await call(stack, secretary, 'GET', `/api/events/${id}`);
    assert.equal(read.body.startsAt, '2031-05-17T07:00:00.000Z');
    assert.equal(read.body.endsAt, '2031-05-17T11:00:00.000Z');
    assert.equal(read.body.start, undefined);
    assert.equal(read.body.end, undefined);
  });
});

describe('RSVP and waiting list', () => {
  test('beyond the capacity people wait; when a place frees the first one waiting gets it and is told', async () => {
    const { id } = await create(secretary, event({ kind: 'reunion', title: 'Réunion de section', capacity: 2 }));
    const [a, b, c, d] = [await volunteer(), await volunteer(), await volunteer(), await volunteer()];
    const rsvp = (p: TestPerson, answer: string) => call(stack, p, 'PUT', `/api/events/${id}/rsvp`, { answer });
    assert.equal((await rsvp(a, 'going')).body.state, 'going');
    assert.equal((await rsvp(b, 'going')).body.state, 'going');
    assert.equal((await rsvp(c, 'going')).body.state, 'waiting');
    assert.equal((await rsvp(d, 'going')).body.state, 'waiting');
    const freed = await rsvp(a, 'no');
    assert.deepEqual(freed.body, { state: 'no', going: 2 });
    const seenByC = await call(stack, c, 'GET', `/api/events/${id}`);
    assert.equal(seenByC.body.myRsvp, 'going');
    assert.equal((await call(stack, d, 'GET', `/api/events/${id}`)).body.myRsvp, 'waiting');
    const told = await mailsTo(c.email);
    assert.equal(told.filter((m) => m.subject === 'Une place s’est libérée : Réunion de section').length, 1);
    assert.equal((await mailsTo(d.email)).filter((m) => m.subject.startsWith('Une place')).length, 0);
  });

  test('a section-only event is hidden from other sections, in its page, its attendees and the agenda', async () => {
    const { id } = await create(secretary, event({ title: 'Réunion du bureau', visibility: 'section' }));
    assert.equal((await call(stack, outsider, 'GET', `/api/events/${id}`)).status, 404);
    assert.equal((await call(stack, outsider, 'GET', `/api/events/${id}/attendees`)).status, 404);
    const agenda = async (p: TestPerson) =>
      ((await call(stack, p, 'GET', '/api/spaces/section/mulhouse/events?from=2031-05-01&limit=100')).body.items as { id: string }[]).map((e) => e.id);
    assert.ok(!(await agenda(outsider)).includes(id));
    assert.ok((await agenda(member)).includes(id));
    assert.equal((await call(stack, undefined, 'GET', `/api/public/events/${id}`)).status, 404);
  });

  test('a visitor answers a public event with name, email and consent', async () => {
    const { id } = await create(secretary, event({ kind: 'meeting', title: 'Meeting place de la Réunion', visibility: 'public' }));
    const page = await call(stack, undefined, 'GET', `/api/public/events/${id}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.organizerName, 'Jeanne Martin');
    const noConsent = await call(stack, undefined, 'POST', `/api/public/events/${id}/rsvp`, { name: 'Léa', email: 'lea@coopol.example', answer: 'going' });
    assert.deepEqual(noConsent.body.details!.map((d) => d.field), ['body.consent']);
    const yes = await call(stack, undefined, 'POST', `/api/public/events/${id}/rsvp`, { name: 'Léa', email: 'lea@coopol.example', answer: 'going', consent: true });
    // To confirm from the mailbox (tests/integration/events-trust.test.ts): not coming until then.
    assert.deepEqual([yes.status, yes.body], [202, { outcome: 'mail-sent', destination: 'l***@coopol.example', holdMinutes: 30 }]);
    assert.equal((await call(stack, undefined, 'GET', `/api/public/events/${id}`)).body.going, 0);
    await waitForMail(stack, 'lea@coopol.example', 'Confirmez votre réponse : Meeting place de la Réunion');
    // The consent is recorded with the answer: the version of the text she ticked, and when (issue 14 § 3).
    const { VisitorHoldEntity } = await import('../../functions/src/domain/events/entities');
    const { consentTexts } = await import('../../functions/src/domain/privacy/consent-records');
    const { data: holds } = await VisitorHoldEntity.query.byEvent({ eventId: id }).go();
    assert.deepEqual(holds.map((h) => [h.email, h.consentVersion, typeof h.consentedAt]), [['lea@coopol.example', consentTexts['public-rsvp'].version, 'string']]);
  });
});

describe('announcements, changes and reminders', () => {
  test('publishing announces the event to the section, once, with an unsubscribe that works', async () => {
    const slots = [
      { start: '2031-05-17T09:00:00+02:00', end: '2031-05-17T11:00:00+02:00', needed: 4 },
      { start: '2031-05-17T11:00:00+02:00', end: '2031-05-17T13:00:00+02:00', needed: 3, label: 'Quartier nord' },
    ];
    const { id, slots: made } = await create(secretary, event({ title: 'Porte-à-porte quartier Fonderie', kind: 'porte-a-porte', announce: true, slots }));
    const subject = '[Section de Mulhouse] Porte-à-porte quartier Fonderie — proposé par Jeanne Martin';
    await waitForMail(stack, member.email, subject);
    const mine = (await mailsTo(member.email)).filter((m) => m.subject === subject);
    assert.equal(mine.length, 1);
    // A party's mail: from the space, signed by its organizer, the party named; the action's needs, one link a slot.
    const { from, body } = (await allMails(stack)).find((m) => m.subject === subject && m.destination.to.includes(member.email))!;
    assert.match(from, /^=\?UTF-8\?B\?/);
    assert.equal(Buffer.from(/^=\?UTF-8\?B\?([^?]+)\?=/.exec(from)![1]!, 'base64').toString('utf8'), 'Section de Mulhouse · Coopol');
    assert.match(body.text!, /^Jeanne Martin, pour Section de Mulhouse$/m);
    assert.match(body.text!, /^Coopol est le réseau de Parti de démonstration · /m);
    const slotLine = (slotId: string) => new RegExp(`^- Je viens sam\\. 17 mai, 9 h – 11 h : ${stack.urls.site}/evenements/${id}\\?creneau=${slotId}#creneau-${slotId}$`, 'm');
    assert.match(body.text!, slotLine(made[0]!.id), body.text);
    assert.match(body.text!, /^- Je viens sam\. 17 mai, 11 h – 13 h · Quartier nord : /m);
    assert.match(body.text!, /Choisir ce que je reçois : mes préférences : .*\/notifications\/preferences/);
    assert.equal((await mailsTo(outsider.email)).filter((m) => m.subject === subject).length, 0);
    const unsubscribe = mine[0]!.headers!.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1);
    // Running the job again, even while the scheduled run may still be sending, mails nobody twice.
    const { handler } = await import('../../functions/src/jobs/event-mails');
    await handler({ eventId: id, kind: 'announce' });
    const copies = new Map<string, number>();
    for (const m of (await allMails(stack)).filter((m) => m.subject === subject)) copies.set(m.destination.to[0]!, (copies.get(m.destination.to[0]!) ?? 0) + 1);
    assert.ok(copies.size > 1);
    assert.deepEqual([...new Set(copies.values())], [1]);
    const clicked = await fetch(unsubscribe.replace(/^https?:\/\/[^/]+/, stack.urls.site), { method: 'POST' });
    assert.equal(clicked.status, 200);
    const later = await create(secretary, event({ title: 'Collage d’affiches', kind: 'autre', announce: true }));
    await handler({ eventId: later.id, kind: 'announce' });
    assert.equal((await mailsTo(member.email)).filter((m) => m.subject.includes('Collage d’affiches')).length, 0);
  });

  test('the reminder goes to those coming or signed up, once; edits and cancellation are told', async () => {
    const { id, slots } = await create(secretary, event({ title: 'Tractage gare centrale', start: '2031-06-07T09:00:00+02:00', end: '2031-06-07T11:00:00+02:00', slots: [{ start: '2031-06-07T09:00:00+02:00', end: '2031-06-07T11:00:00+02:00', needed: 3 }] }));
    const comes = await volunteer();
    const signs = await volunteer();
    await call(stack, comes, 'PUT', `/api/events/${id}/rsvp`, { answer: 'going' });
    await call(stack, signs, 'PUT', `/api/events/${id}/slots/${slots[0]!.id}/signup`);
    // Its schedule fires the day before (2031); here the job runs as the scheduler would run it, twice.
    const { handler } = await import('../../functions/src/jobs/event-reminders');
    assert.deepEqual(await handler({ eventId: id }), { sent: 2 });
    assert.deepEqual(await handler({ eventId: id }), { sent: 0 });
    for (const p of [comes, signs]) assert.equal((await mailsTo(p.email)).filter((m) => m.subject.startsWith('Rappel : Tractage gare centrale')).length, 1);
    const volunteerMail = (await mailsTo(signs.email)).find((m) => m.subject.startsWith('Rappel'))!;
    assert.match(volunteerMail.body.text ?? '', /09:00–11:00/);

    const moved = await call(stack, secretary, 'PATCH', `/api/events/${id}`, { start: '2031-06-07T10:00:00+02:00', end: '2031-06-07T12:00:00+02:00' });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.startsAt, '2031-06-07T08:00:00.000Z');
    await waitForMail(stack, comes.email, 'Modifié : Tractage gare centrale');
    // The change job also moved the copy of the start that orders « my agenda ».
    const { AttendanceEntity } = await import('../../functions/src/domain/events/entities');
    assert.equal((await AttendanceEntity.get({ eventId: id, attendeeId: comes.userId }).go()).data!.startsAt, '2031-06-07T08:00:00.000Z');
    assert.equal((await call(stack, secretary, 'POST', `/api/events/${id}/cancel`)).status, 200);
    await waitForMail(stack, signs.email, 'Annulé : Tractage gare centrale');
    assert.equal((await mailsTo(comes.email)).filter((m) => m.subject === 'Modifié : Tractage gare centrale').length, 1);
    assert.equal((await call(stack, comes, 'PUT', `/api/events/${id}/rsvp`, { answer: 'maybe' })).status, 409);
  });

});

describe('editing an event', () => {
  test('clearing both coordinates removes the saved map point; the address alone keeps it; one null is refused', async () => {
    const { id } = await create(secretary, event({ title: 'Réunion de quartier Rebberg' }));
    const place = async () => (await call(stack, secretary, 'GET', `/api/events/${id}`)).body.place as Record<string, unknown>;
    assert.deepEqual(await place(), { address: 'Marché du Canal couvert, Mulhouse', lat: 47.7467, lon: 7.3389 });

    // The address alone: the point stays.
    assert.equal((await call(stack, secretary, 'PATCH', `/api/events/${id}`, { place: { address: 'Salle du Rebberg, Mulhouse' } })).status, 200);
    assert.deepEqual(await place(), { address: 'Salle du Rebberg, Mulhouse', lat: 47.7467, lon: 7.3389 });

    // One coordinate cleared, not the other: refused, named, nothing changed.
    const half = await call(stack, secretary, 'PATCH', `/api/events/${id}`, { place: { address: 'Salle du Rebberg, Mulhouse', lat: null, lon: 7.34 } });
    assert.equal(half.status, 400);
    assert.match(JSON.stringify(half.body), /latitude et longitude vont ensemble/);
    assert.deepEqual(await place(), { address: 'Salle du Rebberg, Mulhouse', lat: 47.7467, lon: 7.3389 });

    // Both cleared (what the edit form sends when its two fields are emptied): the point is gone.
    const cleared = await call(stack, secretary, 'PATCH', `/api/events/${id}`, { place: { address: 'Salle du Rebberg, Mulhouse', lat: null, lon: null } });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    assert.deepEqual(await place(), { address: 'Salle du Rebberg, Mulhouse' });

    // And a new point can be set again.
    assert.equal((await call(stack, secretary, 'PATCH', `/api/events/${id}`, { place: { address: 'Salle du Rebberg, Mulhouse', lat: 47.735, lon: 7.33 } })).status, 200);
    assert.deepEqual(await place(), { address: 'Salle du Rebberg, Mulhouse', lat: 47.735, lon: 7.33 });
  });
});

describe('events in groups', () => {
  const newGroup = async (manager: TestPerson, name: string, kind: 'open' | 'closed' | 'secret') => {
    const created = await call(stack, manager, 'POST', '/api/groups', { name, kind, audience: 'all' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id as string;
  };
  /** Into a secret group the way people get there: the manager's invitation mail, accepted. */
  const invite = async (manager: TestPerson, groupId: string, guest: TestPerson) => {
    assert.equal((await call(stack, manager, 'POST', `/api/groups/${groupId}/invitations`, { email: guest.email })).status, 201);
    const token = linkIn(await waitForMail(stack, guest.email, /vous invite dans le groupe/), /\/groupes\/invitation\//).split('/').pop()!;
    assert.equal((await call(stack, guest, 'POST', `/api/group-invitations/${token}/accept`)).status, 200);
  };
  /** The announcement's subject: « [space] title — proposé par <organizer> ». */
  const announcement = (prefix: string) => new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')} — proposé par Bénévole\\d+ Personne$`);
  const ids = (body: Record<string, unknown>) => (body.items as { id: string }[]).map((e) => e.id);
  const feedText = async (path: string) => {
    const response = await fetch(`${stack.urls.site}${path}`);
    return { status: response.status, text: await response.text() };
  };

  test('a secret group’s managers organize its events; its members see them; nobody else ever does', async () => {
    const manager = await volunteer();
    const insider = await volunteer();
    const groupId = await newGroup(manager, 'Soignants du Haut-Rhin', 'secret');
    await invite(manager, groupId, insider);
    const groupEvent = (overrides: Record<string, unknown> = {}) =>
      event({ space: { type: 'group', id: groupId }, title: 'Réunion des soignants', kind: 'reunion', ...overrides });

    // Only managers create; a secret group does not exist for outsiders; its events are never public.
    assert.equal((await call(stack, insider, 'POST', '/api/events', groupEvent())).status, 403);
    const outside = await call(stack, outsider, 'POST', '/api/events', groupEvent());
    assert.equal(outside.status, 404);
    assert.deepEqual(outside.body.details!.map((d) => d.field), ['body.space.id']);
    const open = await call(stack, manager, 'POST', '/api/events', groupEvent({ visibility: 'public' }));
    assert.equal(open.status, 400);
    assert.deepEqual(open.body.details!.map((d) => d.field), ['body.visibility']);

    const { id } = await create(manager, groupEvent({ announce: true }));
    const subject = '[Groupe Soignants du Haut-Rhin] Réunion des soignants';
    await waitForMail(stack, insider.email, announcement(subject));
    assert.equal((await mailsTo(outsider.email)).filter((m) => m.subject.startsWith(subject)).length, 0);

    const page = await call(stack, insider, 'GET', `/api/events/${id}`);
    assert.equal(page.status, 200);
    assert.deepEqual([page.body.space, page.body.canManage], [{ type: 'group', id: groupId, name: 'Groupe Soignants du Haut-Rhin' }, false]);
    assert.equal((await call(stack, manager, 'GET', `/api/events/${id}`)).body.canManage, true);
    assert.equal((await call(stack, manager, 'PATCH', `/api/events/${id}`, { description: 'Salle 2.' })).status, 200);
    assert.equal((await call(stack, insider, 'PATCH', `/api/events/${id}`, { description: 'Ailleurs.' })).status, 403);
    const agendaPath = `/api/spaces/group/${groupId}/events?from=2031-05-01&limit=100`;
    assert.ok(ids((await call(stack, insider, 'GET', agendaPath)).body).includes(id));

    for (const who of [outsider, secretary, admin]) {
      assert.equal((await call(stack, who, 'GET', `/api/events/${id}`)).status, 404);
      assert.equal((await call(stack, who, 'GET', `/api/events/${id}/attendees`)).status, 404);
      assert.equal((await call(stack, who, 'GET', `/api/events/${id}/ics`)).status, 404);
      assert.equal((await call(stack, who, 'PUT', `/api/events/${id}/rsvp`, { answer: 'going' })).status, 404);
      assert.equal((await call(stack, who, 'GET', agendaPath)).status, 404);
      assert.equal((await call(stack, who, 'POST', '/api/me/calendar-feeds', { scope: { type: 'group', id: groupId } })).status, 404);
    }
    assert.equal((await call(stack, undefined, 'GET', `/api/public/events/${id}`)).status, 404);

    // The member comes, subscribes to the group's agenda and their own; once gone, all of it is gone.
    assert.equal((await call(stack, insider, 'PUT', `/api/events/${id}/rsvp`, { answer: 'going' })).status, 200);
    const groupFeed = (await call(stack, insider, 'POST', '/api/me/calendar-feeds', { scope: { type: 'group', id: groupId } })).body.path as string;
    const myFeed = (await call(stack, insider, 'POST', '/api/me/calendar-feeds', { scope: { type: 'me' } })).body.path as string;
    assert.ok((await feedText(groupFeed)).text.includes(`${id}@coopol`));
    assert.ok((await feedText(myFeed)).text.includes(`${id}@coopol`));
    assert.ok(ids((await call(stack, insider, 'GET', '/api/me/agenda')).body).includes(id));

    assert.equal((await call(stack, insider, 'POST', `/api/groups/${groupId}/leave`)).status, 200);
    assert.equal((await call(stack, insider, 'GET', `/api/events/${id}`)).status, 404);
    assert.ok(!ids((await call(stack, insider, 'GET', '/api/me/agenda')).body).includes(id));
    assert.equal((await feedText(groupFeed)).status, 404);
    const mine = await feedText(myFeed);
    assert.equal(mine.status, 200);
    assert.ok(!mine.text.includes(id));
  });

  test('an open group’s announcement reaches its members, not those who muted it; a public group event is public', async () => {
    const manager = await volunteer();
    const [reader, muter] = [await volunteer(), await volunteer()];
    const groupId = await newGroup(manager, 'Enseignants', 'open');
    for (const p of [reader, muter]) assert.equal((await call(stack, p, 'POST', `/api/groups/${groupId}/join`)).status, 200);
    const muted = await call(stack, muter, 'PATCH', '/api/me/notification-settings', { mutedGroups: [groupId] });
    assert.equal(muted.status, 200, JSON.stringify(muted.body));

    const { id } = await create(manager, event({ space: { type: 'group', id: groupId }, title: 'Café pédagogique', kind: 'autre', announce: true }));
    const subject = '[Groupe Enseignants] Café pédagogique';
    await waitForMail(stack, reader.email, announcement(subject));
    const { handler } = await import('../../functions/src/jobs/event-mails');
    await handler({ eventId: id, kind: 'announce' });
    assert.equal((await mailsTo(reader.email)).filter((m) => m.subject.startsWith(subject)).length, 1);
    assert.equal((await mailsTo(muter.email)).filter((m) => m.subject.startsWith(subject)).length, 0);
    // Members-only events stay in the group; a public one is open to all (its public page included).
    assert.equal((await call(stack, outsider, 'GET', `/api/events/${id}`)).status, 404);
    const agendaPath = `/api/spaces/group/${groupId}/events?from=2031-05-01&limit=100`;
    assert.ok(!ids((await call(stack, outsider, 'GET', agendaPath)).body).includes(id));
    const fair = await create(manager, event({ space: { type: 'group', id: groupId }, title: 'Forum de l’école', kind: 'meeting', visibility: 'public' }));
    assert.equal((await call(stack, undefined, 'GET', `/api/public/events/${fair.id}`)).status, 200);
    assert.ok(ids((await call(stack, outsider, 'GET', agendaPath)).body).includes(fair.id));
  });
});

describe('large announcements, page by page', () => {
  // People written straight into the table (as the feed fan-out test does): 300 adhérents and 20
  // supporters in Corse-du-Sud, 30 adhérents in Haute-Corse.
  const run = Date.now().toString(36);
  const corsica = { '2A': { name: 'Corse-du-Sud', members: 300, supporters: 20 }, '2B': { name: 'Haute-Corse', members: 30, supporters: 0 } };
  const emails: Record<'2A' | '2B', { members: string[]; supporters: string[] }> = { '2A': { members: [], supporters: [] }, '2B': { members: [], supporters: [] } };

  before(async () => {
    const { PersonEntity } = await import('../../functions/src/domain/people/entities');
    const { defaultVisibility } = await import('../../functions/src/domain/people/visibility');
    const items = [];
    for (const [code, f] of Object.entries(corsica) as ['2A' | '2B', (typeof corsica)['2A']][]) {
      for (let i = 0; i < f.members + f.supporters; i++) {
        const status = i < f.members ? ('adherent' as const) : ('sympathisant' as const);
        const userId = `annonce-${run}-${code}-${i}`;
        const email = `${userId}@coopol.example`;
        emails[code][status === 'adherent' ? 'members' : 'supporters'].push(email);
        items.push({ userId, email, givenName: 'Militant', familyName: `N° ${i}`, sortName: `militant ${userId}`, status, federationCode: code, federationName: f.name, visibility: defaultVisibility, consentAt: new Date().toISOString() });
      }
    }
    const { unprocessed } = await PersonEntity.put(items).go({ concurrency: 4 });
    assert.equal(unprocessed.length, 0);
  });

  const copiesOf = (title: string) => announcementCopies(stack, title);

  test('a federation’s announcement reaches each of its 300 adhérents exactly once, page after page, even with two senders at once', async () => {
    const title = `Meeting régional ${run}`;
    const { id } = await create(admin, event({ space: { type: 'federation', id: '2A' }, title, kind: 'meeting', announce: true }));
    // While the worker sends it, a second sender runs the same task (a redelivered stream record).
    const { announcementTasks, runAnnouncementTask, PAGE_SIZE } = await import('../../functions/src/domain/events/announcements');
    let tasks = await announcementTasks(id);
    while (!tasks.length) {
      await new Promise((r) => setTimeout(r, 50));
      tasks = await announcementTasks(id);
    }
    const key = { eventId: id, scopeType: 'federation' as const, scopeId: '2A', seq: 0 };
    await runAnnouncementTask(key, () => 10 * 60_000);
    const [task] = await announced(id);
    assert.equal(task!.done, true);
    assert.ok(task!.pages >= Math.ceil(320 / PAGE_SIZE), `pages: ${task!.pages}`);
    assert.ok(task!.processed >= 300);

    const copies = await copiesOf(title);
    for (const email of emails['2A'].members) assert.equal(copies.get(email), 1, email);
    for (const email of emails['2A'].supporters) assert.equal(copies.get(email), undefined, `a supporter got a members’ announcement: ${email}`);
    // Counted by the run that committed each page: never more than went out.
    assert.ok(task!.sent > 0 && task!.sent <= copies.size, `sent: ${task!.sent}, mails: ${copies.size}`);

    // Asked again, nothing more goes out.
    const { handler } = await import('../../functions/src/jobs/event-mails');
    assert.deepEqual(await handler({ eventId: id, kind: 'announce' }), { tasks: 0 });
    await runAnnouncementTask(key, () => 10 * 60_000);
    assert.deepEqual([...new Set((await copiesOf(title)).values())], [1]);
  });

  test('a national announcement goes to every federation’s adhérents, one task per federation', async () => {
    const title = `Université d’été ${run}`;
    const { id } = await create(admin, event({ space: { type: 'national', id: 'national' }, title, kind: 'formation', announce: true }));
    const tasks = await announced(id, 90);
    assert.ok(tasks.every((t) => t.scopeType === 'federation'));
    assert.ok(tasks.some((t) => t.scopeId === '2A') && tasks.some((t) => t.scopeId === '2B'));
    const copies = await copiesOf(title);
    for (const email of [...emails['2A'].members, ...emails['2B'].members]) assert.equal(copies.get(email), 1, email);
    assert.equal(copies.get(member.email), undefined); // unsubscribed from announcements earlier in this file
  });
});

describe('calendars', () => {
  test('a calendar app’s parser reads the section feed with the right times on both sides of the daylight-saving change', async () => {
    // Clocks go forward on Sunday 30 March 2031: 9:00 in Paris is 8:00 UTC on Saturday, 7:00 UTC on Monday.
    const before = await create(secretary, event({ title: 'Tractage du samedi', start: '2031-03-29T09:00:00+01:00', end: '2031-03-29T11:00:00+01:00', visibility: 'section' }));
    const after = await create(secretary, event({ title: 'Réunion du lundi', kind: 'reunion', start: '2031-03-31T09:00:00+02:00', end: '2031-03-31T11:00:00+02:00', visibility: 'section' }));
    const feed = await call(stack, member, 'POST', '/api/me/calendar-feeds', { scope: { type: 'section', id: 'mulhouse' } });
    assert.equal(feed.status, 201);
    const response = await fetch(`${stack.urls.site}${feed.body.path as string}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const find = (uid: string) => events.find((e) => e.uid === `${uid}@coopol`)!;
    assert.equal(find(before.id).startDate.toJSDate().toISOString(), '2031-03-29T08:00:00.000Z');
    assert.equal(find(after.id).startDate.toJSDate().toISOString(), '2031-03-31T07:00:00.000Z');
    assert.equal(find(after.id).summary, 'Réunion du lundi');
    assert.equal(find(before.id).location, 'Marché du Canal couvert, Mulhouse');

    // The feed shows only what its owner may see; revoked, it is gone.
    const outsiderFeed = await call(stack, outsider, 'POST', '/api/me/calendar-feeds', { scope: { type: 'section', id: 'mulhouse' } });
    const outsiderText = await (await fetch(`${stack.urls.site}${outsiderFeed.body.path as string}`)).text();
    assert.ok(!outsiderText.includes(before.id));
    assert.equal((await call(stack, member, 'DELETE', `/api/me/calendar-feeds/${feed.body.id as string}`)).status, 200);
    assert.equal((await fetch(`${stack.urls.site}${feed.body.path as string}`)).status, 404);
  });

  test('my agenda and the .ics of one event', async () => {
    const { id } = await create(secretary, event({ title: 'Formation porte-à-porte', kind: 'formation', start: '2031-10-26T14:00:00+01:00', end: '2031-10-26T16:00:00+01:00' }));
    await call(stack, member, 'PUT', `/api/events/${id}/rsvp`, { answer: 'maybe' });
    const agenda = await call(stack, member, 'GET', '/api/me/agenda');
    assert.ok((agenda.body.items as { id: string; myRsvp: string }[]).some((e) => e.id === id && e.myRsvp === 'maybe'));
    const ics = await fetch(`${stack.urls.site}/api/events/${id}/ics`, { headers: { authorization: `Bearer ${member.idToken}` } });
    const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!);
    // 26 October 2031 is after the return to winter time: 14:00 in Paris is 13:00 UTC.
    assert.equal(vevent.startDate.toJSDate().toISOString(), '2031-10-26T13:00:00.000Z');
    // My own feed carries what I answered.
    const mine = await call(stack, member, 'POST', '/api/me/calendar-feeds', { scope: { type: 'me' } });
    const feed = new ICAL.Component(ICAL.parse(await (await fetch(`${stack.urls.site}${mine.body.path as string}`)).text()));
    assert.ok(feed.getAllSubcomponents('vevent').some((v) => new ICAL.Event(v).uid === `${id}@coopol`));
  });
});

describe('field reports', () => {
  test('reports from three sections add up in their federation’s and region’s dashboards', async () => {
    const past = (section: string) => event({ space: { type: 'section', id: section }, start: '2026-02-14T09:00:00+01:00', end: '2026-02-14T12:00:00+01:00', visibility: 'section' });
    const mulhouse = await create(secretary, past('mulhouse'));
    const colmar = await create(colmarSecretary, past('colmar'));
    const third = await create(officer, past('colmar'));
    const report = (as: TestPerson, id: string, leaflets: number, doors: number) =>
      call(stack, as, 'PUT', `/api/events/${id}/report`, { leaflets, doors, peopleReached: leaflets / 10, contacts: 1, remarks: '' });
    const region = async () => (await call(stack, admin, 'GET', '/api/reports/region/44?month=2026-02')).body as { history: { month: string; leaflets: number; reports: number }[]; children: { id: string; leaflets: number }[] };
    const regionBefore = await region();
    const before68 = regionBefore.children.find((c) => c.id === '68')!.leaflets;
    assert.equal((await report(secretary, mulhouse.id, 500, 40)).status, 200);
    assert.equal((await report(colmarSecretary, colmar.id, 300, 0)).status, 200);
    assert.equal((await report(officer, third.id, 200, 60)).status, 200);
    // A correction changes the totals by the difference, not twice.
    assert.equal((await report(secretary, mulhouse.id, 600, 40)).status, 200);

    const federation = (await call(stack, officer, 'GET', '/api/reports/federation/68?month=2026-02')).body as {
      history: { month: string; leaflets: number; doors: number; reports: number }[];
      children: { id: string; leaflets: number; reports: number }[];
      notReported: { id: string }[];
    };
    const feb = federation.history.find((h) => h.month === '2026-02')!;
    assert.ok(feb.leaflets >= 1100 && feb.reports >= 3);
    assert.ok(federation.children.find((c) => c.id === 'mulhouse')!.leaflets >= 600);
    assert.ok(federation.children.find((c) => c.id === 'colmar')!.leaflets >= 500);
    assert.ok(!federation.notReported.some((s) => s.id === 'mulhouse' || s.id === 'colmar'));
    const regionAfter = await region();
    assert.equal(regionAfter.children.find((c) => c.id === '68')!.leaflets - before68, 1100);
    const national = (await call(stack, admin, 'GET', '/api/reports/national/national?month=2026-02')).body as { children: { id: string; leaflets: number }[] };
    assert.ok(national.children.find((c) => c.id === '44')!.leaflets >= 1100);

    // Another section's secretary and members see nothing of it.
    assert.equal((await call(stack, colmarSecretary, 'GET', '/api/reports/section/mulhouse')).status, 403);
    assert.equal((await call(stack, outsider, 'GET', `/api/events/${mulhouse.id}/report`)).status, 404);
    assert.equal((await call(stack, member, 'GET', '/api/reports/federation/68')).status, 403);
  });

  test('an action is reported once it has started', async () => {
    const future = await create(secretary, event());
    const early = await call(stack, secretary, 'PUT', `/api/events/${future.id}/report`, { leaflets: 1, doors: 0, peopleReached: 0, contacts: 0 });
    assert.equal(early.status, 409);
  });
});

describe('region agenda', () => {
  test('a region’s agenda gathers its federations’ events in time order, as each one’s visibility allows', async () => {
    const later = await create(officer, event({ space: { type: 'federation', id: '68' }, title: 'Fête de la fédération', kind: 'meeting', start: '2031-09-13T15:00:00+02:00', end: '2031-09-13T20:00:00+02:00', visibility: 'members' }));
    const sooner = await create(admin, event({ space: { type: 'federation', id: '67' }, title: 'Formation des référents', kind: 'formation', start: '2031-09-06T10:00:00+02:00', end: '2031-09-06T12:00:00+02:00', visibility: 'public' }));
    const section = await create(secretary, event({ title: 'Tractage de rentrée', start: '2031-09-07T10:00:00+02:00', end: '2031-09-07T12:00:00+02:00' }));
    const agenda = async (p: TestPerson) => ((await call(stack, p, 'GET', '/api/regions/44/events?from=2031-09-01&limit=100')).body.items as { id: string }[]).map((e) => e.id);
    const seen = await agenda(member);
    assert.ok(seen.indexOf(sooner.id) >= 0 && seen.indexOf(sooner.id) < seen.indexOf(later.id), JSON.stringify(seen));
    assert.ok(!seen.includes(section.id)); // sections' events stay in their sections' agendas
    const supporter = await createTestPerson(stack, { email: `ev.supporter.${Date.now()}@coopol.example`, postalCode: '68100' });
    const bySupporter = await agenda(supporter);
    assert.ok(bySupporter.includes(sooner.id) && !bySupporter.includes(later.id));
    const unknown = await call(stack, member, 'GET', '/api/regions/999/events');
    assert.equal(unknown.status, 404);
  });
});
