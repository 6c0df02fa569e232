import { fanOutBellCount, fanOutChangedMessage, fanOutNewMessage, fanOutRead, type StreamedParticipant } from '../domain/messaging/fanout';
import type { StoredMessage } from '../domain/messaging/message-view';
import { salonsLeftBy, type StreamedPerson } from '../domain/messaging/salon-spaces';
import { leave } from '../domain/messaging/service';
import { unreadRunSeen } from '../domain/messaging/unread-run';
import { postToConnection } from '../shared/realtime-push';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to messages (new, edited, deleted), participants (a read marker moved),
 * the bell's counts and people (who left a salon's space), infra/jobs.ts: the inboxes and unread totals follow, and every open tab of
 * the people concerned gets the frame (ADR 0029). A change delivered again is a no-op for the inboxes; a frame
 * may then reach a tab twice, which the page ignores by the message's id.
 */
type BellState = { userId: string; unread?: number };

export const handler = streamJob<(StoredMessage | StreamedParticipant | BellState | StreamedPerson) & { __edb_e__?: string }>(async ({ kind, before, after }) => {
  if (!after) return;
  if (after.__edb_e__ === 'person') {
    // Left a group, or no longer an adhérent of their section: out of its salon (ADR 0029 § Salons).
    for (const conversationId of salonsLeftBy(before as StreamedPerson | undefined, after as StreamedPerson)) await leave((after as StreamedPerson).userId, conversationId);
    return;
  }
  if (after.__edb_e__ === 'notificationState') {
    // Its settings change too (mutes, mail choices): only a new count is pushed.
    const unread = (after as BellState).unread ?? 0;
    if (kind === 'INSERT' || unread !== ((before as BellState | undefined)?.unread ?? 0)) await fanOutBellCount(after as BellState, postToConnection);
    return;
  }
  if (after.__edb_e__ === 'chatMessage') {
    const message = after as StoredMessage;
    if (kind === 'INSERT') await fanOutNewMessage(message, postToConnection);
    else if (before && (['text', 'deletedAt', 'authorName'] as const).some((field) => (before as StoredMessage)[field] !== message[field])) await fanOutChangedMessage(message, postToConnection);
    return;
  }
  const participant = after as StreamedParticipant;
  if (kind === 'MODIFY' && participant.lastReadMessageId && participant.lastReadMessageId !== (before as StreamedParticipant | undefined)?.lastReadMessageId) {
    await fanOutRead(participant, postToConnection);
    await unreadRunSeen(before as StreamedParticipant | undefined, participant);
  }
});
