import { frShell } from './fr-shell';
import { createTranslator } from './translate';

/** The i18n layer of the client components on every page (bell, error pages): only their strings travel. */
export const htmlLang = 'fr';
export const { t, tc } = createTranslator<typeof frShell>(frShell);
