import { privacyRoutes as routes } from '../contracts/privacy-routes';
import * as erasure from '../domain/privacy/erasure';
import * as exports from '../domain/privacy/export';
import { registerOfProcessing } from '../domain/privacy/register';
import { featureLambda, implement } from './kit/feature-lambda';

/** Privacy rights: erasure, export, consents, the transparency log, the register of processing. */
export const handler = featureLambda('privacy', [
  implement(routes.eraseMyAccount, async ({ caller, body, client }) => erasure.eraseMyAccount(caller, body, client), { caller: true }),
  implement(routes.requestExport, async ({ caller }) => exports.requestExport(caller), { caller: true }),
  implement(routes.listMyExports, async ({ caller }) => exports.listMyExports(caller), { caller: true }),
  implement(routes.downloadExport, async ({ caller, params }) => exports.downloadExport(caller, params.exportId), { caller: true }),
  implement(routes.getRegisterOfProcessing, async () => registerOfProcessing()),
]);
