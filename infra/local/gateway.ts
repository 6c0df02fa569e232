import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { routeKey, type Feature, type RouteContract } from '../../functions/src/contracts/route';
import { acceptsBrotli, brotli, precompressedScript } from '../web/brotli-scripts';
import { attachRealtime, type RealtimeGatewayOptions } from './realtime-gateway';

/**
 * The local stand-in for what AWS runs around the handlers:
 * - API Gateway HTTP API: `/api/*` requests become payload v2 events for the route table CDK deploys,
 *   with the JWT authorizer's checks (signature, issuer, audience or client_id, expiry);
 * - CloudFront: everything else is proxied to the Next.js server, so the site has one origin; the
 *   build's scripts go to a browser that accepts brotli at the quality the deploy precompresses them
 *   with (`infra/web/brotli-scripts.ts`), as CloudFront sends them from the bucket.
 */
export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface GatewayOptions {
  routes: RouteContract[];
  loadHandler: (feature: Feature) => Promise<LambdaHandler>;
  jwt: { issuer: string; audience: string[]; jwksUrl: string };
  /** Origin of the Next.js server; without it, non-API paths answer 404. */
  webOrigin?: string;
  /** API Gateway HTTP API's payload limit. */
  maxPayloadBytes?: number;
  /** The WebSocket API at `/ws` and its management API (infra/local/realtime-gateway.ts). */
  realtime?: RealtimeGatewayOptions;
}

interface CompiledRoute {
  route: RouteContract;
  pattern: RegExp;
  paramNames: string[];
}

function compile(route: RouteContract): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(match[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
}

/**
 * API Gateway picks the most specific route, not the first declared: `/api/groups/mine` before
 * `/api/groups/{groupId}`. Segment by segment, a literal beats a parameter.
 */
export function moreSpecificFirst(a: RouteContract, b: RouteContract): number {
  const kinds = (route: RouteContract) => route.path.split('/').map((segment) => (segment.startsWith('{') ? 1 : 0));
  const [ka, kb] = [kinds(a), kinds(b)];
  for (let i = 0; i < Math.min(ka.length, kb.length); i += 1) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return ka.length - kb.length;
}

/** API Gateway's own answers (not the handlers'): same bodies as AWS sends. */
function sendGatewayError(res: http.ServerResponse, statusCode: number, message: string): void {
  res.writeHead(statusCode, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lambdaContext(feature: Feature, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `coopol-local-${feature}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-3:000000000000:function:coopol-local-${feature}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/coopol-local-${feature}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function decodePathParameters(names: string[], values: string[]): Record<string, string> | null {
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

const textTypes = /^(text\/|application\/(json|.*\+json|x-www-form-urlencoded|xml|javascript))/i;

export function createGateway(options: GatewayOptions): http.Server {
  const compiled = [...options.routes].sort(moreSpecificFirst).map(compile);
  const jwks = createRemoteJWKSet(new URL(options.jwt.jwksUrl));
  const maxPayload = options.maxPayloadBytes ?? 10 * 1024 * 1024;

  /** What API Gateway's JWT authorizer checks; returns the claims or null (→ 401). */
  async function authorize(header: string | undefined): Promise<JWTPayload | null> {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: options.jwt.issuer, algorithms: ['RS256'] });
      const audiences = [payload.aud, payload.client_id].flat().filter((a): a is string => typeof a === 'string');
      if (!audiences.some((a) => options.jwt.audience.includes(a))) return null;
      return payload;
    } catch {
      return null;
    }
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const match = compiled
      .filter((c) => c.route.method === method)
      .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
      .find((x) => x.m);
    if (!match) return sendGatewayError(res, 404, 'Not Found');
    const { route, paramNames } = match.c;

    let claims: JWTPayload | null = null;
    if (route.auth === 'jwt') {
      claims = await authorize(req.headers.authorization);
      if (!claims) return sendGatewayError(res, 401, 'Unauthorized');
    }

    const body = await readBody(req, maxPayload);
    if (body === 'too-large') return sendGatewayError(res, 413, 'Request Entity Too Large');

    const requestId = randomUUID();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
    const pathParameters = decodePathParameters(paramNames, match.m!.slice(1));
    // A malformed escape (`%E0%A4%A`, a lone `%`) is the client's error: API Gateway answers 400.
    if (!pathParameters) return sendGatewayError(res, 400, 'Bad Request');
    const isText = body.length === 0 || textTypes.test(headers['content-type'] ?? '');
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: routeKey(route),
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      cookies: headers.cookie?.split(/;\s*/),
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: paramNames.length ? pathParameters : undefined,
      body: body.length ? body.toString(isText ? 'utf8' : 'base64') : undefined,
      isBase64Encoded: !isText,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? '127.0.0.1',
        domainPrefix: 'local',
        http: {
          method,
          path: url.pathname,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: routeKey(route),
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
        authorizer: claims
          ? {
              principalId: '',
              integrationLatency: 0,
              jwt: {
                // API Gateway passes claims as strings, arrays flattened to "[a b]".
                claims: Object.fromEntries(
                  Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : (v as string | number | boolean)]),
                ),
                scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
              },
            }
          : (undefined as never),
      },
    };

    let result: APIGatewayProxyResultV2;
    try {
      const handler = await options.loadHandler(route.feature);
      result = await handler(event, lambdaContext(route.feature, requestId));
    } catch (error) {
      // An uncaught throw is a Lambda failure: API Gateway answers a bare 500.
      console.error(`[gateway] ${routeKey(route)} failed:`, error);
      return sendGatewayError(res, 500, 'Internal Server Error');
    }
    if (typeof result === 'string') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(result);
      return;
    }
    const outHeaders: http.OutgoingHttpHeaders = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    if (result.cookies?.length) outHeaders['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, outHeaders);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
  }

  // The build's scripts never change under their names: each is compressed once.
  const brotliScripts = new Map<string, Buffer>();
  function sendBrotli(path: string, upstreamRes: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
    upstreamRes.on('end', () => {
      let body = brotliScripts.get(path);
      if (!body) brotliScripts.set(path, (body = brotli(Buffer.concat(chunks))));
      const headers = { ...upstreamRes.headers, 'content-encoding': 'br', 'content-length': String(body.length), vary: 'Accept-Encoding' };
      res.writeHead(200, headers);
      res.end(body);
    });
    upstreamRes.on('error', () => res.destroy());
  }

  function proxyToWeb(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!options.webOrigin) return sendGatewayError(res, 404, 'Not Found');
    const target = new URL(req.url ?? '/', options.webOrigin);
    // As CloudFront's viewer-request function on the static files: the precompressed copy for a browser taking brotli.
    const precompressed = req.method === 'GET' && precompressedScript.test(target.pathname) && acceptsBrotli(req.headers['accept-encoding']);
    const upstream = http.request(
      target,
      {
        method: req.method,
        // As CloudFront's viewer-request function: the browser's address, overwriting whatever it sent.
        headers: {
          ...req.headers,
          host: target.host,
          'x-forwarded-host': req.headers.host ?? '',
          'x-coopol-viewer-ip': req.socket.remoteAddress ?? '',
          ...(precompressed && { 'accept-encoding': 'identity' }),
        },
      },
      (upstreamRes) => {
        if (precompressed && upstreamRes.statusCode === 200 && !upstreamRes.headers['content-encoding']) return sendBrotli(target.pathname, upstreamRes, res);
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) sendGatewayError(res, 502, 'Bad Gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (realtime?.serveConnections(req, res, url)) return;
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      serveApi(req, res, url).catch((error: unknown) => {
        console.error('[gateway] unexpected failure:', error);
        if (!res.headersSent) sendGatewayError(res, 500, 'Internal Server Error');
      });
      return;
    }
    proxyToWeb(req, res);
  });
  const realtime = options.realtime ? attachRealtime(server, options.realtime) : undefined;
  return server;
}
