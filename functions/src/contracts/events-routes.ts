import * as z from 'zod';
import * as ev from './events';
import { Done } from './common';
import { defineRoute, type RouteContract } from './route';
import { RegionCode } from './territory';

/**
 * The events' routes (issue 6), spread into the one route table (routes.ts). The events Lambda
 * imports these alone, so its bundle carries no other feature's contracts (calendars: calendar-routes.ts).
 */
export const eventRoutes = {
  createEvent: defineRoute({
    method: 'POST', path: '/api/events', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Créer un événement dans un espace qu’on anime (créneaux de bénévoles, annonce par e-mail)',
    body: ev.CreateEventRequest, response: ev.EventDetail, successStatus: 201,
  }),
  getEvent: defineRoute({
    method: 'GET', path: '/api/events/{eventId}', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Un événement, ses créneaux et ce qu’il y manque', params: z.object({ eventId: ev.EventId }), response: ev.EventDetail,
  }),
  updateEvent: defineRoute({
    method: 'PATCH', path: '/api/events/{eventId}', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Modifier un événement (les participants sont prévenus)', params: z.object({ eventId: ev.EventId }),
    body: ev.UpdateEventRequest, response: ev.EventDetail,
  }),
  cancelEvent: defineRoute({
    method: 'POST', path: '/api/events/{eventId}/cancel', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Annuler un événement (les participants sont prévenus)', params: z.object({ eventId: ev.EventId }), response: ev.EventDetail,
  }),
  answerEvent: defineRoute({
    method: 'PUT', path: '/api/events/{eventId}/rsvp', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Je viens / peut-être / non (liste d’attente quand c’est complet)', params: z.object({ eventId: ev.EventId }),
    body: ev.RsvpRequest, response: ev.RsvpResult,
  }),
  signUpForSlot: defineRoute({
    method: 'PUT', path: '/api/events/{eventId}/slots/{slotId}/signup', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'S’inscrire à un créneau de bénévoles (409 quand il est complet)', params: z.object({ eventId: ev.EventId, slotId: ev.SlotId }),
    response: ev.SlotSignupResult,
  }),
  leaveSlot: defineRoute({
    method: 'DELETE', path: '/api/events/{eventId}/slots/{slotId}/signup', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Se désinscrire d’un créneau', params: z.object({ eventId: ev.EventId, slotId: ev.SlotId }), response: ev.SlotSignupResult,
  }),
  listEventAttendees: defineRoute({
    method: 'GET', path: '/api/events/{eventId}/attendees', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Qui vient, qui attend, qui est inscrit à quel créneau (organisateurs)', params: z.object({ eventId: ev.EventId }),
    response: ev.AttendeeList,
  }),
  listSpaceAgenda: defineRoute({
    method: 'GET', path: '/api/spaces/{spaceType}/{spaceId}/events', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'L’agenda d’une section, d’une fédération ou du national (ce que l’on peut voir)',
    params: z.object({ spaceType: ev.SpaceType, spaceId: ev.SpaceId }), query: ev.AgendaQuery, response: ev.SpaceAgendaPage,
  }),
  myAgenda: defineRoute({
    method: 'GET', path: '/api/me/agenda', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'Mon agenda : ce à quoi je viens, peut-être, ou suis inscrit·e', response: ev.MyAgenda,
  }),
  getPublicEvent: defineRoute({
    method: 'GET', path: '/api/public/events/{eventId}', feature: 'events', auth: 'public', tags: ['Événements'],
    summary: 'La page publique d’un événement public', params: z.object({ eventId: ev.EventId }), response: ev.PublicEvent,
  }),
  submitReport: defineRoute({
    method: 'PUT', path: '/api/events/{eventId}/report', feature: 'events', auth: 'jwt', tags: ['Comptes-rendus'],
    summary: 'Le compte-rendu d’une action (tracts, portes, personnes, contacts, remarques)', params: z.object({ eventId: ev.EventId }),
    body: ev.ReportRequest, response: ev.Report,
  }),
  getReport: defineRoute({
    method: 'GET', path: '/api/events/{eventId}/report', feature: 'events', auth: 'jwt', tags: ['Comptes-rendus'],
    summary: 'Le compte-rendu d’une action', params: z.object({ eventId: ev.EventId }), response: ev.Report,
  }),
  getReportRollup: defineRoute({
    method: 'GET', path: '/api/reports/{level}/{levelId}', feature: 'events', auth: 'jwt', tags: ['Comptes-rendus'],
    summary: 'Totaux des comptes-rendus d’un échelon et de ses échelons inférieurs, et qui n’a pas rendu compte',
    params: z.object({ level: ev.ReportLevel, levelId: ev.SpaceId }), query: ev.RollupQuery, response: ev.Rollup,
  }),
  unsubscribeEventMail: defineRoute({
    method: 'POST', path: '/api/event-announcements/unsubscribe/{token}', feature: 'events', auth: 'public', tags: ['Événements'],
    summary: 'Ne plus recevoir les annonces d’événements (lien en un clic des e-mails)', params: z.object({ token: ev.UnsubscribeToken }),
    response: Done,
  }),
  listRegionAgenda: defineRoute({
    method: 'GET', path: '/api/regions/{regionCode}/events', feature: 'events', auth: 'jwt', tags: ['Événements'],
    summary: 'L’agenda d’une région : les prochains événements de ses fédérations (ce que l’on peut voir)',
    params: z.object({ regionCode: RegionCode }), query: ev.AgendaQuery.omit({ cursor: true }), response: ev.AgendaPage,
  }),
} satisfies Record<string, RouteContract>;
