import { FederationEntity } from '../territory/entities';
import { PreregistrationEntity, rollout } from './entities';

/** A UTC day, `2026-11-21`: the key of sign-ups per day. */
export const day = (date: Date) => date.toISOString().slice(0, 10);

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
