import type { EntityItem } from 'electrodb';
import type { EventKind } from '../../contracts/events';
import { siteLink } from '../../shared/site';
import { NotFoundError } from '../errors';
import { sendMail } from '../mail/send';
import { PersonEntity } from '../people/entities';
import { EventEntity, MailReceiptEntity, SlotEntity } from './entities';
import { parisClock, sayHour, sayParisTime, sayShortDay } from '../../contracts/paris-time';
import { recipientsOf, type EventItem } from './read';
import type { Promotion } from './places';
import { isConditionFailure } from '../../shared/conditions';

/**
 * The event mails, each sent at most once per person and subject: a receipt is created with a
 * condition *before* sending, so a job that runs twice (retry, redelivery) skips whoever already
 * has theirs. The price: a send that fails after its receipt is not retried (at most once, never twice).
 */

export const kindLabels: Record<EventKind, string> = {
  reunion: 'Réunion',
  tractage: 'Tractage',
  'porte-a-porte': 'Porte-à-porte',
  meeting: 'Meeting',
  formation: 'Formation',
  autre: 'Événement',
};

/** True when this (event, topic, recipient) had no receipt yet: the caller may send. */
export async function claim(eventId: string, topic: string, recipient: string): Promise<boolean> {
  try {
    await MailReceiptEntity.create({ eventId, topic, recipient, at: new Date().toISOString() }).go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** What every event mail says of the event. */
export const facts = (event: EventItem, name?: string) => ({
  givenName: name,
  title: event.title,
  spaceLabel: event.spaceName,
  organizerName: event.organizerName,
  when: sayParisTime(event.startsAt),
  address: event.address,
  url: siteLink(`/evenements/${event.eventId}`),
});

/** A slot's place on its event's page: the page shows it first and marks it (`?creneau=`), the fragment scrolls to it. */
export const slotLink = (eventId: string, slotId: string) => `${siteLink(`/evenements/${eventId}`, { creneau: slotId })}#creneau-${slotId}`;

/** An action's volunteer slots as a mail lists them, in time order: day and hours, and one link each to its sign-up. */
export async function slotLinks(eventId: string): Promise<{ label: string; url: string }[]> {
  const { data } = await SlotEntity.query.byEvent({ eventId }).go();
  return data
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => ({ label: `${sayShortDay(s.startsAt)}, ${sayHour(s.startsAt)} – ${sayHour(s.endsAt)}${s.label ? ` · ${s.label}` : ''}`, url: slotLink(eventId, s.slotId) }));
}

export async function loadEvent(eventId: string): Promise<EventItem> {
  const { data } = await EventEntity.get({ eventId }).go();
  if (!data) throw new NotFoundError('event.not-found');
  return data;
}

export type PersonItem = EntityItem<typeof PersonEntity>;

/**
 * Reminds everyone coming to an event or signed up to one of its slots (run the day before by its
 * schedule). Idempotent: one receipt per address.
 */
export async function remindAttendees(eventId: string): Promise<{ sent: number }> {
  const event = await loadEvent(eventId);
  if (event.status !== 'published') return { sent: 0 };
  const [recipients, { data: slots }] = await Promise.all([recipientsOf(eventId, ['going']), SlotEntity.query.byEvent({ eventId }).go()]);
  const slotLabel = new Map(slots.map((s) => [s.slotId, `${parisClock(s.startsAt)}–${parisClock(s.endsAt)}`]));
  let sent = 0;
  for (const r of recipients) {
    if (!(await claim(eventId, 'reminder', r.email))) continue;
    await sendMail({
      to: r.email,
      kind: 'transactional',
      template: 'event-reminder',
      data: { ...facts(event, r.name), slots: r.slots.map((id) => slotLabel.get(id) ?? id) },
    });
    sent += 1;
  }
  return { sent };
}

/** Tells attendees (coming, maybe, waiting, volunteers) who answered before the event's latest change or cancellation of it. Idempotent per revision. */
export async function tellAttendeesOfChange(eventId: string): Promise<{ sent: number }> {
  const event = await loadEvent(eventId);
  let sent = 0;
  for (const r of await recipientsOf(eventId, undefined, event.revisedAt)) {
    if (!(await claim(eventId, `change-${event.revision}`, r.email))) continue;
    await sendMail({ to: r.email, kind: 'transactional', template: 'event-changed', data: { ...facts(event, r.name), cancelled: event.status === 'cancelled' } });
    sent += 1;
  }
  return { sent };
}

/** Tells the person who got a freed place. Idempotent per place given. */
export async function tellPromoted(promotion: Promotion): Promise<void> {
  const event = await loadEvent(promotion.eventId);
  if (!(await claim(promotion.eventId, `promoted-${promotion.since}`, promotion.attendeeId))) return;
  await sendMail({ to: promotion.email, kind: 'transactional', template: 'event-place-freed', data: facts(event, promotion.name) });
}

