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

export interface PersonStep {
  person: PersonChange;
  step: 'signedUp' | 'active';
  at: Date;
}

/** Steps per transaction: its marks, the day counters of their scopes and the funnels stay under DynamoDB's 100 items. */
const STEPS_PER_TRANSACTION = 24;

/**
 * Counts people once in the rollout numbers when they sign up (sign-ups per day of their
 * federation, region and the country; the funnel of their federation if they had preregistered)
 * and when they become active (finished the welcome step). A mark per person and step, written in
 * the same transaction as the counters, makes a redelivered change count nothing.
 *
 * A stream batch is counted in few requests: one BatchGet of the preregistrations and one
 * transaction per 24 steps, with each counter added to once by the sum of its steps (a batch of
 * 5,000 sign-ups used to cost 10,000 requests on the same few counter items). When a transaction is
 * refused because one of its marks exists — a replay —, its steps are counted one at a time, and
 * the marked ones count nothing.
 */
export async function countPersonSteps(steps: PersonStep[]): Promise<void> {
  const unique = [...new Map(steps.map((s) => [`${s.person.userId}#${s.step}`, s])).values()];
  for (let i = 0; i < unique.length; i += STEPS_PER_TRANSACTION) {
    const chunk = unique.slice(i, i + STEPS_PER_TRANSACTION);
    const funnelOf = await preregisteredFederations(chunk.map((s) => s.person.email));
    const counted = await writeSteps(chunk, funnelOf);
    if (!counted && chunk.length > 1) for (const step of chunk) await writeSteps([step], funnelOf);
  }
}

/** email → federation of their preregistration, for those who preregistered (one BatchGet). */
async function preregisteredFederations(emails: string[]): Promise<Map<string, string>> {
  const keys = [...new Set(emails)].map((email) => ({ email }));
  const { data, unprocessed } = await PreregistrationEntity.get(keys).go();
  const found = new Map(data.map((p) => [p.email, p.federationCode]));
  for (const key of unprocessed) {
    const one = await PreregistrationEntity.get(key).go();
    if (one.data) found.set(one.data.email, one.data.federationCode);
  }
  return found;
}

/** One transaction: the steps' marks and their summed counters. False when a mark existed (nothing written). */
async function writeSteps(steps: PersonStep[], funnelOf: Map<string, string>): Promise<boolean> {
  const days = new Map<string, { scope: string; day: string; count: number }>();
  const funnels = new Map<string, { signedUp: number; active: number }>();
  for (const { person, step, at } of steps) {
    if (step === 'signedUp') {
      const regionCode = await federationRegion(person.federationCode);
      for (const scope of ['national', `federation:${person.federationCode}`, ...(regionCode ? [`region:${regionCode}`] : [])]) {
        const key = `${scope}#${day(at)}`;
        const counter = days.get(key) ?? { scope, day: day(at), count: 0 };
        counter.count += 1;
        days.set(key, counter);
      }
    }
    const funnelCode = funnelOf.get(person.email);
    if (funnelCode) {
      const funnel = funnels.get(funnelCode) ?? { signedUp: 0, active: 0 };
      funnel[step] += 1;
      funnels.set(funnelCode, funnel);
    }
  }
  const result = await rollout.transaction
    .write(({ mark, signupDay, funnel }) => [
      ...steps.map(({ person, step }) => mark.create({ userId: person.userId, step }).commit()),
      ...[...days.values()].map(({ scope, day, count }) => signupDay.update({ scope, day }).add({ count }).commit()),
      ...[...funnels].map(([federationCode, { signedUp, active }]) =>
        funnel
          .update({ federationCode })
          .add({ ...(signedUp && { signedUp }), ...(active && { active }) })
          .commit(),
      ),
    ])
    .go();
  return !result.canceled;
}
