import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { postFrom, testStack, type TestStack } from '../support/stack';

// Refusals as the API answers them (ADR 0018): the class and status as before, plus a stable code,
// its parameters and the French message written from the catalogue — through the real handlers.
let stack: TestStack;
let secretary: TestPerson;
let first: TestPerson;
let second: TestPerson;

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: 'codes.secretary@coopol.example', postalCode: '68100', member: { memberNumber: 'EC000001', sectionId: 'mulhouse' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
  });
  first = await createTestPerson(stack, { email: 'codes.first@coopol.example', postalCode: '68100', member: { memberNumber: 'EC000002', sectionId: 'mulhouse' } });
  second = await createTestPerson(stack, { email: 'codes.second@coopol.example', postalCode: '68100', member: { memberNumber: 'EC000003', sectionId: 'mulhouse' } });
});

interface Refusal {
  statusCode: number;
  error: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
  details?: { field: string; message: string }[];
}

test('a full slot: slot.full, with the other slots that still miss people', async () => {
  const created = await call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'mulhouse' }, kind: 'tractage', title: 'Tractage codes', description: '', visibility: 'members',
    start: '2033-04-02T09:00:00+02:00', end: '2033-04-02T13:00:00+02:00', place: { address: 'Place de la Réunion, Mulhouse' },
    slots: [
      { start: '2033-04-02T09:00:00+02:00', end: '2033-04-02T11:00:00+02:00', needed: 1 },
      { start: '2033-04-02T11:00:00+02:00', end: '2033-04-02T13:00:00+02:00', needed: 3 },
    ],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, slots } = created.body as { id: string; slots: { id: string; startsAt: string }[] };
  const byStart = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const [early, late] = [byStart[0]!, byStart[1]!];
  assert.equal((await call(stack, first, 'PUT', `/api/events/${id}/slots/${early.id}/signup`)).status, 200);

  const full = await call(stack, second, 'PUT', `/api/events/${id}/slots/${early.id}/signup`);
  assert.equal(full.status, 409);
  const body = full.body as unknown as Refusal;
  assert.equal(body.error, 'Conflict');
  assert.equal(body.code, 'slot.full');
  assert.deepEqual(body.params, { others: [{ id: late.id, start: '11:00', end: '13:00', missing: 3 }] });
  assert.equal(body.message, 'Ce créneau est complet. Il manque encore du monde : 11:00–13:00 (3).');
});

test('an unknown event: event.not-found on the field that named it', async () => {
  const unknown = await call(stack, first, 'GET', `/api/events/${'0'.repeat(32)}`);
  assert.equal(unknown.status, 404);
  const body = unknown.body as unknown as Refusal;
  assert.deepEqual([body.error, body.code, body.params, body.message], ['NotFound', 'event.not-found', {}, 'Événement introuvable.']);
  assert.deepEqual(body.details, [{ field: 'params.eventId', message: 'Événement introuvable.' }]);
});

test('someone else’s post: post.author-only, and it stays', async () => {
  const post = await call(stack, first, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Collage ce soir' });
  assert.equal(post.status, 201, JSON.stringify(post.body));
  const postId = (post.body as { id: string }).id;
  const refused = await call(stack, second, 'DELETE', `/api/posts/${postId}`);
  assert.equal(refused.status, 403);
  const body = refused.body as unknown as Refusal;
  assert.deepEqual([body.error, body.code, body.params, body.message], ['Forbidden', 'post.author-only', {}, 'Seul·e l’auteur·rice modifie ou supprime sa publication.']);
  assert.equal((await call(stack, second, 'GET', `/api/posts/${postId}`)).status, 200);
});

test('a territory not open yet: territory.not-open, naming the commune and its federation', async () => {
  const refused = await postFrom(stack, '127.0.0.61', '/api/auth/sign-up', {
    email: 'codes.caen@coopol.example', givenName: 'Rémi', familyName: 'Refus', postalCode: '14000', consent: true,
  });
  assert.equal(refused.status, 403);
  const body = refused.body as unknown as Refusal;
  assert.deepEqual([body.error, body.code], ['TerritoryNotOpen', 'territory.not-open']);
  assert.deepEqual(body.params, { commune: 'Caen', federation: 'Fédération du Calvados' });
  assert.equal(body.message, 'Coopol n’est pas encore ouvert à Caen (Fédération du Calvados). Pré-inscrivez-vous : nous vous écrirons le jour de l’ouverture.');
});
