import { causeSeen } from '../social/notification-reads';
import { MessageEntity } from './entities';
import { messageInstant } from './ids';

/**
 * An unread run (the messages after a reader's read marker) and its notification (the offline mail,
 * `offline-mail.ts`): named by the run's first message, and read when the run is — apart from the
 * offline mail so that the stream job `messaging-fanout` loads no mail module (infra/jobs.ts).
 */

/** What names the notification of an unread run: the conversation and the run's first message. */
export const unreadRunCause = (conversationId: string, firstMessageId: string) => `chat-unread:${conversationId}:${firstMessageId}`;

/**
 * A read marker moved (the stream job, on `chatParticipant`): the notification of the run it read, if
 * one was sent, is read too — the bell does not keep telling of messages already seen. The run is the
 * one that began after the marker's old place (1 Query of its first message, then `causeSeen`).
 */
export async function unreadRunSeen(
  before: { lastReadMessageId?: string } | undefined,
  after: { conversationId: string; userId: string; lastReadMessageId?: string },
): Promise<void> {
  if (!after.lastReadMessageId) return;
  const messages = MessageEntity.query.byConversation({ conversationId: after.conversationId });
  const { data } = await (before?.lastReadMessageId ? messages.gt({ messageId: before.lastReadMessageId }) : messages).go({ limit: 1, attributes: ['messageId'] });
  const first = data[0]?.messageId;
  if (!first || first > after.lastReadMessageId) return;
  await causeSeen(after.userId, unreadRunCause(after.conversationId, first), messageInstant(first).toISOString());
}
