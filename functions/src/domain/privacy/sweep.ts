import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { foldName } from '../territory/names';
import { SweepTaskEntity } from './entities';

/**
 * The sweep of the whole table for one person (ADR 0024): export and erasure both look at every item
 * once, because copies of a person's name and id live in places no access pattern reaches (a friend's
 * side of a friendship, a mention in someone else's post, a notification's text). A segmented parallel
 * Scan — maintenance work, never a request — resumable at each segment's cursor: a run that nears its
 * timeout hands over to the task's next `seq`, whose INSERT starts the job again.
 */

/** Segments scanned in parallel (DynamoDB's parallel Scan). */
export const SWEEP_SEGMENTS = 4;
/** Items per Scan page. */
const SWEEP_PAGE = 500;
/** Time kept in hand before the function's timeout to save the cursors and hand over. */
const HANDOVER_MS = 60_000;

export type SweepTask = NonNullable<Awaited<ReturnType<ReturnType<typeof SweepTaskEntity.get>['go']>>['data']>;
export type RawItem = Record<string, unknown> & { pk: string; sk: string; __edb_e__?: string };

/** What names the person in an item: their id, their address, their name as written and as folded. */
export interface Needles {
  ids: string[];
  names: string[];
}

export function needlesOf(person: { userId: string; email: string; givenName: string; familyName: string }): Needles {
  const full = `${person.givenName} ${person.familyName}`;
  return {
    ids: [person.userId.toLowerCase(), person.email.toLowerCase()],
    names: [...new Set([full.toLowerCase(), foldName(full), foldName(`${person.familyName} ${person.givenName}`)])].filter((n) => n.length > 2),
  };
}

/** Does this item name the person anywhere (keys included)? */
export function namesPerson(item: RawItem, needles: Needles): boolean {
  const text = JSON.stringify(item).toLowerCase();
  return needles.ids.some((n) => text.includes(n)) || needles.names.some((n) => text.includes(n));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The item with every mention of the person replaced: ids and addresses by `id`, names by `name`. */
export function rewritten<T>(value: T, needles: Needles, replacement: { id: string; name: string }): T {
  const ids = new RegExp(needles.ids.map(escape).join('|'), 'gi');
  const names = needles.names.length ? new RegExp(needles.names.map(escape).join('|'), 'gi') : undefined;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const once = v.replace(ids, replacement.id);
      return names ? once.replace(names, replacement.name) : once;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Set) return new Set([...v].map(walk));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

type Cursor = Record<string, unknown> | null | 'done';

/**
 * Runs one task's share of the sweep: each segment from its cursor, every item handed to `visit`.
 * Returns `done` when every segment has reached its end, or `handed-over` after writing the next
 * `seq` with the cursors reached (its INSERT starts the job again).
 */
export async function runSweep(
  task: SweepTask,
  visit: (item: RawItem) => Promise<boolean>,
  remainingMs: () => number,
): Promise<'done' | 'handed-over'> {
  const cursors = JSON.parse(task.cursors) as Cursor[];
  let scanned = task.scanned;
  let matched = task.matched;
  let outOfTime = false;
  await Promise.all(
    cursors.map(async (start, segment) => {
      let cursor = start;
      while (cursor !== 'done' && !outOfTime) {
        const page: ScanCommandOutput = await documentClient.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: cursors.length,
            Limit: SWEEP_PAGE,
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        for (const item of (page.Items ?? []) as RawItem[]) {
          scanned += 1;
          // The sweep's own tasks are settled by the job itself.
          if (item.__edb_e__ === 'sweepTask') continue;
          if (await visit(item)) matched += 1;
        }
        cursor = page.LastEvaluatedKey ?? 'done';
        cursors[segment] = cursor;
        if (remainingMs() < HANDOVER_MS) outOfTime = true;
      }
    }),
  );
  if (cursors.every((c) => c === 'done')) {
    await SweepTaskEntity.patch({ sweepId: task.sweepId, seq: task.seq }).set({ cursors: JSON.stringify(cursors), scanned, matched }).go();
    return 'done';
  }
  const next = { ...task, seq: task.seq + 1, cursors: JSON.stringify(cursors), scanned, matched };
  await SweepTaskEntity.create(next).go();
  return 'handed-over';
}

/** A new sweep's cursors: every segment from the start. */
export const freshCursors = () => JSON.stringify(Array.from({ length: SWEEP_SEGMENTS }, () => null));
