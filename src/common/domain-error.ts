/**
 * Errors the service means to raise. Each carries a code; the exception filter maps codes to HTTP
 * statuses in one table, so services never think about HTTP.
 */
export const ERROR_STATUS = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  stale_version: 409,
  invalid: 400,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  busy: 429,
  too_many_attempts: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  messages: string[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError('invalid', `Invalid ${field}: ${message}`, [{ field, messages: [message] }]);
  }
}
