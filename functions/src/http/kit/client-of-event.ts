import { createHmac, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/**
 * Who sent a request on the network, for the per-client limits. API Gateway's sourceIp is the
 * browser's only when the browser reaches it directly (locally, through the gateway). In AWS:
 * - a page or a form goes through the site's server, which calls the API from its own address: it
 *   passes the browser's in `x-coopol-viewer: <ip> <signature>`, signed with the key the site and
 *   the API share (COOPOL_VIEWER_KEY);
 * - a browser's `/api/*` call comes through CloudFront, whose viewer-request function writes the
 *   browser's address in `x-coopol-viewer-ip` and whose origin adds `x-coopol-edge: <the key>`.
 * An address neither signed nor vouched for is ignored: no caller chooses whose limit it spends.
 */
export const VIEWER_HEADER = 'x-coopol-viewer';
export const EDGE_HEADER = 'x-coopol-edge';
export const VIEWER_IP_HEADER = 'x-coopol-viewer-ip';

const same = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

export const viewerSignature = (key: string, ip: string) => createHmac('sha256', key).update(ip).digest('base64url');

export function clientOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): { ip: string } {
  const source = event.requestContext.http?.sourceIp ?? 'unknown';
  const key = process.env.COOPOL_VIEWER_KEY;
  const headers = event.headers ?? {};
  if (!key) return { ip: source };
  const [ip, signature] = (headers[VIEWER_HEADER] ?? '').split(' ');
  if (ip && signature && same(signature, viewerSignature(key, ip))) return { ip };
  const edge = headers[EDGE_HEADER];
  const viewerIp = headers[VIEWER_IP_HEADER];
  if (edge && viewerIp && same(edge, key)) return { ip: viewerIp };
  return { ip: source };
}
