/** Taking a seat in a session, and the video token that lets a person into its room. */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import { writeEnrollment } from "../../repositories/enrollment-write.js";
import { findParticipant, listEnrollmentsOfUser } from "../../repositories/participants.js";
import { ALREADY_USED_MESSAGE, type VerifiedPayment, verifyPayment } from "../payments/payment-verification.js";
import { findSessionById } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { newId } from "../ids.js";
import { takeRateLimitedAttempt } from "../rate-limits/rate-limits.js";
import { enrollmentNotices } from "../notifications/notification-queue.js";
import { parseInput } from "../parse-input.js";
import type { VideoRole } from "../ports.js";
import type { Viewer } from "../viewer.js";
import { enrollmentCreatedEvents } from "../webhooks-out/outbox.js";
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
  const participant = {
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
  };
  // Everything the enrollment writes is one statement (repositories/enrollment-write.ts): the
  // class's row is locked only while PostgreSQL runs it, which is what bounds how fast a popular
  // class fills. The notices' calendar sequence is read before it.
  const written = await writeEnrollment(deps.db, {
    participant,
    jobs: await enrollmentNotices(deps.db, { session, participant, now }),
    events: enrollmentCreatedEvents(participant),
    change: { sessionId, expertId: session.expertId },
    now,
  });
  if ("participant" in written) return { participant: written.participant, session: written.session, created: true };
  if (written.refused === "participant-exists") {
    // A concurrent call of the same person enrolled them first: that enrollment is the answer.
    const first = await findParticipant(deps.db, { sessionId, userId: student.id });
    if (first) return { participant: first, session, created: false };
    // Not this person's row, so the payment's: it paid for someone else's seat first.
    throw new DomainError("BAD_USER_INPUT", ALREADY_USED_MESSAGE, { fields: [{ path: "paymentId", message: ALREADY_USED_MESSAGE }] });
  }
  // No seat: say why as of now (gone, cancelled, started too long ago, ...), else that it is full.
  assertEnrollable(requireSession(await findSessionById(deps.db, sessionId), sessionId), now);
  throw new DomainError("SESSION_FULL", SESSION_FULL_MESSAGE);
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
