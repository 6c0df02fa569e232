import * as z from 'zod';

/** The error body every route answers with on failure. */
export const ErrorResponse = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
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
