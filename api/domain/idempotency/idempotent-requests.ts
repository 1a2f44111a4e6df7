/**
 * Idempotency keys (as Stripe has them): a client that sends `Idempotency-Key` with a POST or a
 * GraphQL mutation may send it again after a lost answer and get the first answer back, without
 * the action happening twice. The key belongs to the user who sent it; the request is known by a
 * fingerprint of its method, path and body, so the same key with another request is refused
 * rather than answered with something that does not fit it.
 *
 * The claim is a row in PostgreSQL, so every instance sees it: of two identical requests at once,
 * one acts and the other waits for its answer (up to IN_PROGRESS_WAIT_MS, then 409 to retry).
 */
import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  deleteIdempotencyKeysBefore,
  finishIdempotencyKey,
  releaseIdempotencyKey,
} from "../../repositories/idempotency-keys.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { runEvery } from "../periodic.js";

const MINUTE = 60_000;
/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * MINUTE;
/** A claim older than this whose request never finished belongs to an instance that stopped: the next retry takes it over. */
export const ABANDONED_CLAIM_MS = 5 * MINUTE;
/** How long a retry waits for the first request with its key to finish before answering 409. */
export const IN_PROGRESS_WAIT_MS = 10_000;
const POLL_MS = 50;

const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  userId: string;
  /** The Idempotency-Key header as sent. */
  key: string;
  /** requestFingerprint() of the request. */
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  type: string | null;
  body: string;
}

export type IdempotencyClaim = { outcome: "claimed" } | { outcome: "replay"; answer: StoredAnswer };

/** SHA-256 of the method, the path and the body as canonical JSON (keys sorted): key order and spacing do not matter. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(JSON.stringify([method.toUpperCase(), path, canonical(body)])).digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/**
 * Claims the key for this request, or answers with the first request's answer. Throws
 * BAD_USER_INPUT for a malformed key, IDEMPOTENCY_KEY_REUSED for a key first used for another
 * request, IDEMPOTENCY_KEY_IN_USE when the first request is still running after the wait.
 */
export async function claimIdempotentRequest(deps: Pick<ServiceDeps, "db" | "clock">, request: IdempotentRequest): Promise<IdempotencyClaim> {
  if (!KEY.test(request.key)) {
    throw new DomainError("BAD_USER_INPUT", "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.", {
      fields: [{ path: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters" }],
    });
  }
  const waitUntil = Date.now() + IN_PROGRESS_WAIT_MS;
  for (;;) {
    const now = deps.clock.now();
    const result = await claimIdempotencyKey(deps.db, {
      ...request,
      now,
      expiredBefore: new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS),
      abandonedBefore: new Date(now.getTime() - ABANDONED_CLAIM_MS),
    });
    if (result.claimed) return { outcome: "claimed" };
    const row = result.row;
    // Released between our insert and our read: try to claim it again.
    if (!row) continue;
    if (row.requestHash !== request.requestHash) {
      throw new DomainError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used for a different request in the last 24 hours. Use a new key for each new request; send the same key only to retry the same request.",
      );
    }
    if (row.status === "done") return { outcome: "replay", answer: { status: row.responseStatus!, type: row.responseType, body: row.responseBody ?? "" } };
    // Wall-clock time, not deps.clock: this is how long a person's request waits.
    if (Date.now() >= waitUntil) {
      throw new DomainError("IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.", {
        retryAfterSeconds: 1,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Keeps the answer for retries. */
export async function finishIdempotentRequest(deps: Pick<ServiceDeps, "db">, request: Omit<IdempotentRequest, "requestHash">, answer: StoredAnswer): Promise<void> {
  await finishIdempotencyKey(deps.db, { userId: request.userId, key: request.key, ...answer });
}

/** Lets the key go without keeping the answer, so that a retry acts again (an outage, a rate limit, our bug). */
export async function releaseIdempotentRequest(deps: Pick<ServiceDeps, "db">, request: Omit<IdempotentRequest, "requestHash">): Promise<void> {
  await releaseIdempotencyKey(deps.db, { userId: request.userId, key: request.key });
}

/** Deletes the keys past their 24 hours; returns how many. */
export async function purgeExpiredIdempotencyKeys(deps: Pick<ServiceDeps, "db" | "clock">): Promise<number> {
  return deleteIdempotencyKeysBefore(deps.db, new Date(deps.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS));
}

const PURGE_INTERVAL_MS = 15 * MINUTE;

export function startIdempotencyKeyPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "idempotency key purge", () => purgeExpiredIdempotencyKeys(deps), deps.logger);
}
