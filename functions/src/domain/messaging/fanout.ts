import { Service } from 'electrodb';
import type { RealtimeEvent } from '../../contracts/messaging';
import { writtenUnlessRefused } from '../../shared/conditions';
import { messageInstant } from './ids';
import { messageView, type StoredMessage } from './message-view';
import { previewOf } from './preview';
import { InboxEntryEntity, InboxTotalsEntity, ParticipantEntity } from './entities';
import { rememberForMail } from './mail-due';
import { liveConnectionsOf, pushToPeople, type Push } from './realtime';

/**
 * What follows a message, off the request (ADR 0029, M10): the stream job `messaging-fanout` gets
 * each new or changed message and each moved read marker, updates the inboxes and the unread totals,
 * and pushes the frames to every open connection of the people concerned. The stream may deliver a
 * change again: every write here is conditioned so a second delivery changes nothing.
 */

export interface StreamedParticipant {
  conversationId: string;
  userId: string;
  lastReadMessageId?: string;
  muted?: boolean;
  leftAt?: string;
}

const inboxes = new Service({ inboxEntry: InboxEntryEntity, totals: InboxTotalsEntity });
type Post = (connectionId: string, data: string) => Promise<'sent' | 'gone'>;

const activeParticipants = async (conversationId: string) =>
  (await ParticipantEntity.query.byConversation({ conversationId }).go({ pages: 'all' })).data.filter((p) => !p.leftAt);

/**
 * A person's entry takes the message as its last one — only if it is newer than the one it holds, so
 * a second delivery, or an older message delivered late, moves nothing. Others than the author get
 * one more unread, and their total too unless they muted it: one transaction, both or neither.
 */
async function advanceEntry(participant: { userId: string; muted?: boolean }, message: StoredMessage, at: string): Promise<boolean> {
  const { preview, edited, deleted } = previewOf(message);
  const key = { userId: participant.userId, conversationId: message.conversationId };
  const last = { lastMessageAt: at, lastMessageId: message.messageId, lastAuthorName: message.authorName, lastPreview: preview, lastEdited: edited, lastDeleted: deleted };
  if (participant.userId === message.authorId) {
    return writtenUnlessRefused(
      InboxEntryEntity.patch(key)
        .set(last)
        .where(({ lastMessageId }, { notExists, lt }) => `(${notExists(lastMessageId)} OR ${lt(lastMessageId, message.messageId)})`)
        .go(),
    );
  }
  const result = await inboxes.transaction
    .write(({ inboxEntry, totals }) => [
      inboxEntry.patch(key).set(last).add({ unread: 1 })
        .where(({ lastMessageId }, { notExists, lt }) => `(${notExists(lastMessageId)} OR ${lt(lastMessageId, message.messageId)})`)
        .commit(),
      ...(participant.muted ? [] : [totals.update({ userId: participant.userId }).add({ unread: 1 }).commit()]),
    ])
    .go();
  return !result.canceled;
}

/** The unread totals of these people, for their badges (one BatchGet). */
async function totalsOf(userIds: readonly string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const { data } = await InboxTotalsEntity.get(userIds.map((userId) => ({ userId }))).go();
  return new Map(data.map((item) => [item.userId, Math.max(0, item.unread ?? 0)]));
}

/** A new message: the inboxes move, then every participant's tabs get it, and the others their new total. */
export async function fanOutNewMessage(message: StoredMessage, post: Post): Promise<Push> {
  const participants = await activeParticipants(message.conversationId);
  const at = messageInstant(message.messageId).toISOString();
  // The message goes to the open tabs at once, while the inboxes follow; the new badges come after
  // (they count the message once the inboxes have it). Each person's connections are read once.
  const connections = await liveConnectionsOf(participants.map((p) => p.userId));
  const messages = new Map(participants.map((p) => [p.userId, [{ type: 'message', message: messageView(message, p.userId === message.authorId) } satisfies RealtimeEvent]]));
  const [pushed, advanced] = await Promise.all([pushToPeople(messages, post, connections), Promise.all(participants.map((p) => advanceEntry(p, message, at)))]);
  // Those it reached who may be away: mailed later if they have not read it by then (ADR 0029 § The offline mail).
  const readers = participants.filter((p, i) => advanced[i] && p.userId !== message.authorId && !p.muted).map((p) => p.userId);
  const recipients = participants.filter((p) => p.userId !== message.authorId).map((p) => p.userId);
  const [, totals] = await Promise.all([
    rememberForMail(readers, { conversationId: message.conversationId, messageId: message.messageId, sentAt: messageInstant(message.messageId) }),
    totalsOf(recipients),
  ]);
  const badges = new Map(recipients.map((userId) => [userId, [{ type: 'unread', total: totals.get(userId) ?? 0 } satisfies RealtimeEvent]]));
  const counted = await pushToPeople(badges, post, connections);
  return { sent: pushed.sent + counted.sent, gone: pushed.gone + counted.gone };
}

/**
 * An edited or deleted message, or one whose author was erased (« compte supprimé », ADR 0024): the
 * tabs replace it, and an inbox showing it as last follows — its preview and its author's name, so no
 * copy keeps the name of an erased person even if the first delivery came after the erasure.
 */
export async function fanOutChangedMessage(message: StoredMessage, post: Post): Promise<Push> {
  const participants = await activeParticipants(message.conversationId);
  const { preview, edited, deleted } = previewOf(message);
  await Promise.all(
    participants.map((p) =>
      writtenUnlessRefused(
        InboxEntryEntity.patch({ userId: p.userId, conversationId: message.conversationId })
          .set({ lastAuthorName: message.authorName, lastPreview: preview, lastEdited: edited, lastDeleted: deleted })
          .where(({ lastMessageId }, { eq }) => eq(lastMessageId, message.messageId))
          .go(),
      ),
    ),
  );
  return pushToPeople(
    new Map(participants.map((p) => [p.userId, [{ type: 'message-changed', message: messageView(message, p.userId === message.authorId) } satisfies RealtimeEvent]])),
    post,
  );
}

/** A read marker moved: the others see how far they read; the reader's other tabs get the new total. */
export async function fanOutRead(participant: StreamedParticipant, post: Post): Promise<Push> {
  if (!participant.lastReadMessageId) return { sent: 0, gone: 0 };
  const participants = await activeParticipants(participant.conversationId);
  const total = (await totalsOf([participant.userId])).get(participant.userId) ?? 0;
  const read: RealtimeEvent = { type: 'read', conversationId: participant.conversationId, userId: participant.userId, lastReadMessageId: participant.lastReadMessageId };
  return pushToPeople(
    new Map(participants.map((p) => [p.userId, p.userId === participant.userId ? [read, { type: 'unread', total } satisfies RealtimeEvent] : [read]])),
    post,
  );
}

/**
 * The bell's count (the person's `notificationState`, ADR 0029): to every open tab of its person
 * whenever it changed — a notification any job wrote, one read or « tout marquer comme lu » in another
 * tab. One Query of their connections; nothing when they have none open.
 */
export async function fanOutBellCount(state: { userId: string; unread?: number }, post: Post): Promise<Push> {
  const frame: RealtimeEvent = { type: 'notifications', unread: Math.max(0, state.unread ?? 0) };
  return pushToPeople(new Map([[state.userId, [frame]]]), post);
}
