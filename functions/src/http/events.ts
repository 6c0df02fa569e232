import { eventRoutes as routes } from '../contracts/events-routes';
import { unsubscribeFromAnnouncements } from '../domain/mail/preferences';
import { myAgenda } from '../domain/events/read';
import * as events from '../domain/events/service';
import * as reports from '../domain/reports/service';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Events: agendas, RSVP and waiting lists, volunteer slots, field reports (calendars: ./calendar.ts). */
export const handler = featureLambda('events', [
  implement(routes.createEvent, async ({ caller, body }) => events.createEvent(caller, body), { caller: true }),
  implement(routes.getEvent, async ({ caller, params }) => events.getEvent(caller, params.eventId), { caller: true }),
  implement(routes.updateEvent, async ({ caller, params, body }) => events.updateEvent(caller, params.eventId, body), { caller: true }),
  implement(routes.cancelEvent, async ({ caller, params }) => events.cancelEvent(caller, params.eventId), { caller: true }),
  implement(routes.answerEvent, async ({ caller, params, body }) => events.answerEvent(caller, params.eventId, body.answer), { caller: true }),
  implement(routes.signUpForSlot, async ({ caller, params }) => events.signUpForSlot(caller, params.eventId, params.slotId), { caller: true }),
  implement(routes.leaveSlot, async ({ caller, params }) => events.leaveSlot(caller, params.eventId, params.slotId), { caller: true }),
  implement(routes.listEventAttendees, async ({ caller, params }) => events.listAttendees(caller, params.eventId), { caller: true }),
  implement(routes.listSpaceAgenda, async ({ caller, params, query }) =>
    events.listAgenda(caller, { type: params.spaceType, id: params.spaceId }, query),
    { caller: true },
  ),
  implement(routes.myAgenda, async ({ caller }) => myAgenda(caller), { caller: true }),
  implement(routes.getPublicEvent, async ({ params }) => events.getPublicEvent(params.eventId)),
  implement(routes.submitReport, async ({ caller, params, body }) => reports.submitReport(caller, params.eventId, body), { caller: true }),
  implement(routes.getReport, async ({ caller, params }) => reports.getReport(caller, params.eventId), { caller: true }),
  implement(routes.getReportRollup, async ({ caller, params, query }) => reports.getRollup(caller, params.level, params.levelId, query.month), { caller: true }),
  implement(routes.unsubscribeEventMail, async ({ params }) => (await unsubscribeFromAnnouncements(params.token), done)),
  implement(routes.listRegionAgenda, async ({ caller, params, query }) => events.listRegionAgenda(caller, params.regionCode, query), { caller: true }),
]);
