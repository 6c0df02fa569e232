import type { Dictionary } from './translate';

/**
 * The French strings of the client components of every page — the header's bell's count and the « Messages » badge —, apart
 * from `fr-client.ts` so that every page's first load carries only these (ADR 0026); its list's are
 * in `client/bell.ts`, fetched with it. The error pages'
 * are in `client/error-page.ts`, fetched with the error card when an error happens.
 */
export const frShell = {
  'bell.label': { zero: 'Alertes', one: 'Alertes : {count} non lue', other: 'Alertes : {count} non lues' },
  'messages.badge': { zero: 'Messages', one: 'Messages : {count} non lu', other: 'Messages : {count} non lus' },
} as const satisfies Dictionary;
