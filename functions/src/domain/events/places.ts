import type { EntityItem } from 'electrodb';
import { contentionAsCanceled } from '../../shared/conditions';
import { again, retryOptimistic } from '../../shared/retry';
import { goingCounter, releaseHeldPlace, shardWithRoom, takePlace } from './capacity';
import { AttendanceEntity, eventsService, HoldLapseEntity, VisitorHoldEntity, WaitingEntity } from './entities';
import { tellPromoted } from './mail';
import { readCounter, type EventItem } from './read';

/**
 * Places of the « je viens » counter given back: to the head of the waiting list, and from visitors'
 * holds that lapsed (ADR 0015, « Events ») — what both the events Lambda (a member's answer) and the
 * visitors Lambda (answers, confirmations, mailed links: ./visitors.ts) need, and nothing else.
 */


export interface Promotion {
  eventId: string;
  attendeeId: string;
  name: string;
  email: string;
  since: string;
}

/**
 * Gives a freed place to the first person waiting: their answer becomes « going » and the place is
 * taken in one transaction (conditions: still waiting, a shard with room). Returns who got it.
 */
export async function promoteFirstWaiting(event: EventItem): Promise<Promotion | undefined> {
  const eventId = event.eventId;
  const counterId = goingCounter(eventId);
  return retryOptimistic({ attempts: 20, exhausted: () => undefined }, async () => {
    const { data: head } = await WaitingEntity.query.byEvent({ eventId }).go({ limit: 1 });
    const first = head[0];
    if (!first) return undefined;
    const shard = shardWithRoom(await readCounter(counterId, event.goingShards));
    if (shard === undefined) return undefined;
    const { since, attendeeId } = first;
    const { data: waiting } = await AttendanceEntity.get({ eventId, attendeeId }).go();
    const result = await eventsService.transaction
      .write(({ attendance, waiting: waitingEntity, shard: shardEntity }) => [
        attendance.patch({ eventId, attendeeId }).set({ state: 'going', shard }).where(({ state }, { eq }) => eq(state, 'waiting')).commit(),
        waitingEntity.delete({ eventId, since, attendeeId }).commit(),
        takePlace(shardEntity, counterId, shard, true),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled && waiting) return { eventId, attendeeId, name: waiting.name, email: waiting.email, since };
    return again;
  });
}


type Hold = EntityItem<typeof VisitorHoldEntity>;

/**
 * Ends a hold and gives its place back, in one transaction conditioned on the hold as read: a
 * confirmation or another release in between makes it change nothing. A freed place goes to the
 * first person waiting. True when this call ended it.
 */
export async function releaseHold(event: EventItem, hold: Hold): Promise<boolean> {
  const { eventId, attendeeId, until } = hold;
  const result = await eventsService.transaction
    .write(({ hold: holdEntity, lapse, shard }) => [
      holdEntity.delete({ eventId, attendeeId }).where(({ until: u }, { eq }) => eq(u, until)).commit(),
      lapse.delete({ eventId, until, attendeeId }).commit(),
      ...(hold.shard !== undefined ? [releaseHeldPlace(shard, goingCounter(eventId), hold.shard)] : []),
    ])
    .go()
    .catch(contentionAsCanceled);
  if (result.canceled) return false;
  if (hold.shard !== undefined && event.capacity !== undefined) {
    const promoted = await promoteFirstWaiting(event);
    if (promoted) await tellPromoted(promoted);
  }
  return true;
}

/**
 * Lapsed holds give their places back. DynamoDB Local has no TTL, and AWS's runs late: every answer
 * looks for them first (one Query of the event's lapse list, usually empty), so no one finds an event
 * full of holds nobody confirmed. Returns how many this call released.
 */
export async function releaseLapsedHolds(event: EventItem, now = new Date()): Promise<number> {
  const { data: lapsed } = await HoldLapseEntity.query.byEvent({ eventId: event.eventId }).lt({ until: now.toISOString() }).go({ limit: 25 });
  if (!lapsed.length) return 0;
  const { data: holds } = await VisitorHoldEntity.get(lapsed.map((l) => ({ eventId: l.eventId, attendeeId: l.attendeeId }))).go();
  let released = 0;
  for (const hold of holds.filter((h) => h.until <= now.toISOString())) if (await releaseHold(event, hold)) released += 1;
  return released;
}

