import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors';
import { cancelReminder, requestEventMail, scheduleReminder } from './after-write';
import { counterItems, goingCounter, shardPlan, slotCounter } from './capacity';
import { EventEntity, eventsService } from './entities';

/**
 * Making and cancelling an event: what organizers' events (organizing.ts) and a wave's trainings
 * (trainings.ts) share. Nothing here authorizes: the callers do.
 */

const newId = (bytes: number) => randomBytes(bytes).toString('hex');
export const newEventId = () => newId(16);
export const newSlotId = () => newId(4);
type NewEventItem = Omit<Parameters<typeof EventEntity.create>[0], 'goingShards'>;
interface NewSlotItem {
  slotId: string;
  label?: string;
  startsAt: string;
  endsAt: string;
  needed: number;
}

/**
 * Writes a new event with its « je viens » counter, its slots and their counters in one transaction
 * (at most 100 items: 400 on `body.slots` beyond), then schedules its reminder and, if asked, its
 * announcement. Every event is made here: those organizers create and a wave's trainings.
 */
export async function writeNewEvent(item: NewEventItem, slots: NewSlotItem[]): Promise<void> {
  const { eventId, capacity } = item;
  const going = shardPlan(capacity);
  const slotShardCount = slots.reduce((n, s) => n + shardPlan(s.needed).length, 0);
  if (1 + going.length + slots.length + slotShardCount > 100) {
    throw new ValidationError([{ field: 'body.slots', message: 'trop de créneaux ou de places pour un seul événement' }]);
  }
  await eventsService.transaction
    .write(({ event, slot, shard }) => [
      event.create({ ...item, goingShards: going.length }).commit(),
      ...counterItems(goingCounter(eventId), capacity).map((s) => shard.create(s).commit()),
      ...slots.flatMap((s) => [
        slot.create({ eventId, slotId: s.slotId, label: s.label, startsAt: s.startsAt, endsAt: s.endsAt, needed: s.needed, shards: shardPlan(s.needed).length }).commit(),
        ...counterItems(slotCounter(eventId, s.slotId), s.needed).map((c) => shard.create(c).commit()),
      ]),
    ])
    .go();
  await scheduleReminder(eventId, item.startsAt);
  if (item.announce) await requestEventMail({ eventId, kind: 'announce' }, 1);
}

/** Marks an event cancelled (kept); those who answered are told by the change job, its reminder is dropped. */
export async function markEventCancelled(eventId: string): Promise<void> {
  const { data } = await EventEntity.patch({ eventId }).set({ status: 'cancelled', revisedAt: new Date().toISOString() }).add({ revision: 1 }).go({ response: 'all_new' });
  await Promise.all([requestEventMail({ eventId, kind: 'changed' }, data.revision!), cancelReminder(eventId)]);
}
