import { fillText } from '../../functions/src/contracts/text';

/** A text that depends on a count: `zero` (optional), `one` (0 and 1 in French), `other`. */
export interface Plural {
  zero?: string;
  one: string;
  other: string;
}

export type Dictionary = Record<string, string | Plural>;
/** Keys whose text depends on a count (`tc`). */
export type PluralKeyOf<D> = { [K in keyof D]: D[K] extends Plural ? K : never }[keyof D] & string;
/** Keys of plain texts (`t`). */
export type TextKeyOf<D> = Exclude<keyof D & string, PluralKeyOf<D>>;
/** What another language must provide for dictionary `D`: the same keys, the same kinds of entries. */
export type MessagesOf<D> = { [K in keyof D]: D[K] extends Plural ? Plural : string };

type Vars = Record<string, string | number>;

export const numberFormat = new Intl.NumberFormat('fr-FR');
const pluralRules = new Intl.PluralRules('fr-FR');

/** `t(key, vars)` for texts with `{name}` placeholders, `tc(key, count, vars)` for counted ones. */
export function createTranslator<D extends Dictionary>(messages: MessagesOf<D>) {
  const entries = messages as Record<string, string | Plural>;
  return {
    t(key: TextKeyOf<D>, vars?: Vars): string {
      return fillText(entries[key] as string, vars);
    },
    tc(key: PluralKeyOf<D>, count: number, vars?: Vars): string {
      const forms = entries[key] as Plural;
      const form =
        count === 0 && forms.zero !== undefined
          ? forms.zero
          : forms[pluralRules.select(count) === 'one' ? 'one' : 'other'];
      return fillText(form, { count, ...vars });
    },
  };
}
