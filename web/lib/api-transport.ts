import type { ErrorResponse, HttpMethod } from '@coopol/contracts';

/**
 * HTTP transport to the API, free of zod so client components can use it without shipping the
 * schemas (about 35 KB gzip). Pages go through `callApi` in `./api`, which adds the contracts.
 */

/**
 * An error body as it may reach the site: an API from before stable codes, or one newer than the
 * site, may send no code or one the site does not know (`web/i18n/errors.ts` then shows the message).
 */
export type ErrorBody = Omit<ErrorResponse, 'code' | 'params'> & { code?: string; params?: Record<string, unknown> };

/** A non-2xx answer from the API, carrying its error body `{statusCode, error, code, params, message, details}`. */
export class ApiError extends Error {
  readonly statusCode: number;
  /** The refusal's class: `Conflict`, `NotFound`… */
  readonly error: string;
  /** The refusal's stable code (`slot.full`), what pages translate. */
  readonly code: string | undefined;
  readonly params: Record<string, unknown>;
  readonly details: ErrorResponse['details'];

  constructor(
    readonly body: ErrorBody,
    /** From the `Retry-After` header of a 429: how long to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.code = body.code;
    this.params = body.params ?? {};
    this.details = body.details;
  }
}

export function isApiError(error: unknown, statusCode?: number): error is ApiError {
  return error instanceof ApiError && (statusCode === undefined || error.statusCode === statusCode);
}

/**
 * In the browser, `/api/*` is on the page's own origin (CloudFront, or the local gateway, routes it
 * to the API). On the server, the origin comes from `COOPOL_API_ORIGIN`, read at each request, and
 * its absence is an error, never a silent default.
 */
function apiOrigin(): string {
  if (typeof window !== 'undefined') return '';
  const origin = process.env.COOPOL_API_ORIGIN;
  if (!origin) {
    throw new Error(
      'COOPOL_API_ORIGIN is not set: the web server needs the origin of the Coopol API (for example http://127.0.0.1:3001) to render its pages.',
    );
  }
  return origin.replace(/\/+$/, '');
}

/** `/api/sections/{sectionId}` + `{sectionId: 'rennes'}` → `/api/sections/rennes`. */
export function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.error === 'string' && typeof body.message === 'string';
}

async function errorBody(response: Response): Promise<ErrorBody> {
  const json: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(json)) return json;
  return {
    statusCode: response.status,
    error: 'UnexpectedResponse',
    message: `Réponse inattendue de l’API (HTTP ${response.status}).`,
  };
}

export interface RequestOptions {
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
  /** The signed-in person's id token, sent as `Authorization: Bearer` (server side only: the browser never holds it). */
  token?: string;
  /** More headers (server side: the browser's signed address, `lib/viewer.ts`). */
  headers?: Record<string, string>;
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** Sends one request to the API and returns its JSON body (unchecked); throws `ApiError` on a non-2xx. */
export async function requestApi(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<unknown> {
  const { query, body, signal, token, headers } = options;
  const onServer = typeof window === 'undefined';
  const response = await fetch(`${apiOrigin()}${path}${queryString(query)}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    // Pages are rendered per request: never serve an API answer from Next's data cache.
    cache: 'no-store',
    signal: signal ?? (onServer ? AbortSignal.timeout(10_000) : undefined),
  });
  if (!response.ok) throw new ApiError(await errorBody(response), retryAfter(response));
  if (response.status === 204) return undefined;
  return response.json();
}
