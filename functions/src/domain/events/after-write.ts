import { createHash } from 'node:crypto';
import { cancelScheduledJob, scheduleJob } from '../../shared/scheduler';
import type { EventMailJob } from '../../jobs/event-mails';

/**
 * The work an event's writes ask for, handed to the scheduler (EventBridge Scheduler in AWS, the
 * local scheduler here), each under a name that makes asking twice harmless. The jobs are
 * idempotent too (mail receipts), so a retried schedule mails nobody twice.
 */
export async function requestEventMail(job: EventMailJob, revision: number | string): Promise<void> {
  await scheduleJob(`event-${job.kind}-${job.eventId}-${revision}`, 'event-mails', new Date(), job);
}

/**
 * A volunteer's confirmation with the slot's `.ics`. Each sign-up its own schedule (signing up again
 * after leaving is a new one), named by a short digest so the name stays within Scheduler's 64 characters.
 */
export async function requestSlotConfirmation(eventId: string, slotId: string, userId: string): Promise<void> {
  const key = createHash('sha256').update(`${slotId}:${userId}:${Date.now()}`).digest('hex').slice(0, 10);
  await requestEventMail({ eventId, kind: 'slot-confirmed', slotId, userId }, key);
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
