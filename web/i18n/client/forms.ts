import { createTranslator, type Dictionary } from '../translate';

/**
 * The fields of forms (`components/forms/`).
 * One dictionary per client feature: a page's scripts carry the strings of the components it draws (ADR 0026).
 */
export const frForms = {
  'form.optional': '(facultatif)',
  'form.showPassword': 'Afficher',
  'form.sending': 'Envoi en cours…',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frForms>(frForms);
