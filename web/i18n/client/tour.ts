import { createTranslator, type Dictionary } from '../translate';

/**
 * The guided tours (`GuidedTour`, driver.js’s buttons), loaded with the tour’s button.
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frTour = {
  'tour.start': 'Visite guidée de la page',
  'tour.progress': '{{current}} sur {{total}}',
  'tour.next': 'Suivant',
  'tour.previous': 'Précédent',
  'tour.done': 'Terminer',
  'tour.close': 'Fermer la visite',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frTour>(frTour);
