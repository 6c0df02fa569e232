import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request bookkeeping shared by the HTTP middleware and the AWS clients: how many DynamoDB
 * requests this request made (logged on every request, asserted by the page-cost benchmarks), and
 * in how many levels — the longest chain of requests each sent after the one before it answered,
 * what the caller waits on (ADR 0025). Requests sent together (Promise.all) are one level.
 * AsyncLocalStorage keeps concurrent requests apart when the local gateway serves many at once.
 */
export interface RequestStats {
  dynamodbCalls: number;
  /** Sequential waves of DynamoDB requests: 1 + the deepest level answered before a request was sent, at most. */
  levels: number;
  /** The deepest level of the requests answered so far (a request sent now is one deeper). */
  answeredLevel: number;
}

const storage = new AsyncLocalStorage<RequestStats>();

export function runWithRequestStats<T>(fn: () => Promise<T>): { stats: RequestStats; result: Promise<T> } {
  const stats: RequestStats = { dynamodbCalls: 0, levels: 0, answeredLevel: 0 };
  return { stats, result: storage.run(stats, fn) };
}

export function currentRequestStats(): RequestStats | undefined {
  return storage.getStore();
}

/** Counts one DynamoDB request around `send`, at the level it is sent at. */
export async function countedRequest<T>(send: () => Promise<T>): Promise<T> {
  const stats = storage.getStore();
  if (!stats) return send();
  stats.dynamodbCalls += 1;
  const level = stats.answeredLevel + 1;
  stats.levels = Math.max(stats.levels, level);
  try {
    return await send();
  } finally {
    stats.answeredLevel = Math.max(stats.answeredLevel, level);
  }
}
