import { visitorRoutes as routes } from '../contracts/visitor-routes';
import { publicEventsNear } from '../domain/events/near';
import * as visitors from '../domain/events/visitors';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Visitors: the public events near a postal code; answers to public events: the answer (per-client limit on the caller's IP), then the mailed link's page. */
export const handler = featureLambda('visitors', [
  implement(routes.listPublicEventsNear, async ({ params, query }) => publicEventsNear(params.postalCode, query.limit)),
  implement(routes.answerPublicEvent, async ({ params, body, client }) => visitors.answerPublicEvent(params.eventId, body, client)),
  implement(routes.getVisitorAnswer, async ({ params }) => visitors.getVisitorAnswer(params.token)),
  implement(routes.confirmVisitorAnswer, async ({ params }) => visitors.confirmVisitorAnswer(params.token)),
  implement(routes.renameVisitorAnswer, async ({ params, body }) => visitors.renameVisitorAnswer(params.token, body.name)),
  implement(routes.cancelVisitorAnswer, async ({ params }) => (await visitors.cancelVisitorAnswer(params.token), done)),
]);
