import type { EntityItem } from 'electrodb';
import type { SlotView } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { requirePerson } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { contentionAsCanceled, refusedByCondition } from '../../shared/conditions';
import { again, retryOptimistic } from '../../shared/retry';
import { givePlace, shardWithRoom, slotCounter, takePlace, totalTaken } from './capacity';
import { CapacityShardEntity, eventsService, SlotEntity, SlotSignupEntity } from './entities';
import { parisClock } from '../../contracts/paris-time';
import { loadVisibleEvent, readCounter } from './read';
import { requestSlotConfirmation } from './after-write';
import { attendeeOf } from './rsvp';

/** Volunteer slots: what each still misses, signing up and leaving, a full slot offering the others. */

type SlotItem = EntityItem<typeof SlotEntity>;


/**
 * The slots of an event with what each still misses and whether `userId` signed up to it: one Query
 * for the slots, then one BatchGet for every counter shard and one for the person's sign-ups.
 */
export async function slotViews(eventId: string, userId?: string): Promise<SlotView[]> {
  const { data: slots } = await SlotEntity.query.byEvent({ eventId }).go({ pages: 'all' });
  if (!slots.length) return [];
  const keys = slots.flatMap((slot) => Array.from({ length: slot.shards }, (_, shard) => ({ counterId: slotCounter(eventId, slot.slotId), shard })));
  const [{ data: shards }, mine] = await Promise.all([
    CapacityShardEntity.get(keys).go(),
    userId ? SlotSignupEntity.get(slots.map((slot) => ({ eventId, slotId: slot.slotId, userId }))).go() : { data: [] },
  ]);
  const signedUp = new Set(mine.data.map((s) => s.slotId));
  return slots
    .map((slot) => {
      const taken = shards.filter((s) => s.counterId === slotCounter(eventId, slot.slotId)).reduce((sum, s) => sum + s.taken, 0);
      return slotView(slot, taken, signedUp.has(slot.slotId));
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function slotView(slot: SlotItem, taken: number, mine: boolean): SlotView {
  return {
    id: slot.slotId,
    label: slot.label ?? null,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    needed: slot.needed,
    taken,
    missing: Math.max(0, slot.needed - taken),
    mine,
  };
}

/**
 * Signs the caller up to a slot: the sign-up (must not exist) and a place in one of the slot's
 * counter shards (`taken < places`) in one transaction. A full slot answers 409 naming the other
 * slots that still miss volunteers.
 */
export async function signUpForSlot(caller: Caller, eventId: string, slotId: string) {
  const event = await loadVisibleEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('event.cancelled');
  const { data: slot } = await SlotEntity.get({ eventId, slotId }).go();
  if (!slot) throw new NotFoundError('slot.not-found', 'params.slotId');
  const who = await attendeeOf(caller);
  const counterId = slotCounter(eventId, slotId);
  return retryOptimistic({ attempts: 60, exhausted: new ConflictError('slot.too-many-signups') }, async () => {
    const shards = await readCounter(counterId, slot.shards);
    const shard = shardWithRoom(shards);
    if (shard === undefined) return refuseFullSlot(eventId, slot);
    const result = await eventsService.transaction
      .write(({ signup, shard: shardEntity }) => [
        signup
          .create({ eventId, slotId, userId: who.userId!, name: who.name, email: who.email, shard, startsAt: slot.startsAt, at: new Date().toISOString() })
          .commit(),
        takePlace(shardEntity, counterId, shard, true),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) {
      await requestSlotConfirmation(eventId, slotId, who.userId!);
      return { slot: slotView(slot, totalTaken(await readCounter(counterId, slot.shards)), true) };
    }
    if (refusedByCondition(result)) throw new ConflictError('slot.already-signed-up');
    return again; // a full shard or a concurrent transaction: read the counter again
  });
}

async function refuseFullSlot(eventId: string, slot: SlotItem): Promise<never> {
  const others = (await slotViews(eventId)).filter((s) => s.id !== slot.slotId && s.missing > 0);
  const offered = others.map((s) => ({ id: s.id, start: parisClock(s.startsAt), end: parisClock(s.endsAt), missing: s.missing }));
  throw new ConflictError(['slot.full', { others: offered }], [
    { field: 'params.slotId', message: 'créneau complet' },
    ...others.map((s) => ({ field: 'alternatives', message: s.id })),
  ]);
}

/** Leaves a slot: the sign-up and its place go together. */
export async function leaveSlot(caller: Caller, eventId: string, slotId: string) {
  const person = requirePerson(caller);
  await loadVisibleEvent(caller, eventId);
  const [{ data: slot }, { data: signup }] = await Promise.all([
    SlotEntity.get({ eventId, slotId }).go(),
    SlotSignupEntity.get({ eventId, slotId, userId: person.userId }).go(),
  ]);
  if (!slot) throw new NotFoundError('slot.not-found', 'params.slotId');
  if (!signup) throw new NotFoundError('slot.signup-not-found', 'params.slotId');
  const counterId = slotCounter(eventId, slotId);
  return retryOptimistic({ attempts: 40, exhausted: new ConflictError('slot.too-many-changes') }, async () => {
    const result = await eventsService.transaction
      .write(({ signup: signupEntity, shard }) => [
        signupEntity.delete({ eventId, slotId, userId: person.userId }).where(({ userId }, { exists }) => exists(userId)).commit(),
        givePlace(shard, counterId, signup.shard),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) return { slot: slotView(slot, totalTaken(await readCounter(counterId, slot.shards)), false) };
    if (refusedByCondition(result)) throw new NotFoundError('slot.signup-not-found', 'params.slotId');
    return again;
  });
}
