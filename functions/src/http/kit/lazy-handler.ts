/**
 * A feature's Lambda handler whose module is imported on its first request, not at init (ADR 0008).
 *
 * The shipped entry of every API feature is only this wrapper around a dynamic `import()` of
 * `functions/src/http/<feature>.ts` (`lazyEntrySource` in infra/lambda-bundle.ts): esbuild splits
 * the feature — its contracts (zod), entities (ElectroDB), services and middy chain — into a chunk
 * of its own, so a cold start loads the runtime's DynamoDB client and nothing else, and the first
 * request pays for the rest once per container. This module must import nothing: everything it
 * pulls in would be back on the init path.
 */
export function lazyHandler<E, C, R>(load: () => Promise<{ handler: (event: E, context: C) => Promise<R> }>) {
  let loading: Promise<(event: E, context: C) => Promise<R>> | undefined;
  return async (event: E, context: C): Promise<R> => {
    // A failed import is not cached: the next request tries again (and fails the same way, visibly).
    loading ??= load().then(
      (module) => module.handler,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return (await loading)(event, context);
  };
}
