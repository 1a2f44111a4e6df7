/**
 * Giving freed seats to the waitlist, in the transaction that freed them and under the
 * session row's lock (every change to a session's seats updates that row, so they queue):
 * no seat is given twice and none is left free while someone waits.
 *
 * A free class enrolls the first in line at once. A paid class offers them the seat, held
 * for WAITLIST_HOLD_MINUTES (live_sessions.held_seats) so nobody else takes it while they
 * pay; an offer that lapses moves on to the next (waitlist-service.ts).
 */
import { queueEnrollmentNotices } from "../notifications/notification-queue.js";
import type { SessionRow } from "../../db/schema.js";
import type { DbOrTx } from "../../db/client.js";
import { adjustSeats, deleteWaitlistEntries, firstWaiting, insertParticipantsIfAbsent, offerSeats } from "../../repositories/waitlist.js";
import { lockSession } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { newId } from "../ids.js";
import { DEFAULT_BOOKING_POLICY } from "./booking-policy.js";
import { isFree } from "./session-rules.js";
import { freeSeats } from "./booking-rules.js";
import { recordWaitlistEnrollments } from "../webhooks-out/outbox.js";


/** Hands every free seat to the waitlist; returns the session row as it stands after. */
export async function offerFreedSeats(deps: ServiceDeps, tx: DbOrTx, sessionId: string, now: Date): Promise<SessionRow | undefined> {
  const session = await lockSession(tx, sessionId);
  if (!session) return undefined;
  const enrollable = session.status === "live" || (session.status === "scheduled" && now.getTime() < session.scheduledEndTime.getTime());
  const free = freeSeats(session);
  if (!enrollable || free === null || free === 0) return session;
  const next = await firstWaiting(tx, { sessionId, limit: free });
  if (next.length === 0) return session;

  if (isFree(session)) {
    const seated = await insertParticipantsIfAbsent(
      tx,
      next.map(({ user }) => ({
        id: newId("part"),
        sessionId,
        userId: user.id,
        userName: user.name,
        userEmail: user.email,
        userAvatar: user.avatarUrl,
        enrolledAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await deleteWaitlistEntries(tx, next.map((n) => n.entry.id));
    for (const participant of seated) await queueEnrollmentNotices(tx, { session, participant, now });
    deps.logger.info({ sessionId, enrolled: seated.map((p) => p.userId) }, "freed seats given to the waitlist");
    if (seated.length === 0) return session;
    const after = await adjustSeats(tx, { id: sessionId, enrolled: seated.length, held: 0, now });
    await recordWaitlistEnrollments(tx, seated, after ?? session, now);
    return after;
  }

  const hold = (deps.booking ?? DEFAULT_BOOKING_POLICY).waitlistHoldMinutes;
  const until = new Date(now.getTime() + hold * 60_000);
  await offerSeats(tx, { ids: next.map((n) => n.entry.id), until });
  deps.logger.info({ sessionId, offered: next.map((n) => n.user.id), until }, "freed seats offered to the waitlist");
  return adjustSeats(tx, { id: sessionId, enrolled: 0, held: next.length, now });
}
