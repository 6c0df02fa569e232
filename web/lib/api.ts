import type { z } from 'zod';
import { frenchText, type RouteContract } from '@coopol/contracts';
import { ApiError, fillPath, requestApi } from './api-transport';
import { viewerHeaders } from './viewer';

export { ApiError, isApiError } from './api-transport';

/**
 * The typed API client of the site: a route contract from `@coopol/contracts` in, its parsed
 * response out — `callApi(routes.getSection, { params: { sectionId } })`. Used by server components;
 * on the server the origin comes from `COOPOL_API_ORIGIN` (see `./api-transport`).
 */

export type AnyRoute = RouteContract<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
type ParamsOf<R> = R extends RouteContract<infer P, z.ZodType, z.ZodType, z.ZodType> ? P : never;
type QueryOf<R> = R extends RouteContract<z.ZodType, infer Q, z.ZodType, z.ZodType> ? Q : never;
type BodyOf<R> = R extends RouteContract<z.ZodType, z.ZodType, infer B, z.ZodType> ? B : never;
type ResponseOf<R> = R extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer S> ? S : never;

/** A route declared without a schema for a part gets the bare `z.ZodType`, whose input is `unknown`. */
type Part<Name extends string, S extends z.ZodType> = unknown extends z.input<S>
  ? { [K in Name]?: never }
  : { [K in Name]: z.input<S> };

export type CallInput<R extends AnyRoute> = Part<'params', ParamsOf<R>> &
  Partial<Part<'query', QueryOf<R>>> &
  Part<'body', BodyOf<R>> & { signal?: AbortSignal };

/** What a route answers, once parsed by its response schema. */
export type ApiResult<R extends AnyRoute> = z.output<ResponseOf<R>>;

export interface CallOptions {
  /** The id token of the signed-in person, for the routes that need one (`auth: 'jwt'`); see `lib/session`. */
  token?: string;
}

/**
 * Calls one API route: checks the params against the contract (a malformed identifier fails here
 * as the 400 the API would answer), fills the path, fetches, and parses the JSON through the
 * route's response schema. A non-2xx answer throws an `ApiError`.
 */
export async function callApi<R extends AnyRoute>(route: R, input: CallInput<R>, options: CallOptions = {}): Promise<ApiResult<R>> {
  const { params, query, body, signal } = input as {
    params?: unknown;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };

  let path: string = route.path;
  if (route.params) {
    const checked = route.params.safeParse(params);
    if (!checked.success) {
      throw new ApiError({
        statusCode: 400,
        error: 'ValidationError',
        code: 'validation.invalid',
        message: frenchText('validation.invalid'),
        details: checked.error.issues.map((issue) => ({
          field: ['params', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      });
    }
    path = fillPath(route.path, checked.data as Record<string, unknown>);
  }

  const json = await requestApi(route.method, path, { query, body, signal, token: options.token, headers: await viewerHeaders() });
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The API answer to ${route.method} ${route.path} does not match its contract: ${parsed.error.message}`);
  }
  return parsed.data as ApiResult<R>;
}
