import type { Caller } from '../access/caller';
import { canReadSpace, findingNeedsFriendship, mayDiscoverGroup, mayFind, requirePerson, type SpaceFacts } from '../access/policy';
import { ValidationError } from '../errors';
import { FriendshipEntity, GroupMemberEntity, PostEntity, SearchEntryEntity } from './entities';
import { wordsOf } from './search-index';
import { toPost } from './post-view';
import { spaceOfPost } from './spaces';
import { eventsOfSpace, toSummary, visibleAmong } from '../events/read';

/** How many sections found have their next events looked up, and how many events each. */
const SECTIONS_WITH_EVENTS = 3;
const EVENTS_PER_SECTION = 3;

/**
 * People, groups, sections and posts matching every word of the query, accent- and case-free (S18): the query's
 * longest word picks one index partition per kind (2 Query), then what the caller may see is kept —
 * groups by the group rules (secret ones are not even indexed), posts by the rules of their space
 * (1 BatchGet of the posts + ≤ 2 BatchGet of the caller's standing and friendships), people by their
 * « qui peut me trouver » (policy `mayFind`, on facts their entries carry). Sections are public
 * geography; their next events (E2: one Query page each, for the first three, in parallel with the
 * posts) are shown as the event rules let the caller see them. Constant cost.
 */
export async function search(caller: Caller, query: string) {
  const person = requirePerson(caller);
  const words = wordsOf(query, 2);
  if (!words.length) throw new ValidationError([{ field: 'query.q', message: 'au moins deux lettres' }]);
  const longest = [...words].sort((a, b) => b.length - a.length)[0]!;
  const all = (folded: string) => words.every((w) => folded.split(' ').some((part) => part.startsWith(w)));

  const [names, postEntries] = await Promise.all([
    SearchEntryEntity.query.byToken({ token: `n:${longest.slice(0, 3)}` }).begins({ key: longest }).go({ limit: 100 }),
    longest.length >= 3 ? SearchEntryEntity.query.byToken({ token: `w:${longest}` }).go({ order: 'desc', limit: 40 }) : { data: [] },
  ]);

  const seen = new Set<string>();
  const people: { userId: string; displayName: string; entry: (typeof names.data)[number] }[] = [];
  const groups: { id: string; name: string }[] = [];
  const sections: { id: string; name: string; federationName: string }[] = [];
  for (const entry of names.data) {
    if (seen.has(`${entry.kind}:${entry.refId}`) || !all(entry.folded)) continue;
    seen.add(`${entry.kind}:${entry.refId}`);
    if (entry.kind === 'person') people.push({ userId: entry.refId, displayName: entry.label, entry });
    else if (entry.kind === 'section') sections.push({ id: entry.refId, name: entry.label, federationName: entry.detail ?? '' });
    else if (entry.kind === 'group' && entry.groupKind && entry.groupAudience && mayDiscoverGroup(caller, { kind: entry.groupKind, audience: entry.groupAudience }, undefined)) {
      groups.push({ id: entry.refId, name: entry.label });
    }
  }

  const postIds = [...new Set(postEntries.data.map((e) => e.refId))];
  const now = new Date().toISOString();
  const [{ data: postsFound }, sectionEvents] = await Promise.all([
    postIds.length ? PostEntity.get(postIds.map((postId) => ({ postId }))).go() : { data: [] },
    Promise.all(sections.slice(0, SECTIONS_WITH_EVENTS).map((s) => eventsOfSpace({ type: 'section', id: s.id }, now, EVENTS_PER_SECTION))),
  ]);
  const events = (await visibleAmong(caller, sectionEvents.flat().filter((e) => e.status !== 'cancelled')))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((e) => {
      const { id, title, startsAt, address, space } = toSummary(e);
      return { id, title, startsAt, address, space };
    });
  const candidates = postsFound.filter((p) => !p.hidden && words.every((w) => p.searchText.split(' ').some((part) => part.startsWith(w))));
  const groupIds = [...new Set(candidates.filter((p) => p.spaceType === 'group').map((p) => p.spaceId))];
  const ownerIds = [...new Set(candidates.filter((p) => p.spaceType === 'profile').map((p) => p.spaceId))];
  // « Qui peut me trouver »: decided on the entry and the caller's own item; a friendship is the one
  // fact to read, in the same BatchGet as the profiles' owners (≤ 100 keys: one request).
  const personOf = (p: (typeof people)[number]) => ({ userId: p.userId, findableBy: p.entry.findableBy, federationCode: p.entry.federationCode, groupIds: p.entry.groupIds });
  const askFriendship = people.filter((p) => findingNeedsFriendship(caller, personOf(p)) && !ownerIds.includes(p.userId)).slice(0, 100 - ownerIds.length);
  const friendIds = [...ownerIds, ...askFriendship.map((p) => p.userId)];
  const [standings, friendships] = await Promise.all([
    groupIds.length ? GroupMemberEntity.get(groupIds.map((groupId) => ({ groupId, userId: person.userId }))).go() : { data: [] },
    friendIds.length ? FriendshipEntity.get(friendIds.map((friendId) => ({ userId: person.userId, friendId }))).go() : { data: [] },
  ]);
  const standingIn = new Map(standings.data.map((m) => [m.groupId, { state: m.state, role: m.role }]));
  const friends = new Set(friendships.data.filter((f) => f.state === 'friends').map((f) => f.friendId));
  const found = people.filter((p) => mayFind(caller, personOf(p), friends.has(p.userId))).map(({ userId, displayName }) => ({ userId, displayName }));
  const posts = candidates
    .filter((post) => canReadSpace(caller, spaceOfPost(post), { group: standingIn.get(post.spaceId), friends: friends.has(post.spaceId) } satisfies SpaceFacts))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 20)
    .map((post) => toPost(post, caller));
  return { people: found.slice(0, 20), groups: groups.slice(0, 20), sections: sections.slice(0, 20), events, posts };
}
