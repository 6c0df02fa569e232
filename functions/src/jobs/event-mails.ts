import { announceEvent, tellAttendeesOfChange } from '../domain/events/mail';

/**
 * Mails about one event, scheduled by its writes: `announce` (the new event to its space's members)
 * and `changed` (its latest change or cancellation to its attendees). Idempotent: running it twice
 * mails nobody twice (receipts in the table).
 */
export type EventMailJob = { eventId: string; kind: 'announce' | 'changed' };

export async function handler(payload: EventMailJob): Promise<{ sent: number }> {
  return payload.kind === 'announce' ? announceEvent(payload.eventId) : tellAttendeesOfChange(payload.eventId);
}
