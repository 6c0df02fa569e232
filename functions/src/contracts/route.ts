import type { z } from 'zod';

/** The Lambda functions, one per feature; each routes its own paths inside (middy http-router). */
export const features = ['platform', 'identity', 'people', 'membership', 'territory', 'rollout', 'events', 'calendar', 'visitors', 'social', 'posts', 'search', 'attachments', 'privacy', 'mailings', 'messaging', 'texts'] as const;
export type Feature = (typeof features)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route, declared once: CDK creates it on the HTTP API, the local gateway serves it,
 * the OpenAPI document describes it and the web client calls it — all from this object.
 */
export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/sections/{sectionId}`. */
  path: `/api/${string}`;
  feature: Feature;
  /** `jwt`: the HTTP API's Cognito JWT authorizer must accept the bearer token first. */
  auth: 'public' | 'jwt';
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** How the body is sent: JSON (default) or CSV text (the member file). */
  bodyType?: 'json' | 'csv';
  /** Largest accepted body, in bytes (default 64 KiB; API Gateway's own limit is 10 MB). */
  maxBodyBytes?: number;
  response: R;
  /** How the answer is sent: JSON (default), or iCalendar text (calendar feeds, a `.ics` per event). */
  responseType?: 'json' | 'calendar';
  successStatus?: 200 | 201 | 202 | 204;
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  route: RouteContract<P, Q, B, R>,
): RouteContract<P, Q, B, R> {
  return route;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** `GET /api/sections/{sectionId}` — the route key API Gateway and http-router both use. */
export function routeKey(route: Pick<RouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
