import { createTranslator, type Dictionary } from '../translate';

/**
 * The guided tours' buttons (driver.js's), fetched with driver.js when a tour starts (`GuidedTour`).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frTour = {
  'tour.progress': '{{current}} sur {{total}}',
  'tour.next': 'Suivant',
  'tour.previous': 'Précédent',
  'tour.done': 'Terminer',
  'tour.close': 'Fermer la visite',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frTour>(frTour);
