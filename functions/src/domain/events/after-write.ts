import { cancelScheduledJob, scheduleJob } from '../../shared/scheduler';
import type { EventMailJob } from '../../jobs/event-mails';

/**
 * The work an event's writes ask for, handed to the scheduler (EventBridge Scheduler in AWS, the
 * local scheduler here), each under a name that makes asking twice harmless. The jobs are
 * idempotent too (mail receipts), so a retried schedule mails nobody twice.
 */
export async function requestEventMail(job: EventMailJob, revision: number): Promise<void> {
  await scheduleJob(`event-${job.kind}-${job.eventId}-${revision}`, 'event-mails', new Date(), job);
}

const DAY = 24 * 3600 * 1000;

/**
 * The reminder goes a day before the start. An event published less than a day ahead gets none:
 * whoever answers it then has just read it.
 */
export async function scheduleReminder(eventId: string, startsAt: string): Promise<void> {
  const at = new Date(new Date(startsAt).getTime() - DAY);
  if (at.getTime() <= Date.now()) return cancelReminder(eventId);
  await scheduleJob(`event-reminder-${eventId}`, 'event-reminders', at, { eventId });
}

export async function cancelReminder(eventId: string): Promise<void> {
  await cancelScheduledJob(`event-reminder-${eventId}`);
}
