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
