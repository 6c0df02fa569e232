import { eventRoutes as routes } from '../contracts/events-routes';
import { loadCaller } from '../domain/access/load-caller';
import { unsubscribeFromAnnouncements } from '../domain/events/mail';
import { myAgenda } from '../domain/events/read';
import * as events from '../domain/events/service';
import * as reports from '../domain/reports/service';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Events: agendas, RSVP and waiting lists, volunteer slots, field reports (calendars: ./calendar.ts). */
export const handler = featureLambda('events', [
  implement(routes.createEvent, async ({ actor, body }) => events.createEvent(await loadCaller(actor), body)),
  implement(routes.getEvent, async ({ actor, params }) => events.getEvent(await loadCaller(actor), params.eventId)),
  implement(routes.updateEvent, async ({ actor, params, body }) => events.updateEvent(await loadCaller(actor), params.eventId, body)),
  implement(routes.cancelEvent, async ({ actor, params }) => events.cancelEvent(await loadCaller(actor), params.eventId)),
  implement(routes.answerEvent, async ({ actor, params, body }) => events.answerEvent(await loadCaller(actor), params.eventId, body.answer)),
  implement(routes.signUpForSlot, async ({ actor, params }) => events.signUpForSlot(await loadCaller(actor), params.eventId, params.slotId)),
  implement(routes.leaveSlot, async ({ actor, params }) => events.leaveSlot(await loadCaller(actor), params.eventId, params.slotId)),
  implement(routes.listEventAttendees, async ({ actor, params }) => events.listAttendees(await loadCaller(actor), params.eventId)),
  implement(routes.listSpaceAgenda, async ({ actor, params, query }) =>
    events.listAgenda(await loadCaller(actor), { type: params.spaceType, id: params.spaceId }, query),
  ),
  implement(routes.myAgenda, async ({ actor }) => myAgenda(await loadCaller(actor))),
  implement(routes.getPublicEvent, async ({ params }) => events.getPublicEvent(params.eventId)),
  implement(routes.submitReport, async ({ actor, params, body }) => reports.submitReport(await loadCaller(actor), params.eventId, body)),
  implement(routes.getReport, async ({ actor, params }) => reports.getReport(await loadCaller(actor), params.eventId)),
  implement(routes.getReportRollup, async ({ actor, params, query }) => reports.getRollup(await loadCaller(actor), params.level, params.levelId, query.month)),
  implement(routes.unsubscribeEventMail, async ({ params }) => (await unsubscribeFromAnnouncements(params.token), done)),
  implement(routes.listRegionAgenda, async ({ actor, params, query }) => events.listRegionAgenda(await loadCaller(actor), params.regionCode, query)),
]);
