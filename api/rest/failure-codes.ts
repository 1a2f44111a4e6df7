/**
 * The `code` of a REST failure: a domain error's GraphQL `extensions.code` (api/errors-map.ts),
 * or one of the HTTP layer's own, for requests refused before any service ran.
 */
import { ERROR_MAP } from "../errors-map.js";

export const HTTP_LAYER_CODES = {
  /** The body or URL could not be read: not JSON, too large, not UTF-8, broken encoding (400, 413, 415, 431…). */
  unreadable: "BAD_REQUEST",
  /** No such route (404). */
  noRoute: "NOT_FOUND",
  /** The path exists with other methods (405, with `Allow`). */
  wrongMethod: "METHOD_NOT_ALLOWED",
  /** Our bug, logged with the request id (500). */
  internal: "INTERNAL_SERVER_ERROR",
} as const;

/** A domain code's GraphQL spelling, or an HTTP layer code. */
export type RestFailureCode = string;

/** Every code a REST failure can carry, for the OpenAPI document. */
export const REST_FAILURE_CODES: readonly string[] = [
  ...new Set([...Object.values(ERROR_MAP).map((e) => e.graphql), ...Object.values(HTTP_LAYER_CODES)]),
];
