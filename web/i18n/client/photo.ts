import { createTranslator, type Dictionary } from '../translate';

/**
 * The profile photo upload (`PhotoUpload`).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frPhoto = {
  'photo.choose': 'Choisir une photo',
  'photo.hint': 'JPEG, PNG ou WebP, 5\u00a0Mo au plus.',
  'photo.errorType': 'Ce fichier n’est pas une photo JPEG, PNG ou WebP.',
  'photo.errorSize': 'Cette photo dépasse 5\u00a0Mo\u00a0: choisissez-en une plus légère.',
  'photo.uploading': 'Envoi de la photo…',
  'photo.done': 'Votre photo est en place.',
  'photo.failed': 'La photo n’a pas pu être envoyée. Réessayez dans un instant.',
  'photo.noscript': 'L’envoi d’une photo demande que JavaScript soit activé dans votre navigateur.',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frPhoto>(frPhoto);
