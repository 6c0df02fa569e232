import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import type {
  CreateEventRequest,
  EventDetail,
  RsvpAnswer,
  RsvpState,
  SlotView,
  Space,
  UpdateEventRequest,
} from '../../contracts/events';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayOrganizeEvents, mayViewEvent, requirePerson, runsSpace } from '../access/policy';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { counterItems, givePlace, pause, shardPlan, shardWithRoom, takePlace, totalTaken } from './capacity';
import {
  AttendanceEntity,
  CapacityShardEntity,
  EventEntity,
  eventsService,
  SlotEntity,
  SlotSignupEntity,
} from './entities';
import { fromParis, parisDay, toParis } from './paris-time';
import { cancelReminder, requestEventMail, scheduleReminder } from './after-write';
import { tellPromoted } from './mail';
import { answersOf, audienceOf, loadEventAs, loadVisibleEvent, readCounter, spaceOf, toSummary, type EventItem } from './read';
import { resolveSpace } from '../spaces/resolve';
import { contentionAsCanceled, goingCounter, promoteFirstWaiting, releaseLapsedHolds } from './places';
import { getRegion } from '../territory/service';
import { isConditionFailure } from '../../shared/conditions';
import { countBusiness } from '../../shared/metrics';

type SlotItem = EntityItem<typeof SlotEntity>;

const newId = (bytes: number) => randomBytes(bytes).toString('hex');
const slotCounter = (eventId: string, slotId: string) => `${eventId}#slot#${slotId}`;

/** Turns Paris times into instants, with the failing field named (unknown hour on the day clocks go forward, end before start). */
function interval(start: string, end: string, field: string): { startsAt: string; endsAt: string } {
  const issues: FieldIssue[] = [];
  const from = fromParis(start);
  const to = fromParis(end);
  const missing = 'cette date ou cette heure n’existe pas à Paris (par exemple l’heure sautée au passage à l’heure d’été)';
  if (!from) issues.push({ field: `${field}start`, message: missing });
  if (!to) issues.push({ field: `${field}end`, message: missing });
  if (from && to && to <= from) issues.push({ field: `${field}end`, message: 'la fin doit venir après le début' });
  if (issues.length) throw new ValidationError(issues);
  return { startsAt: from!.toISOString(), endsAt: to!.toISOString() };
}

// ——— Reading ———

/** An event the caller organizes (they run its space, or manage its group), or 404/403. */
export async function loadManagedEvent(caller: Caller, eventId: string): Promise<EventItem> {
  const { event, standing } = await loadEventAs(caller, eventId);
  mayOrganizeEvents(caller, spaceOf(event), policyOptions, standing);
  return event;
}

/**
 * The slots of an event with what each still misses and whether `userId` signed up to it: one Query
 * for the slots, then one BatchGet for every counter shard and one for the person's sign-ups.
 */
async function slotViews(eventId: string, userId?: string): Promise<SlotView[]> {
  const { data: slots } = await SlotEntity.query.byEvent({ eventId }).go({ pages: 'all' });
  if (!slots.length) return [];
  const keys = slots.flatMap((slot) => Array.from({ length: slot.shards }, (_, shard) => ({ counterId: slotCounter(eventId, slot.slotId), shard })));
  const [{ data: shards }, mine] = await Promise.all([
    CapacityShardEntity.get(keys).go(),
    userId ? SlotSignupEntity.get(slots.map((slot) => ({ eventId, slotId: slot.slotId, userId }))).go() : { data: [] },
  ]);
  const signedUp = new Set(mine.data.map((s) => s.slotId));
  return slots
    .map((slot) => {
      const taken = shards.filter((s) => s.counterId === slotCounter(eventId, slot.slotId)).reduce((sum, s) => sum + s.taken, 0);
      return slotView(slot, taken, signedUp.has(slot.slotId));
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function slotView(slot: SlotItem, taken: number, mine: boolean): SlotView {
  return {
    id: slot.slotId,
    label: slot.label ?? null,
    start: toParis(slot.startsAt),
    end: toParis(slot.endsAt),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    needed: slot.needed,
    taken,
    missing: Math.max(0, slot.needed - taken),
    mine,
  };
}

/** Where an event happens, with its map point when the organizer gave one. */
const placeOf = (event: EventItem) => ({ address: event.address, ...(event.lat !== undefined ? { lat: event.lat, lon: event.lon } : {}) });

/** An event's page: the event, its slots with what they miss, the caller's own answers. */
export async function getEvent(caller: Caller, eventId: string): Promise<EventDetail> {
  const person = requirePerson(caller);
  const { event, standing } = await loadEventAs(caller, eventId);
  const [slots, myAttendance, going] = await Promise.all([
    slotViews(eventId, person.userId),
    AttendanceEntity.get({ eventId, attendeeId: person.userId }).go(),
    readCounter(goingCounter(eventId), event.goingShards),
  ]);
  return {
    ...toSummary(event),
    description: event.description,
    place: placeOf(event),
    organizer: { userId: event.organizerId, name: event.organizerName },
    capacity: event.capacity ?? null,
    going: totalTaken(going),
    myRsvp: myAttendance.data?.state ?? null,
    slots,
    canManage: runsSpace(caller, spaceOf(event), standing),
    hasReport: event.hasReport,
  };
}

/** A public event's page, for visitors (anything not public is « introuvable »). */
export async function getPublicEvent(eventId: string) {
  const event = await loadVisibleEvent({ kind: 'anonymous' }, eventId);
  const going = await readCounter(goingCounter(eventId), event.goingShards);
  return {
    ...toSummary(event),
    description: event.description,
    place: placeOf(event),
    organizerName: event.organizerName,
    capacity: event.capacity ?? null,
    going: totalTaken(going),
  };
}

/** A space's agenda from a Paris day on: one Query page on gsi1, filtered by what the caller may see. */
export async function listAgenda(caller: Caller, space: Space, query: { from?: string; cursor?: string; limit: number }) {
  requirePerson(caller);
  const { group } = await resolveSpace(caller, space, 'params.spaceId');
  const from = fromParis(`${query.from ?? parisDay(new Date())}T00:00`)!.toISOString();
  const result = await EventEntity.query
    .bySpace({ spaceType: space.type, spaceId: space.id })
    .gte({ startsAt: from })
    .go({ cursor: query.cursor ?? null, limit: query.limit })
    .catch((error: unknown) => {
      if (query.cursor) throw new ValidationError([{ field: 'query.cursor', message: 'curseur de pagination invalide' }]);
      throw error;
    });
  return { items: result.data.filter((e) => mayViewEvent(caller, audienceOf(e, group?.standing))).map(toSummary), nextCursor: result.cursor ?? null };
}

/**
 * A region's agenda: the next events of its federations from a Paris day on — the region (T2) and
 * its federations (T3), then one E2 page per federation in parallel (≤ 15 requests, whatever the
 * sizes), merged in time order. The first `limit` only, without a cursor: an overview; sections'
 * own events stay in their federation's sections (no index spans a region's sections).
 */
export async function listRegionAgenda(caller: Caller, regionCode: string, query: { from?: string; limit: number }) {
  requirePerson(caller);
  const region = await getRegion(regionCode);
  const from = fromParis(`${query.from ?? parisDay(new Date())}T00:00`)!.toISOString();
  const pages = await Promise.all(
    region.federations.map((f) => EventEntity.query.bySpace({ spaceType: 'federation', spaceId: f.code }).gte({ startsAt: from }).go({ limit: query.limit })),
  );
  const items = pages
    .flatMap((page) => page.data)
    .filter((e) => mayViewEvent(caller, audienceOf(e)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, query.limit);
  return { items: items.map(toSummary), nextCursor: null };
}

// ——— Organizing ———

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
  const slots = request.slots.map((slot, i) => ({ slotId: newId(4), ...slot, ...interval(slot.start, slot.end, `body.slots.${i}.`) }));
  const eventId = newId(16);
  const going = shardPlan(request.capacity);
  const slotShardCount = slots.reduce((n, s) => n + shardPlan(s.needed).length, 0);
  if (1 + going.length + slots.length + slotShardCount > 100) {
    throw new ValidationError([{ field: 'body.slots', message: 'trop de créneaux ou de places pour un seul événement' }]);
  }
  const item = {
    eventId,
    spaceType: space.type,
    spaceId: space.id,
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
    goingShards: going.length,
    organizerId: organizer.userId,
    organizerName: `${organizer.givenName} ${organizer.familyName}`,
    announce: request.announce,
  };
  await eventsService.transaction
    .write(({ event, slot, shard }) => [
      event.create(item).commit(),
      ...counterItems(goingCounter(eventId), request.capacity).map((s) => shard.create(s).commit()),
      ...slots.flatMap((s) => [
        slot.create({ eventId, slotId: s.slotId, label: s.label, startsAt: s.startsAt, endsAt: s.endsAt, needed: s.needed, shards: shardPlan(s.needed).length }).commit(),
        ...counterItems(slotCounter(eventId, s.slotId), s.needed).map((c) => shard.create(c).commit()),
      ]),
    ])
    .go();
  await scheduleReminder(eventId, startsAt);
  if (request.announce) await requestEventMail({ eventId, kind: 'announce' }, 1);
  return getEvent(caller, eventId);
}

/** Edits an event; attendees are told (the change job mails them once per revision). */
export async function updateEvent(caller: Caller, eventId: string, patch: UpdateEventRequest): Promise<EventDetail> {
  const event = await loadManagedEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('Cet événement est annulé : il ne peut plus être modifié.');
  const times =
    patch.start || patch.end ? interval(patch.start ?? toParis(event.startsAt), patch.end ?? toParis(event.endsAt), 'body.') : undefined;
  const place = patch.place;
  const update = EventEntity.patch({ eventId }).set({
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(place && { address: place.address, ...(typeof place.lat === 'number' && { lat: place.lat, lon: place.lon! }) }),
    // The agenda and reminder indexes are keyed on the start: ElectroDB rebuilds them from these.
    ...(times && { ...times, spaceType: event.spaceType, spaceId: event.spaceId }),
  });
  // Both coordinates null: the map point is removed (absent: it stays).
  await (place?.lat === null ? update.remove(['lat', 'lon']) : update)
    .add({ revision: 1 })
    .where(({ revision }, { eq }) => eq(revision, event.revision))
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) {
        throw new ConflictError('L’événement vient d’être modifié par quelqu’un d’autre : rechargez la page.');
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
  if (event.status === 'cancelled') throw new ConflictError('Cet événement est déjà annulé.');
  await EventEntity.patch({ eventId }).set({ status: 'cancelled' }).add({ revision: 1 }).go();
  await Promise.all([requestEventMail({ eventId, kind: 'changed' }, event.revision + 1), cancelReminder(eventId)]);
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

// ——— Answering and volunteering ———

interface Attendee {
  attendeeId: string;
  userId?: string;
  name: string;
  email: string;
}

async function attendeeOf(caller: Caller): Promise<Attendee> {
  const item = (await callerItem(requirePerson(caller)))!;
  return { attendeeId: item.userId, userId: item.userId, name: `${item.givenName} ${item.familyName}`, email: item.email };
}

/**
 * Answers an event. « Je viens » takes a place in the going counter in the same transaction as
 * the answer; when none is left, the person joins the waiting list instead. Leaving a place
 * (« non », « peut-être ») gives it to the first person waiting, who is told.
 */
export async function answerEvent(caller: Caller, eventId: string, answer: RsvpAnswer) {
  const event = await loadVisibleEvent(caller, eventId);
  const answered = await answerAs(event, await attendeeOf(caller), answer);
  countBusiness('Rsvps');
  return answered;
}

async function answerAs(event: EventItem, who: Attendee, answer: RsvpAnswer): Promise<{ state: RsvpState; going: number }> {
  if (event.status === 'cancelled') throw new ConflictError('Cet événement est annulé.');
  const eventId = event.eventId;
  const counterId = goingCounter(eventId);
  const limited = event.capacity !== undefined;
  let swept = false;
  for (let attempt = 0; attempt < 40; attempt++) {
    const [{ data: current }, shards] = await Promise.all([AttendanceEntity.get({ eventId, attendeeId: who.attendeeId }).go(), readCounter(counterId, event.goingShards)]);
    const was = current?.state;
    if (was === answer || (was === 'waiting' && answer === 'going')) return { state: was, going: totalTaken(shards) };
    const at = new Date().toISOString();
    const base = { eventId, attendeeId: who.attendeeId, userId: who.userId, name: who.name, email: who.email, startsAt: event.startsAt, at };
    const shard = answer === 'going' ? shardWithRoom(shards) : undefined;
    // Full: visitors' holds nobody confirmed in time give their places back first (once per answer).
    if (answer === 'going' && shard === undefined && limited && !swept) {
      swept = true;
      if (await releaseLapsedHolds(event)) continue;
    }
    const state: RsvpState = answer === 'going' ? (shard === undefined ? 'waiting' : 'going') : answer;
    const result = await eventsService.transaction
      .write(({ attendance, waiting, shard: shardEntity }) => [
        // The answer changes only from what was read (absent, or the same state): a concurrent change retries.
        current
          ? attendance.put({ ...base, state, shard }).where(({ state: s }, { eq }) => eq(s, current.state)).commit()
          : attendance.create({ ...base, state, shard }).commit(),
        ...(was === 'going' && current?.shard !== undefined ? [givePlace(shardEntity, counterId, current.shard)] : []),
        ...(was === 'waiting' ? [waiting.delete({ eventId, since: current!.at, attendeeId: who.attendeeId }).commit()] : []),
        ...(state === 'going' ? [takePlace(shardEntity, counterId, shard!, limited)] : []),
        ...(state === 'waiting' ? [waiting.create({ eventId, since: at, attendeeId: who.attendeeId }).commit()] : []),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) {
      const promoted = was === 'going' && limited ? await promoteFirstWaiting(event) : undefined;
      if (promoted) await tellPromoted(promoted);
      return { state, going: totalTaken(await readCounter(counterId, event.goingShards)) };
    }
    await pause(attempt);
  }
  throw new ConflictError('Trop de réponses au même moment : réessayez dans un instant.');
}

/**
 * Signs the caller up to a slot: the sign-up (must not exist) and a place in one of the slot's
 * counter shards (`taken < places`) in one transaction. A full slot answers 409 naming the other
 * slots that still miss volunteers.
 */
export async function signUpForSlot(caller: Caller, eventId: string, slotId: string) {
  const event = await loadVisibleEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('Cet événement est annulé.');
  const { data: slot } = await SlotEntity.get({ eventId, slotId }).go();
  if (!slot) throw new NotFoundError('Créneau', 'params.slotId');
  const who = await attendeeOf(caller);
  const counterId = slotCounter(eventId, slotId);
  for (let attempt = 0; attempt < 60; attempt++) {
    const shards = await readCounter(counterId, slot.shards);
    const shard = shardWithRoom(shards);
    if (shard === undefined) return refuseFullSlot(eventId, slot);
    const result = await eventsService.transaction
      .write(({ signup, shard: shardEntity }) => [
        signup
          .create({ eventId, slotId, userId: who.userId!, name: who.name, email: who.email, shard, startsAt: slot.startsAt, at: new Date().toISOString() })
          .commit(),
        takePlace(shardEntity, counterId, shard, true),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) return { slot: slotView(slot, totalTaken(await readCounter(counterId, slot.shards)), true) };
    const reasons = 'data' in result ? (result.data as { code: string }[]) : [];
    if (reasons[0]?.code === 'ConditionalCheckFailed') throw new ConflictError('Vous êtes déjà inscrit·e à ce créneau.');
    await pause(attempt); // a full shard or a concurrent transaction: read the counter again
  }
  throw new ConflictError('Trop d’inscriptions au même moment : réessayez dans un instant.');
}

async function refuseFullSlot(eventId: string, slot: SlotItem): Promise<never> {
  const others = (await slotViews(eventId)).filter((s) => s.id !== slot.slotId && s.missing > 0);
  const offer = others.length ? ` Il manque encore du monde : ${others.map((s) => `${s.start.slice(11)}–${s.end.slice(11)} (${s.missing})`).join(', ')}.` : '';
  throw new ConflictError(`Ce créneau est complet.${offer}`, [
    { field: 'params.slotId', message: 'créneau complet' },
    ...others.map((s) => ({ field: 'alternatives', message: s.id })),
  ]);
}

/** Leaves a slot: the sign-up and its place go together. */
export async function leaveSlot(caller: Caller, eventId: string, slotId: string) {
  const person = requirePerson(caller);
  await loadVisibleEvent(caller, eventId);
  const [{ data: slot }, { data: signup }] = await Promise.all([
    SlotEntity.get({ eventId, slotId }).go(),
    SlotSignupEntity.get({ eventId, slotId, userId: person.userId }).go(),
  ]);
  if (!slot) throw new NotFoundError('Créneau', 'params.slotId');
  if (!signup) throw new NotFoundError('Inscription', 'params.slotId');
  const counterId = slotCounter(eventId, slotId);
  for (let attempt = 0; attempt < 40; attempt++) {
    const result = await eventsService.transaction
      .write(({ signup: signupEntity, shard }) => [
        signupEntity.delete({ eventId, slotId, userId: person.userId }).where(({ userId }, { exists }) => exists(userId)).commit(),
        givePlace(shard, counterId, signup.shard),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) return { slot: slotView(slot, totalTaken(await readCounter(counterId, slot.shards)), false) };
    const reasons = 'data' in result ? (result.data as { code: string }[]) : [];
    if (reasons[0]?.code === 'ConditionalCheckFailed') throw new NotFoundError('Inscription', 'params.slotId');
    await pause(attempt);
  }
  throw new ConflictError('Trop de changements au même moment : réessayez dans un instant.');
}
