import type { Dictionary } from './translate';

/**
 * The French strings of the client components of every page — the header's bell —, apart from
 * `fr-client.ts` so that every page's first load carries only these (ADR 0026). The error pages'
 * are in `client/error-page.ts`, fetched with the error card when an error happens.
 */
export const frShell = {
  'bell.label': { zero: 'Alertes', one: 'Alertes : {count} non lue', other: 'Alertes : {count} non lues' },
  'bell.latest': 'Dernières notifications',
  'bell.loading': 'Chargement…',
  'bell.none': 'Aucune notification.',
  'bell.failed': 'Les notifications n’ont pas pu être lues. Réessayez dans un instant.',
  'bell.all': 'Toutes les notifications',
  'bell.unread': 'non lue',
} as const satisfies Dictionary;
