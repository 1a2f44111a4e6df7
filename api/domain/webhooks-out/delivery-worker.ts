/**
 * Sending the outbox. Every instance runs this worker; a delivery is claimed with
 * `FOR UPDATE SKIP LOCKED` and leased, so of several instances exactly one sends it at a time,
 * and a crash mid-send only delays it (at-least-once: the receiver deduplicates by
 * `webhook-id`, the same on every attempt).
 *
 * A receiver that answers anything but 2xx, does not answer within 10 s, or cannot be reached
 * is retried with exponential backoff for 24 hours; an endpoint whose deliveries have all
 * failed for 3 days is disabled, with the reason on the endpoint, and its owner is emailed.
 * Requests never wait for any of this: events are sent after their transaction commits.
 */
import { performance } from "node:perf_hooks";
import {
  claimDueDeliveries,
  failPendingDeliveriesOf,
  markDelivered,
  markDeliveryFailed,
  recordDeliveryAttempt,
  retryDeliveryLater,
  updateWebhookEndpoint,
  type ClaimedDelivery,
} from "../../repositories/webhooks-out.js";
import type { ServiceDeps } from "../deps.js";
import { newId } from "../ids.js";
import { queueEndpointDisabledNotice } from "../notifications/notification-queue.js";
import { runEvery } from "../periodic.js";
import { checkDestination } from "./destination-rules.js";
import { signedHeaders } from "./signing.js";
import type { WebhooksOutSetup } from "./transport.js";

export const DELIVERY_TIMEOUT_MS = 10_000;
/** Retries stop this long after the first attempt was due. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** An endpoint failing this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * 3_600_000;
const MAX_RETRY_MS = 3_600_000;
/** Well over the delivery timeout: another instance never sends a delivery this one is still sending. */
const LEASE_MS = 60_000;

export function deliveryRetryDelayMs(retryBaseMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

/** The body of a delivery: Standard Webhooks' `{type, timestamp, data}`. */
export function deliveryBody(d: Pick<ClaimedDelivery, "event">): string {
  return JSON.stringify({ type: d.event.type, timestamp: d.event.occurredAt.toISOString(), data: d.event.data });
}

export type DeliveryOutcome = "delivered" | "retrying" | "failed";

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
}

async function send(setup: WebhooksOutSetup, job: ClaimedDelivery): Promise<AttemptResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(job.endpoint.url);
  } catch {
    return { statusCode: null, error: "the endpoint's URL is not valid", latencyMs: 0 };
  }
  // Checked again at every delivery: the name may point somewhere else than at registration.
  const destination = await checkDestination(url, setup.transport, { production: setup.production });
  if (!destination.ok) return { statusCode: null, error: `refused: ${destination.reason}`, latencyMs: latency() };
  const body = deliveryBody(job);
  // The signature's timestamp is the wall clock's: receivers check it against theirs to refuse replays.
  const headers = signedHeaders(job.endpoint.secret, job.delivery.id, new Date(), body);
  try {
    const { statusCode } = await setup.transport.post({ url, address: destination.address, headers, body, timeoutMs: DELIVERY_TIMEOUT_MS });
    return { statusCode, error: statusCode >= 200 && statusCode < 300 ? null : `the receiver answered ${statusCode}`, latencyMs: latency() };
  } catch (e) {
    return { statusCode: null, error: e instanceof Error ? e.message : String(e), latencyMs: latency() };
  }
}

async function attemptDelivery(deps: ServiceDeps, setup: WebhooksOutSetup, job: ClaimedDelivery): Promise<DeliveryOutcome> {
  const { delivery, endpoint } = job;
  const log = deps.logger.child({ webhookId: delivery.id, endpointId: endpoint.id, eventType: job.event.type, attempt: delivery.attempts });
  const result = await send(setup, job);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await recordDeliveryAttempt(tx, { id: newId("wha", 20), deliveryId: delivery.id, attemptedAt: now, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error });
    if (result.error === null) {
      await markDelivered(tx, { id: delivery.id, statusCode: result.statusCode!, at: now });
      if (endpoint.failingSince) await updateWebhookEndpoint(tx, endpoint.id, { failingSince: null, updatedAt: now });
      log.info({ statusCode: result.statusCode, latencyMs: result.latencyMs }, "webhook delivered");
      return "delivered";
    }
    const failingSince = endpoint.failingSince ?? now;
    if (now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS) {
      const reason = `Disabled on ${now.toISOString()}: every delivery failed for 3 days (last: ${result.error}). Fix the receiver, then enable the endpoint again.`;
      await updateWebhookEndpoint(tx, endpoint.id, { enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now });
      await markDeliveryFailed(tx, { id: delivery.id, statusCode: result.statusCode, error: result.error, at: now });
      await failPendingDeliveriesOf(tx, { endpointId: endpoint.id, error: "the endpoint was disabled", at: now });
      // Its owner is told by email, queued with the disabling: both happen or neither.
      await queueEndpointDisabledNotice(tx, { endpoint, reason, failingSince, now });
      log.warn({ ownerId: endpoint.ownerId, url: endpoint.url, reason }, "webhook endpoint disabled after 3 days of failures; its owner must fix it");
      return "failed";
    }
    if (!endpoint.failingSince) await updateWebhookEndpoint(tx, endpoint.id, { failingSince, updatedAt: now });
    const giveUpAt = delivery.firstAttemptDueAt.getTime() + RETRY_WINDOW_MS;
    if (now.getTime() >= giveUpAt) {
      await markDeliveryFailed(tx, { id: delivery.id, statusCode: result.statusCode, error: `gave up after 24 hours (${delivery.attempts} attempts); last: ${result.error}`, at: now });
      log.warn({ err: result.error }, "webhook delivery failed for 24 hours; given up");
      return "failed";
    }
    const retryAt = new Date(Math.min(giveUpAt, now.getTime() + deliveryRetryDelayMs(setup.retryBaseMs, delivery.attempts)));
    await retryDeliveryLater(tx, { id: delivery.id, statusCode: result.statusCode, error: result.error, retryAt, at: now });
    log.warn({ err: result.error, statusCode: result.statusCode, retryAt }, "webhook delivery failed; will retry");
    return "retrying";
  });
}

/** Attempt every due delivery once. Safe to run on several instances at the same time. */
export async function sweepWebhookDeliveries(deps: ServiceDeps, limit = 50): Promise<Record<DeliveryOutcome, number>> {
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  const setup = deps.webhooksOut;
  if (!setup) return counts;
  const now = deps.clock.now();
  const due = await claimDueDeliveries(deps.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit });
  // Side by side: one slow receiver must not hold back the others' deliveries.
  const outcomes = await Promise.all(due.map((job) => attemptDelivery(deps, setup, job)));
  for (const o of outcomes) counts[o]++;
  return counts;
}

export function startWebhookDeliveryWorker(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "webhook deliveries", () => sweepWebhookDeliveries(deps), deps.logger);
}
