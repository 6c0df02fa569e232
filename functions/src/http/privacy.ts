import { privacyRoutes as routes } from '../contracts/privacy-routes';
import * as consents from '../domain/privacy/consents';
import * as dpo from '../domain/privacy/dpo-desk';
import * as erasure from '../domain/privacy/erasure';
import * as exports from '../domain/privacy/export';
import { registerOfProcessing } from '../domain/privacy/register';
import * as transparency from '../domain/privacy/transparency';
import { featureLambda, implement } from './kit/feature-lambda';

/** Privacy rights: erasure, export, consents, the transparency log, the DPO's desk, the register of processing. */
export const handler = featureLambda('privacy', [
  implement(routes.eraseMyAccount, async ({ caller, body, client }) => erasure.eraseMyAccount(caller, body, client), { caller: true }),
  implement(routes.requestExport, async ({ caller }) => exports.requestExport(caller), { caller: true }),
  implement(routes.listMyExports, async ({ caller }) => exports.listMyExports(caller), { caller: true }),
  implement(routes.downloadExport, async ({ caller, params }) => exports.downloadExport(caller, params.exportId), { caller: true }),
  implement(routes.getRegisterOfProcessing, async () => registerOfProcessing()),
  implement(routes.listMyConsents, async ({ caller }) => consents.listMyConsents(caller), { caller: true }),
  implement(routes.withdrawConsent, async ({ caller, params, body, client }) => consents.withdrawConsent(caller, params.consentId, body, client), { caller: true }),
  implement(routes.getSectionAccessLog, async ({ caller, params, query }) => transparency.sectionAccessLog(caller, params.sectionId, query), { caller: true }),
  implement(routes.getFederationAccessLog, async ({ caller, params, query }) => transparency.federationAccessLog(caller, params.federationCode, query), { caller: true }),
  implement(routes.getMyAccessLog, async ({ caller }) => transparency.myAccessLog(caller), { caller: true }),
  implement(routes.getDpoAccessLog, async ({ caller, query }) => transparency.dpoAccessLog(caller, query), { caller: true }),
  implement(routes.createDpoRequest, async ({ caller, body }) => dpo.createDpoRequest(caller, body), { caller: true }),
  implement(routes.listDpoRequests, async ({ caller }) => dpo.listDpoRequests(caller), { caller: true }),
  implement(routes.getDpoRequest, async ({ caller, params }) => dpo.getDpoRequest(caller, params.requestId), { caller: true }),
  implement(routes.runDpoRequest, async ({ caller, params, body }) => dpo.runDpoRequest(caller, params.requestId, body), { caller: true }),
  implement(routes.closeDpoRequest, async ({ caller, params, body }) => dpo.closeDpoRequest(caller, params.requestId, body), { caller: true }),
  implement(routes.downloadDpoExport, async ({ caller, params }) => dpo.downloadDpoExport(caller, params.requestId), { caller: true }),
]);
