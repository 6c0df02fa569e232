/**
 * Optimistic writes that meet each other (a counter's shards, a waiting list) read again and retry:
 * one loop for all of them. `step` reads, writes under conditions, and returns its result or asks
 * to try again — after a short, jittered, growing pause (`again`) or at once, when it changed what it
 * read itself (`againAtOnce`). After `attempts` tries, `exhausted` decides: an error thrown (a 409), or a
 * value (giving up quietly).
 */
export const again = Symbol('again');
export const againAtOnce = Symbol('again at once');

export async function retryOptimistic<T>(
  limits: { attempts: number; exhausted: Error | (() => T) },
  step: (attempt: number) => Promise<T | typeof again | typeof againAtOnce>,
): Promise<T> {
  for (let attempt = 0; attempt < limits.attempts; attempt++) {
    const outcome = await step(attempt);
    if (outcome === againAtOnce) continue;
    if (outcome !== again) return outcome;
    await pause(attempt);
  }
  if (limits.exhausted instanceof Error) throw limits.exhausted;
  return limits.exhausted();
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls that fail for a while (a quota, throttling, the network) run again: `attempt` again while it
 * throws an error `retryable` accepts, after a growing, jittered pause (`baseMs`, then twice as long each
 * time, each pause between half and all of it), so that callers refused at once do not all come back in
 * the same millisecond. After `attempts` tries, or on an error not retryable, the last error is thrown.
 */
export async function withBackoff<T>(
  attempt: () => Promise<T>,
  options: { retryable: (error: unknown) => boolean; attempts: number; baseMs: number },
): Promise<T> {
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= options.attempts || !options.retryable(error)) throw error;
      const wait = options.baseMs * 2 ** (tried - 1);
      await sleep(wait / 2 + (Math.random() * wait) / 2);
    }
  }
}
