import { sendMail } from '../mail/send';
import { slotCalendar } from './calendar';
import { SlotEntity, SlotSignupEntity } from './entities';
import { claim, facts, loadEvent } from './mail';
import { sayHour, sayParisTime } from '../../contracts/paris-time';

/**
 * Confirms a slot sign-up to the volunteer, with the slot as a `.ics` to add to their calendar
 * (the `event-mails` job, scheduled by the sign-up). Apart from mail.ts so that the events Lambda
 * does not carry the calendar library. Idempotent per sign-up: one receipt per (slot, person, time
 * of sign-up) — signing up again after leaving is a new confirmation. Nothing is sent if the person
 * left the slot meanwhile or the event was cancelled.
 */
export async function confirmSlotSignup(eventId: string, slotId: string, userId: string): Promise<{ sent: number }> {
  const [event, { data: slot }, { data: signup }] = await Promise.all([
    loadEvent(eventId),
    SlotEntity.get({ eventId, slotId }).go(),
    SlotSignupEntity.get({ eventId, slotId, userId }).go(),
  ]);
  if (!slot || !signup || event.status !== 'published') return { sent: 0 };
  if (!(await claim(eventId, `slot-${slotId}-${signup.at}`, signup.email))) return { sent: 0 };
  const label = `${sayParisTime(slot.startsAt)} – ${sayHour(slot.endsAt)}`;
  await sendMail({
    to: signup.email,
    kind: 'transactional',
    template: 'event-slot-confirmed',
    data: { ...facts(event, signup.name), slot: slot.label ? `${label} (${slot.label})` : label },
    attachments: [
      {
        fileName: 'creneau.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: slotCalendar(event, { slotId, startsAt: slot.startsAt, endsAt: slot.endsAt, label: slot.label ?? undefined }),
      },
    ],
  });
  return { sent: 1 };
}
