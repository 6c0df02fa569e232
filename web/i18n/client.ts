import { frClient } from './fr-client';
import { createTranslator, type MessagesOf, type TextKeyOf } from './translate';

/** The i18n layer for client components: only their strings travel to the browser. */
export type ClientTextKey = TextKeyOf<typeof frClient>;
export type ClientMessages = MessagesOf<typeof frClient>;

export { htmlLang } from './shell';
export const { t, tc } = createTranslator<typeof frClient>(frClient);
