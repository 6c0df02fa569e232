import { isConditionFailure } from '../../shared/conditions';
import { ChatMailDueEntity } from './entities';
import { messageMailDelayMs } from './mail-delay';

/**
 * What the fan-out writes for the offline mail (ADR 0029, M13): one `chatMailDue` item per reader and
 * minute due. Apart from `offline-mail.ts` so the fan-out's bundle carries no mail module.
 */

const DUE_TTL_SECONDS = 2 * 86_400;
export const minuteOf = (at: Date) => at.toISOString().slice(0, 16);
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/** When the message sent at `sentAt` falls due for its readers who have not read it. */
export function dueKeyOf(sentAt: Date): { dueHour: string; dueMinute: string } {
  const due = new Date(sentAt.getTime() + messageMailDelayMs());
  return { dueHour: hourOf(due), dueMinute: minuteOf(due) };
}

/** Called by the fan-out for each reader (not its author, not muted) a new message reached: one Put, the same item for a minute's messages. */
export async function rememberForMail(readers: readonly string[], message: { conversationId: string; messageId: string; sentAt: Date }): Promise<void> {
  const key = dueKeyOf(message.sentAt);
  const expiresAt = Math.floor(Date.now() / 1000) + DUE_TTL_SECONDS;
  await Promise.all(
    readers.map((userId) =>
      // Only if absent: the first message of the minute is the one to compare with the read marker.
      ChatMailDueEntity.create({ ...key, userId, conversationId: message.conversationId, messageId: message.messageId, expiresAt })
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        }),
    ),
  );
}

