import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A rollout wave's trainings are events of the national space for the web referents of the wave's
// territories (ADR 0023), through the real handlers: they see and answer them; nobody else learns
// they exist. Everyone here is new (unique member numbers).

let stack: TestStack;
const run = randomUUID().slice(0, 6).toUpperCase();
let admin: TestPerson;
let referentRennes: TestPerson; // web referent, Rennes (35): in the wave
let referentMulhouse: TestPerson; // web referent, Mulhouse (68): outside it at first
let memberRennes: TestPerson; // member of Rennes, no role
let waveId: string;
let eventId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const agendaIds = async (person: TestPerson) => ((await call(stack, person, 'GET', '/api/me/agenda')).body.items as { id: string }[]).map((e) => e.id);
const nationalAgendaIds = async (person: TestPerson) =>
  ((await call(stack, person, 'GET', '/api/spaces/national/national/events?limit=100')).body.items as { id: string }[]).map((e) => e.id);

before(async () => {
  stack = testStack();
  const referent = (name: string, n: number, sectionId: string, postalCode: string) =>
    createTestPerson(stack, {
      email: `${name}-${run}@coopol.example`.toLowerCase(),
      givenName: name,
      familyName: 'Formation',
      postalCode,
      member: { memberNumber: `WT${run}${n}`, sectionId },
      grants: [{ role: 'web-referent', scopeType: 'section', scopeId: sectionId }],
    });
  [admin, referentRennes, referentMulhouse, memberRennes] = await Promise.all([
    createTestPerson(stack, {
      email: `admin-${run}@coopol.example`.toLowerCase(),
      postalCode: '75011',
      member: { memberNumber: `WT${run}0`, sectionId: 'paris-11' },
      grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
      mfa: true,
    }),
    referent('Rozenn', 1, 'rennes', '35000'),
    referent('Mathis', 2, 'mulhouse', '68100'),
    createTestPerson(stack, { email: `yann-${run}@coopol.example`.toLowerCase(), givenName: 'Yann', familyName: 'Formation', postalCode: '35000', member: { memberNumber: `WT${run}3`, sectionId: 'rennes' } }),
  ]);
  const wave = await call(stack, admin, 'POST', '/api/waves', {
    name: `Vague de formation ${run}`,
    federationCodes: ['35'],
    opensAt: inDays(30),
    trainings: [{ title: 'Formation des référents web', startsAt: inDays(10), place: 'En visio' }],
  });
  assert.equal(wave.status, 201, JSON.stringify(wave.body));
  waveId = wave.body.id as string;
  eventId = (wave.body.trainings as { eventId: string | null }[])[0]!.eventId!;
  assert.ok(eventId, 'the training has its event');
});

describe('a wave’s trainings', () => {
  test('a web referent of the wave’s territory sees the training in the national space and answers it; it joins their agenda', async () => {
    const seen = await call(stack, referentRennes, 'GET', `/api/events/${eventId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.kind, 'formation');
    assert.deepEqual(seen.body.space, { type: 'national', id: 'national', name: 'Coopol national' });
    assert.equal(seen.body.visibility, 'referents');
    assert.ok((await nationalAgendaIds(referentRennes)).includes(eventId), 'in the national agenda');

    const answer = await call(stack, referentRennes, 'PUT', `/api/events/${eventId}/rsvp`, { answer: 'going' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await call(stack, referentRennes, 'GET', `/api/events/${eventId}`)).body.myRsvp, 'going');
    assert.ok((await agendaIds(referentRennes)).includes(eventId), 'in my agenda (and so in my calendar feed)');
    const ics = await call(stack, referentRennes, 'GET', `/api/events/${eventId}/ics`);
    assert.equal(ics.status, 200);
  });

  test('someone outside — a member without the role, a web referent of another territory — is told it does not exist, everywhere', async () => {
    for (const outsider of [memberRennes, referentMulhouse]) {
      assert.equal((await call(stack, outsider, 'GET', `/api/events/${eventId}`)).status, 404);
      assert.equal((await call(stack, outsider, 'PUT', `/api/events/${eventId}/rsvp`, { answer: 'going' })).status, 404);
      assert.equal((await call(stack, outsider, 'GET', `/api/events/${eventId}/ics`)).status, 404);
      assert.ok(!(await nationalAgendaIds(outsider)).includes(eventId), 'not in the national agenda');
    }
    assert.ok(!(await agendaIds(referentMulhouse)).includes(eventId));
  });

  test('the trainings follow their wave: other territories, then a training removed is cancelled; the wave page keeps showing them', async () => {
    const moved = await call(stack, admin, 'PATCH', `/api/waves/${waveId}`, { federationCodes: ['68'] });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((moved.body.trainings as { eventId: string }[])[0]!.eventId, eventId, 'the same event');
    assert.equal((await call(stack, referentMulhouse, 'GET', `/api/events/${eventId}`)).status, 200);
    assert.equal((await call(stack, referentRennes, 'GET', `/api/events/${eventId}`)).status, 404);

    const wave = await call(stack, admin, 'GET', `/api/waves/${waveId}`);
    assert.deepEqual((wave.body.trainings as { title: string; eventId: string }[]).map((t) => [t.title, t.eventId]), [['Formation des référents web', eventId]]);

    const emptied = await call(stack, admin, 'PATCH', `/api/waves/${waveId}`, { trainings: [] });
    assert.equal(emptied.status, 200);
    assert.equal((await call(stack, referentMulhouse, 'GET', `/api/events/${eventId}`)).body.status, 'cancelled');
  });

  test('nobody can make such an event through the events API', async () => {
    const forged = await call(stack, admin, 'POST', '/api/events', {
      space: { type: 'national', id: 'national' }, kind: 'formation', title: 'Fausse formation', start: inDays(5), end: inDays(5.1), place: { address: 'En visio' }, visibility: 'referents',
    });
    assert.equal(forged.status, 400);
    assert.ok((forged.body.details as { field: string }[]).some((d) => d.field === 'body.visibility'));
  });
});
