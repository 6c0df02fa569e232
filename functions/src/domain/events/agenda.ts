import type { EventDetail, Space } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { mayViewEvent, requirePerson, runsSpace } from '../access/policy';
import { ValidationError } from '../errors';
import { resolveSpace, spaceKeyOf } from '../spaces/resolve';
import { getRegion } from '../territory/service';
import { goingCounter, totalTaken } from './capacity';
import { AttendanceEntity, EventEntity } from './entities';
import { parisDay, startOfParisDay } from '../../contracts/paris-time';
import { announcementProgress, audienceOf, loadEventAs, loadVisibleEvent, readCounter, spaceOf, toSummary, type EventItem } from './read';
import { slotViews } from './slots';

/** Reading events: an event's page (a member's, a visitor's) and the agendas of a space and of a region. */

/** Where an event happens, with its map point when the organizer gave one. */
const placeOf = (event: EventItem) => ({ address: event.address, ...(event.lat !== undefined ? { lat: event.lat, lon: event.lon } : {}) });

/** An event's page: the event, its slots with what they miss, the caller's own answers. */
export async function getEvent(caller: Caller, eventId: string): Promise<EventDetail> {
  const person = requirePerson(caller);
  const { event, standing } = await loadEventAs(caller, eventId);
  const canManage = runsSpace(caller, spaceOf(event), standing);
  const [slots, myAttendance, going, announcement] = await Promise.all([
    slotViews(eventId, person.userId),
    AttendanceEntity.get({ eventId, attendeeId: person.userId }).go(),
    readCounter(goingCounter(eventId), event.goingShards),
    // The organizers see how far the announcement has gone (how many people it reached).
    canManage && event.announce ? announcementProgress(eventId) : null,
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
    canManage,
    hasReport: event.hasReport,
    announcement,
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
  const resolved = await resolveSpace(caller, space, 'params.spaceId');
  const { group } = resolved;
  const from = startOfParisDay(query.from ?? parisDay(new Date())).toISOString();
  const result = await EventEntity.query
    .bySpace({ spaceKey: spaceKeyOf(space) })
    .gte({ startsAt: from })
    .go({ cursor: query.cursor ?? null, limit: query.limit })
    .catch((error: unknown) => {
      if (query.cursor) throw new ValidationError([{ field: 'query.cursor', message: 'curseur de pagination invalide' }]);
      throw error;
    });
  return {
    items: result.data.filter((e) => mayViewEvent(caller, audienceOf(e, group?.standing))).map(toSummary),
    nextCursor: result.cursor ?? null,
    // Only those who run the space are offered « Proposer un événement » (ADR 0021).
    canOrganize: runsSpace(caller, resolved, group?.standing),
  };
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
  const from = startOfParisDay(query.from ?? parisDay(new Date())).toISOString();
  const pages = await Promise.all(
    region.federations.map((f) => EventEntity.query.bySpace({ spaceKey: spaceKeyOf({ type: 'federation', id: f.code }) }).gte({ startsAt: from }).go({ limit: query.limit })),
  );
  const items = pages
    .flatMap((page) => page.data)
    .filter((e) => mayViewEvent(caller, audienceOf(e)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, query.limit);
  return { items: items.map(toSummary), nextCursor: null };
}
