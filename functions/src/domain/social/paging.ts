import { ValidationError } from '../errors';

/** A page query's failure: a 400 naming `query.cursor` when the caller gave a cursor (a forged or stale one), else the error itself. */
export const badCursor = (cursor: string | undefined) => (error: unknown) => {
  if (cursor) throw new ValidationError([{ field: 'query.cursor', message: 'curseur de pagination invalide' }]);
  throw error;
};
