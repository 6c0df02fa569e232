import type { Caller } from '../access/caller';
import { canReadSpace, requirePerson, type SpaceFacts } from '../access/policy';
import { invalidCursor } from '../paging';
import { FeedItemEntity, FriendshipEntity, GroupMemberEntity, PostEntity } from './entities';
import { toPost, type PostItem } from './posts';
import { spaceOfPost } from './spaces';
import { spaceKeyOf } from '../spaces/resolve';
import { read, readTogether } from '../../shared/read-together';
import type { EntityItem } from 'electrodb';

/** Where each of the three sources of a feed page stopped: `[createdAt, postId]`, `0` when exhausted, absent at the top. */
type Position = [string, string] | 0 | undefined;
interface FeedCursor {
  f?: Position;
  d?: Position;
  n?: Position;
}

function readCursor(cursor: string | undefined): FeedCursor {
  if (!cursor) return {};
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as FeedCursor;
    const valid = (p: unknown) => p === undefined || p === 0 || (Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
    if (typeof parsed === 'object' && parsed && valid(parsed.f) && valid(parsed.d) && valid(parsed.n)) return parsed;
  } catch {
    /* refused below */
  }
  throw invalidCursor();
}

interface Entry {
  createdAt: string;
  postId: string;
  source: 'f' | 'd' | 'n';
  post?: PostItem;
  /** The post's space, as its feed item tells it (before the post is read). */
  space?: { spaceType: string; spaceId: string };
}

/**
 * The reads of my standing in the groups and my friendship with the profile owners among these
 * spaces (none for other spaces), to be sent with the page's other reads of the same level.
 */
function standingReads(userId: string, spaces: { spaceType: string; spaceId: string }[]) {
  const groupIds = [...new Set(spaces.filter((s) => s.spaceType === 'group').map((s) => s.spaceId))];
  const ownerIds = [...new Set(spaces.filter((s) => s.spaceType === 'profile' && s.spaceId !== userId).map((s) => s.spaceId))];
  return [
    read(GroupMemberEntity, groupIds.map((groupId) => ({ groupId, userId }))),
    read(FriendshipEntity, ownerIds.map((friendId) => ({ userId, friendId }))),
  ] as const;
}

/** What those reads answered, and which spaces were asked about. */
function standingsFrom(
  spaces: { spaceType: string; spaceId: string }[],
  standings: EntityItem<typeof GroupMemberEntity>[],
  friendships: EntityItem<typeof FriendshipEntity>[],
) {
  return {
    asked: new Set(spaces.map((s) => `${s.spaceType}:${s.spaceId}`)),
    standingIn: new Map(standings.map((m) => [m.groupId, { state: m.state, role: m.role }])),
    friends: new Set(friendships.filter((f) => f.state === 'friends').map((f) => f.friendId)),
  };
}

/** My standings in these spaces, read on their own (one BatchGet, none when no space needs one). */
async function standingsOf(userId: string, spaces: { spaceType: string; spaceId: string }[]) {
  const [groups, friends] = standingReads(userId, spaces);
  const [standings, friendships] = groups.keys.length || friends.keys.length ? await readTogether([groups, friends]) : [[], []];
  return standingsFrom(spaces, standings, friendships);
}

const newerFirst = (a: Entry, b: Entry) => (a.createdAt === b.createdAt ? b.postId.localeCompare(a.postId) : b.createdAt.localeCompare(a.createdAt));

/** One page of a space's posts older than a position (S10). */
async function spacePage(spaceKey: string, position: Position, limit: number, source: 'd' | 'n'): Promise<Entry[]> {
  if (position === 0) return [];
  const query = PostEntity.query.bySpace({ spaceKey });
  const { data } = await (position ? query.lt({ createdAt: position[0], postId: position[1] }) : query).go({ order: 'desc', limit });
  return data.map((post) => ({ createdAt: post.createdAt, postId: post.postId, source, post }));
}

/**
 * My feed, newest first (S13): my personal feed (what the fan-out wrote: my sections, groups,
 * friends) merged with my federation's and the national posts, read at request time. Whatever the
 * number of posts in the table: 3 Query, then 1 BatchGet of the page's posts with my standing in the
 * page's groups and friendships. A page may hold
 * fewer posts than `limit` (some filtered), never more requests.
 */
export async function readFeed(caller: Caller, query: { cursor?: string; limit: number }) {
  const person = requirePerson(caller);
  const cursor = readCursor(query.cursor);
  const now = Math.floor(Date.now() / 1000);
  const limit = query.limit;

  const feedQuery = async (): Promise<Entry[]> => {
    if (cursor.f === 0) return [];
    const q = FeedItemEntity.query.byPerson({ userId: person.userId });
    const { data } = await (cursor.f ? q.lt({ createdAt: cursor.f[0], postId: cursor.f[1] }) : q)
      .where((attr, op) => op.gt(attr.expiresAt, now))
      .go({ order: 'desc', limit });
    return data.map((item) => ({
      createdAt: item.createdAt,
      postId: item.postId,
      source: 'f' as const,
      ...(item.spaceType && item.spaceId && { space: { spaceType: item.spaceType, spaceId: item.spaceId } }),
    }));
  };
  const [mine, federation, national] = await Promise.all([
    feedQuery(),
    spacePage(spaceKeyOf({ type: 'federation', id: person.federationCode }), cursor.d, limit, 'd'),
    spacePage(spaceKeyOf({ type: 'national', id: 'national' }), cursor.n, limit, 'n'),
  ]);

  const page = [...mine, ...federation, ...national].sort(newerFirst).slice(0, limit);
  const next: FeedCursor = {};
  for (const [source, fetched] of [['f', mine], ['d', federation], ['n', national]] as const) {
    const taken = page.filter((e) => e.source === source);
    const last = taken.at(-1);
    if (fetched.length < limit && taken.length === fetched.length) next[source] = 0;
    else next[source] = last ? [last.createdAt, last.postId] : cursor[source];
  }
  const more = Object.values(next).some((p) => p !== 0);

  // Two levels of reads after the caller (ADR 0025): the three pages above, then at once the posts
  // of my feed items (one BatchGet) and my standing in the spaces the rules need it for (≤ 2 BatchGet),
  // known from the feed items. Items written before they carried their space: read after their posts.
  // All in one BatchGet (read-together.ts): one request for the level, not three.
  const wanted = page.filter((e) => !e.post).map((e) => ({ postId: e.postId }));
  const knownSpaces = page.flatMap((e) => (e.space ? [e.space] : []));
  const [groupReads, friendReads] = standingReads(person.userId, knownSpaces);
  const [posts, standings, friendships] =
    wanted.length || groupReads.keys.length || friendReads.keys.length
      ? await readTogether([read(PostEntity, wanted), groupReads, friendReads])
      : [[], [], []];
  const known = standingsFrom(knownSpaces, standings, friendships);
  const byId = new Map(posts.map((p) => [p.postId, p]));
  const items = page.flatMap((e) => {
    const post = e.post ?? byId.get(e.postId);
    return post ? [post] : [];
  });
  const unknown = items.filter((p) => !known.asked.has(`${p.spaceType}:${p.spaceId}`));
  const late = unknown.length ? await standingsOf(person.userId, unknown) : undefined;
  const standingIn = new Map([...known.standingIn, ...(late?.standingIn ?? [])]);
  const friends = new Set([...known.friends, ...(late?.friends ?? [])]);

  const visible = items.filter((post) => {
    const space = spaceOfPost(post);
    const facts: SpaceFacts = { group: standingIn.get(post.spaceId), friends: friends.has(post.spaceId) };
    return canReadSpace(caller, space, facts) && (!post.hidden || post.authorId === person.userId);
  });
  return {
    items: visible.map((post) => toPost(post, caller)),
    nextCursor: more && page.length ? Buffer.from(JSON.stringify(next)).toString('base64url') : null,
  };
}
