/**
 * Changing a scheduled session: its expert (or an admin) corrects what it says, moves it,
 * or changes its seats. Students already enrolled keep their seats: the cap can go down to
 * the number enrolled (and seats held for the waitlist), never below.
 */
import type { SessionRow } from "../../db/schema.js";
import { findSessionById, updateScheduledSession } from "../../repositories/sessions.js";
import { lockSession } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { queueRescheduleNotices } from "../notifications/notification-queue.js";
import { parseInput } from "../parse-input.js";
import { recordSessionEvent } from "../webhooks-out/outbox.js";
import type { Viewer } from "../viewer.js";
import { sessionIdInput, updateSessionInput } from "./session-input.js";
import { offerFreedSeats } from "./waitlist-seats.js";
import { assertEditable, assertMayEdit, assertSchedule, requireSession, requireViewer, withScheduleProblems } from "./session-rules.js";

export interface UpdatedSession {
  session: SessionRow;
  /** The start or the end moved: calendar entries and reminders follow (notifications). */
  rescheduled: boolean;
}

export async function updateSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown, raw: unknown): Promise<UpdatedSession> {
  const editor = requireViewer(viewer);
  const id = parseInput(sessionIdInput, rawId);
  const now = deps.clock.now();
  let input: ReturnType<typeof parseInput<typeof updateSessionInput>>;
  try {
    input = parseInput(updateSessionInput, raw);
  } catch (error) {
    throw withScheduleProblems(error, raw, now);
  }
  const session = requireSession(await findSessionById(deps.db, id), id);
  assertMayEdit(editor, session);
  assertEditable(session);

  const start = input.scheduledStartTime ?? session.scheduledStartTime;
  const end = input.scheduledEndTime ?? session.scheduledEndTime;
  const rescheduled = start.getTime() !== session.scheduledStartTime.getTime() || end.getTime() !== session.scheduledEndTime.getTime();
  // The whole schedule is checked when it moves: a new end must still follow the kept start.
  if (rescheduled) assertSchedule({ scheduledStartTime: start, scheduledEndTime: end }, now);
  if (input.maxParticipants !== undefined) assertSeats(session, input.maxParticipants);

  // The change, the students' notices of a new time and the integrators' event: all or none.
  const updated = await deps.db.transaction(async (tx) => {
    // The session row's strongest lock first, as every change to its seats takes it: an
    // enrollment that has inserted its participant (a key-share lock on this row) finishes
    // before us, rather than deadlocking with our later FOR UPDATE in offerFreedSeats.
    await lockSession(tx, id);
    const row = await updateScheduledSession(tx, {
      id,
      set: {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.thumbnail !== undefined && { thumbnail: input.thumbnail }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
        ...(input.maxParticipants !== undefined && { maxParticipants: input.maxParticipants }),
        ...(rescheduled && { scheduledStartTime: start, scheduledEndTime: end }),
        updatedAt: now,
      },
    });
    if (!row) return undefined;
    if (rescheduled) await queueRescheduleNotices(tx, { session: row, previousStart: session.scheduledStartTime, now });
    // A raised cap (or none) frees seats: the first in line get them at once, as after a cancellation.
    const after = (await offerFreedSeats(deps, tx, id, now)) ?? row;
    await recordSessionEvent(tx, "session.updated", after, now);
    return after;
  });
  if (!updated) {
    // Something changed meanwhile: say what, from the session as it is now.
    const current = requireSession(await findSessionById(deps.db, id), id);
    assertEditable(current);
    if (input.maxParticipants !== undefined) assertSeats(current, input.maxParticipants);
    throw new DomainError("CONFLICT", "The session changed while it was being edited; please reload and try again.");
  }
  deps.logger.info({ sessionId: id, by: editor.id, rescheduled, fields: Object.keys(input) }, "session changed");
  return { session: updated, rescheduled };
}

function assertSeats(session: SessionRow, cap: number | null): void {
  if (session.sessionType === "1-on-1" && cap !== 1) {
    throw new DomainError("BAD_USER_INPUT", "a 1-on-1 session has exactly one seat", { fields: [{ path: "maxParticipants", message: "a 1-on-1 session has exactly one seat" }] });
  }
  const taken = session.enrolledCount + session.heldSeats;
  if (cap !== null && cap < taken) {
    const message = `maxParticipants cannot be less than the ${taken} seat${taken === 1 ? "" : "s"} already taken${session.heldSeats > 0 ? " (enrolled students and seats held for the waitlist)" : " by enrolled students"}`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: "maxParticipants", message }] });
  }
}
