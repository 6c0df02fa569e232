import { createTranslator, type Dictionary } from '../translate';

/**
 * The bell's list (`BellList`), fetched with it when the bell is first opened; the bell's count is in
 * `fr-shell.ts` (every page), its list's title and link drawn by the server.
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frBell = {
  'bell.loading': 'Chargement…',
  'bell.none': 'Aucune notification.',
  'bell.failed': 'Les notifications n’ont pas pu être lues. Réessayez dans un instant.',
  'bell.unread': 'non lue',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frBell>(frBell);
