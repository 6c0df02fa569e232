import { calendarRoutes as routes } from '../contracts/calendar-routes';
import { loadCaller } from '../domain/access/load-caller';
import * as calendar from '../domain/events/calendar';
import { featureLambda, implement } from './kit/feature-lambda';

/**
 * Calendars: a .ics per event and the private feeds calendar apps poll. Apart from the events
 * Lambda: it is read often, by apps, and carries the iCalendar library the others do not need.
 */
export const handler = featureLambda('calendar', [
  implement(routes.getEventCalendar, async ({ actor, params }) => calendar.eventCalendar(await loadCaller(actor), params.eventId)),
  implement(routes.createCalendarFeed, async ({ actor, body }) => calendar.createFeed(await loadCaller(actor), body.scope)),
  implement(routes.listCalendarFeeds, async ({ actor }) => calendar.listFeeds(await loadCaller(actor))),
  implement(routes.revokeCalendarFeed, async ({ actor, params }) => (await calendar.revokeFeed(await loadCaller(actor), params.feedId), { ok: true as const })),
  // The feed's owner is loaded as the caller: the feed shows what they may see today.
  implement(routes.readCalendarFeed, async ({ params }) =>
    calendar.readFeed(params.token, (userId) => loadCaller({ kind: 'user', sub: userId, email: null, groups: [] })),
  ),
]);
