import type { EntityItem } from 'electrodb';
import type { EventSummary, RsvpState, Space } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { mayViewEvent, requirePerson, type GroupStanding, type PartySpace } from '../access/policy';
import { NotFoundError } from '../errors';
import { groupStanding, spaceKeyOf } from '../spaces/resolve';
import type { ShardState } from './capacity';
import { AnnouncementTaskEntity, AttendanceEntity, CapacityShardEntity, EventEntity, SlotSignupEntity } from './entities';
import { parisDay, startOfParisDay } from '../../contracts/paris-time';
import { standingsIn, standingsInMyGroups } from './spaces';

/**
 * Reading events as a given caller sees them: what the event pages, the agendas and the calendar
 * feeds share (the calendar Lambda needs this and nothing of the writes).
 */

export type EventItem = EntityItem<typeof EventEntity>;

/** The place of an event's space, as the rules see it. */
export const spaceOf = (event: EventItem): PartySpace => ({ type: event.spaceType, id: event.spaceId, federationCode: event.federationCode });
/** Who may see the event, as the rules need it; `group`: the caller's standing in the event's group. */
export const audienceOf = (event: EventItem, group?: GroupStanding) => ({ space: spaceOf(event), visibility: event.visibility, federations: event.forFederations, group });

/**
 * One event and the caller's standing in its group (a group event: one more GetItem), or 404;
 * 404 too when the caller may not see it (its existence is not revealed).
 */
export async function loadEventAs(caller: Caller, eventId: string): Promise<{ event: EventItem; standing: GroupStanding }> {
  const { data } = await EventEntity.get({ eventId }).go();
  const standing = data?.spaceType === 'group' && caller.kind === 'person' ? await groupStanding(data.spaceId, caller.userId) : undefined;
  if (!data || !mayViewEvent(caller, audienceOf(data, standing))) throw new NotFoundError('event.not-found', 'params.eventId');
  return { event: data, standing };
}

/** One event the caller may see (see loadEventAs). */
export async function loadVisibleEvent(caller: Caller, eventId: string): Promise<EventItem> {
  return (await loadEventAs(caller, eventId)).event;
}

/** The events of several spaces the caller may see (their group standings in one BatchGet). */
export async function visibleAmong(caller: Caller, events: EventItem[]): Promise<EventItem[]> {
  const standings = await standingsIn(caller, events);
  return events.filter((e) => mayViewEvent(caller, audienceOf(e, e.spaceType === 'group' ? standings.get(e.spaceId) : undefined)));
}

/** An event as agendas list it. */
export function toSummary(event: EventItem): EventSummary {
  return {
    id: event.eventId,
    space: { type: event.spaceType, id: event.spaceId, name: event.spaceName },
    kind: event.kind,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    address: event.address,
    visibility: event.visibility,
    status: event.status,
  };
}

/**
 * What I come to (or might, or wait for) and the slots I signed up to, from today on: two Query
 * pages on gsi1 and my standing in my groups (one BatchGet) in parallel, then one BatchGet of the
 * events, in time order — two levels of reads (ADR 0025).
 */
async function myEvents(caller: Caller, limit: number) {
  const person = requirePerson(caller);
  const from = startOfParisDay(parisDay(new Date())).toISOString();
  const [attendances, signups, standings] = await Promise.all([
    AttendanceEntity.query.byAttendee({ attendeeId: person.userId }).gte({ startsAt: from }).go({ limit }),
    SlotSignupEntity.query.byPerson({ userId: person.userId }).gte({ startsAt: from }).go({ limit }),
    standingsInMyGroups(caller),
  ]);
  const answers = new Map(attendances.data.filter((a) => a.state !== 'no').map((a) => [a.eventId, a.state]));
  const slots = new Map<string, string[]>();
  for (const s of signups.data) slots.set(s.eventId, [...(slots.get(s.eventId) ?? []), s.slotId]);
  const events = (await eventsById([...new Set([...answers.keys(), ...slots.keys()])]))
    .filter((e) => mayViewEvent(caller, audienceOf(e, e.spaceType === 'group' ? standings.get(e.spaceId) : undefined)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { events, answers, slots };
}

/** My agenda, with my answer and my slots on each event. */
export async function myAgenda(caller: Caller, limit = 100) {
  const { events, answers, slots } = await myEvents(caller, limit);
  return { items: events.map((e) => ({ ...toSummary(e), myRsvp: answers.get(e.eventId) ?? null, mySlots: slots.get(e.eventId) ?? [] })) };
}

/** The events of my agenda as they are stored (for my calendar feed). */
export async function myAgendaEvents(caller: Caller, limit = 500): Promise<EventItem[]> {
  return (await myEvents(caller, limit)).events;
}

/** Events of a space in a window (for calendar feeds): Query pages on gsi1, at most `limit` events. */
export async function eventsOfSpace(space: Space, fromIso: string, limit = 500): Promise<EventItem[]> {
  const { data } = await EventEntity.query.bySpace({ spaceKey: spaceKeyOf(space) }).gte({ startsAt: fromIso }).go({ limit, pages: 'all' });
  return data;
}

export async function eventsById(ids: string[]): Promise<EventItem[]> {
  if (!ids.length) return [];
  return (await EventEntity.get(ids.map((eventId) => ({ eventId }))).go()).data;
}

/**
 * Everyone who answered an event and every volunteer of its slots (two Queries of its partition).
 * Visitors' answers past their erasure date are left out (TTL deletes them late, or never locally).
 */
export async function answersOf(eventId: string) {
  const now = Math.floor(Date.now() / 1000);
  const [attendances, signups] = await Promise.all([
    AttendanceEntity.query.byEvent({ eventId }).go({ pages: 'all' }),
    SlotSignupEntity.query.byEvent({ eventId }).go({ pages: 'all' }),
  ]);
  return { attendances: { ...attendances, data: attendances.data.filter((a) => a.expiresAt === undefined || a.expiresAt > now) }, signups };
}

/** Everyone to tell about an event (answered going, maybe or waiting; volunteers), one line per address. */
export async function recipientsOf(eventId: string, states: RsvpState[] = ['going', 'maybe', 'waiting'], answeredBy?: string) {
  const { attendances, signups } = await answersOf(eventId);
  // `answeredBy`: only answers given by then (an answer given — or a visitor's confirmed — after a
  // change was given to the event as changed: its mail would tell of what they already saw).
  const inTime = (a: { at: string }) => answeredBy === undefined || a.at <= answeredBy;
  const byEmail = new Map<string, { recipient: string; name: string; email: string; slots: string[] }>();
  for (const a of attendances.data.filter((a) => states.includes(a.state) && inTime(a))) {
    byEmail.set(a.email, { recipient: a.attendeeId, name: a.name, email: a.email, slots: [] });
  }
  for (const s of signups.data.filter(inTime)) {
    const known = byEmail.get(s.email) ?? { recipient: s.userId, name: s.name, email: s.email, slots: [] };
    known.slots.push(s.slotId);
    byEmail.set(s.email, known);
  }
  return [...byEmail.values()];
}

/** Every shard of a counter (one BatchGetItem: constant cost, whatever the number of sign-ups). */
export async function readCounter(counterId: string, shards: number): Promise<ShardState[]> {
  const keys = Array.from({ length: shards }, (_, shard) => ({ counterId, shard }));
  const { data } = await CapacityShardEntity.get(keys).go();
  return keys.map(({ shard }) => {
    const item = data.find((d) => d.shard === shard);
    return { shard, taken: item?.taken ?? 0, places: item?.places, held: item?.held };
  });
}

/** Where an event's announcement stands: its tasks (one Query of the event's partition). */
export async function announcementTasks(eventId: string) {
  return (await AnnouncementTaskEntity.query.byEvent({ eventId }).go({ pages: 'all' })).data;
}

/**
 * How far an event's announcement has gone, for its organizers (« annonce envoyée à N personnes »):
 * its tasks (E16, one query; a hand-over's earlier tasks are done and keep their count), the mails
 * sent summed, done once every task is. No task yet: queued (the `event-mails` job creates them).
 */
export async function announcementProgress(eventId: string): Promise<{ sent: number; done: boolean }> {
  const data = await announcementTasks(eventId);
  return { sent: data.reduce((sum, task) => sum + task.sent, 0), done: data.length > 0 && data.every((task) => task.done) };
}
