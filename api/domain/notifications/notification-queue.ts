/**
 * Queueing the emails an event owes, in the event's own transaction: an enrollment (its
 * confirmation, and the expert's batched notice), a cancellation (each student's notice, with
 * their refund), a recording (the expert and the students), a webhook endpoint disabled (its owner). The dedupe key of each message
 * makes queueing it again change nothing, so a retried or concurrent event never doubles one.
 */
import type { ParticipantRow, RefundRow, SessionRow, WebhookEndpointRow } from "../../db/schema.js";
import type { DbOrTx } from "../../db/client.js";
import { lastCalendarSequence, queueNotificationJobs, type NewNotificationJob } from "../../repositories/notifications.js";
import { listParticipantsOfSessions } from "../../repositories/participants.js";
import { listRefundsOfSession } from "../../repositories/refunds.js";
import { newId } from "../ids.js";

/** The expert hears of new students at most once per class in this window. */
export const EXPERT_BATCH_MS = 15 * 60_000;

function job(values: Omit<NewNotificationJob, "id" | "status" | "attempts" | "createdAt" | "updatedAt"> & { now: Date }): NewNotificationJob {
  const { now, ...rest } = values;
  return { id: newId("nt"), status: "pending", attempts: 0, createdAt: now, updatedAt: now, ...rest };
}

/** A student's confirmation with its calendar invitation, and the expert's notice of the window it falls in. */
export async function queueEnrollmentNotices(tx: DbOrTx, params: { session: SessionRow; participant: ParticipantRow; now: Date }): Promise<void> {
  await queueNotificationJobs(tx, await enrollmentNotices(tx, params));
}

/**
 * The jobs of queueEnrollmentNotices without writing them, for a caller that writes them in its
 * own statement (enrollment-service.ts, through repositories/enrollment-write.ts).
 */
export async function enrollmentNotices(db: DbOrTx, params: { session: Pick<SessionRow, "id" | "expertId">; participant: Pick<ParticipantRow, "id" | "userId">; now: Date }): Promise<NewNotificationJob[]> {
  const { session, participant, now } = params;
  // Enrolling again after cancelling a booking updates the calendar entry the cancellation removed.
  const sequence = (await lastCalendarSequence(db, { sessionId: session.id, recipientId: participant.userId })) + 1;
  const windowStart = new Date(Math.floor(now.getTime() / EXPERT_BATCH_MS) * EXPERT_BATCH_MS);
  const windowEnd = new Date(windowStart.getTime() + EXPERT_BATCH_MS);
  return [
    job({
      dedupeKey: `enrollment_confirmed:${participant.id}`,
      kind: "enrollment_confirmed",
      sessionId: session.id,
      recipientId: participant.userId,
      calendarSequence: sequence,
      nextAttemptAt: now,
      now,
    }),
    // Sent when the window closes, naming everyone who enrolled in it.
    job({
      dedupeKey: `expert_new_enrollments:${session.id}:${windowStart.toISOString()}`,
      kind: "expert_new_enrollments",
      sessionId: session.id,
      recipientId: session.expertId,
      details: { from: windowStart.toISOString(), to: windowEnd.toISOString() },
      nextAttemptAt: windowEnd,
      now,
    }),
  ];
}

/**
 * Every enrolled student's notice that the class moved, with the calendar update (same UID,
 * SEQUENCE raised). Keyed by the new start: moving it twice to the same time tells once.
 */
export async function queueRescheduleNotices(tx: DbOrTx, params: { session: SessionRow; previousStart: Date; now: Date }): Promise<void> {
  const { session, previousStart, now } = params;
  const participants = await listParticipantsOfSessions(tx, [session.id]);
  const jobs: NewNotificationJob[] = [];
  for (const p of participants) {
    const sequence = (await lastCalendarSequence(tx, { sessionId: session.id, recipientId: p.userId })) + 1;
    jobs.push(
      job({
        dedupeKey: `session_rescheduled:${session.id}:${p.userId}:${session.scheduledStartTime.toISOString()}`,
        kind: "session_rescheduled",
        sessionId: session.id,
        recipientId: p.userId,
        calendarSequence: sequence,
        details: { from: previousStart.toISOString(), to: session.scheduledStartTime.toISOString() },
        nextAttemptAt: now,
        now,
      }),
    );
  }
  await queueNotificationJobs(tx, jobs);
}

/** Every enrolled student's notice of a cancelled class, with the refund the cancellation wrote for them. */
export async function queueCancellationNotices(tx: DbOrTx, params: { session: SessionRow; now: Date }): Promise<void> {
  const { session, now } = params;
  const [participants, refunds] = await Promise.all([listParticipantsOfSessions(tx, [session.id]), listRefundsOfSession(tx, session.id)]);
  const jobs: NewNotificationJob[] = [];
  for (const p of participants) {
    const refund = refunds.find((r) => r.participantId === p.id);
    const sequence = (await lastCalendarSequence(tx, { sessionId: session.id, recipientId: p.userId })) + 1;
    jobs.push(
      job({
        dedupeKey: `session_cancelled:${session.id}:${p.userId}`,
        kind: "session_cancelled",
        sessionId: session.id,
        recipientId: p.userId,
        calendarSequence: sequence,
        details: { refund: refund ? { amount: refund.amount, currency: refund.currency } : null },
        nextAttemptAt: now,
        now,
      }),
    );
  }
  await queueNotificationJobs(tx, jobs);
}

/** The recording is ready: its expert and every student who was enrolled. */
export async function queueRecordingReadyNotices(tx: DbOrTx, params: { session: SessionRow; now: Date }): Promise<void> {
  const { session, now } = params;
  const participants = await listParticipantsOfSessions(tx, [session.id]);
  const recipients = [session.expertId, ...participants.map((p) => p.userId)];
  await queueNotificationJobs(
    tx,
    recipients.map((recipientId) =>
      job({ dedupeKey: `recording_ready:${session.id}:${recipientId}`, kind: "recording_ready", sessionId: session.id, recipientId, nextAttemptAt: now, now }),
    ),
  );
}

/** A student cancelled their own booking: the calendar event goes, and the refund (if any) is named. */
export async function queueBookingCancelledNotice(tx: DbOrTx, params: { session: SessionRow; participant: ParticipantRow; refund: RefundRow | null; now: Date }): Promise<void> {
  const { session, participant, refund, now } = params;
  const sequence = (await lastCalendarSequence(tx, { sessionId: session.id, recipientId: participant.userId })) + 1;
  await queueNotificationJobs(tx, [
    job({
      dedupeKey: `booking_cancelled:${participant.id}`,
      kind: "booking_cancelled",
      sessionId: session.id,
      recipientId: participant.userId,
      calendarSequence: sequence,
      details: { refund: refund ? { amount: refund.amount, currency: refund.currency } : null },
      nextAttemptAt: now,
      now,
    }),
  ]);
}

/**
 * A webhook endpoint's owner hears that it was disabled after failing for days: the URL, why,
 * since when. Written in the disabling's own transaction; one message per disabling.
 */
export async function queueEndpointDisabledNotice(
  tx: DbOrTx,
  params: { endpoint: Pick<WebhookEndpointRow, "id" | "ownerId" | "url">; reason: string; failingSince: Date; now: Date },
): Promise<void> {
  const { endpoint, reason, failingSince, now } = params;
  await queueNotificationJobs(tx, [
    job({
      dedupeKey: `webhook_endpoint_disabled:${endpoint.id}:${now.toISOString()}`,
      kind: "webhook_endpoint_disabled",
      sessionId: null,
      recipientId: endpoint.ownerId,
      details: { endpointId: endpoint.id, url: endpoint.url, reason, failingSince: failingSince.toISOString(), disabledAt: now.toISOString() },
      nextAttemptAt: now,
      now,
    }),
  ]);
}
