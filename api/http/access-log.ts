/**
 * The access log: one line per request once its answer is sent, or once the connection closes
 * before that. The line is the one pino-http wrote (`req` {id, method, url}, `res` {statusCode},
 * `responseTime`; "request completed", "request aborted", or "request errored" with `err` for a
 * 5xx), written directly: pino-http made two child loggers per request, each serializing and
 * redacting the request as bindings, about 5 % of a list request's CPU under `npm run bench`.
 *
 * It also gives each request its id (a caller's valid `X-Request-Id`, else a new UUID), sent
 * back in `X-Request-Id` and carried by every log line about the request.
 */
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { loggableUrl } from "../logger.js";

declare module "http" {
  interface IncomingMessage {
    /** The request's id (access-log.ts). */
    id: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A 503 says a dependency (the database, 100ms) is briefly away: expected in operation and
 * answered by design, so a warning; any other 5xx, or an error on the response, is our bug.
 */
export function accessLogLevel(status: number, err?: Error): "info" | "warn" | "error" {
  if (status === 503) return "warn";
  if (err || status >= 500) return "error";
  return status >= 400 ? "warn" : "info";
}

export function accessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader("x-request-id", id);
    const started = Date.now();
    // Taken now: the routers further in rewrite req.url to their own paths.
    const line = { id, method: req.method, url: loggableUrl(req.url) };
    const done = (err?: Error) => {
      res.off("close", done);
      res.off("finish", done);
      res.off("error", done);
      const status = res.statusCode;
      const level = accessLogLevel(status, err);
      const responseTime = Date.now() - started;
      if (err || status >= 500) {
        logger[level]({ req: line, res: { statusCode: status }, err: err ?? new Error(`failed with status code ${status}`), responseTime }, "request errored");
      } else {
        logger[level]({ req: line, res: { statusCode: status }, responseTime }, !req.readableAborted && res.writableEnded ? "request completed" : "request aborted");
      }
    };
    res.on("close", done);
    res.on("finish", done);
    res.on("error", done);
    next();
  };
}
