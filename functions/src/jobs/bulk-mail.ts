import type { BulkTaskItem } from '../domain/mail/bulk/stores';
import { runMailingTask } from '../domain/mailings/sender';
import { streamJob } from './kit/stream-job';

/**
 * The table stream, filtered to created `bulkTask`s (infra/jobs.ts): sends that shard of a mailing
 * that has no tasks of its own — a message to a space's members (ADR 0016, 0028) — page by page. A
 * failure or a timeout makes the stream deliver the task again; it resumes from its cursor.
 */
export const handler = streamJob<BulkTaskItem>(async ({ after: task }, context) => {
  const [kind, ...id] = task!.mailing.split('-');
  if (kind !== 'message') return;
  await runMailingTask({ mailing: { kind: 'message', id: id.join('-') }, shard: task!.shard, seq: task!.seq }, () => context.getRemainingTimeInMillis());
});
