import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler, { type Route } from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { routeKey, type Feature, type RouteContract } from '../../contracts/route';
import { UnauthorizedError } from '../../domain/errors';
import type { Caller, CallerLoading } from '../../domain/access/caller';
import { loadCaller, recordCallerActivity } from '../../domain/access/load-caller';
import type { Actor } from '../../domain/identity/actor';
import { logger } from '../../shared/logger';
import { runWithRequestStats } from '../../shared/request-context';
import { actorFromEvent } from './actor-from-event';
import { clientOf } from './client-of-event';
import { errorResponse } from './error-response';
import { parseRequest } from './parse-request';
import { readOnlyFeatures } from './read-only-features';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = Exclude<APIGatewayProxyResultV2, string>;
type Out<S> = [Exclude<S, undefined>] extends [never] ? undefined : z.output<Exclude<S, undefined>>;

export interface RouteInput<C extends RouteContract> {
  params: Out<C['params']>;
  query: Out<C['query']>;
  body: Out<C['body']>;
  actor: Actor;
  /**
   * The caller as the rules see them, loaded by the kit when the route asks for it
   * (`implement(route, serve, { caller: true })`: one BatchGetItem — their person and their session,
   * an ended session being a 401 here); anonymous otherwise.
   */
  caller: Caller;
  /**
   * With `{ caller: 'alongside' }`: the caller being loaded while the page's first reads (keyed by
   * the token's user id) go out beside it — `caller` is then anonymous, the page awaits this
   * (`alongsideCaller`, ADR 0025). Otherwise the loaded caller itself.
   */
  loading: Caller | CallerLoading;
  /** Who sent the request on the network, for the per-client rate limits (client-of-event.ts). */
  client: { ip: string };
  event: Event;
}

export interface RouteImplementation {
  contract: RouteContract;
  handle: (event: Event) => Promise<Result>;
}

/**
 * Binds a contract to the function that serves it: the request is validated against the contract,
 * the actor is read from the authorizer's claims, and the answer is encoded through the response
 * schema (so nothing outside the contract ever leaves the API).
 */
export function implement<C extends RouteContract>(
  contract: C,
  serve: (input: RouteInput<C>) => Promise<z.input<C['response']>>,
  needs: { caller?: boolean | 'alongside' } = {},
): RouteImplementation {
  return {
    contract,
    handle: async (event) => {
      const actor = actorFromEvent(event);
      if (contract.auth === 'jwt' && actor.kind === 'anonymous') throw new UnauthorizedError();
      const input = parseRequest(contract, event);
      const client = clientOf(event);
      let caller: Caller = { kind: 'anonymous' };
      let loading: Caller | CallerLoading = caller;
      let loaded: Promise<Caller> | undefined;
      if (needs.caller === 'alongside' && actor.kind === 'user') {
        loaded = loadCaller(actor);
        loaded.catch(() => undefined); // told below, before anything the page read
        loading = { kind: 'loading', userId: actor.sub, loaded };
      } else if (needs.caller) {
        caller = await loadCaller(actor);
        loading = caller;
      }
      const served = serve({ ...input, actor, caller, loading, client, event } as RouteInput<C>);
      // The day of activity is written beside the route's own work, never delaying or failing it.
      const activity = readOnlyFeatures.has(contract.feature) ? undefined : (loaded ?? Promise.resolve(caller)).then(recordCallerActivity, () => undefined);
      if (loaded) await Promise.allSettled([served]).then(() => loaded); // the caller's refusal (401) first, whatever the page did
      const result = await served.finally(() => activity);
      const status = contract.successStatus ?? 200;
      if (contract.responseType === 'calendar') {
        return {
          statusCode: status,
          headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
          body: contract.response.parse(result) as string,
        };
      }
      return {
        statusCode: status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: status === 204 ? '' : JSON.stringify(contract.response.parse(result)),
      };
    },
  };
}

/**
 * Path parameters that are bearer secrets — a calendar feed's, a preregistration's, an invitation's,
 * an unsubscribe link's token: whoever reads the logs must not be able to use them.
 */
const secretParameters = new Set(['token']);

/** The request's path as logged: each secret parameter replaced by `{token}`. */
export function loggedPath(event: Event): string {
  let path = event.rawPath;
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (!secretParameters.has(name) || !value) continue;
    for (const spelled of new Set([value, encodeURIComponent(value)])) path = path.split(spelled).join(`{${name}}`);
  }
  return path;
}

/**
 * The Lambda handler of one feature: middy's HTTP chain around an http-router over its routes.
 * Order: normalize headers → security headers → errors (last, so it handles errors first).
 */
export function featureLambda(feature: Feature, implementations: RouteImplementation[]) {
  for (const { contract } of implementations) {
    if (contract.feature !== feature) throw new Error(`${routeKey(contract)} belongs to ${contract.feature}, not ${feature}`);
  }
  const routes: Route<Event, Result>[] = implementations.map(({ contract, handle }) => ({
    method: contract.method,
    path: contract.path,
    handler: handle,
  }));
  const chain = middy<Event, Result>()
    .use(httpHeaderNormalizer())
    .use(httpSecurityHeaders())
    .use(errorResponse() as middy.MiddlewareObj<Event, Result>)
    .handler(httpRouterHandler<Event, Result>(routes) as unknown as (event: Event, context: Context) => Promise<Result>);

  return async (event: Event, context: Context): Promise<Result> => {
    const started = performance.now();
    const { stats, result } = runWithRequestStats(() => chain(event, context));
    const response = await result;
    logger.info('request', {
      feature,
      route: event.routeKey,
      path: loggedPath(event),
      status: response.statusCode,
      latencyMs: Math.round(performance.now() - started),
      dynamodbCalls: stats.dynamodbCalls,
      requestId: event.requestContext.requestId,
    });
    return response;
  };
}
