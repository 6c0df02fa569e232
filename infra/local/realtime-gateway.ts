import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayAuthorizerResult, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The local stand-in for API Gateway's WebSocket API (ADR 0029), on the site's origin at `/ws`:
 * - an upgrade runs the same `$connect` authorizer and the `$connect` route of the same handler
 *   modules AWS runs (functions/src/realtime/), with the events API Gateway builds;
 * - each text frame goes to `$default`, whose answer goes back on the socket (a route response);
 * - a closed socket runs `$disconnect`;
 * - `POST/GET/DELETE /@connections/{id}` is the management API the real SDK client calls
 *   (`@aws-sdk/client-apigatewaymanagementapi` with the site as its endpoint): a connection that is
 *   not open answers 410 GoneException, as AWS does. Only a request signed with the stack's access
 *   key is served (AWS checks IAM), so a page of the site cannot push to someone else's tab.
 */
export interface RealtimeHandlers {
  authorizer: (event: unknown) => Promise<APIGatewayAuthorizerResult>;
  connections: (event: unknown) => Promise<APIGatewayProxyResultV2>;
}

export interface RealtimeGatewayOptions {
  load: () => Promise<RealtimeHandlers>;
  /** The access key id the local SDK clients sign with (infra/local/provision.ts). */
  accessKeyId: string;
}

/** API Gateway's limit on a WebSocket frame. */
const maxFrameBytes = 32 * 1024;

interface Connection {
  socket?: WebSocket;
  /** Frames pushed between `$connect` and the socket being open are sent when it opens. */
  pending: string[];
  connectedAt: string;
  sourceIp: string;
  userAgent: string;
}

const statusOf = (result: APIGatewayProxyResultV2) => (typeof result === 'string' ? 200 : (result.statusCode ?? 200));
const bodyOf = (result: APIGatewayProxyResultV2) => (typeof result === 'string' ? result : (result as APIGatewayProxyStructuredResultV2).body);

export function attachRealtime(server: http.Server, options: RealtimeGatewayOptions): {
  serveConnections: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean;
} {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  const connections = new Map<string, Connection>();

  const requestContext = (routeKey: string, eventType: string, connectionId: string, extra: Record<string, unknown> = {}) => ({
    routeKey,
    eventType,
    connectionId,
    messageId: randomBytes(6).toString('base64'),
    extendedRequestId: randomBytes(6).toString('base64'),
    requestId: randomBytes(6).toString('base64'),
    apiId: 'local',
    stage: 'local',
    domainName: '127.0.0.1',
    messageDirection: 'IN',
    connectedAt: Date.now(),
    requestTimeEpoch: Date.now(),
    requestTime: new Date().toUTCString(),
    ...extra,
  });

  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
    void (async () => {
      const handlers = await options.load();
      // API Gateway's connection ids: 12 random bytes, base64 (with `=`: the SDK escapes it in the path).
      const connectionId = randomBytes(12).toString('base64');
      const queryStringParameters = Object.fromEntries(url.searchParams);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
      const decision = await handlers.authorizer({
        type: 'REQUEST',
        methodArn: 'arn:aws:execute-api:eu-west-3:000000000000:local/local/$connect',
        headers,
        queryStringParameters,
        requestContext: requestContext('$connect', 'CONNECT', connectionId),
      });
      const allowed = decision.policyDocument.Statement.some((s) => 'Effect' in s && s.Effect === 'Allow');
      if (!allowed) return refuse(socket, 403, 'Forbidden');
      const connection: Connection = { pending: [], connectedAt: new Date().toISOString(), sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' };
      connections.set(connectionId, connection);
      const connected = await handlers.connections({
        headers,
        queryStringParameters,
        isBase64Encoded: false,
        requestContext: requestContext('$connect', 'CONNECT', connectionId, { authorizer: { principalId: decision.principalId, ...decision.context } }),
      });
      if (statusOf(connected) >= 300) {
        connections.delete(connectionId);
        return refuse(socket, statusOf(connected), 'Refused');
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        connection.socket = ws;
        for (const frame of connection.pending.splice(0)) ws.send(frame);
        ws.on('message', (data, isBinary) => {
          void handlers
            .connections({ body: isBinary ? Buffer.from(data as Buffer).toString('base64') : data.toString(), isBase64Encoded: isBinary, requestContext: requestContext('$default', 'MESSAGE', connectionId) })
            .then((answer) => {
              const body = bodyOf(answer);
              if (body && ws.readyState === ws.OPEN) ws.send(body);
            })
            .catch((error: unknown) => console.error('[gateway] $default failed:', error));
        });
        ws.on('close', () => {
          connections.delete(connectionId);
          void handlers
            .connections({ isBase64Encoded: false, requestContext: requestContext('$disconnect', 'DISCONNECT', connectionId, { disconnectStatusCode: 1000 }) })
            .catch((error: unknown) => console.error('[gateway] $disconnect failed:', error));
        });
      });
    })().catch((error: unknown) => {
      console.error('[gateway] $connect failed:', error);
      refuse(socket, 500, 'Internal Server Error');
    });
  });

  // A stopping stack closes the open sockets, or the server would wait for them.
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const client of wss.clients) client.terminate();
    return close(callback);
  }) as typeof server.close;

  const gone = (res: http.ServerResponse) => {
    res.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' });
    res.end(JSON.stringify({ message: 'The connection is gone' }));
  };

  /** The management API; false when the request is not one of its paths. */
  function serveConnections(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
    const match = /^\/@connections\/([^/]+)$/.exec(url.pathname);
    if (!match) return false;
    const signed = (req.headers.authorization ?? '').startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`);
    if (!signed) {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' });
      res.end(JSON.stringify({ message: 'Forbidden' }));
      return true;
    }
    const connectionId = decodeURIComponent(match[1]!);
    const connection = connections.get(connectionId);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!connection) return gone(res);
      if (req.method === 'POST') {
        const frame = Buffer.concat(chunks).toString('utf8');
        if (Buffer.byteLength(frame) > maxFrameBytes) {
          res.writeHead(413, { 'content-type': 'application/json', 'x-amzn-errortype': 'PayloadTooLargeException' });
          res.end(JSON.stringify({ message: 'Payload too large' }));
          return;
        }
        if (connection.socket) connection.socket.send(frame);
        else connection.pending.push(frame);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      } else if (req.method === 'DELETE') {
        connection.socket?.close(1000);
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ConnectedAt: connection.connectedAt, LastActiveAt: connection.connectedAt, Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent } }));
      }
    });
    return true;
  }

  return { serveConnections };
}
