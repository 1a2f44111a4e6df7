/**
 * A request whose client went away before its body was read. The body parser then fails with
 * "request aborted" or, when the client left before the parser started (while an earlier
 * middleware waited on the database), with "stream is not readable", which body-parser marks
 * as a 500. Neither is the server's fault and nobody is left to read an answer: it is logged at
 * info, not as an error, and answered 400 for the access log.
 */
import type { Request, Response } from "express";
import type { Logger } from "pino";

export function clientWentAway(error: unknown, req: Request): boolean {
  const type = (error as { type?: unknown } | null | undefined)?.type;
  return type === "request.aborted" || (type === "stream.not.readable" && (req.destroyed || req.socket.destroyed));
}

export function endAbandonedRequest(req: Request, res: Response, logger: Logger): void {
  logger.info({ requestId: String(req.id ?? "") }, "the client closed the connection before its request body arrived; nothing was done");
  if (!res.headersSent) res.status(400).end();
}
