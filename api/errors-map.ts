/**
 * The one table from domain error codes to what each face of the API answers.
 * GraphQL keeps the precise code; REST keeps the seed's status codes.
 */
import type { DomainErrorCode } from "./domain/errors.js";

export const ERROR_MAP: Record<DomainErrorCode, { graphql: string; http: number }> = {
  UNAUTHENTICATED: { graphql: "UNAUTHENTICATED", http: 401 },
  FORBIDDEN: { graphql: "FORBIDDEN", http: 403 },
  NOT_FOUND: { graphql: "NOT_FOUND", http: 404 },
  BAD_USER_INPUT: { graphql: "BAD_USER_INPUT", http: 400 },
  // The seed documents 400 for "a state that does not allow the action".
  CONFLICT: { graphql: "CONFLICT", http: 400 },
  FAILED_PRECONDITION: { graphql: "FAILED_PRECONDITION", http: 400 },
  UPSTREAM_UNAVAILABLE: { graphql: "UPSTREAM_UNAVAILABLE", http: 503 },
};

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again.";
