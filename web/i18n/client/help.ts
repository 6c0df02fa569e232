import { createTranslator, type Dictionary } from '../translate';

/**
 * The help centre’s search (`HelpSearch`).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frHelp = {
  'help.searchLabel': 'Que voulez-vous faire\u00a0?',
  'help.searchPlaceholder': 'Par exemple\u00a0: créneau, publier, vague',
  'help.searchSubmit': 'Chercher',
  'help.noResult': 'Aucune page d’aide ne correspond. Essayez un autre mot, ou parcourez la liste.',
  'help.resultCount': { one: '{count} page correspond', other: '{count} pages correspondent' },
  'help.listLabel': 'Pages d’aide',
} as const satisfies Dictionary;

export const { t, tc } = createTranslator<typeof frHelp>(frHelp);
