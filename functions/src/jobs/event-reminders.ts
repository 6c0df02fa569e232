import { remindAttendees } from '../domain/events/mail';

/**
 * The day-before reminders, run once a day (EventBridge Scheduler in AWS): everyone coming to an
 * event of `day` (default: tomorrow, Paris) or signed up to one of its slots. Idempotent: a second
 * run the same day mails nobody again.
 */
export async function handler(payload: { day?: string } = {}): Promise<{ sent: number }> {
  return remindAttendees(payload.day);
}
