import type { EventSummary } from '../../contracts/events';
import { resolvePostalCode, sectionsOfCommunes } from '../territory/service';
import { EventEntity } from './entities';
import { spaceKeyOf } from '../spaces/resolve';
import { parisDay, startOfParisDay } from '../../contracts/paris-time';
import { toSummary, visibleAmong } from './read';

/** How many events each nearby space contributes before the merge. */
const PER_SPACE = 10;

/**
 * The next public events near a postal code, for visitors and supporters (« près de chez vous »):
 * its federation's agenda and those of its communes' sections (T8, T11, then one E2 page per space,
 * in parallel: a handful of requests whatever the sizes), what an anonymous visitor may see, in time
 * order. Members see more in their own agendas.
 */
export async function publicEventsNear(postalCode: string, limit: number): Promise<{ items: EventSummary[]; nextCursor: null }> {
  const { communes } = await resolvePostalCode(postalCode);
  const sections = (await sectionsOfCommunes(communes.map((c) => c.code))).flat();
  const spaces = [
    ...[...new Set(communes.map((c) => c.federation.code))].map((code) => spaceKeyOf({ type: 'federation', id: code })),
    ...sections.map((s) => spaceKeyOf({ type: 'section', id: s.sectionId })),
  ];
  const from = startOfParisDay(parisDay(new Date())).toISOString();
  const pages = await Promise.all(spaces.map((spaceKey) => EventEntity.query.bySpace({ spaceKey }).gte({ startsAt: from }).go({ limit: PER_SPACE })));
  const visible = await visibleAmong({ kind: 'anonymous' }, pages.flatMap((page) => page.data));
  const items = visible
    .filter((e) => e.status === 'published')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, limit)
    .map(toSummary);
  return { items, nextCursor: null };
}
