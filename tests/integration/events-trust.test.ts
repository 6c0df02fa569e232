import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The trust findings on events (ADR 0015, « Events: field reports, calendars, public answers »),
// tried as an attacker would, through the real handlers behind the local gateway.
let stack: TestStack;
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
    const groupName = `Hors sol ${run}\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Faux RDV`;
    const created = await call(stack, member, 'POST', '/api/groups', { name: groupName, kind: 'open', audience: 'all' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const groupId = created.body.id as string;
    const storedName = created.body.name as string;
    const { id } = await create(member, event({ space: { type: 'group', id: groupId }, title: hostile, description: 'Ligne 1\nEND:VEVENT', place: { address: 'Salle 2\r\nBEGIN:VEVENT' } }));
    const title = (await call(stack, member, 'GET', `/api/events/${id}`)).body.title as string;

    const ics = await fetch(`${stack.urls.site}/api/events/${id}/ics`, { headers: { authorization: `Bearer ${member.idToken}` } });
    assert.equal(ics.status, 200);
    const one = parse(await ics.text());
    assert.equal(one.events.length, 1);
    assert.deepEqual([one.events[0]!.uid, one.events[0]!.summary], [`${id}@coopol`, asRead(title)]);
    assert.equal(one.events[0]!.description, 'Ligne 1\nEND:VEVENT');
    assert.equal(one.name, asRead(title));

    const feed = await call(stack, member, 'POST', '/api/me/calendar-feeds', { scope: { type: 'group', id: groupId } });
    assert.equal(feed.status, 201);
    const text = await (await fetch(`${stack.urls.site}${feed.body.path as string}`)).text();
    const all = parse(text);
    assert.equal(all.events.length, 1, text);
    assert.deepEqual([all.events[0]!.uid, all.events[0]!.summary], [`${id}@coopol`, asRead(title)]);
    assert.equal(all.name, asRead(`Agenda — Groupe ${storedName}`));
    assert.equal(text.match(/^BEGIN:VEVENT\r$/gm)?.length, 1);
  });
});
