import { rolloutRoutes as routes } from '../contracts/rollout-routes';
import { loadCaller } from '../domain/access/load-caller';
import type { RolloutScope } from '../domain/access/policy';
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
  implement(routes.listWaves, async ({ actor }) => ({ items: await waves.listWaves(await loadCaller(actor)) })),
  implement(routes.createWave, async ({ actor, body }) => waves.createWave(await loadCaller(actor), body)),
  implement(routes.getWave, async ({ actor, params }) => waves.getWave(await loadCaller(actor), params.waveId)),
  implement(routes.updateWave, async ({ actor, params, body }) => waves.updateWave(await loadCaller(actor), params.waveId, body)),
  implement(routes.deployWave, async ({ actor, params }) => waves.deployWave(await loadCaller(actor), params.waveId)),
  implement(routes.openWave, async ({ actor, params }) => waves.openWaveNow(await loadCaller(actor), params.waveId)),
  implement(routes.relaunchWave, async ({ actor, params }) => waves.relaunchWave(await loadCaller(actor), params.waveId)),
  implement(routes.rolloutNumbers, async ({ actor, query }) =>
    rolloutNumbers(await loadCaller(actor), (query.scope === 'national' ? { kind: 'national' } : { kind: query.scope, code: query.code! }) as RolloutScope),
  ),
]);
