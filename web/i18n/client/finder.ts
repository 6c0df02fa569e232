import { createTranslator, type Dictionary, type TextKeyOf } from '../translate';

/**
 * The postal code finder (`PostalCodeFinder`), loaded with its lazy chunk on the landing and « Trouver ma section ».
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frFinder = {
  'finder.heading': 'Trouver ma section',
  'finder.intro': 'Votre code postal vous mène à votre section, à votre fédération et à votre région.',
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
  'finder.section': { one: 'Section', other: 'Sections' },
  'finder.noSection': 'Pas encore de section à {communes} :',
  'finder.federationSections': 'les sections de la fédération',
  'finder.open': 'Coopol est ouvert ici : vous pouvez créer votre compte dès maintenant.',
  'finder.notOpen': 'Coopol n’est pas encore ouvert ici. Pré-inscrivez-vous : nous vous écrirons le jour de l’ouverture.',
  'finder.signUp': 'Créer un compte',
  'finder.preregister': 'Me pré-inscrire',
  'finder.eventsNear': 'Les évènements publics près de chez moi',
} as const satisfies Dictionary;

export const { t, tc } = createTranslator<typeof frFinder>(frFinder);
export type FinderTextKey = TextKeyOf<typeof frFinder>;
