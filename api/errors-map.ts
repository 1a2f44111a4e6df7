/**
 * The one table from domain error codes to what each face of the API answers.
 * GraphQL keeps the precise code; REST keeps the seed's status codes.
 */
import { databaseUnavailability } from "./db/availability.js";
import { DomainError, isDomainError, type DomainErrorCode } from "./domain/errors.js";

export const ERROR_MAP: Record<DomainErrorCode, { graphql: string; http: number }> = {
  UNAUTHENTICATED: { graphql: "UNAUTHENTICATED", http: 401 },
  FORBIDDEN: { graphql: "FORBIDDEN", http: 403 },
  NOT_FOUND: { graphql: "NOT_FOUND", http: 404 },
  BAD_USER_INPUT: { graphql: "BAD_USER_INPUT", http: 400 },
  // The seed documents 400 for "a state that does not allow the action".
  CONFLICT: { graphql: "CONFLICT", http: 400 },
  FAILED_PRECONDITION: { graphql: "FAILED_PRECONDITION", http: 400 },
  SESSION_FULL: { graphql: "SESSION_FULL", http: 400 },
  UPSTREAM_UNAVAILABLE: { graphql: "UPSTREAM_UNAVAILABLE", http: 503 },
  SERVICE_UNAVAILABLE: { graphql: "SERVICE_UNAVAILABLE", http: 503 },
  // With `retryAfter` (GraphQL extensions) / a Retry-After header (REST).
  RATE_LIMITED: { graphql: "RATE_LIMITED", http: 429 },
  IDEMPOTENCY_KEY_REUSED: { graphql: "IDEMPOTENCY_KEY_REUSED", http: 422 },
  IDEMPOTENCY_KEY_IN_USE: { graphql: "IDEMPOTENCY_KEY_IN_USE", http: 409 },
};

/**
 * The HTTP status for a GraphQL error's `extensions.code`, from the table above, for a face
 * that answers over HTTP what an operation refused (the web's resource routes). Codes that
 * are not the domain's are the caller's request to fix (QUERY_TOO_COMPLEX, validation), or
 * our fault (INTERNAL_SERVER_ERROR).
 */
export function httpStatusOfGraphQLCode(code: string): number {
  const entry = Object.values(ERROR_MAP).find((e) => e.graphql === code);
  if (entry) return entry.http;
  return code === "INTERNAL_SERVER_ERROR" ? 500 : 400;
}

/**
 * When to come back after a 503 (the database or a video service away): long enough for a restart
 * or a fail-over, short enough that a person's retry soon works.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/**
 * The seconds a caller should wait before trying again (RFC 9110 §10.2.3), or undefined when
 * trying again will not help: a rate limit says when its window closes; an outage, a short wait.
 */
export function retryAfterSeconds(error: DomainError): number | undefined {
  if (error.details.retryAfterSeconds !== undefined) return error.details.retryAfterSeconds;
  return error.code === "SERVICE_UNAVAILABLE" || error.code === "UPSTREAM_UNAVAILABLE" ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
}

/**
 * The `WWW-Authenticate` of a 401 (RFC 6750 §3): a request that carried a token is told it was
 * not accepted; one without is only told to bring one.
 */
export function bearerChallenge(carriedToken: boolean): string {
  return carriedToken ? 'Bearer realm="Live Sessions", error="invalid_token"' : 'Bearer realm="Live Sessions"';
}

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again.";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Live Sessions is temporarily unavailable: its database is not answering. Please try again in a moment.";

/**
 * What a thrown value means to a caller: a domain error as it is, a database that cannot
 * be reached (from wherever it surfaced: a service, a DataLoader, the viewer lookup) as a
 * retryable SERVICE_UNAVAILABLE, and anything else undefined (our bug: a logged 500).
 * Every face of the API translates errors through this one function.
 */
export function asDomainError(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (databaseUnavailability(error)) return new DomainError("SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, { retryable: true });
  return undefined;
}
