import * as z from 'zod';
import { readConfig } from './config';

const config = readConfig({
  /** The site's public origin (`https://coopol.example`): links in mails point there. */
  SITE_URL: z.url(),
});

/** An absolute link to a page of the site. */
export const siteLink = (path: string) => new URL(path, config.SITE_URL).toString();
