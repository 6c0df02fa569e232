import { createHash } from 'node:crypto';
import { NotificationEntity, social } from './entities';

/**
 * A notification's key and its reading, apart from `notifications.ts` (which mails): the stream job
 * `messaging-fanout` reads a `message` notification when its conversation is read, and must not
 * carry the mail modules for it (ADR 0029).
 */

/** A notification's id: a hash of its cause and its recipient, so the same cause never notifies twice. */
export const notificationIdOf = (cause: string, userId: string) => createHash('sha256').update(`${cause}|${userId}`).digest('base64url').slice(0, 22);

/**
 * One notification read (its recipient opened it): marked, and the bell counts one less — in one
 * transaction, which changes nothing when it was read already (by itself, or by « tout marquer comme lu »).
 */
export async function markKeyRead(key: { userId: string; at: string; notificationId: string }): Promise<void> {
  await social.transaction
    .write(({ notification, notificationState }) => [
      notification.patch(key).set({ readAt: new Date().toISOString() }).where((attr, op) => op.notExists(attr.readAt)).commit(),
      notificationState
        .patch({ userId: key.userId })
        .add({ unread: -1 })
        .where((attr, op) => `${op.gt(attr.unread, 0)} AND (${op.notExists(attr.readAt)} OR ${op.lt(attr.readAt, key.at)})`)
        .commit(),
    ])
    .go();
}

/**
 * A notification read because what it told of was seen elsewhere (a conversation opened, ADR 0029):
 * 1 GetItem, and the write only when it is there and unread — most causes were never told.
 */
export async function causeSeen(userId: string, cause: string, at: string): Promise<void> {
  const key = { userId, at, notificationId: notificationIdOf(cause, userId) };
  const { data } = await NotificationEntity.get(key).go({ attributes: ['notificationId', 'readAt'] });
  if (data && !data.readAt) await markKeyRead(key);
}
