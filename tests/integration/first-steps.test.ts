import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// « Premiers pas » and the groups suggested at onboarding, through the real handlers: every tick is
// read from what the person did, never set by hand. Everyone here is new; Rennes (35) is the section.

let stack: TestStack;
const run = randomUUID().slice(0, 6);
let agathe: TestPerson; // member, Rennes: creates the groups
let newcomer: TestPerson; // supporter, Rennes

const firstSteps = async (person: TestPerson) => {
  const answer = await call(stack, person, 'GET', '/api/me/first-steps');
  assert.equal(answer.status, 200);
  return answer.body as Record<'photo' | 'group' | 'coopain' | 'action' | 'post' | 'dismissed', boolean>;
};
const suggestions = async (person: TestPerson) =>
  ((await call(stack, person, 'GET', '/api/me/group-suggestions')).body.items as { group: { id: string; name: string }; interest: string | null }[]);

before(async () => {
  stack = testStack();
  [agathe, newcomer] = await Promise.all([
    createTestPerson(stack, { email: `agathe-${run}@coopol.example`, givenName: 'Agathe', familyName: 'Premiers', postalCode: '35000', member: { memberNumber: `FS${run.toUpperCase()}1`, sectionId: 'rennes' } }),
    createTestPerson(stack, { email: `nouveau-${run}@coopol.example`, givenName: 'Noé', familyName: 'Premiers', postalCode: '35000' }),
  ]);
});

describe('first steps', () => {
  test('a newcomer starts with nothing ticked', async () => {
    assert.deepEqual(await firstSteps(newcomer), { photo: false, group: false, coopain: false, action: false, post: false, dismissed: false });
  });

  test('groups speaking of one’s interests come first, with the interest named; members-only groups are never offered to a supporter', async () => {
    const garden = await call(stack, agathe, 'POST', '/api/groups', { name: `Jardins partagés ${run}`, kind: 'open', audience: 'all', description: 'Potagers et jardinage en ville' });
    const members = await call(stack, agathe, 'POST', '/api/groups', { name: `Jardinage adhérents ${run}`, kind: 'open', audience: 'members', description: 'Le jardinage, entre adhérents' });
    assert.equal(garden.status, 201);
    assert.equal(members.status, 201);
    assert.equal((await call(stack, newcomer, 'PATCH', '/api/me/profile', { interests: ['Jardinage'] })).status, 200);

    const offered = await suggestions(newcomer);
    // Other tests on the shared stack may have made gardening groups too: ours is among those that
    // speak of the interest, and every group before it does as well.
    const at = offered.findIndex((s) => s.group.id === garden.body.id);
    assert.ok(at >= 0, JSON.stringify(offered));
    assert.equal(offered[at]?.interest, 'Jardinage');
    assert.ok(offered.slice(0, at).every((s) => s.interest), JSON.stringify(offered));
    assert.ok(!offered.some((s) => s.group.id === members.body.id), 'a members-only group is not offered to a supporter');
    assert.ok((await suggestions(agathe)).every((s) => s.group.id !== garden.body.id), 'nor a group one is already in');
  });

  test('each line ticks itself as the person acts: a group joined, a coopain asked, a first post', async () => {
    const [garden] = await suggestions(newcomer);
    assert.equal((await call(stack, newcomer, 'POST', `/api/groups/${garden!.group.id}/join`)).status, 200);
    assert.deepEqual(await firstSteps(newcomer), { photo: false, group: true, coopain: false, action: false, post: false, dismissed: false });
    assert.ok((await suggestions(newcomer)).every((s) => s.group.id !== garden!.group.id), 'a joined group is no longer suggested');

    assert.equal((await call(stack, newcomer, 'POST', `/api/friends/${agathe.userId}`)).status, 200);
    assert.equal((await firstSteps(newcomer)).coopain, true, 'a request sent counts');
    assert.equal((await firstSteps(agathe)).coopain, false, 'a request received does not');

    assert.equal((await call(stack, newcomer, 'POST', '/api/posts', { space: { type: 'profile', id: newcomer.userId }, text: 'Bonjour à toutes et à tous' })).status, 201);
    assert.equal((await firstSteps(newcomer)).post, true);
  });

  test('closing the list is kept; a bad value changes nothing', async () => {
    const refused = await call(stack, newcomer, 'PATCH', '/api/me/profile', { firstStepsDismissed: false });
    assert.equal(refused.status, 400);
    assert.ok((refused.body.details as { field: string }[]).some((d) => d.field === 'body.firstStepsDismissed'));
    assert.equal((await firstSteps(newcomer)).dismissed, false);
    assert.equal((await call(stack, newcomer, 'PATCH', '/api/me/profile', { firstStepsDismissed: true })).status, 200);
    assert.equal((await firstSteps(newcomer)).dismissed, true);
  });

  test('signed out, neither route answers', async () => {
    assert.equal((await call(stack, undefined, 'GET', '/api/me/first-steps')).status, 401);
    assert.equal((await call(stack, undefined, 'GET', '/api/me/group-suggestions')).status, 401);
  });
});
