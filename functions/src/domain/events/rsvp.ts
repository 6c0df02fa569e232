import type { RsvpAnswer, RsvpState } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { requirePerson } from '../access/policy';
import { ConflictError } from '../errors';
import { contentionAsCanceled } from '../../shared/conditions';
import { again, againAtOnce, retryOptimistic } from '../../shared/retry';
import { givePlace, goingCounter, shardWithRoom, takePlace, totalTaken } from './capacity';
import { AttendanceEntity, eventsService } from './entities';
import { tellPromoted } from './mail';
import { promoteFirstWaiting, releaseLapsedHolds } from './places';
import { loadVisibleEvent, readCounter, type EventItem } from './read';
import { countBusiness } from '../../shared/metrics';

/** Answering an event (« je viens », « peut-être », « non ») and its waiting list, for members. */

export interface Attendee {
  attendeeId: string;
  userId?: string;
  name: string;
  email: string;
}

export async function attendeeOf(caller: Caller): Promise<Attendee> {
  const item = (await callerItem(requirePerson(caller)))!;
  return { attendeeId: item.userId, userId: item.userId, name: `${item.givenName} ${item.familyName}`, email: item.email };
}

/**
 * Answers an event. « Je viens » takes a place in the going counter in the same transaction as
 * the answer; when none is left, the person joins the waiting list instead. Leaving a place
 * (« non », « peut-être ») gives it to the first person waiting, who is told.
 */
export async function answerEvent(caller: Caller, eventId: string, answer: RsvpAnswer) {
  const event = await loadVisibleEvent(caller, eventId);
  const answered = await answerAs(event, await attendeeOf(caller), answer);
  countBusiness('Rsvps');
  return answered;
}

async function answerAs(event: EventItem, who: Attendee, answer: RsvpAnswer): Promise<{ state: RsvpState; going: number }> {
  if (event.status === 'cancelled') throw new ConflictError('event.cancelled');
  const eventId = event.eventId;
  const counterId = goingCounter(eventId);
  const limited = event.capacity !== undefined;
  let swept = false;
  return retryOptimistic({ attempts: 40, exhausted: new ConflictError('event.too-many-answers') }, async () => {
    const [{ data: current }, shards] = await Promise.all([AttendanceEntity.get({ eventId, attendeeId: who.attendeeId }).go(), readCounter(counterId, event.goingShards)]);
    const was = current?.state;
    if (was === answer || (was === 'waiting' && answer === 'going')) return { state: was as RsvpState, going: totalTaken(shards) };
    const at = new Date().toISOString();
    const base = { eventId, attendeeId: who.attendeeId, userId: who.userId, name: who.name, email: who.email, startsAt: event.startsAt, at };
    const shard = answer === 'going' ? shardWithRoom(shards) : undefined;
    // Full: visitors' holds nobody confirmed in time give their places back first (once per answer).
    if (answer === 'going' && shard === undefined && limited && !swept) {
      swept = true;
      if (await releaseLapsedHolds(event)) return againAtOnce;
    }
    const state: RsvpState = answer === 'going' ? (shard === undefined ? 'waiting' : 'going') : answer;
    const result = await eventsService.transaction
      .write(({ attendance, waiting, shard: shardEntity }) => [
        // The answer changes only from what was read (absent, or the same state): a concurrent change retries.
        current
          ? attendance.put({ ...base, state, shard }).where(({ state: s }, { eq }) => eq(s, current.state)).commit()
          : attendance.create({ ...base, state, shard }).commit(),
        ...(was === 'going' && current?.shard !== undefined ? [givePlace(shardEntity, counterId, current.shard)] : []),
        ...(was === 'waiting' ? [waiting.delete({ eventId, since: current!.at, attendeeId: who.attendeeId }).commit()] : []),
        ...(state === 'going' ? [takePlace(shardEntity, counterId, shard!, limited)] : []),
        ...(state === 'waiting' ? [waiting.create({ eventId, since: at, attendeeId: who.attendeeId }).commit()] : []),
      ])
      .go()
      .catch(contentionAsCanceled);
    if (!result.canceled) {
      const promoted = was === 'going' && limited ? await promoteFirstWaiting(event) : undefined;
      if (promoted) await tellPromoted(promoted);
      return { state, going: totalTaken(await readCounter(counterId, event.goingShards)) };
    }
    return again;
  });
}
