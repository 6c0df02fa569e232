import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Entity } from 'electrodb';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// The agenda index (E2) moved onto ADR 0017's key convention (`spaceKeyOf`). Events stored before
// carry the old key; the migration moves them, once, through the real table (DynamoDB Local).
let stack: TestStack;
let secretary: TestPerson;

before(async () => {
  stack = testStack();
  secretary = await createTestPerson(stack, {
    email: 'mig.secretary@coopol.example', postalCode: '68000', member: { memberNumber: 'MG000001', sectionId: 'colmar' },
    grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'colmar' }], mfa: true,
  });
});

async function createEvent(title: string, day: string): Promise<string> {
  const response = await call(stack, secretary, 'POST', '/api/events', {
    space: { type: 'section', id: 'colmar' }, kind: 'reunion', title, description: '', visibility: 'members',
    start: `${day}T18:00:00+01:00`, end: `${day}T20:00:00+01:00`, place: { address: 'Salle des fêtes, Colmar' },
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return (response.body as { id: string }).id;
}

const agenda = async () =>
  ((await call(stack, secretary, 'GET', '/api/spaces/section/colmar/events?from=2032-01-01')).body as { items: { id: string }[] }).items.map((e) => e.id);

/** Puts an event back as the code before the convention stored it: no `spaceKey`, its agenda key built from type and id. */
async function storeTheOldWay(eventId: string) {
  const { documentClient, tableName } = await import('../../functions/src/shared/dynamodb');
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  // The agenda index as it was declared before ADR 0017's convention reached it.
  const before = new Entity(
    {
      model: { service: 'coopol', entity: 'event', version: '1' },
      attributes: { eventId: { type: 'string' }, spaceType: { type: 'string' }, spaceId: { type: 'string' }, startsAt: { type: 'string' } },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: [] } },
        bySpace: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['spaceType', 'spaceId'] }, sk: { field: 'gsi1sk', composite: ['startsAt', 'eventId'] } },
      },
    },
    { table: tableName, client: documentClient },
  );
  const oldKey = before.query.bySpace({ spaceType: 'section', spaceId: 'colmar' }).params<{ ExpressionAttributeValues: Record<string, string> }>().ExpressionAttributeValues[':pk'];
  assert.ok(oldKey);
  const { Key } = before.get({ eventId }).params<{ Key: Record<string, string> }>();
  await documentClient.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'REMOVE spaceKey SET gsi1pk = :old', ExpressionAttributeValues: { ':old': oldKey } }));
}

test('events stored before the convention are moved onto the agenda key, once', async () => {
  const { migrateEventSpaceKeys } = await import('../../functions/src/domain/events/migrations');
  const kept = await createEvent('Réunion déjà sur la nouvelle clé', '2032-03-02');
  const old = await createEvent('Réunion rangée à l’ancienne', '2032-03-03');
  const edited = await createEvent('Réunion rangée à l’ancienne puis déplacée', '2032-03-04');
  await storeTheOldWay(old);
  await storeTheOldWay(edited);
  assert.deepEqual(await agenda(), [kept]); // the old key is not the agenda's any more: they are missing from it

  // An edit of its times before the migration puts the event on the new key by itself.
  const moved = await call(stack, secretary, 'PATCH', `/api/events/${edited}`, { start: '2032-03-05T18:00:00+01:00', end: '2032-03-05T20:00:00+01:00' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.deepEqual(await agenda(), [kept, edited]);

  const first = await migrateEventSpaceKeys({ pageSize: 25 });
  assert.deepEqual(first, { scanned: 1, moved: 1 }); // the edited one had moved already
  assert.deepEqual(await agenda(), [kept, old, edited]);

  // Run again (an interrupted run resumed, a second operator): nothing left to move, nothing changed.
  assert.deepEqual(await migrateEventSpaceKeys(), { scanned: 0, moved: 0 });
  assert.deepEqual(await agenda(), [kept, old, edited]);
  const page = await call(stack, secretary, 'GET', `/api/events/${old}`);
  assert.equal((page.body as { title: string }).title, 'Réunion rangée à l’ancienne');
});
