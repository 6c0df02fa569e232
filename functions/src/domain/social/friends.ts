import type { Caller } from '../access/caller';
import { callerItem, factsOf } from '../access/load-caller';
import { mayBefriend, mayFind, requirePerson, visibleFields } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEntity } from '../people/entities';
import { FriendshipEntity, GroupMemberEntity, social } from './entities';
import { badCursor } from '../paging';
import { spendSenderLimit } from './sender-limits';
import { displayName } from './spaces';

type FriendState = 'none' | 'friends' | 'sent' | 'received';

async function sideOf(userId: string, friendId: string) {
  return (await FriendshipEntity.get({ userId, friendId }).go({ consistent: true })).data ?? undefined;
}

/**
 * Ask someone to be friends; if they had asked me, this accepts. Both sides of the friendship change
 * in one transaction (S7), conditioned on what was read.
 */
export async function requestFriend(caller: Caller, otherId: string): Promise<{ state: FriendState }> {
  const person = mayBefriend(caller, otherId);
  const [mine, other, me] = await Promise.all([sideOf(person.userId, otherId), PersonEntity.get({ userId: otherId }).go(), callerItem(person)]);
  if (!other.data) throw new NotFoundError('person.not-found', 'params.userId');
  if (mine?.state === 'received') return acceptFriend(caller, otherId);
  if (mine) return { state: mine.state };
  // A new request tells (and mails) the person asked: within the sender's ceilings.
  await spendSenderLimit('friend-request', person.userId);
  const at = new Date().toISOString();
  const result = await social.transaction
    .write(({ friendship }) => [
      friendship.create({ userId: person.userId, friendId: otherId, state: 'sent', friendName: displayName(other.data!), at }).commit(),
      friendship.create({ userId: otherId, friendId: person.userId, state: 'received', friendName: displayName(me!), at }).commit(),
    ])
    .go();
  if (result.canceled) throw new ConflictError('friend.request-crossed');
  return { state: 'sent' };
}

/** Accept a request I received. */
export async function acceptFriend(caller: Caller, otherId: string): Promise<{ state: FriendState }> {
  const person = mayBefriend(caller, otherId);
  const mine = await sideOf(person.userId, otherId);
  if (mine?.state === 'friends') return { state: 'friends' };
  if (mine?.state !== 'received') throw new ConflictError('friend.not-asked');
  const at = new Date().toISOString();
  const result = await social.transaction
    .write(({ friendship }) => [
      friendship.patch({ userId: person.userId, friendId: otherId }).set({ state: 'friends', at }).where((attr, op) => op.eq(attr.state, 'received')).commit(),
      friendship.patch({ userId: otherId, friendId: person.userId }).set({ state: 'friends', at }).where((attr, op) => op.eq(attr.state, 'sent')).commit(),
    ])
    .go();
  if (result.canceled) throw new ConflictError('friend.changed-meanwhile');
  return { state: 'friends' };
}

/** Cancel my request, decline theirs, or stop being friends: both sides go. */
export async function removeFriend(caller: Caller, otherId: string): Promise<{ state: FriendState }> {
  const person = mayBefriend(caller, otherId);
  const mine = await sideOf(person.userId, otherId);
  if (!mine) return { state: 'none' };
  await social.transaction
    .write(({ friendship }) => [
      friendship.delete({ userId: person.userId, friendId: otherId }).commit(),
      friendship.delete({ userId: otherId, friendId: person.userId }).commit(),
    ])
    .go();
  return { state: 'none' };
}

/** My friends and my requests, sent and received (S7: one Query page). */
export async function listFriends(caller: Caller, page: { cursor?: string; limit: number }) {
  const person = requirePerson(caller);
  const result = await FriendshipEntity.query
    .byPerson({ userId: person.userId })
    .go({ cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  return {
    items: result.data.map((f) => ({ userId: f.friendId, displayName: f.friendName, state: f.state, since: f.at })),
    nextCursor: result.cursor ?? null,
  };
}

/**
 * Suggestions (S8), each source one bounded Query: members of my section, members of my first
 * groups, friends of my first friends — minus myself and whoever I already know, and anyone who
 * does not let me find them (one BatchGet of the candidates).
 */
export async function friendSuggestions(caller: Caller) {
  const person = requirePerson(caller);
  const [friends, groups, section] = await Promise.all([
    FriendshipEntity.query.byPerson({ userId: person.userId }).go({ limit: 100 }),
    GroupMemberEntity.query.byPerson({ userId: person.userId }).go({ limit: 3 }),
    person.status === 'adherent' && person.sectionId ? PersonEntity.query.bySection({ sectionId: person.sectionId }).go({ limit: 20 }) : { data: [] },
  ]);
  const known = new Set([person.userId, ...friends.data.map((f) => f.friendId)]);
  const close = friends.data.filter((f) => f.state === 'friends').slice(0, 3);
  const [groupMembers, friendsOfFriends] = await Promise.all([
    Promise.all(groups.data.filter((g) => g.state === 'member').map((g) => GroupMemberEntity.query.byGroup({ groupId: g.groupId }).go({ limit: 20 }))),
    Promise.all(close.map((f) => FriendshipEntity.query.byPerson({ userId: f.friendId }).go({ limit: 20 }))),
  ]);
  const suggestions = new Map<string, { userId: string; displayName: string; reason: 'section' | 'group' | 'friend-of-friend' }>();
  const add = (userId: string, name: string, reason: 'section' | 'group' | 'friend-of-friend') => {
    if (!known.has(userId) && !suggestions.has(userId)) suggestions.set(userId, { userId, displayName: name, reason });
  };
  // Suggesting a section member reveals their membership: only to those they allow to see it.
  for (const p of section.data) if (visibleFields(caller, factsOf(p)).has('membership')) add(p.userId, displayName(p), 'section');
  for (const page of groupMembers) for (const m of page.data) if (m.state === 'member') add(m.userId, m.displayName, 'group');
  for (const page of friendsOfFriends) for (const f of page.data) if (f.state === 'friends') add(f.friendId, f.friendName, 'friend-of-friend');
  // Only people who let me find them (« qui peut me trouver »): one BatchGet of the candidates.
  const candidates = [...suggestions.values()].slice(0, 100);
  const { data: found } = candidates.length ? await PersonEntity.get(candidates.map(({ userId }) => ({ userId }))).go() : { data: [] };
  const findable = new Set(found.filter((p) => mayFind(caller, p, false)).map((p) => p.userId));
  return { items: candidates.filter((c) => findable.has(c.userId)).slice(0, 20) };
}
