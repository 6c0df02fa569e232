import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ICAL from 'ical.js';
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
  start: '2031-05-17T09:00',
  end: '2031-05-17T13:00',
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
  const past = (overrides: Record<string, unknown> = {}) => event({ start: `${month}-14T09:00`, end: `${month}-14T12:00`, visibility: 'section', ...overrides });
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
