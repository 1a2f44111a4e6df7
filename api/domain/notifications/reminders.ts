/**
 * Reminders 24 hours and 15 minutes before a class, to each enrolled student who has them on.
 * A sweeper on every instance queues those now due; the dedupe key (kind, session, student)
 * makes each reminder queued once however many instances sweep, and the worker checks again
 * at send time (the class cancelled, the student left, reminders turned off, too late).
 */
import { queueReminders } from "../../repositories/notifications.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";

const MINUTE = 60_000;
export const REMINDER_LEADS = { reminder_24h: 24 * 60 * MINUTE, reminder_15m: 15 * MINUTE } as const;

/** Queue the reminders now due; returns how many were new. */
export async function queueDueReminders(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  const at = (ms: number) => new Date(now.getTime() + ms);
  // A class within 15 minutes gets the 15-minute reminder only; one within 24 hours (and
  // later than that) the 24-hour one.
  const [day, soon] = await Promise.all([
    queueReminders(deps.db, { kind: "reminder_24h", from: at(REMINDER_LEADS.reminder_15m), to: at(REMINDER_LEADS.reminder_24h), leadMs: REMINDER_LEADS.reminder_24h, now }),
    queueReminders(deps.db, { kind: "reminder_15m", from: now, to: at(REMINDER_LEADS.reminder_15m), leadMs: REMINDER_LEADS.reminder_15m, now }),
  ]);
  return day + soon;
}

export function startReminderSweeper(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "reminder sweep", () => queueDueReminders(deps), deps.logger);
}
