import { createTranslator, type Dictionary } from '../translate';

/**
 * The composer’s file picker (`AttachmentPicker`), loaded when « + » is opened.
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frAttach = {
  'attach.choose': 'Joindre un fichier',
  'attach.hint': 'Images (JPEG, PNG, WebP, GIF), PDF, documents, tableurs et présentations (ODF ou Office), texte ou CSV — 20\u00a0Mo au plus, 10 fichiers par publication.',
  'attach.hintDocument': 'Images, PDF, documents, tableurs et présentations (ODF ou Office), texte ou CSV — 20\u00a0Mo au plus par fichier, 10 à la fois.',
  'attach.hintMessage': 'Images, PDF, documents, tableurs et présentations (ODF ou Office), texte ou CSV — 20\u00a0Mo au plus, 4 fichiers par message.',
  'attach.alt': 'Description de la prochaine image (pour qui ne la voit pas)',
  'attach.errorSize': '« {name} » dépasse 20\u00a0Mo.',
  'attach.errorCount': 'Une publication porte 10 fichiers au plus.',
  'attach.errorCountDocument': 'On partage 10 fichiers au plus à la fois.',
  'attach.errorCountMessage': 'Un message porte 4 fichiers au plus.',
  'attach.preparing': 'Préparation de « {name} »…',
  'attach.sending': 'Envoi de « {name} »…',
  'attach.checking': 'Vérification de « {name} »…',
  'attach.done': '« {name} » est prêt à être publié.',
  'attach.doneDocument': '« {name} » est prêt à être partagé.',
  'attach.doneMessage': '« {name} » est prêt à être envoyé.',
  'attach.failed': '« {name} » n’a pas pu être envoyé. Réessayez dans un instant.',
  'attach.remove': 'Retirer « {name} »',
  'attach.listLabel': 'Fichiers joints',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frAttach>(frAttach);
