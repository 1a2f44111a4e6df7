/**
 * What a viewer may do with a session right now, for faces that offer actions (the web's
 * buttons) to ask instead of re-deriving the rules. Every answer runs the same rule
 * functions the services run, in the same order, on data the request has already read
 * (the session row, the viewer, the viewer's enrollment), so an action offered here is
 * one the mutation accepts, and a refusal carries the mutation's own message.
 *
 * Two kinds of "no" are not the mutation's: per-user rate limits (they pass with time and
 * say so themselves), and repeating an action that is already done. Enrolling again,
 * starting a live session or ending an ended one is harmless to the API (it answers with
 * what is there), but is not offered: the answer says it is done instead.
 */
import type { ParticipantRow, SessionRow, WaitlistEntryRow } from "../../db/schema.js";
import { type BookingPolicy, DEFAULT_BOOKING_POLICY } from "./booking-policy.js";
import { assertBookingCancellable, assertBookingWindow, assertWaitlistOpen, freeSeats } from "./booking-rules.js";
import { assertCanGiveFeedback } from "../feedback/feedback-rules.js";
import { DomainError, type DomainErrorCode } from "../errors.js";
import { requireCheckoutGateway } from "../payments/checkout-service.js";
import type { PaymentGatewayName } from "../ports.js";
import { assertHasRecording, assertMayWatchRecording } from "../recordings/recording-rules.js";
import type { Viewer } from "../viewer.js";
import {
  assertCancellable,
  assertEditable,
  assertMayEdit,
  assertEndable,
  assertEnrollable,
  assertJoinable,
  assertMayCancel,
  assertNotOwnSession,
  assertOwner,
  assertSeatLeft,
  assertStartable,
  earlyStartCaution,
  isFree,
  joinTokenExpiry,
  requireViewer,
  roleInRoom,
} from "./session-rules.js";

/** The error codes a refusal can carry: those the rules below throw. */
export const REFUSAL_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "FAILED_PRECONDITION", "SESSION_FULL", "CONFLICT"] as const satisfies readonly DomainErrorCode[];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Ability {
  allowed: boolean;
  /** Why not, in a sentence a person can act on; null when allowed. */
  reason: string | null;
  /** The error code the mutation would answer (or CONFLICT for an action already done); null when allowed. */
  code: RefusalCode | null;
  /** Allowed, but worth asking again first (starting well before the scheduled time); null otherwise. */
  caution?: string | null;
}

/** Each answers for the mutation of its name (enroll, startSession, endSession, …). */
export const SESSION_ACTIONS = ["enroll", "start", "end", "cancel", "edit", "join", "watchRecording", "rate", "cancelEnrollment", "joinWaitlist", "leaveWaitlist"] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];
export type SessionPermissions = Record<SessionAction | "waitForStart", Ability>;

export interface PermissionFacts {
  viewer: Viewer | null;
  session: SessionRow;
  /** The viewer's enrollment in the session; null when there is none (or no viewer). */
  enrollment: ParticipantRow | null;
  now: Date;
  /** The gateway that would take a priced session's payment (checkoutGateway); null when none can. */
  gateway: PaymentGatewayName | null;
  /** The viewer's place on the session's waitlist; null when they are not on it. */
  waitlistEntry?: WaitlistEntryRow | null;
  /** The cancellation cut-off; DEFAULT_BOOKING_POLICY when absent. */
  booking?: BookingPolicy;
}

/** Thrown for an action that is already done: harmless to repeat, pointless to offer. */
class AlreadyDone extends DomainError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

interface Check {
  /** The service's checks, in its order (the viewer's own first). */
  full(viewer: Viewer | null): void;
  /**
   * The checks that refuse everyone, whoever signs in. A visitor who is not signed in is
   * told these first: "enrollment is closed" helps them more than "sign in".
   */
  session(): void;
  /** What a signed-out visitor is told when the session itself would allow the action. */
  signIn: string;
}

function checksFor(f: PermissionFacts): Record<SessionAction, Check> {
  const { session, enrollment, now } = f;
  const policy = f.booking ?? DEFAULT_BOOKING_POLICY;
  const entry = f.waitlistEntry ?? null;
  return {
    cancelEnrollment: {
      full: (viewer) => {
        requireViewer(viewer);
        assertBookingCancellable(session, enrollment, now, policy);
      },
      session: () => assertBookingWindow(session, now, policy),
      signIn: "Sign in to cancel your booking.",
    },
    joinWaitlist: {
      full: (viewer) => {
        const student = requireViewer(viewer);
        assertNotOwnSession(student, session);
        if (entry) throw new AlreadyDone(entry.status === "offered" ? "A seat is held for you: enroll before the offer lapses." : "You are on this session's waitlist.");
        assertWaitlistOpen(session, now, Boolean(enrollment));
      },
      session: () => {
        assertEnrollable(session, now);
        if (freeSeats(session) !== 0) throw new DomainError("FAILED_PRECONDITION", "Seats are free in this session: enroll instead of joining its waitlist.");
      },
      signIn: "Sign in to join the waitlist.",
    },
    leaveWaitlist: {
      full: (viewer) => {
        requireViewer(viewer);
        if (!entry) throw new DomainError("NOT_FOUND", "You are not on this session's waitlist.");
      },
      session: () => {},
      signIn: "Sign in to manage your place on the waitlist.",
    },
    enroll: {
      full: (viewer) => {
        const student = requireViewer(viewer);
        assertNotOwnSession(student, session);
        if (enrollment) throw new AlreadyDone("You are enrolled in this session.");
        seatable();
      },
      session: () => seatable(),
      signIn: "Sign in to enroll in this session.",
    },
    start: {
      full: (viewer) => {
        assertOwner(requireViewer(viewer), session, "start");
        assertStartable(session, now);
        if (session.status === "live") throw new AlreadyDone("This session is live: its room is open.");
      },
      session: () => assertStartable(session, now),
      signIn: "Sign in as the session's expert to start it.",
    },
    end: {
      full: (viewer) => {
        assertOwner(requireViewer(viewer), session, "end");
        if (session.status === "ended") throw new AlreadyDone("This session has ended.");
        assertEndable(session);
      },
      session: () => assertEndable(session),
      signIn: "Sign in as the session's expert to end it.",
    },
    cancel: {
      full: (viewer) => {
        assertMayCancel(requireViewer(viewer), session);
        assertCancellable(session);
      },
      session: () => assertCancellable(session),
      signIn: "Sign in as the session's expert to cancel it.",
    },
    edit: {
      full: (viewer) => {
        assertMayEdit(requireViewer(viewer), session);
        assertEditable(session);
      },
      session: () => assertEditable(session),
      signIn: "Sign in as the session's expert to change it.",
    },
    join: {
      full: (viewer) => {
        roleInRoom(requireViewer(viewer), session, enrollment);
        roomOpen();
      },
      session: () => roomOpen(),
      signIn: "Sign in to join the class.",
    },
    watchRecording: {
      full: (viewer) => {
        assertMayWatchRecording(requireViewer(viewer), session, enrollment);
        assertHasRecording(session);
      },
      session: () => assertHasRecording(session),
      signIn: "Sign in to watch the recording.",
    },
    rate: {
      full: (viewer) => {
        assertCanGiveFeedback(requireViewer(viewer), session, enrollment, now);
      },
      // Whether the session can be rated at all depends on who attended: nothing to say first.
      session: () => {},
      signIn: "Sign in to rate this session.",
    },
  };

  /** The enroll service's checks on the session (its transaction takes the seat). */
  function seatable(): void {
    assertEnrollable(session, now);
    assertSeatLeft(session, entry, now);
    if (!isFree(session)) requireCheckoutGateway(f.gateway);
  }

  /** The join-token service's checks on the session. */
  function roomOpen(): void {
    assertJoinable(session, now);
    joinTokenExpiry(session, now);
  }
}

/**
 * Whether waiting for the room to open is worth it: the viewer will be let in (its expert,
 * or enrolled) and the session is scheduled and can still be started. Not a mutation: it
 * tells a page to offer the waiting room rather than say the class is over.
 */
function waitForStart(f: PermissionFacts): Ability {
  const { session, enrollment, now } = f;
  if (!f.viewer) return { allowed: false, reason: "Sign in to join the class.", code: "UNAUTHENTICATED" };
  const viewer = f.viewer;
  return answer(() => {
    roleInRoom(viewer, session, enrollment);
    assertStartable(session, now);
    if (session.status === "live") throw new AlreadyDone("This session is live: its room is open.");
  });
}

const ALLOWED: Ability = { allowed: true, reason: null, code: null };

const isRefusalCode = (code: DomainErrorCode): code is RefusalCode => (REFUSAL_CODES as readonly string[]).includes(code);

function answer(check: () => void): Ability {
  try {
    check();
    return ALLOWED;
  } catch (error) {
    // Any other error (a rule that needs input or an upstream) would be our bug here: let it surface.
    if (error instanceof DomainError && isRefusalCode(error.code)) return { allowed: false, reason: error.message, code: error.code };
    throw error;
  }
}

/** Every action's answer for the viewer. */
export function sessionPermissions(f: PermissionFacts): SessionPermissions {
  const checks = checksFor(f);
  const result = { waitForStart: waitForStart(f) } as SessionPermissions;
  for (const action of SESSION_ACTIONS) {
    const check = checks[action];
    if (f.viewer) {
      result[action] = answer(() => check.full(f.viewer));
    } else {
      const refusedToAll = answer(() => check.session());
      result[action] = refusedToAll.allowed ? { allowed: false, reason: check.signIn, code: "UNAUTHENTICATED" } : refusedToAll;
    }
  }
  if (result.start.allowed) {
    const caution = earlyStartCaution(f.session, f.now);
    if (caution) result.start = { ...result.start, caution };
  }
  return result;
}
