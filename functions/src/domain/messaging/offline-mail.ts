import { notify } from '../social/notifications';
import { unreadRunCause } from './unread-run';
import { ChatMailDueEntity, InboxEntryEntity, MessageEntity, ParticipantEntity, RealtimeConnectionEntity } from './entities';
import { messageInstant } from './ids';
import { hourOf, minuteOf } from './mail-due';

/**
 * The offline mail (issue 15, ADR 0029 § The offline mail): a message still unread some minutes
 * after it came (15 by default, the stage's `messageMailDelayMinutes`), its reader with no live
 * connection, is told them through the notification preferences — at once, in their digest, or
 * never (kind `message`) — once per conversation until they read it: the notification is named by
 * the first unread message, so later messages of the same unread run tell nothing more.
 *
 * The fan-out writes one `chatMailDue` item per reader and minute due (M13, `mail-due.ts`); the job `message-mails`,
 * every minute, reads what is due with one Query per hour of the last three and looks at each item once.
 */

/** A missed run (an outage) is caught up this far back; older items expire. */
const HOURS_BACK = 3;

type Due = { dueHour: string; dueMinute: string; userId: string; conversationId: string; messageId: string };

/**
 * What the notification (and its mail's subject) says: who wrote, or how many wait — never the
 * words themselves, which a mail's preview or a locked phone would show to anyone near.
 */
function textOf(entry: { title: string; kind: 'direct' | 'salon'; unread?: number; lastAuthorName?: string }): string {
  const unread = entry.unread ?? 0;
  if (entry.kind === 'salon') return `${unread > 1 ? `${unread} messages non lus` : 'Un message non lu'} dans le salon « ${entry.title} »`;
  if (unread > 1) return `${unread} messages non lus de ${entry.title}`;
  return `${entry.lastAuthorName ?? entry.title} vous a écrit`;
}

/** Looks at one due item: told if still unread, not muted, not left, and its reader away; then it is gone. */
async function handle(item: Due, now: Date): Promise<boolean> {
  const [{ data: participant }, { data: entry }, { data: connections }] = await Promise.all([
    ParticipantEntity.get({ conversationId: item.conversationId, userId: item.userId }).go(),
    InboxEntryEntity.get({ userId: item.userId, conversationId: item.conversationId }).go(),
    RealtimeConnectionEntity.query.byPerson({ userId: item.userId }).go({ limit: 10 }),
  ]);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const online = connections.some((connection) => connection.expiresAt > nowSeconds);
  const read = Boolean(participant?.lastReadMessageId && participant.lastReadMessageId >= item.messageId);
  const tell = Boolean(participant && entry && !participant.leftAt && !participant.muted && !entry.muted && !read && !online && (entry.unread ?? 0) > 0);
  if (tell) {
    // The unread run is named by its first message (1 Query): its id and time make the notification's,
    // so every later item of the same run finds it already told (notify's transaction).
    const lastRead = participant!.lastReadMessageId;
    const { data: unread } = await (lastRead ? MessageEntity.query.byConversation({ conversationId: item.conversationId }).gt({ messageId: lastRead }) : MessageEntity.query.byConversation({ conversationId: item.conversationId })).go({ limit: 1 });
    const first = unread[0]?.messageId ?? item.messageId;
    await notify([item.userId], {
      kind: 'message',
      cause: unreadRunCause(item.conversationId, first),
      text: textOf(entry!),
      path: `/messages/${item.conversationId}`,
      at: messageInstant(first).toISOString(),
    });
  }
  await ChatMailDueEntity.delete(item).go();
  return tell;
}

/**
 * The `message-mails` job's run: every item due by `now`, of the last hours, looked at once. Stops
 * when time runs short; what is left waits for the next run.
 */
export async function mailOfflineReaders(now: Date, timeLeftMs: () => number): Promise<{ looked: number; told: number }> {
  const next = minuteOf(new Date(now.getTime() + 60_000));
  let looked = 0;
  let told = 0;
  for (let back = HOURS_BACK - 1; back >= 0; back -= 1) {
    const dueHour = hourOf(new Date(now.getTime() - back * 3_600_000));
    let cursor: string | null = null;
    do {
      if (timeLeftMs() < 10_000) return { looked, told };
      const page: { data: Due[]; cursor: string | null } = await ChatMailDueEntity.query.byHour({ dueHour }).lt({ dueMinute: next }).go({ limit: 50, cursor });
      for (const item of page.data) {
        looked += 1;
        if (await handle(item, now)) told += 1;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { looked, told };
}

