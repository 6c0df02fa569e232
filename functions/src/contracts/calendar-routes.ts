import * as z from 'zod';
import * as ev from './events';
import { Done } from './common';
import { defineRoute } from './route';

/**
 * The calendars' routes: a `.ics` per event, private calendar feeds. Spread into the one route table
 * (routes.ts); the calendar Lambda imports these alone (its bundle carries ical-generator, so every
 * other contract it left out counts).
 */
export const calendarRoutes = {
  getEventCalendar: defineRoute({
    method: 'GET', path: '/api/events/{eventId}/ics', feature: 'calendar', auth: 'jwt', tags: ['Événements'],
    summary: 'L’événement en fichier iCalendar (.ics)', params: z.object({ eventId: ev.EventId }),
    response: ev.ICalendarText, responseType: 'calendar',
  }),
  createCalendarFeed: defineRoute({
    method: 'POST', path: '/api/me/calendar-feeds', feature: 'calendar', auth: 'jwt', tags: ['Événements'],
    summary: 'Créer un lien d’abonnement d’agenda privé (révocable)', body: ev.CreateFeedRequest, response: ev.CalendarFeed, successStatus: 201,
  }),
  listCalendarFeeds: defineRoute({
    method: 'GET', path: '/api/me/calendar-feeds', feature: 'calendar', auth: 'jwt', tags: ['Événements'],
    summary: 'Mes liens d’abonnement d’agenda', response: ev.CalendarFeedList,
  }),
  revokeCalendarFeed: defineRoute({
    method: 'DELETE', path: '/api/me/calendar-feeds/{feedId}', feature: 'calendar', auth: 'jwt', tags: ['Événements'],
    summary: 'Révoquer un lien d’abonnement', params: z.object({ feedId: z.string().regex(/^[a-z0-9]{8,40}$/, 'identifiant de lien') }), response: Done,
  }),
  readCalendarFeed: defineRoute({
    method: 'GET', path: '/api/calendar/{token}', feature: 'calendar', auth: 'public', tags: ['Événements'],
    summary: 'Un flux d’agenda iCalendar, par son lien privé', params: z.object({ token: ev.FeedToken }),
    response: ev.ICalendarText, responseType: 'calendar',
  }),
};
