/**
 * Writing events to the outbox. Each call runs in the transaction of the change it describes,
 * so an event exists exactly when its change does, and the delivery worker (delivery-worker.ts)
 * sends it after commit. The domain's call sites call one function here each.
 */
import type { DbOrTx } from "../../db/client.js";
import type { ParticipantRow, RefundRow, SessionRow } from "../../db/schema.js";
import { listRefundsOfSession } from "../../repositories/refunds.js";
import { findSessionById } from "../../repositories/sessions.js";
import { notifySessionChanged } from "../../repositories/session-changes.js";
import { findWaitingEvent, insertWebhookEvents, lastDeliveryTimeOf, replaceEventData } from "../../repositories/webhooks-out.js";
import { newId } from "../ids.js";
import type { SeatedEvent } from "../../repositories/enrollment-write.js";
import { ATTENDANCE_THROTTLE_MS, enrollmentData, type EnrollmentFields, refundData, sessionData, type WebhookEventType } from "./event-types.js";

interface NewEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
  deliverAfter?: Date;
}

/** Events about one session, written together (one statement, whatever their number). */
async function recordAll(tx: DbOrTx, session: SessionRow, events: readonly NewEvent[], now: Date): Promise<void> {
  const rows = events.map((e) => ({ id: newId("evt", 20), type: e.type, sessionId: session.id, expertId: session.expertId, data: e.data, occurredAt: now, deliverAfter: e.deliverAfter ?? now }));
  // Live subscribers hear of it too, on every instance, when this transaction commits.
  await insertWebhookEvents(tx, rows, { sessionId: session.id, expertId: session.expertId });
}

async function record(tx: DbOrTx, type: WebhookEventType, session: SessionRow, data: Record<string, unknown>, now: Date, deliverAfter = now): Promise<void> {
  await recordAll(tx, session, [{ type, data, deliverAfter }], now);
}

export type SessionEventType = "session.created" | "session.started" | "session.ended" | "session.cancelled" | "session.updated";

/** A session's life: created, started, ended, cancelled; `data.session` is the row after the change. */
export async function recordSessionEvent(tx: DbOrTx, type: SessionEventType, session: SessionRow, now: Date): Promise<void> {
  await record(tx, type, session, { session: sessionData(session) }, now);
}

/**
 * A booking made or cancelled: the enrollment event, and `session.updated` with the new
 * enrolled count (one call for the call site).
 */
export async function recordEnrollmentEvent(tx: DbOrTx, type: "enrollment.created" | "enrollment.cancelled", enrollment: ParticipantRow, session: SessionRow, now: Date): Promise<void> {
  await recordAll(
    tx,
    session,
    [
      { type, data: { enrollment: enrollmentData(enrollment), session: sessionData(session) } },
      { type: "session.updated", data: { session: sessionData(session) } },
    ],
    now,
  );
}

/**
 * The events of a new enrollment, for the statement that takes the seat and writes them at once
 * (repositories/enrollment-write.ts): their `data.session` is the seated row, which only that
 * statement knows, so it fills it in.
 */
export function enrollmentCreatedEvents(enrollment: EnrollmentFields): SeatedEvent[] {
  return [
    { id: newId("evt", 20), type: "enrollment.created", data: { enrollment: enrollmentData(enrollment) } },
    { id: newId("evt", 20), type: "session.updated", data: {} },
  ];
}

/** A refund owed (created), paid back (succeeded), or given up on (failed). */
export async function recordRefundEvent(tx: DbOrTx, type: "refund.created" | "refund.succeeded" | "refund.failed", refund: RefundRow, session: SessionRow, now: Date): Promise<void> {
  await record(tx, type, session, { refund: refundData(refund), session: sessionData(session) }, now);
}

export async function recordRecordingReady(tx: DbOrTx, session: SessionRow, now: Date): Promise<void> {
  await record(tx, "recording.ready", session, { session: sessionData(session) }, now);
}

/**
 * Who is in the room changed. At most one `attendance.updated` per session per 10 s: while an
 * event waits for its slot it takes the newest figures, so the last change is never lost.
 * Callers hold the session's row lock, which keeps this read-then-write race-free.
 */
export async function recordAttendanceUpdated(tx: DbOrTx, session: SessionRow, now: Date): Promise<void> {
  const data = { session: sessionData(session) };
  const waiting = await findWaitingEvent(tx, { sessionId: session.id, type: "attendance.updated", now });
  if (waiting) {
    await replaceEventData(tx, { id: waiting.id, data, occurredAt: now });
    await notifySessionChanged(tx, { sessionId: session.id, expertId: session.expertId });
    return;
  }
  const last = await lastDeliveryTimeOf(tx, { sessionId: session.id, type: "attendance.updated" });
  const slot = last ? new Date(Math.max(now.getTime(), last.getTime() + ATTENDANCE_THROTTLE_MS)) : now;
  await record(tx, "attendance.updated", session, data, now, slot);
}

/** A cancelled session, and a `refund.created` for each refund its cancellation queued. */
export async function recordSessionCancelled(tx: DbOrTx, session: SessionRow, now: Date): Promise<void> {
  await recordSessionEvent(tx, "session.cancelled", session, now);
  for (const refund of await listRefundsOfSession(tx, session.id)) {
    if (refund.createdAt.getTime() === now.getTime()) await recordRefundEvent(tx, "refund.created", refund, session, now);
  }
}

/** A student's cancelled booking, and its refund when the seat was paid. */
export async function recordBookingCancelled(tx: DbOrTx, enrollment: ParticipantRow, session: SessionRow, refund: RefundRow | null, now: Date): Promise<void> {
  await recordEnrollmentEvent(tx, "enrollment.cancelled", enrollment, session, now);
  if (refund) await recordRefundEvent(tx, "refund.created", refund, session, now);
}

/** Students the waitlist enrolled into freed seats of a free class. */
export async function recordWaitlistEnrollments(tx: DbOrTx, enrollments: readonly ParticipantRow[], session: SessionRow, now: Date): Promise<void> {
  if (enrollments.length === 0) return;
  await recordAll(
    tx,
    session,
    [
      ...enrollments.map((enrollment) => ({ type: "enrollment.created" as const, data: { enrollment: enrollmentData(enrollment), session: sessionData(session) } })),
      { type: "session.updated", data: { session: sessionData(session) } },
    ],
    now,
  );
}

/** The refund worker's outcome for a refund. */
export async function recordRefundOutcome(tx: DbOrTx, refund: RefundRow, now: Date): Promise<void> {
  const session = await findSessionById(tx, refund.sessionId);
  if (session) await recordRefundEvent(tx, refund.status === "refunded" ? "refund.succeeded" : "refund.failed", refund, session, now);
}

/**
 * A fact from the video room was applied (the caller holds the session's row lock): the room's
 * figures as they now stand (`attendance.updated`, throttled), and `recording.ready` the first
 * time a recording is available.
 */
export async function recordRoomChange(tx: DbOrTx, before: SessionRow, now: Date): Promise<void> {
  const after = await findSessionById(tx, before.id);
  if (!after) return;
  if (after.recordingAvailable && !before.recordingAvailable) await recordRecordingReady(tx, after, now);
  if (after.currentViewers !== before.currentViewers || after.attendedCount !== before.attendedCount) await recordAttendanceUpdated(tx, after, now);
}
