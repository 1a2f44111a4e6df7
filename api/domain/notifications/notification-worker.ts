/**
 * Sending the queued emails. Every instance runs this worker: it claims due jobs with
 * `FOR UPDATE SKIP LOCKED` and a lease (another instance skips them), checks again whether the
 * message is still wanted (the class cancelled, the student left, the user turned it off), and
 * hands it to the mail server. Marked sent once the server accepted it; while the server is
 * away, retried with exponential backoff until the attempts run out.
 *
 * Each message's Message-ID is its job id: were an instance to die between the server's
 * acceptance and the mark, the retry is the same message, which mail clients show once.
 */
import type { NotificationJobRow, UserRow } from "../../db/schema.js";
import {
  claimDueNotifications,
  listEnrollmentsBetween,
  markNotificationFailed,
  markNotificationSent,
  markNotificationSkipped,
  retryNotificationLater,
} from "../../repositories/notifications.js";
import { findParticipant } from "../../repositories/participants.js";
import { findSessionById } from "../../repositories/sessions.js";
import { findUsersByIds } from "../../repositories/users.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";
import type { MailMessage } from "../ports.js";
import { calendarEvent } from "./calendar-invite.js";
import * as messages from "./messages.js";
import type { NotificationSetup } from "./notification-setup.js";
import { signUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-tokens.js";

/** Backoff stops growing here: a mail server back from an outage is found within the hour. */
const MAX_RETRY_MS = 3_600_000;
/** How long a claimed job is reserved for its instance (well over an SMTP time-out). */
const LEASE_MS = 120_000;

export function notificationRetryDelayMs(retryBaseMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export type SendOutcome = "sent" | "skipped" | "retrying" | "failed";

/** The message to send, or why not any more. */
type Prepared = { message: MailMessage } | { skip: string };

/** An endpoint's owner, told it was disabled: about no class, so none of the class checks below. */
async function prepareEndpointDisabled(deps: ServiceDeps, setup: NotificationSetup, job: NotificationJobRow): Promise<Prepared> {
  const [recipient] = await usersOf(deps, job.recipientId);
  if (!recipient?.email) return { skip: "the recipient has no email address" };
  const d = job.details as { endpointId: string; url: string; reason: string; failingSince: string; disabledAt: string };
  const rendered = messages.webhookEndpointDisabled({
    recipient: { name: recipient.name, timeZone: recipient.timeZone },
    url: d.url,
    reason: d.reason,
    failingSince: new Date(d.failingSince),
    disabledAt: new Date(d.disabledAt),
    endpointUrl: setup.links.webhookEndpoint(d.endpointId),
    settingsUrl: setup.links.settings(),
  });
  return { message: { id: job.id, from: setup.from, to: recipient.email, ...rendered } };
}

async function prepare(deps: ServiceDeps, setup: NotificationSetup, job: NotificationJobRow): Promise<Prepared> {
  if (job.kind === "webhook_endpoint_disabled") return prepareEndpointDisabled(deps, setup, job);
  if (!job.sessionId) return { skip: "the message names no session" };
  const now = deps.clock.now();
  const session = await findSessionById(deps.db, job.sessionId);
  if (!session) return { skip: "the session no longer exists" };
  const [recipient, expert] = await usersOf(deps, job.recipientId, session.expertId);
  if (!recipient?.email) return { skip: "the recipient has no email address" };
  const isReminder = job.kind === "reminder_24h" || job.kind === "reminder_15m";
  if (isReminder ? !recipient.emailReminders : !recipient.emailNotices) return { skip: `the recipient turned ${isReminder ? "reminders" : "notices"} off` };

  const scope: UnsubscribeScope = isReminder ? "reminders" : "notices";
  const unsubscribeUrl = setup.links.unsubscribe(signUnsubscribeToken(setup.signingKey, recipient.id, scope));
  const ctx: messages.MessageContext = {
    recipient: { name: recipient.name, timeZone: recipient.timeZone },
    session,
    expertName: expert?.name ?? "your expert",
    actionUrl: setup.links.join(session.id),
    settingsUrl: setup.links.settings(),
    unsubscribeUrl,
  };
  const base = {
    id: job.id,
    from: setup.from,
    to: recipient.email,
    // RFC 8058: one click from the mail client unsubscribes, with no sign-in.
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
  const invite = (method: "REQUEST" | "CANCEL") => ({
    method,
    filename: method === "REQUEST" ? "invite.ics" : "cancel.ics",
    content: calendarEvent(
      {
        sessionId: session.id,
        studentId: recipient.id,
        sequence: job.calendarSequence,
        title: session.title,
        description: `A live class with ${ctx.expertName}.`,
        start: session.scheduledStartTime,
        end: session.scheduledEndTime,
        url: setup.links.join(session.id),
        organizer: { name: `${ctx.expertName} via Live Sessions`, email: addressOf(setup.from) },
        attendee: { name: recipient.name, email: recipient.email! },
        stamp: now,
      },
      method,
    ),
  });

  switch (job.kind) {
    case "enrollment_confirmed": {
      if (session.status !== "scheduled" && session.status !== "live") return { skip: `the session is ${session.status}` };
      if (!(await findParticipant(deps.db, { sessionId: session.id, userId: recipient.id }))) return { skip: "the student is no longer enrolled" };
      return { message: { ...base, ...messages.enrollmentConfirmed(ctx), calendar: invite("REQUEST") } };
    }
    case "session_rescheduled": {
      if (session.status !== "scheduled") return { skip: `the session is ${session.status}` };
      const moved = job.details as { from: string; to: string };
      // Moved again since: the later notice (with a higher SEQUENCE) tells the time that holds.
      if (moved.to !== session.scheduledStartTime.toISOString()) return { skip: "the session moved again since" };
      if (!(await findParticipant(deps.db, { sessionId: session.id, userId: recipient.id }))) return { skip: "the student is no longer enrolled" };
      return {
        message: { ...base, ...messages.sessionRescheduled({ ...ctx, actionUrl: setup.links.session(session.id) }, new Date(moved.from)), calendar: invite("REQUEST") },
      };
    }
    case "reminder_24h":
    case "reminder_15m": {
      if (session.status !== "scheduled") return { skip: `the session is ${session.status}` };
      // Queued for a start the class has since moved from: the new start gets its own reminder.
      const queuedFor = (job.details as { start?: string } | null)?.start;
      if (queuedFor && new Date(queuedFor).getTime() !== session.scheduledStartTime.getTime()) return { skip: "the session moved since this reminder was queued" };
      // Late (the mail server was away): a 24-hour reminder inside the last 15 minutes, or any after the start, says nothing useful.
      const latest = session.scheduledStartTime.getTime() - (job.kind === "reminder_24h" ? 15 * 60_000 : 0);
      if (now.getTime() >= latest) return { skip: "too late: the moment for this reminder has passed" };
      if (!(await findParticipant(deps.db, { sessionId: session.id, userId: recipient.id }))) return { skip: "the student is no longer enrolled" };
      return { message: { ...base, ...messages.reminder(ctx, job.kind === "reminder_24h" ? "24h" : "15m") } };
    }
    case "session_cancelled": {
      const refund = (job.details?.refund ?? null) as { amount: number; currency: string } | null;
      return { message: { ...base, ...messages.sessionCancelled({ ...ctx, actionUrl: setup.links.session(session.id) }, refund), calendar: invite("CANCEL") } };
    }
    case "booking_cancelled": {
      const refund = (job.details?.refund ?? null) as { amount: number; currency: string } | null;
      return { message: { ...base, ...messages.bookingCancelled({ ...ctx, actionUrl: setup.links.session(session.id) }, refund), calendar: invite("CANCEL") } };
    }
    case "recording_ready": {
      const forExpert = recipient.id === session.expertId;
      return { message: { ...base, ...messages.recordingReady({ ...ctx, actionUrl: setup.links.session(session.id) }, forExpert) } };
    }
    case "expert_new_enrollments": {
      const window = job.details as { from: string; to: string };
      const students = await listEnrollmentsBetween(deps.db, { sessionId: session.id, from: new Date(window.from), to: new Date(window.to) });
      if (students.length === 0) return { skip: "nobody who enrolled in the window is still enrolled" };
      return { message: { ...base, ...messages.expertNewEnrollments({ ...ctx, actionUrl: setup.links.session(session.id) }, students.map((s) => s.userName)) } };
    }
  }
}

async function usersOf(deps: ServiceDeps, ...ids: string[]): Promise<(UserRow | undefined)[]> {
  const rows = await findUsersByIds(deps.db, [...new Set(ids)]);
  return ids.map((id) => rows.find((r) => r.id === id));
}

/** `Live Sessions <classes@example.com>` → `classes@example.com` */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** One attempt at a claimed job; the outcome is recorded, never thrown. */
async function attempt(deps: ServiceDeps, setup: NotificationSetup, job: NotificationJobRow): Promise<SendOutcome> {
  const log = deps.logger.child({ notificationId: job.id, kind: job.kind, sessionId: job.sessionId, attempt: job.attempts });
  let prepared: Prepared;
  try {
    prepared = await prepare(deps, setup, job);
  } catch (e) {
    return retryOrFail(deps, setup, job, e, log);
  }
  if ("skip" in prepared) {
    await markNotificationSkipped(deps.db, { id: job.id, why: prepared.skip, at: deps.clock.now() });
    log.info({ why: prepared.skip }, "notification not sent");
    return "skipped";
  }
  try {
    const { messageId } = await setup.mailer.send(prepared.message);
    await markNotificationSent(deps.db, { id: job.id, messageId, at: deps.clock.now() });
    log.info({ messageId }, "notification sent");
    return "sent";
  } catch (e) {
    return retryOrFail(deps, setup, job, e, log);
  }
}

async function retryOrFail(deps: ServiceDeps, setup: NotificationSetup, job: NotificationJobRow, e: unknown, log: ServiceDeps["logger"]): Promise<SendOutcome> {
  const message = e instanceof Error ? e.message : String(e);
  const now = deps.clock.now();
  if (job.attempts >= setup.policy.maxAttempts) {
    await markNotificationFailed(deps.db, { id: job.id, error: `gave up after ${job.attempts} attempts; last error: ${message}`, at: now });
    log.error({ err: message }, "notification failed for good");
    return "failed";
  }
  const retryAt = new Date(now.getTime() + notificationRetryDelayMs(setup.policy.retryBaseMs, job.attempts));
  await retryNotificationLater(deps.db, { id: job.id, error: message, retryAt, at: now });
  log.warn({ err: message, retryAt }, "notification not sent; will retry");
  return "retrying";
}

/** Attempt every due notification once. Safe to run on several instances at the same time. */
export async function sendDueNotifications(deps: ServiceDeps, limit = 50): Promise<Record<SendOutcome, number>> {
  const counts = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  const setup = deps.notifications;
  if (!setup) return counts;
  const now = deps.clock.now();
  const due = await claimDueNotifications(deps.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit });
  for (const job of due) counts[await attempt(deps, setup, job)]++;
  return counts;
}

export function startNotificationWorker(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "notification sending", () => sendDueNotifications(deps), deps.logger);
}
