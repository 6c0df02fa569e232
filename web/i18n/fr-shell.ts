import type { Dictionary } from './translate';

/**
 * The French strings of the client components of every page — the header's bell and the error pages —,
 * apart from `fr-client.ts` so that every page's first load carries only these (ADR 0026).
 */
export const frShell = {
  'site.name': 'Coopol',
  'error.heading': 'Un problème est survenu',
  'error.text':
    'Nous n’avons pas pu afficher cette page. Le service est peut-être momentanément indisponible\u00a0; réessayez dans un instant.',
  'error.retry': 'Réessayer',
  'error.home': 'Revenir à l’accueil',
  'error.reference': 'Référence de l’erreur\u00a0: {digest}',
  'bell.label': { zero: 'Alertes', one: 'Alertes : {count} non lue', other: 'Alertes : {count} non lues' },
  'bell.latest': 'Dernières notifications',
  'bell.loading': 'Chargement…',
  'bell.none': 'Aucune notification.',
  'bell.failed': 'Les notifications n’ont pas pu être lues. Réessayez dans un instant.',
  'bell.all': 'Toutes les notifications',
  'bell.unread': 'non lue',
} as const satisfies Dictionary;
