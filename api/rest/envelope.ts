/**
 * The seed's envelopes: `{success:true, data, message?}` and `{success:false, error}`, the
 * latter with a machine-readable `code` (the GraphQL `extensions.code` of the same failure)
 * and, for bad input, `fields`. `success` and `error` stay exactly as the seed has them.
 */
import type { Response } from "express";
import type { Logger } from "pino";
import { databaseUnavailability } from "../db/availability.js";
import type { FieldIssue } from "../domain/errors.js";
import { asDomainError, bearerChallenge, ERROR_MAP, INTERNAL_ERROR_MESSAGE, retryAfterSeconds } from "../errors-map.js";
import { HTTP_LAYER_CODES, type RestFailureCode } from "./failure-codes.js";

export interface RestFailure {
  success: false;
  error: string;
  code: RestFailureCode;
  fields?: FieldIssue[];
}

export function failureBody(error: string, code: RestFailureCode, fields?: FieldIssue[]): RestFailure {
  return { success: false, error, code, ...(fields ? { fields } : {}) };
}

export function sendFailure(res: Response, status: number, error: string, code: RestFailureCode, fields?: FieldIssue[]): void {
  res.status(status).json(failureBody(error, code, fields));
}

/** Any thrown value becomes the envelope; only the unexpected is logged, with the request id. */
export function sendError(res: Response, error: unknown, logger: Logger, requestId: string): void {
  const domainError = asDomainError(error);
  if (domainError) {
    if (domainError.code === "SERVICE_UNAVAILABLE") {
      logger.warn({ requestId, database: databaseUnavailability(error) }, "the database is unavailable; answered 503");
    }
    // A 429 or a 503 says when to come back (RFC 9110 §10.2.3: delay in seconds).
    const retryAfter = retryAfterSeconds(domainError);
    if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
    const { http: status, graphql: code } = ERROR_MAP[domainError.code];
    if (status === 401) res.setHeader("WWW-Authenticate", bearerChallenge(res.req.headers.authorization !== undefined));
    sendFailure(res, status, domainError.message, code, domainError.details.fields);
    return;
  }
  logger.error({ err: error, requestId }, "unexpected error in a REST request");
  sendFailure(res, 500, `${INTERNAL_ERROR_MESSAGE} (request id ${requestId})`, HTTP_LAYER_CODES.internal);
}
