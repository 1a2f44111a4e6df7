/**
 * Delivery ids are kept long enough to recognise 100ms's retries (the last comes about
 * 14 s after the first try) with a wide margin. An older repeat would still change
 * nothing: the facts it carries are merged idempotently (attendance-service.ts).
 */
import { deleteWebhookEventsBefore } from "../../repositories/webhook-events.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";

export const WEBHOOK_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export async function forgetOldWebhookEvents(deps: Pick<ServiceDeps, "db" | "clock">): Promise<number> {
  return deleteWebhookEventsBefore(deps.db, new Date(deps.clock.now().getTime() - WEBHOOK_EVENT_RETENTION_MS));
}

export function startWebhookEventPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "webhook id purge", () => forgetOldWebhookEvents(deps), deps.logger);
}
