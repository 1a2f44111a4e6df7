/**
 * The web checkout's first step: open a payment with the gateway that suits the session
 * (a Stripe PaymentIntent or a Razorpay order) for the student to pay in the gateway's own
 * checkout. Opening one grants nothing: the seat comes from `enroll`, which verifies the
 * resulting payment like any other.
 */
import type { SessionRow } from "../../db/schema.js";
import { findParticipant } from "../../repositories/participants.js";
import { findSessionById } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { takeRateLimitedAttempt } from "../rate-limits/rate-limits.js";
import type { OpenedCheckout, PaymentGatewayName } from "../ports.js";
import { toMinorUnits } from "../sessions/currency.js";
import { sessionIdInput } from "../sessions/session-input.js";
import { findWaitlistEntry } from "../../repositories/waitlist.js";
import { assertEnrollable, assertNotOwnSession, assertSeatLeft, isFree, requireSession, requireViewer } from "../sessions/session-rules.js";
import type { Viewer } from "../viewer.js";
import { callGateway } from "./payment-verification.js";

/**
 * The gateway whose checkout takes this session's price: Razorpay for its currencies when
 * it can, otherwise Stripe, otherwise whichever can. Null for a free session, or when no
 * configured gateway can open a checkout (the page then says payments are not configured).
 */
export function checkoutGateway(deps: ServiceDeps, session: Pick<SessionRow, "price" | "currency">): PaymentGatewayName | null {
  if (isFree(session)) return null;
  const verifiers = deps.payments?.verifiers ?? {};
  const stripe = verifiers.stripe?.canOpenCheckout === true;
  const razorpay = verifiers.razorpay?.canOpenCheckout === true;
  if (razorpay && deps.payments?.razorpayCurrencies.includes(session.currency)) return "razorpay";
  if (stripe) return "stripe";
  return razorpay ? "razorpay" : null;
}

/** A priced session needs a gateway that can take its price. */
export function requireCheckoutGateway(gateway: PaymentGatewayName | null): PaymentGatewayName {
  if (!gateway) {
    throw new DomainError("FAILED_PRECONDITION", "Payments are not configured on this server, so priced sessions cannot be booked online yet.");
  }
  return gateway;
}

/** A checkout as the API answers it: the gateway's, with the price in major units beside its minor units (README "Money"). */
export type CheckoutForClient = OpenedCheckout & { amount: number };

export async function startCheckout(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<CheckoutForClient> {
  const student = requireViewer(viewer);
  // Each checkout opens a payment at the gateway: it counts as an enrollment attempt.
  await takeRateLimitedAttempt(deps, "enroll", student);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const session = requireSession(await findSessionById(deps.db, sessionId), sessionId);
  assertNotOwnSession(student, session);
  if (await findParticipant(deps.db, { sessionId, userId: student.id })) {
    throw new DomainError("CONFLICT", "You are already enrolled in this session; there is nothing to pay.");
  }
  assertEnrollable(session, deps.clock.now());
  if (isFree(session)) throw new DomainError("FAILED_PRECONDITION", "This session is free: enroll without paying.");
  // Nobody should pay for a seat that is not there.
  assertSeatLeft(session, (await findWaitlistEntry(deps.db, { sessionId, userId: student.id })) ?? null, deps.clock.now());
  const gateway = requireCheckoutGateway(checkoutGateway(deps, session));
  const verifier = deps.payments!.verifiers[gateway]!;
  const opened = await callGateway(deps, gateway, "open a checkout", () =>
    verifier.openCheckout({
      sessionId: session.id,
      userId: student.id,
      amountMinor: toMinorUnits(session.price, session.currency),
      currency: session.currency,
      description: session.title,
    }),
  );
  // Every amount the API answers is in major units; the minor units are what the gateway's widget takes.
  return { ...opened, amount: session.price };
}
