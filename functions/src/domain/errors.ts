import { frenchText, reasonCode, reasonParams, type ErrorCode, type Reason } from '../contracts/errors';

/**
 * Domain errors: each carries the HTTP status it maps to, its class (`error`: `Conflict`,
 * `NotFound`…), and the refusal's stable code with its parameters (`slot.full`, ADR 0018) from the
 * one catalogue of the contracts, whose French text is the `message`. The error middleware turns
 * them into `{ statusCode, error, code, params, message, details }`; anything else becomes a bare 500.
 */
export type { ErrorCode, Reason };

export interface FieldIssue {
  /** Where the problem is: `body.email`, `params.sectionId`, `query.limit`… */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly expose: boolean = true;
  /** HTTP headers the answer carries with this error (e.g. Retry-After). */
  headers: Record<string, string> = {};
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  constructor(
    readonly statusCode: number,
    /** The class of the refusal, as the API has always named it (`Conflict`, `NotFound`…). */
    readonly error: string,
    reason: Reason,
    readonly details?: FieldIssue[],
  ) {
    super(frenchText(reason));
    this.name = new.target.name;
    this.code = reasonCode(reason);
    this.params = reasonParams(reason);
  }

  toJSON() {
    return {
      statusCode: this.statusCode,
      error: this.error,
      code: this.code,
      params: this.params,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export class ValidationError extends DomainError {
  constructor(details: FieldIssue[], reason: Reason = 'validation.invalid') {
    super(400, 'ValidationError', reason, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(reason: Reason = 'auth.required') {
    super(401, 'Unauthorized', reason);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason: Reason = 'access.forbidden', details?: FieldIssue[]) {
    super(403, 'Forbidden', reason, details);
  }
}

/** Something that does not exist — or that the caller may not know exists: the same answer. */
export class NotFoundError extends DomainError {
  constructor(reason: Reason & `${string}not-found`, field?: string) {
    super(404, 'NotFound', reason, field ? [{ field, message: frenchText(reason) }] : undefined);
  }
}

export class ConflictError extends DomainError {
  constructor(reason: Reason, details?: FieldIssue[]) {
    super(409, 'Conflict', reason, details);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'PayloadTooLarge', ['request.too-large', { limit: String(limitBytes) }], [{ field: 'body', message: `au plus ${limitBytes} octets` }]);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(expected: 'application/json' | 'text/csv') {
    super(415, 'UnsupportedMediaType', expected === 'text/csv' ? 'request.not-csv' : 'request.not-json', [
      { field: 'headers.content-type', message: `${expected} attendu` },
    ]);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    reason: Reason,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'TooManyRequests', reason);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}
