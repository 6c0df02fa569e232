import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import http from 'node:http';
import ICAL from 'ical.js';
import { linkIn, mailsTo, waitForMail } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The trust findings on events (ADR 0015, « Events: field reports, calendars, public answers »),
// tried as an attacker would, through the real handlers behind the local gateway.
let stack: TestStack;
let secretary: TestPerson;
let admin: TestPerson;
let member: TestPerson;
const run = Date.now().toString(36);

let n = 0;
const person = (section = 'mulhouse') => {
  n += 1;
  return createTestPerson(stack, {
    email: `trust.ev${run}.${n}@coopol.example`,
    givenName: `Militant${n}`,
    postalCode: '68100',
    member: { memberNumber: `TE${run.slice(-4)}${String(n).padStart(4, '0')}`, sectionId: section },
  });
};

const event = (overrides: Record<string, unknown> = {}) => ({
  space: { type: 'section', id: 'mulhouse' },
  kind: 'tractage',
  title: 'Tractage au marché du Canal',
  description: 'Tracts sur les transports.',
  start: '2031-05-17T09:00:00+02:00',
  end: '2031-05-17T13:00:00+02:00',
  place: { address: 'Marché du Canal couvert, Mulhouse' },
  visibility: 'members',
  ...overrides,
});

async function create(as: TestPerson, body: Record<string, unknown>) {
  const response = await call(stack, as, 'POST', '/api/events', body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body as { id: string };
}

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: `trust.ev${run}.secretary@coopol.example`, givenName: 'Jeanne', familyName: 'Martin', postalCode: '68100',
    member: { memberNumber: `TS${run.slice(-6)}`, sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  admin = await createTestPerson(stack, {
    email: `trust.ev${run}.admin@coopol.example`, postalCode: '75018', member: { memberNumber: `TA${run.slice(-6)}`, sectionId: 'paris-18' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }], mfa: true,
  });
  member = await person();
});

describe('calendars: every text value escaped (RFC 5545)', () => {
  // Each line a calendar app would read as a property of its own if the text were written raw.
  const hostile = 'Réunion\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:faux@coopol\r\nSUMMARY:Faux RDV\rDTSTART:20310101T000000Z\nEND:VEVENT; a, b \\ c';
  // RFC 5545 text has one line break (« \n »): a CR/LF or a lone CR comes back as LF, nothing else changes.
  const asRead = (text: string) => text.replace(/\r\n|\r/g, '\n');
  // X-WR-CALNAME is text by convention; ical.js reads unknown properties raw unless told.
  ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };
  const parse = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return { name: calendar.getFirstPropertyValue('x-wr-calname'), events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
  };

  test('a title with line breaks, « ; », « , », « \\ » and BEGIN:VEVENT lines is one event, its summary the title, in the .ics and in a feed', async () => {
    // The API now refuses line breaks in a title or a group's name (lineText); text stored before
    // that, or written by any other path, must still never break a calendar.
    const refused = await call(stack, member, 'POST', '/api/events', event({ title: hostile }));
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.details!.map((d) => d.field), ['body.title']);

    const created = await call(stack, member, 'POST', '/api/groups', { name: `Hors sol ${run}`, kind: 'open', audience: 'all' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const groupId = created.body.id as string;
    const { id } = await create(member, event({ space: { type: 'group', id: groupId }, title: 'Réunion; a, b \\ c BEGIN:VEVENT', description: 'Ligne 1\nEND:VEVENT\nBEGIN:VEVENT' }));
    const { EventEntity } = await import('../../functions/src/domain/events/entities');
    const { GroupEntity } = await import('../../functions/src/domain/social/entities');
    const groupName = `Hors sol ${run}\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Faux RDV`;
    await EventEntity.patch({ eventId: id }).set({ title: hostile }).go();
    await GroupEntity.patch({ groupId }).set({ name: groupName }).go();

    const ics = await fetch(`${stack.urls.site}/api/events/${id}/ics`, { headers: { authorization: `Bearer ${member.idToken}` } });
    assert.equal(ics.status, 200);
    const one = parse(await ics.text());
    assert.equal(one.events.length, 1);
    assert.deepEqual([one.events[0]!.uid, one.events[0]!.summary], [`${id}@coopol`, asRead(hostile)]);
    assert.equal(one.events[0]!.description, 'Ligne 1\nEND:VEVENT\nBEGIN:VEVENT');
    assert.equal(one.name, asRead(hostile));

    const feed = await call(stack, member, 'POST', '/api/me/calendar-feeds', { scope: { type: 'group', id: groupId } });
    assert.equal(feed.status, 201);
    const text = await (await fetch(`${stack.urls.site}${feed.body.path as string}`)).text();
    const all = parse(text);
    assert.equal(all.events.length, 1, text);
    assert.deepEqual([all.events[0]!.uid, all.events[0]!.summary], [`${id}@coopol`, asRead(hostile)]);
    assert.equal(all.name, asRead(`Agenda — Groupe ${groupName}`));
    assert.equal(text.match(/^BEGIN:VEVENT\r$/gm)?.length, 1);
  });
});

describe('field reports: party spaces roll up, within ceilings, and say who reported what', () => {
  const month = '2026-11';
  const past = (overrides: Record<string, unknown> = {}) => event({ start: `${month}-14T09:00:00+01:00`, end: `${month}-14T12:00:00+01:00`, visibility: 'section', ...overrides });
  const figures = (leaflets: number, doors = 10, contacts = 2) => ({ leaflets, doors, peopleReached: 20, contacts, remarks: '' });
  type Rollup = { history: { month: string; leaflets: number; reports: number }[]; reports: { eventId: string; title: string; spaceName: string; reporter: { userId: string; name: string }; leaflets: number }[] };
  const rollup = async (as: TestPerson, path: string) => {
    const response = await call(stack, as, 'GET', `/api/reports/${path}?month=${month}`);
    return { status: response.status, body: response.body as unknown as Rollup };
  };
  const leafletsOf = (r: Rollup) => r.history.find((h) => h.month === month)!.leaflets;

  test('any member’s group counts its actions in the group only: the national totals do not move', async () => {
    const created = await call(stack, member, 'POST', '/api/groups', { name: `Tracteurs ${run}`, kind: 'open', audience: 'all' });
    assert.equal(created.status, 201);
    const groupId = created.body.id as string;
    const joiner = await person();
    assert.equal((await call(stack, joiner, 'POST', `/api/groups/${groupId}/join`)).status, 200);
    const { id } = await create(member, past({ space: { type: 'group', id: groupId }, title: 'Tractage du groupe', visibility: 'members' }));
    const nationalBefore = leafletsOf((await rollup(admin, 'national/national')).body);

    const reported = await call(stack, member, 'PUT', `/api/events/${id}/report`, figures(15_000));
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    assert.equal(leafletsOf((await rollup(admin, 'national/national')).body), nationalBefore);
    const group = await rollup(member, `group/${groupId}`);
    assert.equal(group.status, 200, JSON.stringify(group.body));
    assert.equal(leafletsOf(group.body), 15_000);
    assert.deepEqual(group.body.reports.map((r) => [r.eventId, r.title, r.reporter.userId, r.leaflets]), [[id, 'Tractage du groupe', member.userId, 15_000]]);
    // The group's dashboard is its managers': a member is refused, someone outside too.
    assert.equal((await rollup(joiner, `group/${groupId}`)).status, 403);
    assert.equal((await rollup(secretary, `group/${groupId}`)).status, 403);
  });

  test('a figure beyond its ceiling is a 400 naming it, and changes nothing', async () => {
    const { id } = await create(secretary, past({ title: 'Tractage du marché' }));
    const sectionBefore = leafletsOf((await rollup(secretary, 'section/mulhouse')).body);
    const inflated = await call(stack, secretary, 'PUT', `/api/events/${id}/report`, figures(1_000_000, 2_001, 2_000));
    assert.equal(inflated.status, 400);
    assert.deepEqual(inflated.body.details!.map((d) => d.field).sort(), ['body.doors', 'body.leaflets']);
    assert.match(inflated.body.details!.find((d) => d.field === 'body.leaflets')!.message, /20\s000/);
    assert.equal((await call(stack, secretary, 'GET', `/api/events/${id}/report`)).status, 404);
    assert.equal(leafletsOf((await rollup(secretary, 'section/mulhouse')).body), sectionBefore);
    // At the ceiling it is accepted.
    assert.equal((await call(stack, secretary, 'PUT', `/api/events/${id}/report`, figures(20_000, 2_000, 2_000))).status, 200);
    assert.equal(leafletsOf((await rollup(secretary, 'section/mulhouse')).body), sectionBefore + 20_000);
  });

  test('each level’s roll-up lists who reported what: the event, its space, the reporter', async () => {
    const { id } = await create(secretary, past({ title: 'Porte-à-porte Rebberg', kind: 'porte-a-porte' }));
    assert.equal((await call(stack, secretary, 'PUT', `/api/events/${id}/report`, figures(300))).status, 200);
    for (const path of ['section/mulhouse', 'federation/68', 'region/44', 'national/national']) {
      const { body } = await rollup(admin, path);
      const line = body.reports.find((r) => r.eventId === id);
      assert.deepEqual(line && [line.title, line.spaceName, line.reporter, line.leaflets], ['Porte-à-porte Rebberg', 'Section de Mulhouse', { userId: secretary.userId, name: 'Jeanne Martin' }, 300], path);
    }
  });
});

describe('public answers: held until confirmed from the mailbox, changed by the mailed link, rate-limited', () => {
  type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Record<string, unknown> & { details?: { field: string }[] } };
  /** A request from one loopback address (the gateway sees it as the client's IP): each test its own client. */
  const from = (ip: string, method: string, path: string, body?: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      const url = new URL(`${stack.urls.site}${path}`);
      const data = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method, localAddress: ip, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text ? (JSON.parse(text) as Reply['body']) : {} }));
        },
      );
      request.on('error', reject);
      request.end(data);
    });
  let clients = 0;
  const newClient = () => `127.0.${Math.floor(Math.random() * 200) + 20}.${(clients += 1)}`;
  const address = (who: string) => `${who}.${run}@visiteurs.example`;
  const answer = (ip: string, eventId: string, name: string, email: string, rsvp = 'going') =>
    from(ip, 'POST', `/api/public/events/${eventId}/rsvp`, { name, email, answer: rsvp, consent: true });
  const tokenFrom = async (email: string, subject: RegExp) => {
    const mail = await waitForMail(stack, email, subject);
    return new URL(linkIn(mail, /\/evenements\/reponse\/confirmer/)).searchParams.get('jeton')!;
  };
  const publicGoing = async (id: string) => (await call(stack, undefined, 'GET', `/api/public/events/${id}`)).body.going as number;
  const attendees = async (id: string) => (await call(stack, secretary, 'GET', `/api/events/${id}/attendees`)).body.items as { name: string; state: string }[];

  test('an answer holds a place and counts only once confirmed by the button of the mailed link; the link renames and cancels it', async () => {
    const ip = newClient();
    const { id } = await create(secretary, event({ kind: 'meeting', title: 'Meeting du marché', visibility: 'public', capacity: 5 }));
    const email = address('lea');
    const sent = await answer(ip, id, 'Léa Dupont', email);
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    assert.deepEqual(sent.body, { outcome: 'mail-sent', destination: `l***@visiteurs.example`, holdMinutes: 30 });
    // Held, not coming: neither the page's count nor the organizer's list has her yet.
    assert.equal(await publicGoing(id), 0);
    assert.ok(!(await attendees(id)).some((a) => a.name === 'Léa Dupont'));
    // An unconfirmed address gets this mail and no other (the organizer's change is not told to her).
    assert.equal((await call(stack, secretary, 'PATCH', `/api/events/${id}`, { description: 'Salle 2.' })).status, 200);
    const token = await tokenFrom(email, /^Confirmez votre réponse : Meeting du marché$/);
    const seen = await from(ip, 'GET', `/api/public/event-answers/${token}`);
    assert.deepEqual([seen.status, seen.body.confirmed, seen.body.state, seen.body.name], [200, false, 'going', 'Léa Dupont']);

    const confirmed = await from(ip, 'POST', `/api/public/event-answers/${token}/confirm`);
    assert.deepEqual([confirmed.status, confirmed.body.confirmed], [200, true]);
    assert.equal((await from(ip, 'POST', `/api/public/event-answers/${token}/confirm`)).body.confirmed, true); // twice: nothing more
    assert.equal(await publicGoing(id), 1);
    assert.ok((await attendees(id)).some((a) => a.name === 'Léa Dupont' && a.state === 'going'));

    const renamed = await from(ip, 'PATCH', `/api/public/event-answers/${token}`, { name: 'Léa Dupont-Martin' });
    assert.equal(renamed.status, 200);
    assert.ok((await attendees(id)).some((a) => a.name === 'Léa Dupont-Martin'));
    assert.equal((await from(ip, 'DELETE', `/api/public/event-answers/${token}`)).status, 200);
    assert.equal(await publicGoing(id), 0);
    assert.ok(!(await attendees(id)).some((a) => a.name.startsWith('Léa')));
    assert.equal((await from(ip, 'GET', `/api/public/event-answers/${token}`)).status, 404);
    assert.deepEqual((await mailsTo(stack, email)).map((m) => m.subject), ['Confirmez votre réponse : Meeting du marché']);
  });

  test('a second answer with the same address changes nothing, looks the same, and only its mailbox hears of it (a few times an hour at most)', async () => {
    const ip = newClient();
    const { id } = await create(secretary, event({ kind: 'meeting', title: 'Débat sur l’école', visibility: 'public' }));
    const email = address('paul');
    const first = await answer(ip, id, 'Paul Durand', email);
    const token = await tokenFrom(email, /^Confirmez/);
    assert.equal((await from(ip, 'POST', `/api/public/event-answers/${token}/confirm`)).body.confirmed, true);

    const again = await answer(ip, id, 'Quelqu’un d’autre', email, 'no');
    const stranger = await answer(ip, id, 'Personne', address('pierre'));
    assert.deepEqual([first.status, again.status, stranger.status], [202, 202, 202]);
    assert.deepEqual(again.body, { ...first.body });
    assert.deepEqual(Object.keys(again.body).sort(), Object.keys(stranger.body).sort());
    const list = await attendees(id);
    assert.ok(list.some((a) => a.name === 'Paul Durand' && a.state === 'going'), JSON.stringify(list));
    assert.ok(!list.some((a) => a.name === 'Quelqu’un d’autre'));
    await waitForMail(stack, email, /^Votre réponse : Débat sur l’école$/);
    // However often the form is sent with this address, its mailbox gets at most 3 mails an hour.
    for (let i = 0; i < 4; i++) assert.equal((await answer(ip, id, 'Encore', email)).status, 202);
    assert.equal((await mailsTo(stack, email)).length, 3);
  });

  test('an unconfirmed hold does not count after 30 minutes: its place goes back, to the first person waiting', async () => {
    const ip = newClient();
    const { id } = await create(secretary, event({ kind: 'reunion', title: 'Réunion publique du quartier', visibility: 'public', capacity: 1 }));
    const email = address('hold');
    assert.equal((await answer(ip, id, 'Sans Confirmation', email)).status, 202);
    const token = await tokenFrom(email, /^Confirmez/);
    // The held place is taken for now: a member who comes waits.
    const comer = await person();
    assert.equal((await call(stack, comer, 'PUT', `/api/events/${id}/rsvp`, { answer: 'going' })).body.state, 'waiting');

    // 31 minutes later (the clock given to the domain), the next answer finds the hold lapsed.
    const { answerPublicEvent } = await import('../../functions/src/domain/events/visitors');
    const later = new Date(Date.now() + 31 * 60_000);
    await answerPublicEvent(id, { name: 'Plus Tard', email: address('later'), answer: 'going' }, { ip }, later);
    assert.equal((await call(stack, comer, 'GET', `/api/events/${id}`)).body.myRsvp, 'going');
    await waitForMail(stack, comer.email, 'Une place s’est libérée : Réunion publique du quartier');
    assert.equal(await publicGoing(id), 1);
    // The counter is exact: one place, taken once, nothing held any more by the lapsed hold.
    const { readCounter } = await import('../../functions/src/domain/events/read');
    const { EventEntity } = await import('../../functions/src/domain/events/entities');
    const stored = (await EventEntity.get({ eventId: id }).go()).data!;
    const shards = await readCounter(`${id}#going`, stored.goingShards);
    assert.deepEqual([shards.reduce((n, s) => n + s.taken, 0), shards.reduce((n, s) => n + (s.held ?? 0), 0)], [1, 0]);
    // The lapsed link confirms nothing.
    assert.equal((await from(ip, 'POST', `/api/public/event-answers/${token}/confirm`)).status, 404);
    assert.equal(await publicGoing(id), 1);
  });

  test('one client’s answers are refused past the limit, with a clear 429, and write nothing', async () => {
    const ip = newClient();
    const { id } = await create(secretary, event({ kind: 'meeting', title: 'Meeting très couru', visibility: 'public' }));
    const replies = [];
    for (let i = 0; i < 31; i++) replies.push(await answer(ip, id, `Inventé ${i}`, address(`bot${i}`)));
    assert.deepEqual([...new Set(replies.slice(0, 30).map((r) => r.status))], [202]);
    const refused = replies[30]!;
    assert.equal(refused.status, 429);
    assert.match(refused.body.message as string, /Trop de réponses/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await mailsTo(stack, address('bot30'))).length, 0);
    // Another client is not held back by this one.
    assert.equal((await answer(newClient(), id, 'Vraie Personne', address('vraie'))).status, 202);
  });
});
