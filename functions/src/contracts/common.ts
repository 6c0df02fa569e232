import * as z from 'zod';
import { frErrors, type ErrorCode as Code } from './errors';

/** Every stable code of a refusal (the catalogue of contracts/errors.ts). */
export const ErrorCode = z.enum(Object.keys(frErrors) as [Code, ...Code[]]).meta({ id: 'ErrorCode', description: 'Code stable du refus (ADR 0018).' });
export type ErrorCode = Code;

/** The error body every route answers with on failure. */
export const ErrorResponse = z
  .object({
    statusCode: z.number().int(),
    /** The class of the refusal (`Conflict`, `NotFound`…), as before codes existed. */
    error: z.string(),
    /** The refusal's stable code (ADR 0018): what the web translates. */
    code: ErrorCode,
    /** The code's parameters (`slot.full`: the other slots still missing people). */
    params: z.record(z.string(), z.unknown()),
    /** The refusal in French, written from the catalogue. */
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ErrorResponse', description: "Erreur : code HTTP, code stable, message en français, champs en cause." });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Opaque cursor for the next page; absent on the last page. */
export const Cursor = z.string().min(1).max(2048);

export const PageQuery = z.object({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ items: z.array(item), nextCursor: Cursor.nullable() })
    .meta({ id });
}

/**
 * An instant, the one date-time form of the API (ADR 0019): ISO 8601 with an explicit offset —
 * `2031-05-17T09:00:00+02:00` as a form sends it, `2031-05-17T07:00:00.000Z` as the API answers.
 * A time without an offset (`2031-05-17T09:00`, the Paris wall-clock that events once took) is
 * refused with this field named: only the client knows which zone it meant. Calendar days stay
 * `AAAA-MM-JJ` (`z.iso.date()`), read as Paris days.
 */
export const Instant = z
  .iso.datetime({ offset: true, error: 'date et heure ISO 8601 avec décalage attendues (ex. 2031-05-17T09:00:00+02:00)' })
  .meta({ description: 'Instant ISO 8601 avec décalage explicite : 2031-05-17T09:00:00+02:00 ou 2031-05-17T07:00:00Z', example: '2031-05-17T09:00:00+02:00' });

// Texts people type. Normalised to NFC (so « é » typed two ways is one name, one search word), and
// refused when they hold what no reader can see or trust: control characters (NUL, CR/LF in a name),
// bidirectional overrides and isolates (a name that displays reversed), zero-width characters (two
// names that look the same). Free texts keep their line breaks and tabs, and the joiner of emoji.
const controls = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
const bidi = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const zeroWidth = '\\u200b\\u200c\\u200d\\u2060\\ufeff';
// Each invisible character is listed alone, on purpose (the joiner U+200D among them).
// eslint-disable-next-line no-misleading-character-class
const notInLine = new RegExp(`[${controls}\\t\\n\\r${bidi}${zeroWidth}]`, 'u');
const notInProse = new RegExp(`[${controls}${bidi}\\u200b\\u2060\\ufeff]`, 'u');

const thousands = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

interface TextBounds {
  min?: number;
  max: number;
  /** The refusal under `min`, when « au moins N caractères » is not the right word. */
  minMessage?: string;
}

function bounded(schema: z.ZodString, { min, max, minMessage }: TextBounds) {
  let s = schema;
  if (min) s = s.min(min, minMessage ?? (min === 1 ? 'obligatoire' : `au moins ${min} caractères`));
  return s.max(max, `au plus ${thousands(max)} caractères`);
}

/** One line: a name, a title, a label — NFC, trimmed, no control, bidi or zero-width character. */
export function lineText(bounds: TextBounds) {
  return bounded(
    z
      .string()
      .overwrite((s) => s.normalize('NFC'))
      .trim()
      .refine((s) => !notInLine.test(s), 'caractère invisible ou de contrôle interdit (retour à la ligne, direction du texte…)'),
    bounds,
  );
}

/** Several lines: a post, a description, remarks — NFC, trimmed, line breaks kept (CRLF → LF). */
export function proseText(bounds: TextBounds) {
  return bounded(
    z
      .string()
      .overwrite((s) => s.normalize('NFC').replace(/\r\n?/g, '\n'))
      .trim()
      .refine((s) => !notInProse.test(s), 'caractère invisible ou de contrôle interdit (direction du texte, caractère nul…)'),
    bounds,
  );
}

// ——— Who, and « done »: shared by every feature's contracts (here, so that a Lambda importing them
// does not bundle the identity contracts too) ———

export const Email = z
  .email('adresse e-mail invalide')
  .max(254)
  .transform((email) => email.trim().toLowerCase());
export const PersonName = lineText({ min: 1, max: 80 });
export const UserId = z.string().regex(/^[\w-]{8,64}$/, 'identifiant de personne');
export const Done = z.object({ ok: z.literal(true) }).meta({ id: 'Done' });
