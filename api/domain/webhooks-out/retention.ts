/**
 * The outbox is written on every change, whether or not anyone listens: events (and their
 * finished deliveries and attempt logs) are forgotten after 30 days, well past the 24 hours of
 * retries and long enough for an integrator to look at a delivery log and resend.
 */
import { purgeWebhookEventsBefore } from "../../repositories/webhooks-out.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";

export const OUTBOUND_EVENT_RETENTION_MS = 30 * 24 * 3_600_000;
const PURGE_INTERVAL_MS = 3_600_000;

export async function forgetOldOutboundEvents(deps: Pick<ServiceDeps, "db" | "clock">): Promise<number> {
  return purgeWebhookEventsBefore(deps.db, new Date(deps.clock.now().getTime() - OUTBOUND_EVENT_RETENTION_MS));
}

export function startOutboundEventPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "outbound webhook event purge", () => forgetOldOutboundEvents(deps), deps.logger);
}
