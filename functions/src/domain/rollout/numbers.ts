import type * as z from 'zod';
import type { RolloutNumbers, RolloutScopeQuery } from '../../contracts/rollout';
import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { mayViewRolloutNumbers, type RolloutScope } from '../access/policy';
import { getFederation, getRegion, listFederations } from '../territory/service';
import { FunnelEntity, SignupDayEntity } from './entities';
import { day } from './stats';
import { listOpenFederations } from './territories';

const CHART_DAYS = 90;
const scopeKey = (scope: RolloutScope) => (scope.kind === 'national' ? 'national' : `${scope.kind}:${scope.code}`);

/**
 * A scope's rollout numbers: the funnel of each of its federations and their total, and sign-ups per
 * day. A constant number of requests whatever the numbers: one BatchGetItem of funnels (two for the
 * whole country), one Query of open territories, one Query of days.
 */
/** The scope a numbers query names (the contract guarantees a code for a region or a federation). */
export function scopeOfQuery(query: z.infer<typeof RolloutScopeQuery>): RolloutScope {
  return query.scope === 'national' ? { kind: 'national' } : { kind: query.scope, code: query.code! };
}

export async function rolloutNumbers(caller: Caller, query: z.infer<typeof RolloutScopeQuery>): Promise<z.infer<typeof RolloutNumbers>> {
  const scope = scopeOfQuery(query);
  mayViewRolloutNumbers(caller, scope, policyOptions);
  const [place, federations] =
    scope.kind === 'national'
      ? [{ name: 'France entière' }, await listFederations()]
      : scope.kind === 'region'
        ? await getRegion(scope.code).then((r) => [r, r.federations] as const)
        : await getFederation(scope.code).then((f) => [f, [f]] as const);
  const since = day(new Date(Date.now() - (CHART_DAYS - 1) * 24 * 3600_000));
  const [funnels, openings, days] = await Promise.all([
    federations.length ? FunnelEntity.get(federations.map((f) => ({ federationCode: f.code }))).go({ preserveBatchOrder: true }) : { data: [] },
    listOpenFederations(),
    SignupDayEntity.query.byScope({ scope: scopeKey(scope) }).gte({ day: since }).go({ pages: 'all' }),
  ]);
  const openedAt = new Map(openings.map((o) => [o.federationCode, o.openedAt]));
  const territories = federations.map((f, i) => {
    const funnel = funnels.data[i];
    return {
      code: f.code,
      name: f.name,
      openedAt: openedAt.get(f.code),
      preregistered: funnel?.preregistered ?? 0,
      confirmed: funnel?.confirmed ?? 0,
      emailed: funnel?.emailed ?? 0,
      signedUp: funnel?.signedUp ?? 0,
      active: funnel?.active ?? 0,
    };
  });
  const sum = (key: 'preregistered' | 'confirmed' | 'emailed' | 'signedUp' | 'active') => territories.reduce((total, t) => total + t[key], 0);
  return {
    scope: { kind: scope.kind, ...(scope.kind !== 'national' && { code: scope.code }), name: place.name },
    totals: { preregistered: sum('preregistered'), confirmed: sum('confirmed'), emailed: sum('emailed'), signedUp: sum('signedUp'), active: sum('active') },
    territories,
    signups: days.data.map((d) => ({ day: d.day, count: d.count ?? 0 })),
  };
}
