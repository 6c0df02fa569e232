import { FEED_RETENTION_DAYS, FeedItemEntity, FriendshipEntity, GroupMemberEntity } from './entities';
import { PersonEntity } from '../people/entities';

/** What the fan-out needs of a new post (the stream's new image). */
export interface NewPost {
  postId: string;
  spaceType: 'section' | 'federation' | 'group' | 'profile' | 'national';
  spaceId: string;
  authorId: string;
  createdAt: string;
}

const PAGE = 1000;

/**
 * The readers whose personal feed receives a post, a page at a time: a section's members (P2), a
 * group's members (S3), a profile's owner and friends (S7). Federations and national announcements
 * have no fan-out: readers merge them at read time (S13).
 */
async function* audience(post: NewPost): AsyncGenerator<string[]> {
  let cursor: string | null = null;
  type Page<T> = { data: T[]; cursor: string | null };
  switch (post.spaceType) {
    case 'section':
      do {
        const page: Page<{ userId: string; status: string }> = await PersonEntity.query.bySection({ sectionId: post.spaceId }).go({ cursor, limit: PAGE, attributes: ['userId', 'status'] });
        yield page.data.filter((p) => p.status === 'adherent').map((p) => p.userId);
        cursor = page.cursor;
      } while (cursor);
      return;
    case 'group':
      do {
        const page: Page<{ userId: string; state: string }> = await GroupMemberEntity.query.byGroup({ groupId: post.spaceId }).go({ cursor, limit: PAGE });
        yield page.data.filter((m) => m.state === 'member').map((m) => m.userId);
        cursor = page.cursor;
      } while (cursor);
      return;
    case 'profile':
      yield [post.spaceId];
      do {
        const page: Page<{ friendId: string; state: string }> = await FriendshipEntity.query.byPerson({ userId: post.spaceId }).go({ cursor, limit: PAGE });
        yield page.data.filter((f) => f.state === 'friends').map((f) => f.friendId);
        cursor = page.cursor;
      } while (cursor);
      return;
    default:
      return;
  }
}

/**
 * Writes the post into each reader's feed (S14), 25 items per BatchWriteItem. Every item is keyed by
 * reader and post: running this again for the same post — a redelivered stream record, a consumer
 * killed halfway — rewrites the same items, never a second copy. Returns the number of feeds reached.
 */
export async function fanOutPost(post: NewPost): Promise<number> {
  const expiresAt = Math.floor(new Date(post.createdAt).getTime() / 1000) + FEED_RETENTION_DAYS * 86400;
  let reached = 0;
  for await (const readers of audience(post)) {
    if (!readers.length) continue;
    let pending = readers.map((userId) => ({ userId, createdAt: post.createdAt, postId: post.postId, spaceType: post.spaceType, spaceId: post.spaceId, expiresAt }));
    for (let attempt = 0; pending.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
      if (attempt > 8) throw new Error(`fan-out of ${post.postId}: ${pending.length} feed items still unprocessed`);
      const { unprocessed } = await FeedItemEntity.put(pending).go({ concurrency: 4 });
      pending = unprocessed.map((key) => pending.find((item) => item.userId === (key as { userId: string }).userId)!).filter(Boolean);
    }
    reached += readers.length;
  }
  return reached;
}
