/**
 * Domain errors: each carries the HTTP status it maps to, a stable machine code and whether its
 * message may be shown to the caller. The error middleware turns them into
 * `{ statusCode, error, message, details }`; anything else becomes a bare 500.
 */
export interface FieldIssue {
  /** Where the problem is: `body.email`, `params.sectionId`, `query.limit`… */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly expose: boolean = true;
  /** HTTP headers the answer carries with this error (e.g. Retry-After). */
  headers: Record<string, string> = {};
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON() {
    return {
      statusCode: this.statusCode,
      error: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export class ValidationError extends DomainError {
  constructor(details: FieldIssue[], message = 'La requête contient des champs invalides.') {
    super(400, 'ValidationError', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Connexion requise.') {
    super(401, 'Unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Vous n'avez pas le droit d'accéder à cette ressource.") {
    super(403, 'Forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, field?: string) {
    super(404, 'NotFound', `${what} introuvable.`, field ? [{ field, message: `${what} introuvable.` }] : undefined);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: FieldIssue[]) {
    super(409, 'Conflict', message, details);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'PayloadTooLarge', `Le contenu envoyé dépasse la taille maximale (${limitBytes} octets).`, [
      { field: 'body', message: `au plus ${limitBytes} octets` },
    ]);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(expected: 'application/json' | 'text/csv') {
    super(415, 'UnsupportedMediaType', `Le contenu doit être envoyé en ${expected === 'text/csv' ? 'CSV' : 'JSON'} (Content-Type: ${expected}).`, [
      { field: 'headers.content-type', message: `${expected} attendu` },
    ]);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'TooManyRequests', message);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}
