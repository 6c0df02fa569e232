import { createTranslator, type Dictionary } from '../translate';

/**
 * The error pages (`app/error.tsx`'s card, `app/global-error.tsx`): fetched when an error happens.
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frErrorPage = {
  'site.name': 'Coopol',
  'error.heading': 'Un problème est survenu',
  'error.text':
    'Nous n’avons pas pu afficher cette page. Le service est peut-être momentanément indisponible\u00a0; réessayez dans un instant.',
  'error.retry': 'Réessayer',
  'error.home': 'Revenir à l’accueil',
  'error.reference': 'Référence de l’erreur\u00a0: {digest}',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frErrorPage>(frErrorPage);
