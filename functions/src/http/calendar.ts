import { calendarRoutes as routes } from '../contracts/calendar-routes';
import * as calendar from '../domain/events/calendar';
import { featureLambda, implement } from './kit/feature-lambda';

/**
 * Calendars: a .ics per event and the private feeds calendar apps poll. Apart from the events
 * Lambda: it is read often, by apps, and carries the iCalendar library the others do not need.
 */
export const handler = featureLambda('calendar', [
  implement(routes.getEventCalendar, async ({ caller, params }) => calendar.eventCalendar(caller, params.eventId), { caller: true }),
  implement(routes.createCalendarFeed, async ({ caller, body }) => calendar.createFeed(caller, body.scope), { caller: true }),
  implement(routes.listCalendarFeeds, async ({ caller }) => calendar.listFeeds(caller), { caller: true }),
  implement(routes.revokeCalendarFeed, async ({ caller, params }) => (await calendar.revokeFeed(caller, params.feedId), { ok: true as const }), { caller: true }),
  implement(routes.readCalendarFeed, async ({ params }) => calendar.readFeed(params.token)),
]);
