/** Taking a seat in a session, and the video token that lets a person into its room. */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import { findParticipant, insertParticipantIfAbsent, listEnrollmentsOfUser } from "../../repositories/participants.js";
import { ALREADY_USED_MESSAGE, type VerifiedPayment, verifyPayment } from "../payments/payment-verification.js";
import { findSessionById, takeHeldSeat, takeSeat } from "../../repositories/sessions.js";
import { deleteWaitlistEntry, takeOffer } from "../../repositories/waitlist.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { newId } from "../ids.js";
import { takeRateLimitedAttempt } from "../rate-limits/rate-limits.js";
import { enrollmentNotices } from "../notifications/notification-queue.js";
import { queueNotificationJobs } from "../../repositories/notifications.js";
import { parseInput } from "../parse-input.js";
import type { VideoRole } from "../ports.js";
import type { Viewer } from "../viewer.js";
import { recordEnrollmentEvent } from "../webhooks-out/outbox.js";
import { type PaymentInput, paymentInput, sessionIdInput } from "./session-input.js";
import {
  assertEnrollable,
  assertJoinable,
  assertNotOwnSession,
  isFree,
  joinTokenExpiry,
  requireSession,
  requireViewer,
  roleInRoom,
  SESSION_FULL_MESSAGE,
} from "./session-rules.js";

export interface Enrollment {
  participant: ParticipantRow;
  session: SessionRow;
  /** False when the viewer was already enrolled and this call changed nothing. */
  created: boolean;
}

export async function enroll(
  deps: ServiceDeps,
  viewer: Viewer | null,
  rawSessionId: unknown,
  rawPayment?: unknown,
): Promise<Enrollment> {
  const student = requireViewer(viewer);
  // The attempt is counted whatever follows (bad input included), and the limit is answered
  // before anything else; the count and both reads share one round trip to the database.
  const counted = takeRateLimitedAttempt(deps, "enroll", student);
  let sessionId: string;
  let payment: PaymentInput | undefined;
  try {
    sessionId = parseInput(sessionIdInput, rawSessionId);
    payment = rawPayment == null ? undefined : parseInput(paymentInput, rawPayment);
  } catch (error) {
    await counted;
    throw error;
  }
  const [, found, existing] = await Promise.all([
    counted,
    findSessionById(deps.db, sessionId),
    findParticipant(deps.db, { sessionId, userId: student.id }),
  ]);
  const session = requireSession(found, sessionId);
  assertNotOwnSession(student, session);

  // Enrolling twice is not an error: it answers with the first enrollment.
  if (existing) return { participant: existing, session, created: false };

  let verified: VerifiedPayment | undefined;
  try {
    verified = await checkEnrollable(deps, session, payment, student);
  } catch (error) {
    // The same person's concurrent call (a double-tap, a retried request) may have enrolled
    // them since we looked: the seat is then theirs, and "full" or "payment already used"
    // would be a false alarm. Answer with the enrollment instead.
    if (!(error instanceof DomainError)) throw error;
    const since = await findParticipant(deps.db, { sessionId, userId: student.id });
    if (since) return { participant: since, session, created: false };
    throw error;
  }

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Insert first: a concurrent enrollment of the same person, or with the same payment,
    // waits on the unique keys and then finds this row instead of taking a second seat.
    const participant = await insertParticipantIfAbsent(tx, {
      id: newId("part"),
      sessionId,
      userId: student.id,
      userName: student.name,
      userEmail: student.email,
      userAvatar: student.avatarUrl,
      enrolledAt: now,
      paid: verified !== undefined,
      paymentId: verified?.paymentId ?? null,
      paymentGateway: verified?.gateway ?? null,
      amountPaid: verified ? session.price : null,
      createdAt: now,
      updatedAt: now,
    });
    if (!participant) {
      const first = await findParticipant(tx, { sessionId, userId: student.id });
      if (first) return { participant: first, session, created: false };
      // Not this person's row, so the payment's: it paid for someone else's seat first.
      throw new DomainError("BAD_USER_INPUT", ALREADY_USED_MESSAGE, { fields: [{ path: "paymentId", message: ALREADY_USED_MESSAGE }] });
    }
    // A seat offered from the waitlist is theirs while the offer lasts; anyone else needs a free one.
    // The notices' calendar sequence is read now too, before the seat's lock is taken.
    const [offer, notices] = await Promise.all([takeOffer(tx, { sessionId, userId: student.id, now }), enrollmentNotices(tx, { session, participant, now })]);
    const seated = offer ? await takeHeldSeat(tx, { id: sessionId, now }) : await takeSeat(tx, { id: sessionId, now });
    if (!seated) {
      const current = await findSessionById(tx, sessionId);
      if (current) assertEnrollable(current, now);
      throw new DomainError("SESSION_FULL", SESSION_FULL_MESSAGE);
    }
    // From the seat to the commit every other enrollment in this session waits on its row lock:
    // the rest is three statements sent at once (pipelined on the transaction's connection), so
    // the lock is held for one round trip and the commit. Every lock these take belongs to this
    // session, so holding its row first keeps them in one order with every other seat change
    // (waitlist-seats.ts).
    await Promise.all([
      offer ? undefined : deleteWaitlistEntry(tx, { sessionId, userId: student.id }),
      queueNotificationJobs(tx, notices),
      recordEnrollmentEvent(tx, "enrollment.created", participant, seated, now),
    ]);
    return { participant, session: seated, created: true };
  });
}

/**
 * Whether the session takes a new enrollment now, and the verified payment when it is priced.
 * The payment is asked outside the transaction: no row lock is held while a gateway is slow
 * or down, and a refusal or an outage leaves nothing behind.
 */
async function checkEnrollable(deps: ServiceDeps, session: SessionRow, payment: PaymentInput | undefined, student: Viewer): Promise<VerifiedPayment | undefined> {
  assertEnrollable(session, deps.clock.now());
  if (isFree(session)) return undefined;
  if (!payment) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `This session costs ${session.price} ${session.currency}: include paymentId and paymentGateway (stripe or razorpay) from your payment.`,
      { fields: [{ path: "paymentId", message: "paymentId is required for a paid session" }] },
    );
  }
  return verifyPayment(deps, session, payment, student);
}

export async function myEnrollments(deps: ServiceDeps, viewer: Viewer | null): Promise<ParticipantRow[]> {
  return listEnrollmentsOfUser(deps.db, requireViewer(viewer).id);
}

export interface IssuedJoinToken {
  token: string;
  role: VideoRole;
  userName: string;
  expiresAt: Date;
}

export async function joinToken(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<IssuedJoinToken> {
  const user = requireViewer(viewer);
  await takeRateLimitedAttempt(deps, "joinToken", user);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  // Both reads at once (the enrollment is not needed when the viewer is the expert, but
  // asking costs less than a second round trip for every student).
  const [found, enrollment] = await Promise.all([
    findSessionById(deps.db, sessionId),
    findParticipant(deps.db, { sessionId, userId: user.id }),
  ]);
  const session = requireSession(found, sessionId);
  const role = roleInRoom(user, session, enrollment ?? null);
  const issuedAt = deps.clock.now();
  assertJoinable(session, issuedAt);
  const expiresAt = joinTokenExpiry(session, issuedAt);
  const token = await deps.video.joinToken({
    roomId: session.hmsRoomId!,
    role,
    userId: user.id,
    issuedAt,
    expiresAt,
  });
  return { token, role, userName: user.name, expiresAt };
}
