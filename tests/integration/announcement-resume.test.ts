import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { announced, announcementCopies } from '../support/announcements';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// An event's announcement survives its sender: killed mid-send (SIGKILL of the worker, which the
// stack starts again, as Lambda runs a failed batch again), or out of time (it hands over to the
// next task). Every adhérent ends with exactly one mail, counted in the SES emulator's store (ADR 0013).
// Federations used here and nowhere else: Lozère (48), Cantal (15); their people are written straight
// into the table (as the other large-announcement tests do).

let stack: TestStack;
let admin: TestPerson;
const run = Date.now().toString(36);
const audiences = { '48': { name: 'Lozère', members: 400 }, '15': { name: 'Cantal', members: 200 } } as const;
type Code = keyof typeof audiences;
const emails: Record<Code, string[]> = { '48': [], '15': [] };

before(async () => {
  stack = testStack();
  admin = await createTestPerson(stack, {
    email: `admin-annonce-${run}@coopol.example`,
    postalCode: '75011',
    member: { memberNumber: `AR${run.toUpperCase()}`, sectionId: 'paris-11' },
    grants: [{ role: 'national-admin', scopeType: 'national', scopeId: 'national' }],
    mfa: true,
  });
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { defaultVisibility } = await import('../../functions/src/domain/people/visibility');
  const items = [];
  for (const [code, f] of Object.entries(audiences) as [Code, (typeof audiences)[Code]][]) {
    for (let i = 0; i < f.members; i++) {
      const userId = `reprise-${run}-${code}-${i}`;
      const email = `${userId}@coopol.example`;
      emails[code].push(email);
      items.push({ userId, email, givenName: 'Militant', familyName: `N° ${i}`, sortName: `militant ${userId}`, status: 'adherent' as const, federationCode: code, federationName: f.name, visibility: defaultVisibility, consentAt: new Date().toISOString() });
    }
  }
  const { unprocessed } = await PersonEntity.put(items).go({ concurrency: 4 });
  assert.equal(unprocessed.length, 0);
});

async function publish(code: Code, title: string, announce: boolean): Promise<string> {
  const response = await call(stack, admin, 'POST', '/api/events', {
    space: { type: 'federation', id: code },
    kind: 'meeting',
    title,
    description: 'Réunion publique.',
    start: '2031-06-20T18:00:00+02:00',
    end: '2031-06-20T21:00:00+02:00',
    place: { address: 'Salle des fêtes' },
    visibility: 'members',
    announce,
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return (response.body as { id: string }).id;
}

const copiesOf = (title: string) => announcementCopies(stack, title);

/** Every address of `expected` got exactly one copy, nobody else did. */
function assertExactlyOnce(copies: Map<string, number>, expected: string[]) {
  const missing = expected.filter((email) => !copies.has(email));
  const twice = [...copies].filter(([, count]) => count > 1);
  assert.deepEqual({ missing: missing.length, twice: twice.length }, { missing: 0, twice: 0 }, `missing: ${missing.slice(0, 5)}; twice: ${JSON.stringify(twice.slice(0, 5))}`);
  assert.equal(copies.size, expected.length);
}

async function tasksOf(eventId: string) {
  const { announcementTasks } = await import('../../functions/src/domain/events/announcements');
  return announcementTasks(eventId);
}

describe('an announcement survives its sender', () => {
  test('the worker killed while it sends to 400 adhérents: each gets exactly one mail', { timeout: 120_000 }, async () => {
    const title = `Assemblée de Lozère ${run}`;
    const id = await publish('48', title, true);
    // Kill as soon as the SES emulator has some of its mails, not all: claims are in flight.
    let atKill = 0;
    for (;;) {
      atKill = (await copiesOf(title)).size;
      if (atKill > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const pid = Number(readFileSync(stack.workerPidFile, 'utf8'));
    process.kill(pid, 'SIGKILL');
    assert.ok(atKill < audiences['48'].members, `killed before the end (${atKill} received)`);
    while (Number(readFileSync(stack.workerPidFile, 'utf8')) === pid) await new Promise((r) => setTimeout(r, 100));

    const [task] = await announced(id);
    assert.ok(Number(readFileSync(stack.workerPidFile, 'utf8')) !== pid, 'a new worker finished the announcement');
    assert.equal(task!.processed, audiences['48'].members);
    assertExactlyOnce(await copiesOf(title), emails['48']);
    // The claims the killed run left were settled by SES's acceptances or sent again: all counted, once.
    assert.equal(task!.sent, audiences['48'].members);
  });

  test('a task out of time hands over to seq + 1 at its cursor: 200 adhérents, one mail each across both', { timeout: 120_000 }, async () => {
    const title = `Assemblée du Cantal ${run}`;
    // Published without an announcement, then given its task by hand — written so that the worker's
    // filter (INSERT of a task) never sees it: this test's direct call is its only sender.
    const eventId = await publish('15', title, false);
    const { AnnouncementTaskEntity } = await import('../../functions/src/domain/events/entities');
    const { documentClient } = await import('../../functions/src/shared/dynamodb');
    const { PutCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const key = { eventId, scopeType: 'federation' as const, scopeId: '15', seq: 0 };
    const put = AnnouncementTaskEntity.create(key).params<{ TableName: string; Item: Record<string, unknown> }>();
    const { __edb_e__: entityName, ...withoutName } = put.Item;
    await documentClient.send(new PutCommand({ TableName: put.TableName, Item: withoutName }));
    await documentClient.send(
      new UpdateCommand({ TableName: put.TableName, Key: { pk: put.Item.pk, sk: put.Item.sk }, UpdateExpression: 'SET #e = :e', ExpressionAttributeNames: { '#e': '__edb_e__' }, ExpressionAttributeValues: { ':e': entityName } }),
    );

    // The job as the stream calls it, with a context whose time runs out after two pages.
    const { handler } = await import('../../functions/src/jobs/event-announcements');
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    let looks = 0;
    const context = { getRemainingTimeInMillis: () => (++looks <= 2 ? 10 * 60_000 : 30_000) } as unknown as Context;
    const record = { eventName: 'INSERT', dynamodb: { NewImage: marshall(put.Item, { removeUndefinedValues: true }) } };
    await handler({ Records: [record] } as unknown as DynamoDBStreamEvent, context);

    const { PAGE_SIZE } = await import('../../functions/src/domain/events/announcements');
    const first = (await tasksOf(eventId)).find((t) => t.seq === 0)!;
    assert.equal(first.done, true);
    assert.equal(first.pages, 2);
    assert.equal(first.processed, 2 * PAGE_SIZE);
    assert.equal(first.sent, 2 * PAGE_SIZE);
    assert.ok(first.cursor, 'the first task stopped at a cursor');

    // Its successor (an INSERT: the worker's) goes on from there to the end.
    const tasks = await announced(eventId, 2);
    assert.deepEqual(tasks.map((t) => t.seq).sort(), [0, 1]);
    const second = tasks.find((t) => t.seq === 1)!;
    assert.equal(first.processed + second.processed, audiences['15'].members);
    assert.equal(first.sent + second.sent, audiences['15'].members);
    assertExactlyOnce(await copiesOf(title), emails['15']);
  });
});
