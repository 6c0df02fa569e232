import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { DEFAULT_MAX_BODY_BYTES, type RouteContract } from '../../contracts/route';
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldIssue,
} from '../../domain/errors';

function issuesOf(where: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseJsonBody(route: RouteContract, event: APIGatewayProxyEventV2): unknown {
  const text = rawBody(event);
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (text !== undefined && Buffer.byteLength(text, 'utf8') > limit) throw new PayloadTooLargeError(limit);
  if (text === undefined) return undefined;
  const contentType = event.headers?.['content-type'] ?? '';
  if (route.bodyType === 'csv') {
    if (!/^text\/csv\b/i.test(contentType)) throw new UnsupportedMediaTypeError('text/csv');
    return text;
  }
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaTypeError('application/json');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError([{ field: 'body', message: `JSON invalide : ${(error as Error).message}` }]);
  }
}

/**
 * Validates path parameters, query string and body against the route's contract, collecting every
 * failing field in one 400 answer. Nothing reaches the service unless all of it is valid.
 */
export function parseRequest<C extends RouteContract>(route: C, event: APIGatewayProxyEventV2) {
  const issues: FieldIssue[] = [];
  const parts = {
    params: { schema: route.params, input: event.pathParameters ?? {} },
    query: { schema: route.query, input: event.queryStringParameters ?? {} },
    body: { schema: route.body, input: route.body ? parseJsonBody(route, event) : undefined },
  };
  const out: Record<string, unknown> = {};
  for (const [where, { schema, input }] of Object.entries(parts)) {
    if (!schema) continue;
    const result = schema.safeParse(input);
    if (result.success) out[where] = result.data;
    else issues.push(...issuesOf(where, result.error));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return out as { params: unknown; query: unknown; body: unknown };
}
