import { AttendanceEntity, EventEntity } from './entities';
import { answersOf } from './read';

/**
 * Answers and sign-ups carry a copy of their event's start, which orders « my agenda » (gsi1).
 * When an event moves, the change job brings the copies in line: one write per answer, in the
 * background, never in the organizer's request. Slot sign-ups keep their slot's own start.
 */
export async function alignAgendaCopies(eventId: string): Promise<number> {
  const { data: event } = await EventEntity.get({ eventId }).go();
  if (!event) return 0;
  const { attendances } = await answersOf(eventId);
  const stale = attendances.data.filter((a) => a.startsAt !== event.startsAt);
  for (const a of stale) {
    await AttendanceEntity.patch({ eventId, attendeeId: a.attendeeId }).set({ startsAt: event.startsAt }).go();
  }
  return stale.length;
}
