/** The seed's envelopes: `{success:true, data, message?}` and `{success:false, error}`. */
import type { Response } from "express";
import type { Logger } from "pino";
import { databaseUnavailability } from "../db/availability.js";
import { asDomainError, bearerChallenge, ERROR_MAP, INTERNAL_ERROR_MESSAGE, retryAfterSeconds } from "../errors-map.js";

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
    // A 429 or a 503 says when to come back (RFC 9110 §10.2.3: delay in seconds).
    const retryAfter = retryAfterSeconds(domainError);
    if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
    const status = ERROR_MAP[domainError.code].http;
    if (status === 401) res.setHeader("WWW-Authenticate", bearerChallenge(res.req.headers.authorization !== undefined));
    sendFailure(res, status, domainError.message);
    return;
  }
  logger.error({ err: error, requestId }, "unexpected error in a REST request");
  sendFailure(res, 500, `${INTERNAL_ERROR_MESSAGE} (request id ${requestId})`);
}
