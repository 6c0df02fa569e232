import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { z } from 'zod';
import { defineRoute } from '../../functions/src/contracts/route';
import { ForbiddenError } from '../../functions/src/domain/errors';
import { featureLambda, implement } from '../../functions/src/http/kit/feature-lambda';
import { logger } from '../../functions/src/shared/logger';

// The HTTP kit every feature Lambda is built from, driven in-process with API Gateway v2 events.
// A test-only contract with a body (no route of the real API takes one yet).
const createThing = defineRoute({
  method: 'POST',
  path: '/api/things/{thingId}',
  feature: 'territory',
  auth: 'jwt',
  summary: 'test',
  tags: [],
  params: z.object({ thingId: z.string().regex(/^[a-z]+$/) }),
  body: z.object({ title: z.string().min(1).max(20), count: z.number().int() }),
  maxBodyBytes: 200,
  response: z.object({ thingId: z.string(), title: z.string() }),
  successStatus: 201,
});

let served = 0;
const handler = featureLambda('territory', [
  implement(createThing, async ({ params, body, actor }) => {
    served += 1;
    if (body.title === 'forbidden') throw new ForbiddenError();
    if (body.title === 'crash') throw new Error('secret internal detail: table coopol-prod');
    // An extra field the contract does not declare must never leave the API.
    return { thingId: params.thingId, title: `${body.title} by ${actor.kind === 'user' ? actor.sub : '?'}`, internal: 'x' } as never;
  }),
]);

function event(overrides: { path?: string; body?: string; contentType?: string; claims?: Record<string, string> | null; method?: string } = {}) {
  const path = overrides.path ?? '/api/things/abc';
  return {
    version: '2.0',
    routeKey: 'POST /api/things/{thingId}',
    rawPath: path,
    rawQueryString: '',
    headers: { 'Content-Type': overrides.contentType ?? 'application/json' },
    pathParameters: { thingId: path.split('/').pop()! },
    body: overrides.body ?? JSON.stringify({ title: 'Tract', count: 3 }),
    isBase64Encoded: false,
    requestContext: {
      http: { method: overrides.method ?? 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r1',
      routeKey: 'POST /api/things/{thingId}',
      authorizer: overrides.claims === null ? undefined : { jwt: { claims: overrides.claims ?? { sub: 'user-1' }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

async function call(e: APIGatewayProxyEventV2WithJWTAuthorizer) {
  const before = served;
  const result = await handler(e, {} as Context);
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined, headers: result.headers ?? {}, served: served - before };
}

describe('HTTP kit: contract validation and error contract', () => {
  test('a valid request is served, and the answer holds only what the contract declares', async () => {
    const { status, body, served: n } = await call(event());
    assert.equal(status, 201);
    assert.deepEqual(body, { thingId: 'abc', title: 'Tract by user-1' });
    assert.equal(n, 1);
  });

  test('malformed JSON: 400 naming the body, nothing served', async () => {
    const { status, body, served: n } = await call(event({ body: '{"title": "Tract",' }));
    assert.equal(status, 400);
    assert.equal(body.error, 'ValidationError');
    assert.equal(body.details[0].field, 'body');
    assert.equal(n, 0);
  });

  test('wrong types and bad params: 400 listing every failing field', async () => {
    const { status, body, served: n } = await call(event({ path: '/api/things/ABC', body: JSON.stringify({ title: 42, count: 'three' }) }));
    assert.equal(status, 400);
    const fields = body.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(fields, ['body.count', 'body.title', 'params.thingId']);
    assert.equal(n, 0);
  });

  test('an oversized body: 413, nothing served', async () => {
    const { status, body, served: n } = await call(event({ body: JSON.stringify({ title: 'x'.repeat(500), count: 1 }) }));
    assert.equal(status, 413);
    assert.equal(body.details[0].field, 'body');
    assert.equal(n, 0);
  });

  test('a body that is not JSON: 415', async () => {
    const { status, served: n } = await call(event({ contentType: 'text/plain', body: 'title=Tract' }));
    assert.equal(status, 415);
    assert.equal(n, 0);
  });

  test('a jwt route reached without claims (authorizer bypassed): 401', async () => {
    const { status, served: n } = await call(event({ claims: null }));
    assert.equal(status, 401);
    assert.equal(n, 0);
  });

  test('a domain error keeps its status and French message, with its stable code', async () => {
    const { status, body } = await call(event({ body: JSON.stringify({ title: 'forbidden', count: 1 }) }));
    assert.equal(status, 403);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'error', 'message', 'params', 'statusCode']);
    assert.deepEqual([body.error, body.code, body.params], ['Forbidden', 'access.forbidden', {}]);
    assert.match(body.message, /droit/);
  });

  test('an unexpected error is a bare 500 that leaks nothing internal', async () => {
    const { status, body } = await call(event({ body: JSON.stringify({ title: 'crash', count: 1 }) }));
    assert.equal(status, 500);
    assert.equal(body.error, 'InternalServerError');
    assert.doesNotMatch(JSON.stringify(body), /secret|coopol-prod|stack/i);
  });

  test('an unknown path inside the function: 404 in the error contract', async () => {
    const { status, body } = await call(event({ path: '/api/other/abc' }));
    assert.equal(status, 404);
    assert.equal(body.error, 'NotFound');
  });

  test('answers carry security headers', async () => {
    const { headers } = await call(event());
    const lowerCased = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    assert.equal(lowerCased['x-content-type-options'], 'nosniff');
  });
});

test('a feature cannot serve a route that belongs to another feature', () => {
  assert.throws(() => featureLambda('platform', [implement(createThing, async () => ({ thingId: 'a', title: 'b' }))]), /belongs to territory/);
});

test('a token in the path is never written to the request log', async (t) => {
  const openCalendar = defineRoute({
    method: 'GET',
    path: '/api/things/{thingId}/feed/{token}',
    feature: 'territory',
    auth: 'public',
    summary: 'test',
    tags: [],
    params: z.object({ thingId: z.string(), token: z.string() }),
    response: z.object({ ok: z.boolean() }),
  });
  const feed = featureLambda('territory', [implement(openCalendar, async () => ({ ok: true }))]);
  const lines: unknown[] = [];
  t.mock.method(logger, 'info', (...args: unknown[]) => void lines.push(args));
  const token = 'Zq9_secret-token+/=';
  const rawPath = `/api/things/abc/feed/${encodeURIComponent(token)}`;
  const e = {
    ...event({ path: rawPath, method: 'GET', claims: null, body: '' }),
    routeKey: 'GET /api/things/{thingId}/feed/{token}',
    pathParameters: { thingId: 'abc', token },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
  e.requestContext.routeKey = e.routeKey;
  const result = await feed(e, {} as Context);
  assert.equal(result.statusCode, 200);
  const logged = JSON.stringify(lines);
  assert.match(logged, /\/api\/things\/abc\/feed\/\{token\}/, 'the path is logged, with the id kept');
  assert.doesNotMatch(logged, /secret-token/);
});
