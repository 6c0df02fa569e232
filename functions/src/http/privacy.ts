import { privacyRoutes as routes } from '../contracts/privacy-routes';
import * as erasure from '../domain/privacy/erasure';
import { registerOfProcessing } from '../domain/privacy/register';
import { featureLambda, implement } from './kit/feature-lambda';

/** Privacy rights: erasure, export, consents, the transparency log, the register of processing. */
export const handler = featureLambda('privacy', [
  implement(routes.eraseMyAccount, async ({ caller, body, client }) => erasure.eraseMyAccount(caller, body, client), { caller: true }),
  implement(routes.getRegisterOfProcessing, async () => registerOfProcessing()),
]);
