import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// Issue 22, goal 2 (ADR 0025): a list page waits on at most two levels of DynamoDB reads once the
// caller is loaded — its independent reads sent together. Counted by the request stats every
// DynamoDB request goes through, on the same services the API's routes call, with pages that hold
// what makes them read more: group and friends' posts in the feed, a group event in the agenda,
// notifications quoting a post and a comment.
let stack: TestStack;
let reader: TestPerson;
let friend: TestPerson;
let groupId: string;
const run = Date.now().toString(36);

/** The page's result and its levels of reads after the caller, who is loaded first (the kit does it before the service). */
async function levelsOf<T>(person: TestPerson, page: (caller: import('../../functions/src/domain/access/caller').Caller) => Promise<T>) {
  const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
  const { runWithRequestStats } = await import('../../functions/src/shared/request-context');
  const caller = await loadCaller({ kind: 'user', sub: person.userId, email: person.email });
  const { stats, result } = runWithRequestStats(() => page(caller));
  return { result: await result, levels: stats.levels, requests: stats.dynamodbCalls };
}

before(async () => {
  stack = testStack();
  reader = await createTestPerson(stack, {
    email: `rl.lectrice.${run}@coopol.example`, givenName: 'Léa', familyName: 'Niveaux', postalCode: '68100',
    member: { memberNumber: `RL${run}1`.slice(0, 12), sectionId: 'mulhouse' },
  });
  friend = await createTestPerson(stack, {
    email: `rl.ami.${run}@coopol.example`, givenName: 'Paul', familyName: 'Niveaux', postalCode: '68100',
    member: { memberNumber: `RL${run}2`.slice(0, 12), sectionId: 'mulhouse' },
  });
  assert.ok((await call(stack, friend, 'POST', `/api/friends/${reader.userId}`)).status < 300);
  assert.ok((await call(stack, reader, 'POST', `/api/friends/${friend.userId}/accept`)).status < 300);
  const group = await call(stack, reader, 'POST', '/api/groups', { name: `Niveaux ${run}`, kind: 'closed', audience: 'all', description: 'Lire en deux temps' });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  groupId = group.body.id as string;

  const post = async (person: TestPerson, space: { type: string; id: string }, text: string) => {
    const created = await call(stack, person, 'POST', '/api/posts', { space, text });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id as string;
  };
  await post(reader, { type: 'group', id: groupId }, `Réunion du groupe ${run}`);
  await post(friend, { type: 'profile', id: friend.userId }, `Sur mon mur ${run}`);
  await post(friend, { type: 'section', id: 'mulhouse' }, `Tractage samedi ${run}`);
  const mine = await post(reader, { type: 'section', id: 'mulhouse' }, `Qui vient coller ? ${run}`);
  assert.equal((await call(stack, friend, 'POST', `/api/posts/${mine}/comments`, { text: `J’y serai ${run}` })).status, 201);

  const event = await call(stack, reader, 'POST', '/api/events', {
    space: { type: 'group', id: groupId }, kind: 'reunion', title: `Réunion ${run}`,
    start: '2031-10-02T18:00:00+02:00', end: '2031-10-02T20:00:00+02:00', place: { address: 'Maison des associations, Mulhouse' }, visibility: 'members',
    slots: [{ start: '2031-10-02T17:30:00+02:00', end: '2031-10-02T18:00:00+02:00', needed: 2, label: 'Accueil' }],
  });
  assert.equal(event.status, 201, JSON.stringify(event.body));
  const { id: eventId, slots } = event.body as { id: string; slots: { id: string }[] };
  assert.ok((await call(stack, reader, 'PUT', `/api/events/${eventId}/rsvp`, { answer: 'going' })).status < 300);
  assert.ok((await call(stack, reader, 'PUT', `/api/events/${eventId}/slots/${slots[0]!.id}/signup`)).status < 300);

  // The fan-out and the notifications are stream jobs: wait until the reader's pages hold them.
  await until('the feed holds the friend’s and the section’s posts', () => call(stack, reader, 'GET', '/api/feed?limit=20'), (r) => (r.body.items as unknown[]).length >= 3);
  await until('the comment is notified', () => call(stack, reader, 'GET', '/api/me/notifications?limit=20'), (r) => (r.body.items as unknown[]).length >= 1);
});

describe('list pages read in two levels at most after the caller', () => {
  test('the feed: its three pages, then the posts and the standings in the page’s spaces together', async () => {
    const { readFeed } = await import('../../functions/src/domain/social/feed');
    const { result, levels } = await levelsOf(reader, (caller) => readFeed(caller, { limit: 20 }));
    const texts = result.items.map((p) => p.html);
    for (const text of [`Réunion du groupe ${run}`, `Sur mon mur ${run}`, `Tractage samedi ${run}`]) assert.ok(texts.some((t) => t.includes(text)), `${text} in ${texts.join(' | ')}`);
    assert.ok(levels <= 2, `${levels} levels`);
  });

  test('my agenda: my answers, my slots and my standing in my groups, then the events', async () => {
    const { myAgenda } = await import('../../functions/src/domain/events/read');
    const { result, levels } = await levelsOf(reader, (caller) => myAgenda(caller));
    const mine = result.items.find((e) => e.title === `Réunion ${run}`);
    assert.equal(mine?.myRsvp, 'going');
    assert.equal(mine?.mySlots.length, 1);
    assert.ok(levels <= 2, `${levels} levels`);
  });

  test('a section page: its posts and its agenda', async () => {
    const { listSpacePosts } = await import('../../functions/src/domain/social/posts');
    const { listAgenda } = await import('../../functions/src/domain/events/agenda');
    const posts = await levelsOf(reader, (caller) => listSpacePosts(caller, { type: 'section', id: 'mulhouse' }, { limit: 20 }));
    assert.ok(posts.result.items.some((p) => p.html.includes(`Tractage samedi ${run}`)));
    assert.ok(posts.levels <= 2, `posts: ${posts.levels} levels`);
    const agenda = await levelsOf(reader, (caller) => listAgenda(caller, { type: 'section', id: 'mulhouse' }, { limit: 20 }));
    assert.ok(agenda.levels <= 2, `agenda: ${agenda.levels} levels`);
  });

  test('a group page: the group, its posts and its agenda; the list of groups and mine', async () => {
    const groups = await import('../../functions/src/domain/social/groups');
    const { listSpacePosts } = await import('../../functions/src/domain/social/posts');
    const { listAgenda } = await import('../../functions/src/domain/events/agenda');
    const group = await levelsOf(reader, (caller) => groups.getGroup(caller, groupId));
    assert.equal(group.result.myStanding, 'manager');
    const posts = await levelsOf(reader, (caller) => listSpacePosts(caller, { type: 'group', id: groupId }, { limit: 20 }));
    assert.equal(posts.result.items.length, 1);
    const agenda = await levelsOf(reader, (caller) => listAgenda(caller, { type: 'group', id: groupId }, { limit: 20 }));
    assert.equal(agenda.result.items.length, 1);
    const listed = await levelsOf(reader, (caller) => groups.listGroups(caller, { limit: 20 }));
    const mine = await levelsOf(reader, (caller) => groups.listMyGroups(caller, { limit: 20 }));
    assert.ok(mine.result.items.some((g) => g.id === groupId));
    for (const [page, { levels }] of Object.entries({ group, posts, agenda, listed, mine })) assert.ok(levels <= 2, `${page}: ${levels} levels`);
  });

  test('my notifications: the page and the bell, then the quoted post and comment', async () => {
    const { listNotifications } = await import('../../functions/src/domain/social/notifications');
    const { result, levels } = await levelsOf(reader, (caller) => listNotifications(caller, { limit: 20 }));
    assert.ok(result.items.length >= 1);
    assert.ok(levels <= 2, `${levels} levels`);
  });
});
