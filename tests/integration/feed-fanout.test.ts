import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// A post in a section of 5,000 members reaches each of their feeds exactly once, even when the
// worker running the fan-out is SIGKILLed halfway (the stack starts it again and the stream gives
// the new one the same record). Nobody outside the section gets it. A section made for this test,
// in a federation no other test uses (Corse-du-Sud, 2A); its members are written straight into the
// table (sign-up is tested elsewhere).

const MEMBERS = 5000;
const run = randomUUID().slice(0, 6);
const sectionId = `fanout-${run}`;
const otherSectionId = `fanout-autre-${run}`;
let stack: TestStack;
let poster: TestPerson;
const memberIds = Array.from({ length: MEMBERS }, (_, i) => `fanout-${run}-${String(i).padStart(5, '0')}`);
const outsiderIds = Array.from({ length: 50 }, (_, i) => `fanout-dehors-${run}-${String(i).padStart(3, '0')}`);

before(async () => {
  stack = testStack();
  const { createSection } = await import('../../functions/src/domain/territory/service');
  const { PersonEntity } = await import('../../functions/src/domain/people/entities');
  const { defaultVisibility } = await import('../../functions/src/domain/people/visibility');
  for (const id of [sectionId, otherSectionId]) {
    await createSection({ sectionId: id, name: `Section ${id}`, kind: 'commune', description: 'Section du test de diffusion', federationCode: '2A' });
  }
  const person = (userId: string, section: string, i: number) => ({
    userId,
    email: `${userId}@coopol.example`,
    givenName: 'Lectrice',
    familyName: `N° ${i}`,
    // Sorted like their ids: the fan-out reaches them in this order.
    sortName: `a ${userId}`,
    status: 'adherent' as const,
    sectionId: section,
    sectionName: `Section ${section}`,
    federationCode: '2A',
    federationName: 'Corse-du-Sud',
    visibility: defaultVisibility,
    consentAt: new Date().toISOString(),
  });
  const items = [...memberIds.map((id, i) => person(id, sectionId, i)), ...outsiderIds.map((id, i) => person(id, otherSectionId, i))];
  const { unprocessed } = await PersonEntity.put(items).go({ concurrency: 4 });
  assert.equal(unprocessed.length, 0);
  poster = await createTestPerson(stack, {
    email: `fanout-${run}@coopol.example`,
    postalCode: '68100',
    member: { memberNumber: `FO${run.toUpperCase()}`, sectionId },
  });
});

async function inFeed(userIds: string[], postId: string, createdAt: string): Promise<Set<string>> {
  const { FeedItemEntity } = await import('../../functions/src/domain/social/entities');
  const found = new Set<string>();
  for (let i = 0; i < userIds.length; i += 100) {
    const { data } = await FeedItemEntity.get(userIds.slice(i, i + 100).map((userId) => ({ userId, createdAt, postId }))).go();
    for (const item of data) found.add(item.userId);
  }
  return found;
}

async function hasItem(userId: string, postId: string, createdAt: string): Promise<boolean> {
  const { FeedItemEntity } = await import('../../functions/src/domain/social/entities');
  return Boolean((await FeedItemEntity.get({ userId, createdAt, postId }).go()).data);
}

describe('feed fan-out', () => {
  test(`a post in a ${MEMBERS}-member section reaches every feed once, through a worker killed halfway`, { timeout: 300_000 }, async () => {
    const created = await call(stack, poster, 'POST', '/api/posts', { space: { type: 'section', id: sectionId }, text: 'Réunion de section jeudi à 19 h' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id: postId, createdAt } = created.body as { id: string; createdAt: string };

    // Kill the worker once the fan-out has reached some readers but not the last ones.
    const quarter = memberIds[Math.floor(MEMBERS / 4)]!;
    const last = memberIds.at(-1)!;
    const deadline = Date.now() + 120_000;
    while (!(await hasItem(quarter, postId, createdAt))) {
      assert.ok(Date.now() < deadline, 'the fan-out did not start');
      await new Promise((r) => setTimeout(r, 10));
    }
    const pid = Number(readFileSync(stack.workerPidFile, 'utf8'));
    process.kill(pid, 'SIGKILL');
    const reachedAtKill = (await inFeed(memberIds, postId, createdAt)).size;
    assert.equal(await hasItem(last, postId, createdAt), false, 'killed before the end');
    assert.ok(reachedAtKill > 0 && reachedAtKill < MEMBERS, `killed halfway (${reachedAtKill} reached)`);

    // The stack starts a new worker; it gets the same stream record and finishes.
    while (Number(readFileSync(stack.workerPidFile, 'utf8')) === pid) await new Promise((r) => setTimeout(r, 100));
    for (;;) {
      const reached = await inFeed(memberIds, postId, createdAt);
      if (reached.size === MEMBERS) break;
      assert.ok(Date.now() < deadline + 60_000, `only ${reached.size} of ${MEMBERS} feeds reached`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // Once each: every reader's feed holds the post exactly once (read as the feed is read: by person).
    const { FeedItemEntity } = await import('../../functions/src/domain/social/entities');
    const copies = new Map<string, number>();
    for (let i = 0; i < memberIds.length; i += 50) {
      await Promise.all(
        memberIds.slice(i, i + 50).map(async (userId) => {
          const { data } = await FeedItemEntity.query.byPerson({ userId }).go({ pages: 'all' });
          copies.set(userId, data.filter((item) => item.postId === postId).length);
        }),
      );
    }
    const notOnce = [...copies].filter(([, n]) => n !== 1);
    assert.deepEqual(notOnce, [], 'each feed holds the post once');

    // The poster's own feed has it; nobody outside the section does.
    assert.ok(await hasItem(poster.userId, postId, createdAt));
    assert.equal((await inFeed(outsiderIds, postId, createdAt)).size, 0);
  });
});
