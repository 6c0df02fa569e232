import { remindAttendees } from '../domain/events/mail';

/**
 * The day-before reminder of one event, scheduled when it is published (moved when its time
 * changes, deleted when it is cancelled): to everyone coming or signed up to one of its slots.
 * Idempotent: a second run mails nobody again.
 */
export async function handler(payload: { eventId: string }): Promise<{ sent: number }> {
  return remindAttendees(payload.eventId);
}
