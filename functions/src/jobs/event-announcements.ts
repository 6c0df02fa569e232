import { runAnnouncementTask, type AnnouncementTaskKey } from '../domain/events/announcements';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to created announcement tasks (infra/jobs.ts): mails that audience
 * of an event's announcement, page by page. A failure or a timeout makes the stream deliver the
 * task again; it resumes from its cursor, and receipts keep anyone from a second mail (ADR 0013).
 */
export const handler = streamJob<AnnouncementTaskKey>(async ({ after: task }, context) => {
  const key = { eventId: task!.eventId, scopeType: task!.scopeType, scopeId: task!.scopeId, seq: task!.seq };
  await runAnnouncementTask(key, () => context.getRemainingTimeInMillis());
});
