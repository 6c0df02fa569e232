import type { Caller } from '../access/caller';
import { callerItem, factsOf } from '../access/load-caller';
import { mayBefriend, mayFind, requirePerson, visibleFields } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { PersonEntity } from '../people/entities';
import { FriendshipEntity, GroupMemberEntity, social } from './entities';
import { badCursor } from '../paging';
import { spendSenderLimit } from './sender-limits';
import { displayName } from './spaces';
import { friendRequestAnswered } from './notifications';

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
  await friendRequestAnswered(mine);
  return { state: 'friends' };
}

/** Where I stand with someone (S7: 1 GetItem): what their profile's « Demander en coopain » shows. */
export async function friendState(caller: Caller, otherId: string): Promise<{ state: FriendState }> {
  const person = requirePerson(caller);
  if (person.userId === otherId) return { state: 'none' };
  return { state: (await sideOf(person.userId, otherId))?.state ?? 'none' };
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
  if (mine.state === 'received') await friendRequestAnswered(mine);
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

type Reason = 'section' | 'group' | 'friend-of-friend';
interface Suggestion {
  userId: string;
  displayName: string;
  reason: Reason;
  mutualFriends?: number;
  groupName?: string;
}

/**
 * Suggestions (S8), each source one bounded Query: members of my section, members of my first
 * groups, friends of my first friends — minus myself and whoever I already know, and anyone who
 * does not let me find them (one BatchGet of the candidates). Each comes with the best reason I may
 * be told: coopains in common first (how many, among the friends looked at), then the section —
 * only when the person lets me see both their membership and their section (art. 9: « même section »
 * says both) —, then a group we share. A reason I may not be told is never given, nor hinted at.
 */
export async function friendSuggestions(caller: Caller) {
  const person = requirePerson(caller);
  const [friends, groups, section] = await Promise.all([
    FriendshipEntity.query.byPerson({ userId: person.userId }).go({ limit: 100 }),
    GroupMemberEntity.query.byPerson({ userId: person.userId }).go({ limit: 3 }),
    person.status === 'adherent' && person.sectionId ? PersonEntity.query.bySection({ sectionId: person.sectionId }).go({ limit: 20 }) : { data: [] },
  ]);
  const known = new Set([person.userId, ...friends.data.map((f) => f.friendId)]);
  const close = friends.data.filter((f) => f.state === 'friends').slice(0, 5);
  const myGroups = groups.data.filter((g) => g.state === 'member');
  const [groupMembers, friendsOfFriends] = await Promise.all([
    Promise.all(myGroups.map((g) => GroupMemberEntity.query.byGroup({ groupId: g.groupId }).go({ limit: 20 }))),
    Promise.all(close.map((f) => FriendshipEntity.query.byPerson({ userId: f.friendId }).go({ limit: 20 }))),
  ]);
  const suggestions = new Map<string, Suggestion>();
  const rank: Record<Reason, number> = { 'friend-of-friend': 0, section: 1, group: 2 };
  const add = (candidate: Suggestion) => {
    if (known.has(candidate.userId)) return;
    const current = suggestions.get(candidate.userId);
    if (!current || rank[candidate.reason] < rank[current.reason]) suggestions.set(candidate.userId, candidate);
  };
  const mutual = new Map<string, { name: string; count: number }>();
  for (const page of friendsOfFriends) {
    for (const f of page.data) {
      if (f.state !== 'friends') continue;
      mutual.set(f.friendId, { name: f.friendName, count: (mutual.get(f.friendId)?.count ?? 0) + 1 });
    }
  }
  for (const [userId, { name, count }] of mutual) add({ userId, displayName: name, reason: 'friend-of-friend', mutualFriends: count });
  // « Même section » reveals membership and section: only to those the person lets see both.
  for (const p of section.data) {
    const shown = visibleFields(caller, factsOf(p));
    if (shown.has('membership') && shown.has('section')) add({ userId: p.userId, displayName: displayName(p), reason: 'section' });
  }
  myGroups.forEach((g, index) => {
    for (const m of groupMembers[index]!.data) if (m.state === 'member') add({ userId: m.userId, displayName: m.displayName, reason: 'group', groupName: g.groupName });
  });
  // Only people who let me find them (« qui peut me trouver »): one BatchGet of the candidates.
  const candidates = [...suggestions.values()].sort((a, b) => rank[a.reason] - rank[b.reason] || (b.mutualFriends ?? 0) - (a.mutualFriends ?? 0)).slice(0, 100);
  const { data: found } = candidates.length ? await PersonEntity.get(candidates.map(({ userId }) => ({ userId }))).go() : { data: [] };
  const findable = new Set(found.filter((p) => mayFind(caller, p, false)).map((p) => p.userId));
  return { items: candidates.filter((c) => findable.has(c.userId)).slice(0, 20) };
}
