import { handler as eventMails, type EventMailJob } from '../../jobs/event-announcements';

/**
 * Work an event write asks for. Until the shared scheduler (EventBridge Scheduler, and its local
 * stand-in) is wired, it runs in the same invocation, after the write is saved; the job is
 * idempotent, so handing it to the scheduler later changes nothing else.
 */
export async function requestEventMail(job: EventMailJob): Promise<void> {
  await eventMails(job);
}
