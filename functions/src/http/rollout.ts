import { rolloutRoutes as routes } from '../contracts/rollout-routes';
import { rolloutNumbers } from '../domain/rollout/numbers';
import * as preregistration from '../domain/rollout/preregistration';
import * as waves from '../domain/rollout/waves';
import { featureLambda, implement } from './kit/feature-lambda';

const done = { ok: true as const };

/** Rollout: preregistration (public), waves (national admins), the numbers (admins and federation officers). */
export const handler = featureLambda('rollout', [
  implement(routes.preregister, async ({ body }) => preregistration.preregister(body)),
  implement(routes.getPreregistration, async ({ params }) => preregistration.viewPreregistration(params.token)),
  implement(routes.confirmPreregistration, async ({ params }) => preregistration.confirmPreregistration(params.token)),
  implement(routes.erasePreregistration, async ({ params }) => (await preregistration.erasePreregistration(params.token), done)),
  implement(routes.unsubscribe, async ({ params }) => (await preregistration.erasePreregistration(params.token, { unsubscribe: true }), done)),
  implement(routes.listWaves, async ({ caller }) => ({ items: await waves.listWaves(caller) }), { caller: true }),
  implement(routes.createWave, async ({ caller, body }) => waves.createWave(caller, body), { caller: true }),
  implement(routes.getWave, async ({ caller, params }) => waves.getWave(caller, params.waveId), { caller: true }),
  implement(routes.updateWave, async ({ caller, params, body }) => waves.updateWave(caller, params.waveId, body), { caller: true }),
  implement(routes.deployWave, async ({ caller, params }) => waves.deployWave(caller, params.waveId), { caller: true }),
  implement(routes.openWave, async ({ caller, params }) => waves.openWaveNow(caller, params.waveId), { caller: true }),
  implement(routes.relaunchWave, async ({ caller, params }) => waves.relaunchWave(caller, params.waveId), { caller: true }),
  implement(routes.rolloutNumbers, async ({ caller, query }) => rolloutNumbers(caller, query), { caller: true }),
]);
