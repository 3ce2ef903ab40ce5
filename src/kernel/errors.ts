/**
 * One error type for the whole platform. Every failure a caller can act on is an AppError with a
 * machine-readable code; the HTTP layer maps the code to a status with STATUS_BY_CODE and the CLI
 * maps any AppError to exit 2. Anything else is a bug and becomes a bare 500.
 */
export const STATUS_BY_CODE = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  duplicate: 409,
  /** The applicant's identity is not verified (yet) and the item requires it. */
  identity_pending: 409,
  /** Prefill would look up the citizen's data through the exchange, and they have not consented (yet). */
  consent_required: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** 409 for a workflow action the current state does not allow, naming the actions it does. */
export function illegalTransition(action: string, state: string, allowed: readonly string[]): AppError {
  return new AppError('illegal_transition', `action "${action}" is not allowed in state "${state}"`, {
    action,
    state,
    allowedActions: [...allowed],
  });
}

export function notFound(what: string, id: string | number): AppError {
  return new AppError('not_found', `${what} ${id} not found`, { what, id });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
