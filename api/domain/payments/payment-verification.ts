/**
 * Whether a payment reference buys a seat: the gateway is asked (never the client), and the
 * payment must have been opened by our checkout for this session and this student (what our
 * server wrote on it at the gateway), be completed, in the session's currency, for its price
 * in minor units, and not already have paid for an enrollment. A reference alone proves
 * nothing about who paid: it shows up in receipts, screenshots and shared links. Called before the enrollment's transaction, so
 * no row is locked while a gateway is slow; the unique index on (gateway, reference)
 * settles the races that slip between this check and the insert.
 */
import type { SessionRow } from "../../db/schema.js";
import { findParticipantByPayment } from "../../repositories/participants.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { type PaymentGatewayName, type PaymentVerifier, UpstreamError } from "../ports.js";
import { formatMinorUnits, toMinorUnits } from "../sessions/currency.js";
import type { PaymentInput } from "../sessions/session-input.js";
import type { Viewer } from "../viewer.js";

export interface VerifiedPayment {
  gateway: PaymentGatewayName;
  paymentId: string;
  amountMinor: number;
}

const GATEWAY_LABEL: Record<PaymentGatewayName, string> = { stripe: "Stripe", razorpay: "Razorpay" };
const REFERENCE_KIND: Record<PaymentGatewayName, string> = {
  stripe: "the id of a Stripe PaymentIntent (pi_…)",
  razorpay: "the id of a Razorpay payment (pay_…)",
};

export const ALREADY_USED_MESSAGE = "This payment has already been used for an enrollment; each payment pays for one seat.";

/** The gateway's verifier, or a 400 that names the gateway and what the server does take. */
export function requireGateway(deps: ServiceDeps, gateway: PaymentGatewayName): PaymentVerifier {
  const verifiers = deps.payments?.verifiers ?? {};
  const verifier = verifiers[gateway];
  if (verifier) return verifier;
  const others = (Object.keys(verifiers) as PaymentGatewayName[]).filter((g) => verifiers[g]);
  const instead = others.length > 0 ? `Pay with ${others.join(" or ")} instead.` : "This server cannot take payments for priced sessions until a gateway is set up.";
  const message = `Payments through ${gateway} are not configured on this server. ${instead}`;
  throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: "paymentGateway", message }] });
}

/** A gateway call; its failure is a retryable UPSTREAM_UNAVAILABLE that says nothing changed. */
export async function callGateway<T>(deps: ServiceDeps, gateway: PaymentGatewayName, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    deps.logger.warn({ gateway, err: error.message, status: error.status }, "payment gateway unavailable");
    throw new DomainError(
      "UPSTREAM_UNAVAILABLE",
      `The payment gateway (${gateway}) could not ${what} just now. You have not been enrolled and no seat was taken; please try again in a moment.`,
      { retryable: true },
    );
  }
}

function refused(message: string): DomainError {
  return new DomainError("BAD_USER_INPUT", message, { fields: [{ path: "paymentId", message }] });
}

/** Where a person gets a payment this server accepts. */
const PAY_THROUGH_CHECKOUT = "Pay through this app's checkout for this session (the Enroll button on its page, or the startCheckout mutation), then enroll with that payment.";

export async function verifyPayment(deps: ServiceDeps, session: SessionRow, payment: PaymentInput, payer: Viewer): Promise<VerifiedPayment> {
  const { paymentGateway: gateway, paymentId } = payment;
  const verifier = requireGateway(deps, gateway);
  const label = GATEWAY_LABEL[gateway];

  // Cheap and common (a resubmitted form): no need to ask the gateway about a spent reference.
  if (await findParticipantByPayment(deps.db, { paymentGateway: gateway, paymentId })) throw refused(ALREADY_USED_MESSAGE);

  const found = await callGateway(deps, gateway, "confirm your payment", () => verifier.findPayment(paymentId));
  if (!found) {
    throw refused(`${label} has no payment "${paymentId}". Send ${REFERENCE_KIND[gateway]} of a completed payment for this session.`);
  }
  // Before anything about the payment's state: someone else's payment is not described to this caller.
  if (found.sessionId === undefined || found.userId === undefined) {
    throw refused(`${label} payment ${found.id} was not made through this app's checkout, so nothing ties it to this session and to you. ${PAY_THROUGH_CHECKOUT}`);
  }
  if (found.sessionId !== session.id) {
    throw refused(`${label} payment ${found.id} was made for another session. ${PAY_THROUGH_CHECKOUT}`);
  }
  if (found.userId !== payer.id) {
    throw refused(`${label} payment ${found.id} was made by another account; a payment enrolls only the person who paid. ${PAY_THROUGH_CHECKOUT}`);
  }
  if (!found.completed) {
    throw refused(`${label} payment ${found.id} is not completed (its status is ${found.status}). Finish paying, then enroll again.`);
  }
  const price = formatMinorUnits(toMinorUnits(session.price, session.currency), session.currency);
  if (found.currency !== session.currency) {
    throw refused(`${label} payment ${found.id} was made in ${found.currency}, but this session costs ${price}.`);
  }
  const expected = toMinorUnits(session.price, session.currency);
  if (found.amountMinor !== expected) {
    throw refused(`${label} payment ${found.id} is for ${formatMinorUnits(found.amountMinor, found.currency)}, but this session costs ${price}.`);
  }
  return { gateway, paymentId: found.id, amountMinor: found.amountMinor };
}
