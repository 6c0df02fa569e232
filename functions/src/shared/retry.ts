const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while it fails with an error `retryable` accepts, after a growing, jittered
 * pause (`baseMs`, then twice as long each time, each pause between half and all of it): callers
 * that hit the same quota at once do not all come back in the same millisecond. After `attempts`
 * tries, or on an error not retryable, the last error is thrown.
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
      const pause = options.baseMs * 2 ** (tried - 1);
      await sleep(pause / 2 + (Math.random() * pause) / 2);
    }
  }
}
