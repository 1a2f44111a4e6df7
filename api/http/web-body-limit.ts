/**
 * Page actions (forms, fetchers, sign-out, the token route) run without sign-in, and Remix
 * reads whatever body it is given: a 100 MB form once grew the process by 290 MB. So a
 * page request's body is read here first, and at most WEB_BODY_LIMIT_BYTES of it (the
 * API's limit): a Content-Length over the limit is refused before a byte is read, a
 * chunked body as soon as the count passes it. The bytes read are handed to Remix (web.ts).
 *
 * Not body-parser: on a body too large it reads the rest of it (all 100 MB) before
 * answering. Here the answer goes at once, with `Connection: close`, and the rest is never read.
 * Our own forms are a few hundred bytes; nothing in the app uploads files.
 */
import type { NextFunction, Request, Response } from "express";

export const WEB_BODY_LIMIT_BYTES = 100 * 1024;

const BODY = Symbol("web request body");

/** The body as read, or undefined when the request had none (GET, HEAD, no body at all). */
export function webBodyOf(req: Request): Buffer | undefined {
  return (req as Request & { [BODY]?: Buffer })[BODY];
}

export function readWebBody(req: Request, res: Response, next: NextFunction): void {
  const declared = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && (declared === undefined || declared === "0")) return next();

  const encoding = req.headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
    // A browser never compresses what it sends, and an inflated body could hide its size.
    return refuse(res, 415, "Send the form without a Content-Encoding (compressed bodies are not accepted).");
  }
  if (!chunked && Number(declared) > WEB_BODY_LIMIT_BYTES) return tooLarge(res);

  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", stop);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > WEB_BODY_LIMIT_BYTES) {
      stop();
      req.pause();
      tooLarge(res);
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    stop();
    (req as Request & { [BODY]?: Buffer })[BODY] = Buffer.concat(chunks);
    next();
  };
  req.on("data", onData);
  req.on("end", onEnd);
  // The client went away mid-body: nobody is left to answer.
  req.on("error", stop);
}

function tooLarge(res: Response): void {
  refuse(res, 413, `What you sent is larger than ${WEB_BODY_LIMIT_BYTES / 1024} KB, so it was not read. Shorten it and try again.`);
}

function refuse(res: Response, status: number, message: string): void {
  // The rest of the body is not worth reading: the connection closes after this answer.
  res.status(status).set({ Connection: "close", "Cache-Control": "no-store" }).type("text/plain").send(message);
}
