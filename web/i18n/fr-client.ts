import type { Dictionary } from './translate';

/** The French strings of client components (error pages, postal code finder, forms, photo): all the browser downloads. */
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
  'form.optional': '(facultatif)',
  'form.showPassword': 'Afficher',
  'form.sending': 'Envoi en cours…',
  'photo.choose': 'Choisir une photo',
  'photo.hint': 'JPEG, PNG ou WebP, 5\u00a0Mo au plus.',
  'photo.errorType': 'Ce fichier n’est pas une photo JPEG, PNG ou WebP.',
  'photo.errorSize': 'Cette photo dépasse 5\u00a0Mo\u00a0: choisissez-en une plus légère.',
  'photo.uploading': 'Envoi de la photo…',
  'photo.done': 'Votre photo est en place.',
  'photo.failed': 'La photo n’a pas pu être envoyée. Réessayez dans un instant.',
  'photo.noscript': 'L’envoi d’une photo demande que JavaScript soit activé dans votre navigateur.',
} as const satisfies Dictionary;
