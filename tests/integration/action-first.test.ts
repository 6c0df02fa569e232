import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { announced } from '../support/announcements';
import { mailsTo, waitForMail } from '../support/mail';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { api, testStack, type TestStack } from '../support/stack';

// « Action first » (issue 13), through the real handlers behind the local gateway: the finder finds
// the section and says whether Coopol is open; visitors see public events near a postal code; a
// slot sign-up is confirmed by mail with its .ics; organizers see how far the announcement went and
// only they are offered to organize.
let stack: TestStack;
let secretary: TestPerson;
let member: TestPerson;

const event = (overrides: Record<string, unknown> = {}) => ({
  space: { type: 'section', id: 'mulhouse' },
  kind: 'tractage',
  title: 'Tractage rue du Sauvage',
  start: '2031-09-13T09:00:00+02:00',
  end: '2031-09-13T13:00:00+02:00',
  place: { address: 'Rue du Sauvage, Mulhouse' },
  visibility: 'members',
  slots: [
    { start: '2031-09-13T09:00:00+02:00', end: '2031-09-13T11:00:00+02:00', needed: 2, label: 'Distribution' },
    { start: '2031-09-13T11:00:00+02:00', end: '2031-09-13T13:00:00+02:00', needed: 2 },
  ],
  ...overrides,
});

async function create(body: Record<string, unknown>) {
  const response = await call(stack, secretary, 'POST', '/api/events', body);
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body as { id: string; slots: { id: string }[]; announcement: unknown };
}

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: 'af.secretaire@coopol.example', givenName: 'Monique', familyName: 'Schmitt', postalCode: '68100',
    member: { memberNumber: 'AF000001', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  member = await createTestPerson(stack, {
    email: 'af.membre@coopol.example', givenName: 'Marie-Christine', familyName: 'Koenig', postalCode: '68100',
    member: { memberNumber: 'AF000002', sectionId: 'mulhouse' },
  });
});

describe('« Trouver ma section »', () => {
  test('a postal code gives its commune’s section and says Coopol is open there', async () => {
    const { status, body } = await api(stack, '/api/postal-codes/68100/sections');
    assert.equal(status, 200);
    const mulhouse = (body.communes as { name: string; sections: { id: string; name: string }[]; federation: { code: string; open: boolean } }[])[0]!;
    assert.equal(mulhouse.name, 'Mulhouse');
    assert.deepEqual(mulhouse.sections, [{ id: 'mulhouse', name: 'Section de Mulhouse' }]);
    assert.deepEqual(mulhouse.federation, { code: '68', name: 'Fédération du Haut-Rhin', open: true });
    const paris = await api(stack, '/api/postal-codes/75011/sections');
    assert.deepEqual((paris.body.communes as { sections: { id: string }[] }[])[0]!.sections.map((s) => s.id), ['paris-11']);
  });

  test('where no wave opened yet, it says so (the page offers to preregister)', async () => {
    const { body } = await api(stack, '/api/postal-codes/31000/sections');
    const toulouse = (body.communes as { sections: unknown[]; federation: { code: string; open: boolean } }[])[0]!;
    assert.equal(toulouse.federation.code, '31');
    assert.equal(toulouse.federation.open, false);
    assert.deepEqual(toulouse.sections, []);
  });

  test('a bad or unknown postal code is a 400 on its field, or a 404', async () => {
    const bad = await api(stack, '/api/postal-codes/6810/sections');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /params\.postalCode/);
    assert.equal((await api(stack, '/api/postal-codes/99999/sections')).status, 404);
  });
});

describe('events near a postal code', () => {
  test('a visitor sees the section’s public events, not its members’ ones', async () => {
    const open = await create(event({ title: 'Apéro public du marché', visibility: 'public', slots: [] }));
    const closed = await create(event({ title: 'Réunion de section', visibility: 'members', slots: [] }));
    const { status, body } = await api(stack, '/api/public/postal-codes/68100/events');
    assert.equal(status, 200);
    const ids = (body.items as { id: string }[]).map((e) => e.id);
    assert.ok(ids.includes(open.id));
    assert.ok(!ids.includes(closed.id), 'a members’ event is not listed to a visitor');
    const elsewhere = await api(stack, '/api/public/postal-codes/75011/events');
    assert.ok(!(elsewhere.body.items as { id: string }[]).some((e) => e.id === open.id));
  });
});

describe('a slot sign-up is confirmed with its .ics', () => {
  test('the volunteer gets one mail, with the slot as a calendar file', async () => {
    const { id, slots } = await create(event({ title: 'Tractage place de la Réunion' }));
    const signed = await call(stack, member, 'PUT', `/api/events/${id}/slots/${slots[0]!.id}/signup`);
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const mail = await waitForMail(stack, member.email, /^Inscription confirmée : Tractage place de la Réunion/);
    assert.match(mail.body.text ?? '', /créneau samedi 13 septembre à 9 h – 11 h \(Distribution\)/);
    const attachments = (mail as unknown as { attachments?: { filename: string; contentType: string; content: string }[] }).attachments ?? [];
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0]!.filename, 'creneau.ics');
    assert.match(attachments[0]!.contentType, /^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(Buffer.from(attachments[0]!.content, 'base64').toString('utf8'))).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('summary'), 'Tractage place de la Réunion (mon créneau : Distribution)');
    assert.equal((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(), '2031-09-13T07:00:00.000Z');
    assert.equal((vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(), '2031-09-13T09:00:00.000Z');
    // The job run again (a retried schedule) mails nobody twice.
    const { handler } = await import('../../functions/src/jobs/event-mails');
    assert.deepEqual(await handler({ eventId: id, kind: 'slot-confirmed', slotId: slots[0]!.id, userId: member.userId }), { sent: 0 });
    assert.equal((await mailsTo(stack, member.email)).filter((m) => m.subject.startsWith('Inscription confirmée : Tractage place de la Réunion')).length, 1);
  });
});

describe('organizers', () => {
  test('see « annonce envoyée à N personnes »; others see nothing of it', async () => {
    const { id, announcement } = await create(event({ title: 'Porte-à-porte Dornach', announce: true }));
    assert.deepEqual(announcement, { sent: 0, done: false });
    await announced(id);
    const mine = await call(stack, secretary, 'GET', `/api/events/${id}`);
    const progress = mine.body.announcement as { sent: number; done: boolean };
    assert.equal(progress.done, true);
    assert.ok(progress.sent >= 2, `${progress.sent} sent (the secretary and the member at least)`);
    assert.equal((await call(stack, member, 'GET', `/api/events/${id}`)).body.announcement, null);
  });

  test('only those who may organize are offered « Proposer un événement »', async () => {
    const asSecretary = await call(stack, secretary, 'GET', '/api/spaces/section/mulhouse/events');
    assert.equal(asSecretary.body.canOrganize, true);
    const asMember = await call(stack, member, 'GET', '/api/spaces/section/mulhouse/events');
    assert.equal(asMember.status, 200);
    assert.equal(asMember.body.canOrganize, false);
  });
});
