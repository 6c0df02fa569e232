import { createHash } from 'node:crypto';
import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { isConditionFailure } from '../../shared/conditions';
import { TooManyRequestsError, type Reason } from '../errors';

/**
 * The one fixed-window rate limiter (L1 in docs/ACCESS_PATTERNS.md): a counter per limit, subject and
 * window, spent by one conditional UpdateItem (ADD under the ceiling), so a burst of parallel requests
 * cannot pass more than `max` — the count is taken before the work, never after. Subjects that are
 * personal data (an address, a client's IP) are stored hashed.
 */
export const RateCounterEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'rateCounter', version: '1' },
    attributes: {
      /** `<limit name>#<subject hash>`. */
      bucket: { type: 'string', required: true },
      /** The window's start, in epoch seconds. */
      window: { type: 'number', required: true },
      spent: { type: 'number' },
      expiresAt: { type: 'number' },
    },
    indexes: { byBucket: { pk: { field: 'pk', composite: ['bucket'] }, sk: { field: 'sk', composite: ['window'] } } },
  },
  { table: tableName, client: documentClient },
);

export interface RateLimit {
  /** Stable name, part of the key: `sign-in.address`, `rsvp.client`… */
  name: string;
  max: number;
  windowSeconds: number;
  /** The refusal (its code and parameters), given the seconds to wait. */
  refusal: (waitSeconds: number) => Reason;
}

const bucketOf = (limit: RateLimit, subject: string) =>
  `${limit.name}#${createHash('sha256').update(subject.toLowerCase()).digest('hex').slice(0, 32)}`;

function windowOf(limit: RateLimit, now: number) {
  const start = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  return { start, end: start + limit.windowSeconds };
}

/**
 * Spends `units` of `limit` for `subject` in the current window, or refuses with a 429 (Retry-After)
 * and spends nothing. One conditional UpdateItem; the counter lives one window past its end (TTL).
 */
export async function spendRate(limit: RateLimit, subject: string, units = 1, now = Date.now()): Promise<void> {
  const { start, end } = windowOf(limit, now);
  await RateCounterEntity.update({ bucket: bucketOf(limit, subject), window: start })
    .add({ spent: units })
    .set({ expiresAt: end + limit.windowSeconds })
    .where((attr, op) => `${op.notExists(attr.spent)} OR ${op.lte(attr.spent, limit.max - units)}`)
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
      const wait = Math.max(1, end - Math.floor(now / 1000));
      throw new TooManyRequestsError(limit.refusal(wait), wait);
    });
}

/**
 * Refuses (429, as `spendRate` would) when `subject` has nothing left of `limit` in this window, and
 * spends nothing (one GetItem): for limits spent only when the work fails, such as wrong codes.
 */
export async function assertRateLeft(limit: RateLimit, subject: string, now = Date.now()): Promise<void> {
  if ((await remainingRate(limit, subject, now)) > 0) return;
  const wait = Math.max(1, windowOf(limit, now).end - Math.floor(now / 1000));
  throw new TooManyRequestsError(limit.refusal(wait), wait);
}

/** What is left of `limit` for `subject` in this window (one GetItem), without spending it. */
export async function remainingRate(limit: RateLimit, subject: string, now = Date.now()): Promise<number> {
  const { start } = windowOf(limit, now);
  const { data } = await RateCounterEntity.get({ bucket: bucketOf(limit, subject), window: start }).go();
  return Math.max(0, limit.max - (data?.spent ?? 0));
}

/** Forgets what `subject` spent of `limit` in this window (e.g. failures, after a successful sign-in). */
export async function clearRate(limit: RateLimit, subject: string, now = Date.now()): Promise<void> {
  const { start } = windowOf(limit, now);
  await RateCounterEntity.delete({ bucket: bucketOf(limit, subject), window: start }).go();
}
