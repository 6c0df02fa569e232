import { isConditionFailure } from '../../shared/conditions';
import { spaceKeyOf } from '../spaces/resolve';
import { EventEntity } from './entities';

/**
 * Moves events stored before the agenda index (E2) followed ADR 0017's key convention onto it:
 * each event without a `spaceKey` gets `spaceKeyOf` its space, which rebuilds its gsi1 key. A Scan
 * (a maintenance step, never a request's path), one page at a time; each write is conditioned on
 * the key still missing, so running it twice, or beside an edit of the event, changes nothing twice.
 * Run once after deploying (scripts/migrate-event-space-keys.ts); the local stack runs it before
 * seeding. Until it has run, an agenda misses the events not yet moved.
 */
export async function migrateEventSpaceKeys(options: { pageSize?: number } = {}): Promise<{ scanned: number; moved: number }> {
  let scanned = 0;
  let moved = 0;
  const pageOf = (cursor: string | null) =>
    EventEntity.scan
      .where(({ spaceKey }, { notExists }) => notExists(spaceKey))
      .go({ cursor, limit: options.pageSize ?? 100, attributes: ['eventId', 'spaceType', 'spaceId', 'startsAt'] });
  for (let page = await pageOf(null); ; page = await pageOf(page.cursor)) {
    scanned += page.data.length;
    for (const event of page.data) {
      const written = await EventEntity.patch({ eventId: event.eventId })
        .set({ spaceKey: spaceKeyOf({ type: event.spaceType, id: event.spaceId }), startsAt: event.startsAt })
        .where(({ spaceKey }, { notExists }) => notExists(spaceKey))
        .go()
        .then(
          () => true,
          (error: unknown) => {
            if (isConditionFailure(error)) return false; // moved meanwhile (an edit of its times, another run)
            throw error;
          },
        );
      if (written) moved += 1;
    }
    if (!page.cursor) break;
  }
  return { scanned, moved };
}
