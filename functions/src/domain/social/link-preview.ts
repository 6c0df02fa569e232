import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import * as z from 'zod';
import { readConfig } from '../../shared/config';
import { ValidationError } from '../errors';

/**
 * Link previews are fetched by our servers, so an address typed by anyone must never make them
 * reach a private network, the machine itself or the cloud's metadata service (SSRF):
 * - only http and https on their usual ports;
 * - the host is resolved first and **every** address it resolves to must be public unicast
 *   (ipaddr.js's ranges: loopback, private, link-local — 169.254.169.254 included —, carrier NAT,
 *   unique-local IPv6 — AWS's fd00:ec2::254 too —, 6to4, Teredo, NAT64 and every reserved range are
 *   refused; an IPv6 address that carries an IPv4 one, mapped or compatible, is judged as that IPv4);
 * - the connection goes to the address that was checked (the socket's lookup returns it), so a DNS
 *   answer that changes between the check and the connection (rebinding) changes nothing;
 * - redirects are followed by hand, at most 3, each new address checked the same way;
 * - 4 s in all — a deadline for the whole preview, redirects and a slowly dripping page included,
 *   not an idle timeout —, 512 KB read at most, HTML only.
 * LINK_PREVIEW_ALLOWED_ORIGINS lists origins exempt from the address check: the test stack sets it
 * to its own fixture page on 127.0.0.1; it is unset in AWS.
 */
const config = readConfig({ LINK_PREVIEW_ALLOWED_ORIGINS: z.string().optional() });
const allowedOrigins = new Set((config.LINK_PREVIEW_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean));

const TIMEOUT_MS = 4000;
const MAX_BYTES = 512 * 1024;
const MAX_REDIRECTS = 3;

export interface LinkPreview {
  url: string;
  title?: string;
  description?: string;
  image?: string;
}

/** Refused: the address leads somewhere our servers must not go. */
export class UnsafeAddressError extends ValidationError {
  constructor(field: string, reason: string) {
    super([{ field, message: `adresse refusée : ${reason}` }], 'address.unreadable');
  }
}

/**
 * The IPv4 address an IPv6 one carries and connects to: IPv4-mapped (`::ffff:0:0/96`) and
 * IPv4-compatible (`::/96`, deprecated but still routed to the IPv4 it spells: `::7f00:1` is 127.0.0.1).
 */
function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const [a, b, c, d, e, f, high, low] = address.parts as [number, number, number, number, number, number, number, number];
  if (a || b || c || d || e || f) return undefined;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Whether an IP address is public unicast (the only kind a preview may connect to). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') parsed = carriedIPv4(parsed as ipaddr.IPv6) ?? parsed;
  return parsed.range() === 'unicast';
}

/** The checked addresses of a URL's host (every one public), or a refusal naming `field`. */
async function checkedAddress(url: URL, field: string): Promise<{ address: string; family: 4 | 6 } | 'exempt'> {
  if (allowedOrigins.has(url.origin)) return 'exempt';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeAddressError(field, 'seules les adresses http et https sont lues');
  if (url.port && url.port !== '80' && url.port !== '443') throw new UnsafeAddressError(field, 'port non standard');
  if (url.username || url.password) throw new UnsafeAddressError(field, 'identifiants dans l’adresse');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    addresses = await lookup(host, { all: true, verbatim: true }).catch(() => {
      throw new UnsafeAddressError(field, 'nom de domaine inconnu');
    });
  }
  if (!addresses.length || addresses.some((a) => !isPublicAddress(a.address))) throw new UnsafeAddressError(field, 'adresse privée, locale ou réservée');
  return { address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}

interface Fetched {
  status: number;
  location?: string;
  contentType: string;
  body: string;
}

function get(url: URL, pinned: { address: string; family: 4 | 6 } | 'exempt', deadline: number): Promise<Fetched> {
  const pinnedLookup: LookupFunction | undefined =
    pinned === 'exempt'
      ? undefined
      : (_host, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Fetched>((resolve, reject) => {
    const request = client.get(
      url,
      {
        lookup: pinnedLookup,
        headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'CoopolBot/1.0 (aperçu de lien)', 'accept-language': 'fr' },
      },
      (response) => {
        const contentType = String(response.headers['content-type'] ?? '');
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({ status, location: response.headers.location, contentType, body: '' });
          return;
        }
        if (status !== 200 || !/text\/html|application\/xhtml/.test(contentType)) {
          response.resume();
          resolve({ status, contentType, body: '' });
          return;
        }
        let size = 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            response.destroy();
            resolve({ status, contentType, body: Buffer.concat(chunks).toString('utf8') });
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, contentType, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    // The whole exchange ends at the deadline, however slowly the server sends its bytes (destroying
    // a request that already ended does nothing).
    const timer = setTimeout(() => request.destroy(new Error('deadline')), Math.max(1, deadline - Date.now()));
    request.on('close', () => clearTimeout(timer));
  });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };
const decode = (text: string) =>
  text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
      }
      return entities[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();

function meta(html: string, names: string[]): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /\b(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    if (key && names.includes(key) && content) return decode(content[1] ?? content[2] ?? '');
  }
  return undefined;
}

const clip = (text: string | undefined, max: number) => (text ? (text.length > max ? `${text.slice(0, max - 1)}…` : text) : undefined);

/** What the page says of itself: title, description, image (an absolute http(s) address). Pure text, never HTML. */
export function parsePreview(url: string, html: string): LinkPreview {
  const head = html.slice(0, 200_000);
  const title = meta(head, ['og:title', 'twitter:title']) ?? (/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ? decode(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)![1]!) : undefined);
  const description = meta(head, ['og:description', 'twitter:description', 'description']);
  let image: string | undefined;
  const rawImage = meta(head, ['og:image', 'og:image:url', 'twitter:image']);
  if (rawImage) {
    try {
      const resolved = new URL(rawImage, url);
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:') image = resolved.href;
    } catch {
      /* no image */
    }
  }
  return { url, title: clip(title, 200), description: clip(description, 500), image };
}

/**
 * The preview of a web page, read under the rules above. An address that leads somewhere forbidden
 * (at first or through a redirect) is a 400 naming `field`; a page that cannot be read gives a preview
 * with its address only.
 */
export async function fetchLinkPreview(address: string, field: string, beforeFetch?: () => Promise<void>): Promise<LinkPreview> {
  const deadline = Date.now() + TIMEOUT_MS;
  let url = new URL(address);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const pinned = await checkedAddress(url, field);
    // The caller's quota is spent on what our servers really fetch, once per preview.
    if (hop === 0 && beforeFetch) await beforeFetch();
    let fetched: Fetched;
    try {
      fetched = await get(url, pinned, deadline);
    } catch {
      return { url: address };
    }
    if (fetched.location) {
      url = new URL(fetched.location, url);
      continue;
    }
    return fetched.body ? parsePreview(address, fetched.body) : { url: address };
  }
  return { url: address };
}
