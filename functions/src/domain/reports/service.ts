import type { ReportLevel, ReportRequest, Rollup, Totals } from '../../contracts/events';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { mayViewReports, requirePerson } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { EventEntity } from '../events/entities';
import { parisDay } from '../../contracts/paris-time';
import type { EventItem } from '../events/read';
import { loadManagedEvent } from '../events/service';
import { resolveSpace } from '../spaces/resolve';
import { SectionEntity } from '../territory/entities';
import { getFederation, getRegion, getSection, listRegions } from '../territory/service';
import { GroupEntity } from '../social/entities';
import { checkCeilings } from './ceilings';
import { ChildTotalsEntity, LevelTotalsEntity, ReportEntity, ReportLineEntity, reportsService } from './entities';

interface Level {
  level: ReportLevel;
  id: string;
  name: string;
}

const counterNames = ['leaflets', 'doors', 'peopleReached', 'contacts'] as const;
const zero: Totals = { reports: 0, leaflets: 0, doors: 0, peopleReached: 0, contacts: 0 };
const totalsOf = (item: Partial<Totals>): Totals => ({
  reports: item.reports ?? 0,
  leaflets: item.leaflets ?? 0,
  doors: item.doors ?? 0,
  peopleReached: item.peopleReached ?? 0,
  contacts: item.contacts ?? 0,
});

/**
 * The levels an event's numbers count in: a party space's (section, federation, national) from its
 * own level up to national (one GetItem at most); a group's in the group alone — anyone may make a
 * group, so its actions are the group's, not the party's.
 */
async function levelsAbove(event: EventItem): Promise<Level[]> {
  const national: Level = { level: 'national', id: 'national', name: 'National' };
  const region = (code: string | null, name: string | null): Level[] => (code ? [{ level: 'region', id: code, name: name ?? code }] : []);
  switch (event.spaceType) {
    case 'section': {
      const s = await getSection(event.spaceId);
      return [{ level: 'section', id: s.id, name: s.name }, { level: 'federation', id: s.federationCode, name: s.federationName }, ...region(s.regionCode, s.regionName), national];
    }
    case 'federation': {
      const f = await getFederation(event.spaceId);
      return [{ level: 'federation', id: f.code, name: f.name }, ...region(f.regionCode, f.regionName), national];
    }
    case 'group': {
      const { data: group } = await GroupEntity.get({ groupId: event.spaceId }).go();
      return [{ level: 'group', id: event.spaceId, name: group ? `Groupe ${group.name}` : 'Groupe' }];
    }
    case 'national':
      return [national];
  }
}

const toReport = (item: { eventId: string; leaflets: number; doors: number; peopleReached: number; contacts: number; remarks: string; authorName: string; updatedAt: string }) => ({
  eventId: item.eventId,
  leaflets: item.leaflets,
  doors: item.doors,
  peopleReached: item.peopleReached,
  contacts: item.contacts,
  remarks: item.remarks,
  author: item.authorName,
  updatedAt: item.updatedAt,
});

/**
 * Records (or corrects) the report of an action, by those who organize in its space, once it has
 * started. The report and every level's totals (own month, and the parent's line for it) change in
 * one transaction by the difference with the previous version: totals are never recomputed from reports.
 */
export async function submitReport(caller: Caller, eventId: string, request: ReportRequest) {
  checkCeilings(request);
  const event = await loadManagedEvent(caller, eventId);
  if (event.status === 'cancelled') throw new ConflictError('field-report.event-cancelled');
  if (event.startsAt > new Date().toISOString()) throw new ConflictError('field-report.too-early');
  const author = (await callerItem(requirePerson(caller)))!;
  const [levels, { data: previous }] = await Promise.all([levelsAbove(event), ReportEntity.get({ eventId }).go()]);
  const month = parisDay(event.startsAt).slice(0, 7);
  const delta: Totals = { ...zero, reports: previous ? 0 : 1 };
  for (const name of counterNames) delta[name] = request[name] - (previous?.[name] ?? 0);
  const item = {
    eventId,
    month,
    ...request,
    authorId: author.userId,
    authorName: `${author.givenName} ${author.familyName}`,
    updatedAt: new Date().toISOString(),
    version: (previous?.version ?? 0) + 1,
  };
  const result = await reportsService.transaction
    .write(({ report, level, child, line }) => [
      previous ? report.put(item).where(({ version }, { eq }) => eq(version, previous.version)).commit() : report.create(item).commit(),
      ...levels.map((l) =>
        line
          .put({
            level: l.level, levelId: l.id, month, eventId, title: event.title, spaceName: levels[0]!.name,
            authorId: item.authorId, authorName: item.authorName, updatedAt: item.updatedAt,
            leaflets: request.leaflets, doors: request.doors, peopleReached: request.peopleReached, contacts: request.contacts,
            remarks: request.remarks,
          })
          .commit(),
      ),
      ...levels.map((l) => level.upsert({ level: l.level, levelId: l.id, month }).add(delta).commit()),
      ...levels.slice(1).map((parent, i) =>
        child.upsert({ level: parent.level, levelId: parent.id, month, childId: levels[i]!.id, childName: levels[i]!.name }).add(delta).commit(),
      ),
    ])
    .go();
  if (result.canceled) throw new ConflictError('field-report.changed-meanwhile');
  if (!event.hasReport) await EventEntity.patch({ eventId }).set({ hasReport: true }).go();
  return toReport(item);
}

/** An action's report, for those who organize in its space. */
export async function getReport(caller: Caller, eventId: string) {
  await loadManagedEvent(caller, eventId);
  const { data } = await ReportEntity.get({ eventId }).go();
  if (!data) throw new NotFoundError('field-report.not-found', 'params.eventId');
  return toReport(data);
}

/** The level asked for, its children (sections of a federation…) and the place rules need. */
async function levelAndChildren(caller: Caller, level: ReportLevel, id: string) {
  const field = 'params.levelId';
  const missing = (what: 'section.not-found' | 'federation.not-found' | 'region.not-found' | 'level.not-found') => () => {
    throw new NotFoundError(what, field);
  };
  switch (level) {
    case 'section': {
      const s = await getSection(id).catch(missing('section.not-found'));
      return { name: s.name, federationCode: s.federationCode, children: [] as { id: string; name: string }[] };
    }
    case 'federation': {
      const [f, sections] = await Promise.all([
        getFederation(id).catch(missing('federation.not-found')),
        SectionEntity.query.byFederation({ federationCode: id }).go({ pages: 'all' }),
      ]);
      return { name: f.name, federationCode: f.code, children: sections.data.map((s) => ({ id: s.sectionId, name: s.name })) };
    }
    case 'region': {
      const r = await getRegion(id).catch(missing('region.not-found'));
      return { name: r.name, children: r.federations.map((f) => ({ id: f.code, name: f.name })) };
    }
    case 'national': {
      if (id !== 'national') missing('level.not-found')();
      return { name: 'National', children: (await listRegions()).map((r) => ({ id: r.code, name: r.name })) };
    }
    case 'group': {
      // A group one may not know of is a 404, as everywhere (events/spaces.ts).
      const space = await resolveSpace(caller, { type: 'group', id }, field);
      return { name: space.label, standing: space.group!.standing, children: [] as { id: string; name: string }[] };
    }
  }
}

const childLevel: Record<ReportLevel, ReportLevel> = { national: 'region', region: 'federation', federation: 'section', section: 'section', group: 'group' };

/** Twelve months ending with `month`, oldest first (`2026-03` → `2025-04` … `2026-03`). */
function lastTwelveMonths(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, m - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** How many of a month's reports a dashboard lists (who reported what), newest events last. */
const REPORT_LINES = 100;

/**
 * A level's dashboard for a month: its totals over twelve months (one Query), each child's totals
 * for the month (one Query), the children that have not reported, and who reported what (one Query
 * page) — a constant number of requests, whatever the number of reports. Without a month asked for,
 * it opens on the latest month with reports (two more Queries when that is not this month).
 */
export async function getRollup(caller: Caller, level: ReportLevel, id: string, asked?: string): Promise<Rollup> {
  const place = await levelAndChildren(caller, level, id);
  mayViewReports(caller, level, { id, federationCode: 'federationCode' in place ? place.federationCode : undefined, standing: 'standing' in place ? place.standing : undefined }, policyOptions);
  const last = asked ?? parisDay(new Date()).slice(0, 7);
  const months = lastTwelveMonths(last);
  const monthly = (month: string) =>
    Promise.all([
      ChildTotalsEntity.query.byParent({ level, levelId: id, month }).go({ pages: 'all' }),
      ReportLineEntity.query.byLevel({ level, levelId: id, month }).go({ limit: REPORT_LINES }),
    ]);
  // The month asked for; else the latest with reports (this month's reads start with the history, in case it is that one).
  const [history, ofLast] = await Promise.all([LevelTotalsEntity.query.byLevel({ level, levelId: id }).between({ month: months[0] }, { month: last }).go({ pages: 'all' }), monthly(last)]);
  const byMonth = new Map(history.data.map((h) => [h.month, totalsOf(h)]));
  const month = asked ?? [...months].reverse().find((m) => (byMonth.get(m)?.reports ?? 0) > 0) ?? last;
  const [children, lines] = month === last ? ofLast : await monthly(month);
  const byChild = new Map(children.data.map((c) => [c.childId, c]));
  return {
    level,
    id,
    name: place.name,
    month,
    history: months.map((m) => ({ month: m, ...(byMonth.get(m) ?? zero) })),
    children: place.children.map((c) => ({ level: childLevel[level], id: c.id, name: c.name, ...totalsOf(byChild.get(c.id) ?? {}) })),
    notReported: place.children.filter((c) => !(byChild.get(c.id)?.reports ?? 0)),
    reports: lines.data.map((l) => ({
      eventId: l.eventId,
      title: l.title,
      spaceName: l.spaceName,
      reporter: { userId: l.authorId, name: l.authorName },
      leaflets: l.leaflets,
      doors: l.doors,
      peopleReached: l.peopleReached,
      contacts: l.contacts,
      remarks: l.remarks ?? '',
      updatedAt: l.updatedAt,
    })),
    moreReports: lines.cursor !== null,
  };
}
