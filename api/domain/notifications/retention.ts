/**
 * Notification jobs are kept while they can still matter: a finished job (sent, skipped or
 * failed) is forgotten once its class began more than 30 days ago (a job about no class, such
 * as a disabled webhook endpoint's, 30 days after it was queued). Its dedupe key guards
 * against a second send only while something could queue the same message again (a
 * reminder sweep, an enrollment, a change to the class), and none of those touch a class
 * that long past; 30 days also leaves support time to see what a student was sent.
 */
import { purgeFinishedNotificationJobs } from "../../repositories/notifications.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";

export const NOTIFICATION_RETENTION_MS = 30 * 24 * 3_600_000;
const PURGE_INTERVAL_MS = 3_600_000;

export async function forgetOldNotificationJobs(deps: Pick<ServiceDeps, "db" | "clock">): Promise<number> {
  return purgeFinishedNotificationJobs(deps.db, { before: new Date(deps.clock.now().getTime() - NOTIFICATION_RETENTION_MS) });
}

export function startNotificationJobPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "notification job purge", () => forgetOldNotificationJobs(deps), deps.logger);
}
