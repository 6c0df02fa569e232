import type { eventsService } from './entities';

/** The counters' ids: an event's « je viens », one slot's sign-ups. */
export const goingCounter = (eventId: string) => `${eventId}#going`;
export const slotCounter = (eventId: string, slotId: string) => `${eventId}#slot#${slotId}`;

/** The shard entity as a transaction of the events service hands it out. */
type ShardInTransaction = Parameters<Parameters<typeof eventsService.transaction.write>[0]>[0]['shard'];

/**
 * Capacity counters split in shards (ADR 0011). A counter with a capacity gives each shard a share
 * of it; a place is taken in one shard by an update with the condition `taken < places`, in the
 * same transaction as the sign-up item, so the database alone guarantees the total never exceeds
 * the capacity, even when many sign up at the same instant. Each shard has its own partition key:
 * a popular event's writes spread over several partitions instead of one hot item.
 * Pure (no table access): the transaction steps are built here, the shards are read in read.ts.
 */

/** About one shard per 100 places, at most 10; a counter without limit still spreads its writes. */
export function shardPlan(capacity: number | undefined): { places?: number }[] {
  if (capacity === undefined) return Array.from({ length: 4 }, () => ({}));
  const count = Math.min(10, Math.max(1, Math.ceil(capacity / 100)));
  return Array.from({ length: count }, (_, i) => ({ places: Math.floor(capacity / count) + (i < capacity % count ? 1 : 0) }));
}

export interface ShardState {
  shard: number;
  taken: number;
  places?: number;
  /** Places held for visitors who have not confirmed: they take room, they are not « coming ». */
  held?: number;
}

/** Who is coming: the places taken, less those only held (unconfirmed visitors). */
export const totalTaken = (shards: ShardState[]) => shards.reduce((sum, s) => sum + s.taken - (s.held ?? 0), 0);

/** A shard with room, chosen at random so that simultaneous sign-ups spread; undefined when full. */
export function shardWithRoom(shards: ShardState[]): number | undefined {
  const open = shards.filter((s) => s.places === undefined || s.taken < s.places);
  return open[Math.floor(Math.random() * open.length)]?.shard;
}

/** The transaction step taking a place in a shard (fails its condition when the shard is full). */
export function takePlace(shard: ShardInTransaction, counterId: string, shardNo: number, limited: boolean) {
  const update = shard.update({ counterId, shard: shardNo }).add({ taken: 1 });
  return (limited ? update.where(({ taken, places }, { name }) => `${name(taken)} < ${name(places)}`) : update).commit();
}

/**
 * A visitor's hold: a place taken (same condition as any sign-up) and counted as held, so the
 * capacity counts it while nobody counts the visitor as coming.
 */
export function holdPlace(shard: ShardInTransaction, counterId: string, shardNo: number, limited: boolean) {
  const update = shard.update({ counterId, shard: shardNo }).add({ taken: 1, held: 1 });
  return (limited ? update.where(({ taken, places }, { name }) => `${name(taken)} < ${name(places)}`) : update).commit();
}

/** A hold confirmed: the place stays taken, it is no longer only held. */
export function confirmHeldPlace(shard: ShardInTransaction, counterId: string, shardNo: number) {
  return shard
    .update({ counterId, shard: shardNo })
    .subtract({ held: 1 })
    .where(({ held }, { gt }) => gt(held, 0))
    .commit();
}

/** A hold lapsed or withdrawn: the place goes back, in the same transaction that ends the hold. */
export function releaseHeldPlace(shard: ShardInTransaction, counterId: string, shardNo: number) {
  return shard
    .update({ counterId, shard: shardNo })
    .subtract({ taken: 1, held: 1 })
    .where(({ taken, held }, { gt }) => `${gt(taken, 0)} AND ${gt(held, 0)}`)
    .commit();
}

/** The transaction step giving a place back. */
export function givePlace(shard: ShardInTransaction, counterId: string, shardNo: number) {
  return shard
    .update({ counterId, shard: shardNo })
    .subtract({ taken: 1 })
    .where(({ taken }, { gt }) => gt(taken, 0))
    .commit();
}

/** The shard items of a new counter, to write with the event. */
export function counterItems(counterId: string, capacity: number | undefined) {
  return shardPlan(capacity).map((plan, shard) => ({ counterId, shard, taken: 0, ...plan }));
}

