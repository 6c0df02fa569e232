import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity, EntityItem } from 'electrodb';
import { documentClient, tableName } from './dynamodb';

/**
 * Independent GetItems of one read level, of any entities of the single table, sent as one
 * BatchGetItem (100 keys a request, again for what DynamoDB left unprocessed) instead of one
 * request per entity (ADR 0025): fewer requests, the same level. Each answer is parsed back by the
 * entity that asked for it; a missing item is absent from its list. A `Reading` is such reads with
 * what their items make (a page's receipts, its mail preferences): several are sent as one
 * (`readingsTogether`, the bulk-mail engine's page).
 */
type Key = Record<string, string>;

interface KeyedEntity {
  get: (key: never) => { params: () => Record<string, unknown> };
  parse: (input: { Item: Record<string, unknown> }) => { data: unknown };
}

/** The GetItems of one entity (`T`: its items), to be sent with others. */
export interface Read<T> {
  entity: KeyedEntity;
  keys: Record<string, unknown>[];
  /** Never set: carries the items' type. */
  item?: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEntity = Entity<any, any, any, any>;

// (the last overload of `get`: a list of keys)
export const read = <E extends AnyEntity>(entity: E, keys: Parameters<E['get']>[0]): Read<EntityItem<E>> => ({
  entity: entity as unknown as KeyedEntity,
  keys: keys as unknown as Record<string, unknown>[],
});

const keyId = (key: Record<string, unknown>) => `${String(key.pk)}\u0000${String(key.sk)}`;

/** The items of each read, in the order of the reads (each list in no particular order). */
export async function readTogether<R extends Read<unknown>[]>(
  reads: [...R],
  options: { consistent?: boolean } = {},
): Promise<{ [I in keyof R]: R[I] extends Read<infer T> ? T[] : never }> {
  // A key asked by several reads is read once and given to each.
  const owners = new Map<string, number[]>();
  const keys: Key[] = [];
  reads.forEach((r, index) => {
    for (const k of r.keys) {
      const key = (r.entity.get(k as never).params() as { Key: Key }).Key;
      const id = keyId(key);
      const asked = owners.get(id);
      if (asked) {
        if (!asked.includes(index)) asked.push(index);
        continue;
      }
      owners.set(id, [index]);
      keys.push(key);
    }
  });
  const found: Record<string, unknown>[] = [];
  const chunks: Key[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  await Promise.all(chunks.map((chunk) => getChunk(chunk, options.consistent ?? false, found)));
  const results = reads.map(() => [] as unknown[]);
  for (const item of found) {
    for (const index of owners.get(keyId(item)) ?? []) {
      const { data } = reads[index]!.entity.parse({ Item: item });
      if (data) results[index]!.push(data);
    }
  }
  return results as { [I in keyof R]: R[I] extends Read<infer T> ? T[] : never };
}

/** Reads and what their items make, to be sent with others (`readingsTogether`). */
export interface Reading<T> {
  reads: Read<unknown>[];
  /** From the items of each read (in their order), the result. */
  make(found: unknown[][]): T;
}

/** The GetItems of one entity and what its items found make (in no particular order; a missing item is absent). */
export const reading = <E extends AnyEntity, T>(entity: E, keys: Parameters<E['get']>[0], make: (items: EntityItem<E>[]) => T): Reading<T> => ({
  reads: [read(entity, keys)],
  make: ([items]) => make((items ?? []) as EntityItem<E>[]),
});

/** The same reads, making something else of what they make. */
export const mapReading = <A, B>(r: Reading<A>, then: (made: A) => B): Reading<B> => ({ reads: r.reads, make: (found) => then(r.make(found)) });

/** What needs no read. */
export const readingNothing = <T>(value: T): Reading<T> => ({ reads: [], make: () => value });

/** Several readings' GetItems in one `readTogether` (a BatchGetItem per 100 keys), then what each makes, in their order. */
export async function readingsTogether<T extends unknown[]>(readings: { [I in keyof T]: Reading<T[I]> }, options: { consistent?: boolean } = {}): Promise<T> {
  const reads = readings.flatMap((r) => r.reads);
  const found: unknown[][] = reads.some((r) => r.keys.length) ? await readTogether(reads, options) : reads.map(() => []);
  let at = 0;
  return readings.map((r) => r.make(found.slice(at, (at += r.reads.length)))) as T;
}

async function getChunk(keys: Key[], consistent: boolean, found: Record<string, unknown>[]): Promise<void> {
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 5) throw new Error('BatchGetItem left keys unprocessed after 5 tries');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const result = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(consistent && { ConsistentRead: true }) } } }));
    found.push(...((result.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
    pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
  }
}
