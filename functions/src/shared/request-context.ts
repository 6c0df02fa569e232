import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request bookkeeping shared by the HTTP middleware and the AWS clients: how many DynamoDB
 * requests this request made (logged on every request, asserted by the page-cost benchmarks).
 * AsyncLocalStorage keeps concurrent requests apart when the local gateway serves many at once.
 */
export interface RequestStats {
  dynamodbCalls: number;
}

const storage = new AsyncLocalStorage<RequestStats>();

export function runWithRequestStats<T>(fn: () => Promise<T>): { stats: RequestStats; result: Promise<T> } {
  const stats: RequestStats = { dynamodbCalls: 0 };
  return { stats, result: storage.run(stats, fn) };
}

export function currentRequestStats(): RequestStats | undefined {
  return storage.getStore();
}
