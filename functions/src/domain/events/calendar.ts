import { randomBytes } from 'node:crypto';
import ical, { escape, ICalEventStatus } from 'ical-generator';
import type { Space } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { mayViewEvent, requirePerson } from '../access/policy';
import { loadPersonAsCaller } from '../access/load-caller';
import { NotFoundError, ValidationError } from '../errors';
import { CalendarFeedEntity } from './entities';
import { resolveSpace } from '../spaces/resolve';
import { audienceOf, eventsOfSpace, loadVisibleEvent, myAgendaEvents, type EventItem } from './read';
import { PARIS } from '../../contracts/paris-time';
import { siteLink } from '../../shared/site';

/**
 * iCalendar (RFC 5545) for the agendas, written by ical-generator (ADR 0011). Times are written
 * as UTC instants, which every calendar app places correctly on both sides of a daylight-saving
 * change; X-WR-TIMEZONE tells apps the agenda's home time zone.
 *
 * Every text value is escaped (RFC 5545 §3.3.11: « \ », « ; », « , » and line breaks), or a title
 * with a line break writes properties — whole VEVENTs — of its own. ical-generator escapes what
 * it writes inside an event and the X- properties, but writes the calendar's NAME and X-WR-CALNAME
 * as given: the calendar's name (an event's title, a group's name) is escaped here, with the
 * library's own escape.
 */
function calendarOf(name: string, events: EventItem[]): string {
  const calendar = ical({ name: escape(name, false), prodId: { company: 'Coopol', product: 'Agenda', language: 'FR' }, ttl: 60 * 30 });
  calendar.x('X-WR-TIMEZONE', PARIS);
  for (const event of events) {
    calendar.createEvent({
      id: `${event.eventId}@coopol`,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: event.status === 'cancelled' ? `Annulé : ${event.title}` : event.title,
      description: event.description || undefined,
      location: event.lat !== undefined && event.lon !== undefined ? { title: event.address, geo: { lat: event.lat, lon: event.lon } } : event.address,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: event.revision,
      url: siteLink(`/evenements/${event.eventId}`),
      organizer: { name: event.organizerName, email: 'ne-pas-repondre@coopol.example' },
    });
  }
  return calendar.toString();
}

/** One event as a .ics file, for whoever may see it. */
export async function eventCalendar(caller: Caller, eventId: string): Promise<string> {
  const event = await loadVisibleEvent(caller, eventId);
  return calendarOf(event.title, [event]);
}

// ——— Private feeds ———

type FeedScope = { type: Space['type'] | 'me'; id?: string };

/** A feed token: 32 random bytes, URL-safe; the whole credential of the feed. */
const newToken = () => randomBytes(32).toString('base64url');

/** Creates a feed of an agenda the caller may read; the token lives until revoked. */
export async function createFeed(caller: Caller, scope: FeedScope) {
  const person = requirePerson(caller);
  if (scope.type !== 'me') {
    if (!scope.id) throw new ValidationError([{ field: 'body.scope.id', message: 'obligatoire pour un agenda d’espace' }]);
    await resolveSpace(caller, { type: scope.type, id: scope.id }, 'body.scope.id');
  }
  const item = {
    token: newToken(),
    feedId: randomBytes(8).toString('hex'),
    ownerId: person.userId,
    scopeType: scope.type,
    scopeId: scope.type === 'me' ? undefined : scope.id,
    createdAt: new Date().toISOString(),
  };
  await CalendarFeedEntity.create(item).go();
  return toFeed(item);
}

const toFeed = (item: { token: string; feedId: string; scopeType: FeedScope['type']; scopeId?: string; createdAt: string }) => ({
  id: item.feedId,
  scope: { type: item.scopeType, ...(item.scopeId ? { id: item.scopeId } : {}) },
  path: `/api/calendar/${item.token}.ics`,
  createdAt: item.createdAt,
});

/** My feeds (one Query on gsi1). */
export async function listFeeds(caller: Caller) {
  const person = requirePerson(caller);
  const { data } = await CalendarFeedEntity.query.byOwner({ ownerId: person.userId }).go({ pages: 'all' });
  return { items: data.map(toFeed) };
}

/** Revokes one of my feeds: its link stops working at once. */
export async function revokeFeed(caller: Caller, feedId: string): Promise<void> {
  const person = requirePerson(caller);
  const { data } = await CalendarFeedEntity.query.byOwner({ ownerId: person.userId, feedId }).go();
  const feed = data[0];
  if (!feed) throw new NotFoundError('calendar-link.not-found', 'params.feedId');
  await CalendarFeedEntity.delete({ token: feed.token }).go();
}

/**
 * A feed by its token: the agenda as its owner sees it today (their rights are checked at each
 * read, so a feed never shows what its owner may no longer see). From 30 days back, 500 events at most.
 */
/** A private feed, as its owner may see it today (the owner is loaded as the caller, whoever polls). */
export async function readFeed(tokenWithExtension: string): Promise<string> {
  const token = tokenWithExtension.replace(/\.ics$/, '');
  const { data: feed } = await CalendarFeedEntity.get({ token }).go();
  if (!feed) throw new NotFoundError('calendar.not-found', 'params.token');
  const owner = await loadPersonAsCaller(feed.ownerId);
  if (owner.kind !== 'person') throw new NotFoundError('calendar.not-found', 'params.token');
  const since = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
  if (feed.scopeType === 'me') {
    return calendarOf('Mon agenda Coopol', await myAgendaEvents(owner));
  }
  // A group its owner may no longer know of (they left a secret group) ends the feed: 404.
  const space = await resolveSpace(owner, { type: feed.scopeType, id: feed.scopeId! }, 'params.token');
  const events = (await eventsOfSpace(space, since)).filter((e) => mayViewEvent(owner, audienceOf(e, space.group?.standing)));
  return calendarOf(`Agenda — ${space.label}`, events);
}
