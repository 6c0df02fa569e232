import { fr } from './fr';
import { createTranslator, type MessagesOf, type PluralKeyOf, type TextKeyOf } from './translate';

/**
 * The i18n layer for server components: every UI string is a key of the French dictionary, so an
 * English dictionary typed `Messages` can follow without touching the pages. Client components use
 * `i18n/shell` (every page) or their feature's `i18n/client/*`, which carry only their own strings.
 */
export type TextKey = TextKeyOf<typeof fr>;
export type PluralKey = PluralKeyOf<typeof fr>;
export type Messages = MessagesOf<typeof fr>;

export { htmlLang } from './shell';
export const { t, tc } = createTranslator<typeof fr>(fr);

/** Sorts names the French way (É with E, case-insensitive, numbers by value). */
export const compareNames = new Intl.Collator('fr-FR', { sensitivity: 'base', numeric: true }).compare;

const collator = new Intl.Collator('fr-FR', { numeric: true });
/** Sorts département codes as people read them: 01 … 19, 2A, 2B, 21 … 95, 971 … */
export function compareDepartementCodes(a: string, b: string): number {
  const key = (code: string) => code.replace(/^2([AB])$/, '20$1');
  return collator.compare(key(a), key(b));
}
