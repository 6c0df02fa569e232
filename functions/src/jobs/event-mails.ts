import { alignAgendaCopies } from '../domain/events/agenda-copies';
import { announceEvent } from '../domain/events/announcements';
import { tellAttendeesOfChange } from '../domain/events/mail';
import { confirmSlotSignup } from '../domain/events/slot-mail';

/**
 * Mails about one event, scheduled by its writes: `announce` (queues the new event's announcement
 * to its space's members: one task per audience, sent page by page by `event-announcements`) and `changed` (its latest change or cancellation to its attendees, after aligning the copies of
 * its start that order their agendas), `slot-confirmed` (a volunteer's sign-up, with the slot's `.ics`). Idempotent: running it twice
 * mails nobody twice (receipts in the table).
 */
export type EventMailJob =
  | { eventId: string; kind: 'announce' | 'changed' }
  /** A volunteer's sign-up to a slot: their confirmation, with the slot's `.ics`. */
  | { eventId: string; kind: 'slot-confirmed'; slotId: string; userId: string };

export async function handler(payload: EventMailJob): Promise<{ sent: number } | { tasks: number }> {
  if (payload.kind === 'announce') return announceEvent(payload.eventId);
  if (payload.kind === 'slot-confirmed') return confirmSlotSignup(payload.eventId, payload.slotId, payload.userId);
  await alignAgendaCopies(payload.eventId); // a move reorders « my agenda »
  return tellAttendeesOfChange(payload.eventId);
}
