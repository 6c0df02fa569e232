import type { CreateEventRequest, EventDetail, UpdateEventRequest } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayOrganizeEvents, requirePerson } from '../access/policy';
import { ConflictError, ValidationError } from '../errors';
import { resolveSpace, spaceKeyOf } from '../spaces/resolve';
import { isConditionFailure } from '../../shared/conditions';
import { requestEventMail, scheduleReminder } from './after-write';
import { getEvent } from './agenda';
import { markEventCancelled, newEventId, newSlotId, writeNewEvent } from './creation';
import { EventEntity } from './entities';
import { answersOf, loadEventAs, spaceOf, type EventItem } from './read';

/** Organizing events: creating, editing and cancelling them, and seeing who comes — for those who run the space. */

/** Two instants (the contract checked their form, ADR 0019) as a stored span in UTC, or a 400 on `end` when it does not come after `start`. */
function interval(start: string, end: string, field: string): { startsAt: string; endsAt: string } {
  const [from, to] = [new Date(start), new Date(end)];
  if (to <= from) throw new ValidationError([{ field: `${field}end`, message: 'la fin doit venir après le début' }]);
  return { startsAt: from.toISOString(), endsAt: to.toISOString() };
}

/** An event the caller organizes (they run its space, or manage its group), or 404/403. */
export async function loadManagedEvent(caller: Caller, eventId: string): Promise<EventItem> {
  const { event, standing } = await loadEventAs(caller, eventId);
  mayOrganizeEvents(caller, spaceOf(event), policyOptions, standing);
  return event;
}

/**
 * Creates an event in a space the caller runs, with its slots and their counters, in one
 * transaction (at most 24 slots: 1 event + 4 to 10 going shards + slots and their shards ≤ 100 items).
 */
export async function createEvent(caller: Caller, request: CreateEventRequest): Promise<EventDetail> {
  const space = await resolveSpace(caller, request.space, 'body.space.id');
  mayOrganizeEvents(caller, space, policyOptions, space.group?.standing);
  const organizer = (await callerItem(requirePerson(caller)))!;
  if (request.visibility === 'section' && space.type !== 'section') {
    throw new ValidationError([{ field: 'body.visibility', message: '« cette section seulement » ne vaut que pour un événement de section' }]);
  }
  if (request.visibility === 'public' && space.group?.kind === 'secret') {
    // A public page would reveal the secret group (its name is on the event): its events stay among its members.
    throw new ValidationError([{ field: 'body.visibility', message: 'un événement de groupe secret ne peut pas être public' }]);
  }
  const { startsAt, endsAt } = interval(request.start, request.end, 'body.');
  const slots = request.slots.map((slot, i) => ({ slotId: newSlotId(), ...slot, ...interval(slot.start, slot.end, `body.slots.${i}.`) }));
  const eventId = newEventId();
  await writeNewEvent(
    {
      eventId,
      spaceType: space.type,
      spaceId: space.id,
      spaceKey: spaceKeyOf(space),
      spaceName: space.label,
      sectionId: space.sectionId,
      federationCode: space.federationCode,
      regionCode: space.regionCode,
      kind: request.kind,
      title: request.title,
      description: request.description,
      startsAt,
      endsAt,
      address: request.place.address,
      lat: request.place.lat,
      lon: request.place.lon,
      visibility: request.visibility,
      capacity: request.capacity,
      organizerId: organizer.userId,
      organizerName: `${organizer.givenName} ${organizer.familyName}`,
      announce: request.announce,
    },
    slots,
  );
  return getEvent(caller, eventId);
}

/** Edits an event; attendees are told (the change job mails them once per revision). */
export async function updateEvent(caller: Caller, eventId: string, patch: UpdateEventRequest): Promise<EventDetail> {
  const event = await loadManagedEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('event.cancelled-no-edit');
  const times =
    patch.start || patch.end ? interval(patch.start ?? event.startsAt, patch.end ?? event.endsAt, 'body.') : undefined;
  const place = patch.place;
  const update = EventEntity.patch({ eventId }).set({
    revisedAt: new Date().toISOString(),
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(place && { address: place.address, ...(typeof place.lat === 'number' && { lat: place.lat, lon: place.lon! }) }),
    // The agenda and reminder indexes are keyed on the start: ElectroDB rebuilds them from these.
    ...(times && { ...times, spaceKey: spaceKeyOf({ type: event.spaceType, id: event.spaceId }) }),
  });
  // Both coordinates null: the map point is removed (absent: it stays).
  await (place?.lat === null ? update.remove(['lat', 'lon']) : update)
    .add({ revision: 1 })
    .where(({ revision }, { eq }) => eq(revision, event.revision))
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) {
        throw new ConflictError('event.changed-meanwhile');
      }
      throw error;
    });
  await requestEventMail({ eventId, kind: 'changed' }, event.revision + 1);
  if (times) await scheduleReminder(eventId, times.startsAt);
  return getEvent(caller, eventId);
}

/** Cancels an event (kept, marked cancelled); attendees are told by the change job. */
export async function cancelEvent(caller: Caller, eventId: string): Promise<EventDetail> {
  const event = await loadManagedEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('event.already-cancelled');
  await markEventCancelled(eventId);
  return getEvent(caller, eventId);
}

/** Who comes, who waits, who volunteers where: for the event's organizers. */
export async function listAttendees(caller: Caller, eventId: string) {
  await loadManagedEvent(caller, eventId);
  const { attendances, signups } = await answersOf(eventId);
  return {
    items: [
      ...attendances.data.map((a) => ({ name: a.name, userId: a.userId ?? null, state: a.state, slotId: null, at: a.at })),
      ...signups.data.map((s) => ({ name: s.name, userId: s.userId, state: 'volunteer' as const, slotId: s.slotId, at: s.at })),
    ],
  };
}
