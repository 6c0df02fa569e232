import type * as z from 'zod';
import type { RolloutNumbers } from '../../contracts/rollout';
import type { Caller } from '../access/caller';
import { policyOptions } from '../access/options';
import { mayViewRolloutNumbers, type RolloutScope } from '../access/policy';
import { FederationEntity } from '../territory/entities';
import { getFederation, getRegion, listFederations } from '../territory/service';
import { FunnelEntity, PreregistrationEntity, rollout, SignupDayEntity } from './entities';
import { listOpenFederations } from './territories';

const CHART_DAYS = 90;
const scopeKey = (scope: RolloutScope) => (scope.kind === 'national' ? 'national' : `${scope.kind}:${scope.code}`);
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A scope's rollout numbers: the funnel of each of its federations and their total, and sign-ups per
 * day. A constant number of requests whatever the numbers: one BatchGetItem of funnels (two for the
 * whole country), one Query of open territories, one Query of days.
 */
export async function rolloutNumbers(caller: Caller, scope: RolloutScope): Promise<z.infer<typeof RolloutNumbers>> {
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

const regionOf = new Map<string, string | undefined>();

/** A federation's region, cached for the life of the container (reference data). */
async function federationRegion(federationCode: string): Promise<string | undefined> {
  if (!regionOf.has(federationCode)) regionOf.set(federationCode, (await FederationEntity.get({ code: federationCode }).go()).data?.regionCode);
  return regionOf.get(federationCode);
}

export interface PersonChange {
  userId: string;
  email: string;
  federationCode: string;
  createdAt?: string;
}

/**
 * Counts a person once in the rollout numbers when they sign up (sign-ups per day of their
 * federation, region and the country; the funnel of their federation if they had preregistered)
 * and when they become active (finished the welcome step). A mark per person and step, written in
 * the same transaction, makes a redelivered change count nothing.
 */
export async function countPersonStep(person: PersonChange, step: 'signedUp' | 'active', at: Date): Promise<void> {
  const [regionCode, preregistration] = await Promise.all([
    federationRegion(person.federationCode),
    PreregistrationEntity.get({ email: person.email }).go(),
  ]);
  const scopes = ['national', `federation:${person.federationCode}`, ...(regionCode ? [`region:${regionCode}`] : [])];
  const funnelCode = preregistration.data?.federationCode;
  const result = await rollout.transaction
    .write(({ mark, signupDay, funnel }) => [
      mark.create({ userId: person.userId, step }).commit(),
      ...(step === 'signedUp' ? scopes.map((scope) => signupDay.update({ scope, day: day(at) }).add({ count: 1 }).commit()) : []),
      ...(funnelCode ? [funnel.update({ federationCode: funnelCode }).add({ [step]: 1 }).commit()] : []),
    ])
    .go();
  void result; // canceled: counted before (the mark exists)
}
