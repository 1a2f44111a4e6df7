/**
 * The one error type the domain throws. Adapters translate `code` into GraphQL
 * `extensions.code` and REST status codes through a single table (api/errors-map.ts),
 * so the two faces of the API can never disagree about what went wrong.
 */
export const DOMAIN_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "FAILED_PRECONDITION",
  // No seat is left: its own code, as integrators offer the waitlist for it rather than a dead end.
  "SESSION_FULL",
  "UPSTREAM_UNAVAILABLE",
  // Our own database cannot be reached (api/db/availability.ts): the whole service is down for now.
  "SERVICE_UNAVAILABLE",
  // Too many attempts at an action in its window (api/domain/rate-limits); retry after `retryAfterSeconds`.
  "RATE_LIMITED",
  // An Idempotency-Key sent again with a different request (api/domain/idempotency).
  "IDEMPOTENCY_KEY_REUSED",
  // The first request with this Idempotency-Key is still running; retry after `retryAfterSeconds`.
  "IDEMPOTENCY_KEY_IN_USE",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending input field, e.g. `metadata.tags.3`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryable?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
