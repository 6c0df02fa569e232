import { spaceKeyOf } from '../spaces/resolve';
import { EventEntity } from './entities';
import { markEventCancelled, newEventId, writeNewEvent } from './creation';

/**
 * A rollout wave's trainings are events of the national space (ADR 0023), shown to the web referents
 * of the wave's territories (`referents`, access/rules/rollout.ts): they answer them like any event,
 * and reminders, agendas and calendar feeds serve them as they serve every event.
 */

export interface WaveTraining {
  title: string;
  startsAt: string;
  place: string;
  /** The training's event, once made. */
  eventId?: string;
}

const TRAINING_HOURS = 2;
const sameTraining = (a: WaveTraining, b: WaveTraining) => a.title === b.title && a.startsAt === b.startsAt && a.place === b.place;

/**
 * Makes the wave's list of trainings true in events: a new training gets its event, a kept one is
 * shown to the wave's federations as they are now, a removed one is cancelled (those who answered
 * are told, as for any cancelled event). Returns the trainings with their events.
 */
export async function syncWaveTrainings(
  wave: { name: string; organizer: { userId: string; name: string }; federations: string[] },
  trainings: WaveTraining[],
  previous: WaveTraining[] = [],
): Promise<WaveTraining[]> {
  const kept = new Set<string>();
  const synced: WaveTraining[] = [];
  for (const training of trainings) {
    const before = previous.find((p) => p.eventId && !kept.has(p.eventId) && sameTraining(p, training));
    if (before?.eventId) {
      kept.add(before.eventId);
      await EventEntity.patch({ eventId: before.eventId }).set({ forFederations: wave.federations }).go();
      synced.push({ ...training, eventId: before.eventId });
      continue;
    }
    const eventId = newEventId();
    const startsAt = new Date(training.startsAt);
    await writeNewEvent(
      {
        eventId,
        spaceType: 'national',
        spaceId: 'national',
        spaceKey: spaceKeyOf({ type: 'national', id: 'national' }),
        spaceName: 'Coopol national',
        kind: 'formation',
        title: training.title,
        description: `Formation de la ${wave.name}, pour les référents web de ses territoires.`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + TRAINING_HOURS * 3600_000).toISOString(),
        address: training.place,
        visibility: 'referents',
        forFederations: wave.federations,
        organizerId: wave.organizer.userId,
        organizerName: wave.organizer.name,
        announce: false,
      },
      [],
    );
    synced.push({ ...training, eventId });
  }
  for (const gone of previous) {
    if (!gone.eventId || kept.has(gone.eventId)) continue;
    await markEventCancelled(gone.eventId);
  }
  return synced;
}
