import { headers } from 'next/headers';
import { VIEWER_HEADER, viewerSignature } from '../../functions/src/http/kit/client-of-event';

/**
 * The browser's address, passed to the API by the site's server so that per-client limits count
 * browsers, not the site (see functions/src/http/kit/client-of-event.ts). The address comes from
 * `x-coopol-viewer-ip`, which CloudFront's viewer-request function (locally, the gateway) sets and
 * overwrites; it is signed with the key the API shares. Outside a request (the proxy) there is none.
 */
export async function viewerHeaders(): Promise<Record<string, string>> {
  const key = process.env.COOPOL_VIEWER_KEY;
  if (!key) return {};
  let ip: string | null;
  try {
    ip = (await headers()).get('x-coopol-viewer-ip');
  } catch {
    return {};
  }
  if (!ip || /\s/.test(ip)) return {};
  return { [VIEWER_HEADER]: `${ip} ${viewerSignature(key, ip)}` };
}
