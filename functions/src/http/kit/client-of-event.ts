import { createHmac, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/**
 * Who sent a request on the network, for the per-client limits. A browser calling `/api/*` reaches
 * the API itself (its address is API Gateway's sourceIp); a page or a form goes through the site's
 * server, which calls the API from its own address — for those, the site passes the browser's
 * address in `x-coopol-viewer: <ip> <signature>`, signed with the key the site and the API share
 * (COOPOL_VIEWER_KEY): an address nobody signed is ignored, so no caller chooses whose limit it spends.
 */
export const VIEWER_HEADER = 'x-coopol-viewer';

export const viewerSignature = (key: string, ip: string) => createHmac('sha256', key).update(ip).digest('base64url');

export function clientOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): { ip: string } {
  const source = event.requestContext.http?.sourceIp ?? 'unknown';
  const key = process.env.COOPOL_VIEWER_KEY;
  const forwarded = event.headers?.[VIEWER_HEADER];
  if (!key || !forwarded) return { ip: source };
  const [ip, signature] = forwarded.split(' ');
  if (!ip || !signature) return { ip: source };
  const expected = Buffer.from(viewerSignature(key, ip));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ip } : { ip: source };
}
