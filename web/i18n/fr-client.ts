import type { Dictionary } from './translate';

/** The French strings of client components (error pages, postal code finder): all the browser downloads. */
export const frClient = {
  'site.name': 'Coopol',
  'finder.heading': 'Trouver ma section',
  'finder.intro': 'Votre code postal vous mène à votre commune, à votre fédération et à votre région.',
  'finder.label': 'Code postal',
  'finder.hint': '5 chiffres, par exemple 68100',
  'finder.submit': 'Rechercher',
  'finder.searching': 'Recherche…',
  'finder.errorFormat': 'Un code postal compte 5 chiffres, par exemple 68100.',
  'finder.errorUnknown': 'Aucune commune ne correspond au code postal {code}. Vérifiez-le et réessayez.',
  'finder.errorUnavailable': 'La recherche n’a pas abouti. Réessayez dans un instant.',
  'finder.resultsHeading': {
    one: 'Code postal {code}\u00a0: une commune',
    other: 'Code postal {code}\u00a0: {count} communes',
  },
  'finder.commune': { one: 'Commune', other: 'Communes' },
  'finder.federation': 'Fédération',
  'finder.region': 'Région',
  'error.heading': 'Un problème est survenu',
  'error.text':
    'Nous n’avons pas pu afficher cette page. Le service est peut-être momentanément indisponible\u00a0; réessayez dans un instant.',
  'error.retry': 'Réessayer',
  'error.home': 'Revenir à l’accueil',
  'error.reference': 'Référence de l’erreur\u00a0: {digest}',
} as const satisfies Dictionary;
