import * as z from 'zod';
import { readConfig } from './config';

const config = readConfig({
  /** The site's public origin (CloudFront), for the links in mails. */
  SITE_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
});

/** An absolute link to a page of the site, e.g. `siteLink('/preinscription/confirmer', { jeton })`. */
export function siteLink(path: `/${string}`, query: Record<string, string> = {}): string {
  const url = new URL(`${config.SITE_URL}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
