/** The seed's envelopes: `{success:true, data, message?}` and `{success:false, error}`. */
import type { Response } from "express";
import type { Logger } from "pino";
import { databaseUnavailability } from "../db/availability.js";
import { asDomainError, ERROR_MAP, INTERNAL_ERROR_MESSAGE } from "../errors-map.js";

export function sendFailure(res: Response, status: number, error: string): void {
  res.status(status).json({ success: false, error });
}

/** Any thrown value becomes the envelope; only the unexpected is logged, with the request id. */
export function sendError(res: Response, error: unknown, logger: Logger, requestId: string): void {
  const domainError = asDomainError(error);
  if (domainError) {
    if (domainError.code === "SERVICE_UNAVAILABLE") {
      logger.warn({ requestId, database: databaseUnavailability(error) }, "the database is unavailable; answered 503");
    }
    // RATE_LIMITED's 429 says when to come back (RFC 9110 §10.2.3: delay in seconds).
    if (domainError.details.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(domainError.details.retryAfterSeconds));
    sendFailure(res, ERROR_MAP[domainError.code].http, domainError.message);
    return;
  }
  logger.error({ err: error, requestId }, "unexpected error in a REST request");
  sendFailure(res, 500, `${INTERNAL_ERROR_MESSAGE} (request id ${requestId})`);
}
