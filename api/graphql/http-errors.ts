/**
 * Failures of the HTTP layer in front of Apollo (a body that is not JSON, too large, in
 * another charset) answered as GraphQL errors with `extensions.code`, like Apollo's own
 * request errors, instead of Express's HTML error page with a stack trace.
 */
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { INTERNAL_ERROR_MESSAGE } from "../errors-map.js";
import { clientWentAway, endAbandonedRequest } from "../abandoned-request.js";

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

export function graphqlHttpErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (clientWentAway(error, req)) return endAbandonedRequest(req, res, logger);
    const { type, status, limit } = (error ?? {}) as BodyParserError;
    const answer = (httpStatus: number, message: string) =>
      res.status(httpStatus).json({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
    if (type === "entity.too.large") {
      answer(413, `The request body is larger than ${limit ? `${Math.floor(limit / 1024)} KB` : "the limit"}.`);
    } else if (type === "entity.parse.failed") {
      answer(400, 'The request body is not valid JSON: send {"query": "...", "variables": {...}}.');
    } else if (type === "encoding.unsupported" || type === "charset.unsupported") {
      answer(415, "The request body must be UTF-8 JSON.");
    } else if (typeof status === "number" && status >= 400 && status < 500) {
      answer(status, "The request could not be read: check that the body matches its Content-Type and Content-Encoding.");
    } else {
      logger.error({ err: error, requestId: String(req.id ?? "") }, "unexpected error before a GraphQL request ran");
      res.status(500).json({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    }
  };
}
