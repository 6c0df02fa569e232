import { ValidationError } from './errors';

/** The refusal of a cursor the API did not give (forged, stale or cut): a 400 naming `query.cursor`. */
export const invalidCursor = () => new ValidationError([{ field: 'query.cursor', message: 'curseur de pagination invalide' }]);

/**
 * A page query's failure, for `.catch()` after ElectroDB's `go({ cursor })`: a bad cursor when the
 * caller gave one (ElectroDB cannot read it), else the error itself.
 */
export const badCursor = (cursor: string | undefined) => (error: unknown) => {
  if (cursor) throw invalidCursor();
  throw error;
};
