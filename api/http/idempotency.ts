/**
 * `Idempotency-Key` on REST POSTs and GraphQL mutations (api/domain/idempotency): the first
 * request with a key acts and its answer is kept; the same key with the same request within
 * 24 hours gets that answer again (with `Idempotent-Replayed: true`) without acting. Answers a
 * retry may not meet again (an outage, a rate limit, our bug) are not kept: the key is released
 * and the retry acts. Requests without the header, and GraphQL queries, pass untouched.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { parse, type OperationDefinitionNode } from "graphql";
import type { Logger } from "pino";
import type { DomainError } from "../domain/errors.js";
import { requestFingerprint, type StoredAnswer } from "../domain/idempotency/idempotent-requests.js";
import type { Services } from "../domain/services.js";
import { asDomainError, ERROR_MAP, retryAfterSeconds } from "../errors-map.js";
import type { ViewerLookup } from "./viewer.js";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

export interface IdempotencyOptions {
  services: Pick<Services, "claimIdempotentRequest" | "finishIdempotentRequest" | "releaseIdempotentRequest">;
  viewerOf: ViewerLookup;
  logger: Logger;
}

/** Codes of answers that a retry may not meet again: their keys are released, not kept. */
const RETRY_MAY_DIFFER = new Set(["UPSTREAM_UNAVAILABLE", "SERVICE_UNAVAILABLE", "RATE_LIMITED", "INTERNAL_SERVER_ERROR", "IDEMPOTENCY_KEY_IN_USE"]);

export function idempotentRequests(face: "rest" | "graphql", opts: IdempotencyOptions): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    if (req.method !== "POST" || key === undefined) return next();
    if (face === "graphql" && !isMutation(req.body)) return next();
    let userId: string;
    try {
      const viewer = await opts.viewerOf(req.headers);
      // Without a user there is nothing a key could repeat: the face refuses the request itself.
      if (!viewer) return next();
      userId = viewer.id;
    } catch {
      // Credentials that do not check out: the face answers that, as it does without a key.
      return next();
    }
    const request = { userId, key };
    let claim;
    try {
      claim = await opts.services.claimIdempotentRequest({ ...request, requestHash: requestFingerprint(req.method, req.baseUrl + req.path, req.body) });
    } catch (error) {
      const refusal = asDomainError(error);
      if (!refusal) return next(error);
      return refuse(face, res, refusal);
    }
    if (claim.outcome === "replay") return replay(res, claim.answer);

    // Keep (or release) the answer before it leaves: a client that has it and retries finds it kept.
    const send = res.send.bind(res);
    let settled = false;
    res.send = ((body: unknown) => {
      if (settled) return send(body);
      settled = true;
      const text = typeof body === "string" ? body : Buffer.isBuffer(body) ? body.toString("utf8") : JSON.stringify(body);
      const keep = res.statusCode < 500 && res.statusCode !== 429 && !codesOf(text).some((c) => RETRY_MAY_DIFFER.has(c));
      const type = res.getHeader("content-type");
      const stored = keep
        ? opts.services.finishIdempotentRequest(request, { status: res.statusCode, type: typeof type === "string" ? type : null, body: text })
        : opts.services.releaseIdempotentRequest(request);
      stored
        .catch((error: unknown) => opts.logger.warn({ err: error, requestId: String(req.id ?? "") }, "could not record an idempotent request's answer; its key is released when abandoned"))
        .finally(() => send(body));
      return res;
    }) as Response["send"];
    // An answer that never went through send (the client left): release the key for a retry.
    res.on("close", () => {
      if (settled) return;
      settled = true;
      opts.services.releaseIdempotentRequest(request).catch(() => undefined);
    });
    next();
  };
}

function replay(res: Response, answer: StoredAnswer): void {
  res.status(answer.status).setHeader(REPLAYED_HEADER, "true");
  if (answer.type) res.setHeader("Content-Type", answer.type);
  res.send(answer.body);
}

function refuse(face: "rest" | "graphql", res: Response, error: DomainError): void {
  const status = ERROR_MAP[error.code].http;
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) res.setHeader("Retry-After", String(retryAfter));
  res.status(status).setHeader("Cache-Control", "no-store");
  const code = ERROR_MAP[error.code].graphql;
  if (face === "rest") {
    res.json({ success: false, error: error.message, code, ...(error.details.fields ? { fields: error.details.fields } : {}) });
  } else {
    res.json({ errors: [{ message: error.message, extensions: { code, ...(error.details.fields ? { fields: error.details.fields } : {}) } }] });
  }
}

/** Whether a GraphQL request body runs a mutation; anything unreadable is left to the server to refuse. */
function isMutation(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string") return false;
  try {
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
    const chosen = typeof operationName === "string" ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    return chosen?.operation === "mutation";
  } catch {
    return false;
  }
}

/** The error codes an answer carries: REST's `code`, GraphQL's `errors[].extensions.code`. */
function codesOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as { code?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const codes = [body.code, ...(Array.isArray(body.errors) ? body.errors.map((e) => e?.extensions?.code) : [])];
    return codes.filter((c): c is string => typeof c === "string");
  } catch {
    return [];
  }
}
