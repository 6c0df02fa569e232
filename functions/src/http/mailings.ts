import { mailingRoutes as routes } from '../contracts/mailings-routes';
import * as mailings from '../domain/mailings/service';
import { changeMyMailSubscriptions, myMailSubscriptions } from '../domain/mailings/subscriptions';
import { unsubscribeSpaceMessages } from '../domain/mailings/unsubscribe';
import { featureLambda, implement } from './kit/feature-lambda';

const space = (params: { spaceType: 'national' | 'federation' | 'section' | 'group'; spaceId: string }) => ({ type: params.spaceType, id: params.spaceId });

/** Messages to a space's members (issue 16, ADR 0028): whoever speaks for the space writes, counts, previews, tests, sends. */
export const handler = featureLambda('mailings', [
  implement(routes.listMailings, async ({ caller, params }) => mailings.listMailings(caller, space(params)), { caller: true }),
  implement(routes.createMailing, async ({ caller, params, body }) => mailings.createMailing(caller, space(params), body), { caller: true }),
  implement(routes.getMailing, async ({ caller, params }) => mailings.getMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.updateMailing, async ({ caller, params, body }) => mailings.updateMailing(caller, space(params), params.mailingId, body), { caller: true }),
  implement(routes.deleteMailing, async ({ caller, params }) => mailings.deleteMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.countMailingReach, async ({ caller, params }) => mailings.countReach(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.previewMailing, async ({ caller, params, query }) => mailings.previewMailing(caller, space(params), params.mailingId, query.givenName), { caller: true }),
  implement(routes.testMailing, async ({ caller, params }) => mailings.sendTestMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.sendMailing, async ({ caller, params, body }) => mailings.sendMailing(caller, space(params), params.mailingId, body.at), { caller: true }),
  implement(routes.cancelMailing, async ({ caller, params }) => mailings.cancelMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.approveMailing, async ({ caller, params }) => mailings.approveMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.resumeMailing, async ({ caller, params }) => mailings.resumeMailing(caller, space(params), params.mailingId), { caller: true }),
  implement(routes.unsubscribeSpaceMailings, async ({ params, query }) => (await unsubscribeSpaceMessages(params.token, space(params), query.message), { ok: true as const })),
  implement(routes.getMyMailSubscriptions, async ({ caller }) => myMailSubscriptions(caller), { caller: true }),
  implement(routes.updateMyMailSubscriptions, async ({ caller, body }) => changeMyMailSubscriptions(caller, body), { caller: true }),
]);
