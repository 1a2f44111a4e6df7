/** The seed's envelopes: `{success:true, data, message?}` and `{success:false, error}`. */
import type { Response } from "express";
import type { Logger } from "pino";
import { isDomainError } from "../domain/errors.js";
import { ERROR_MAP, INTERNAL_ERROR_MESSAGE } from "../errors-map.js";

export function sendFailure(res: Response, status: number, error: string): void {
  res.status(status).json({ success: false, error });
}

/** Any thrown value becomes the envelope; only the unexpected is logged, with the request id. */
export function sendError(res: Response, error: unknown, logger: Logger, requestId: string): void {
  if (isDomainError(error)) {
    sendFailure(res, ERROR_MAP[error.code].http, error.message);
    return;
  }
  logger.error({ err: error, requestId }, "unexpected error in a REST request");
  sendFailure(res, 500, `${INTERNAL_ERROR_MESSAGE} (request id ${requestId})`);
}
