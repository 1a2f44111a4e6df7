/**
 * The enroll step of a session's page. Free: one button. Priced: the gateway's checkout
 * (the server opens the payment, the gateway's own page takes it, then we enroll with its
 * reference, which the server verifies with the gateway); with the local stand-ins, one
 * button pays on the local test gateway instead; with no gateway, it says so.
 */
import { Form, useSubmit } from "@remix-run/react";
import { useCallback } from "react";
import { formatPrice, GATEWAY_NAME } from "../lib/format";
import { GatewayCheckout, type CheckoutData } from "./gateway-checkout";

export type { CheckoutData };

export interface EnrollStepProps {
  session: { id: string; title: string; isFree: boolean; price: number; currency: string; checkoutGateway?: "STRIPE" | "RAZORPAY" | null };
  signedIn: boolean;
  busy: boolean;
  /** The local payment stand-ins run: pay on the local test gateway instead of the real checkout. */
  localPayments: boolean;
  /** A Stripe PaymentIntent that came back from a redirect, succeeded. */
  returnedPayment: string | null;
  /** A payment the server just opened for the gateway's checkout. */
  checkout?: CheckoutData;
  fields?: Record<string, string>;
}

export function EnrollStep({ session, signedIn, busy, localPayments, returnedPayment, checkout, fields }: EnrollStepProps) {
  const submit = useSubmit();
  const price = formatPrice(session.price, session.currency, session.isFree);
  const gateway = session.checkoutGateway ?? null;
  const onPaid = useCallback(
    (paymentId: string) => submit({ intent: "enroll", paymentId, paymentGateway: checkout?.gateway ?? "STRIPE" }, { method: "post" }),
    [submit, checkout?.gateway],
  );

  if (session.isFree || !signedIn) {
    return (
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="enroll" />
        {!session.isFree && <p>This class costs {price}.</p>}
        <div>
          <button className="primary" disabled={busy}>{signedIn ? "Enroll" : "Sign in to enroll"}</button>
        </div>
      </Form>
    );
  }
  if (!gateway) {
    return <p>This class costs {price}. Payments are not configured on this server, so it cannot be booked online yet.</p>;
  }
  const problem = fields?.paymentId ?? fields?.paymentGateway;
  return (
    <div className="form">
      <p>This class costs {price}.</p>
      {returnedPayment ? (
        <Form method="post">
          <input type="hidden" name="intent" value="enroll" />
          <input type="hidden" name="paymentId" value={returnedPayment} />
          <input type="hidden" name="paymentGateway" value="STRIPE" />
          <p>Stripe has confirmed your payment.</p>
          <button className="primary" disabled={busy}>Finish enrolling</button>
        </Form>
      ) : localPayments ? (
        <Form method="post">
          <input type="hidden" name="intent" value="pay-local" />
          <button className="primary" disabled={busy}>Pay {price} with the local test gateway</button>
          <p className="hint">
            This server runs local stand-ins of Stripe and Razorpay: no money moves. With real gateway keys this button opens{" "}
            {GATEWAY_NAME[gateway]}'s own checkout.
          </p>
        </Form>
      ) : checkout ? (
        <GatewayCheckout checkout={checkout} title={session.title} onPaid={onPaid} />
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="checkout" />
          <button className="primary" disabled={busy}>Pay {price} with {GATEWAY_NAME[gateway]}</button>
        </Form>
      )}
      <details open={Boolean(problem)}>
        <summary>Paid already? Enroll with your payment reference</summary>
        <Form method="post" className="row">
          <input type="hidden" name="intent" value="enroll" />
          <label>
            Payment reference
            <input name="paymentId" required placeholder="pi_… or pay_…" autoComplete="off" aria-invalid={Boolean(problem)} aria-describedby={problem ? "payment-problem" : undefined} />
          </label>
          {/* Said once, here beside the reference (the page leaves it out of its own messages). */}
          {problem && (
            <p className="error" id="payment-problem" role="alert">
              {problem}
            </p>
          )}
          <label>
            Paid with
            <select name="paymentGateway" defaultValue={gateway}>
              <option value="STRIPE">Stripe</option>
              <option value="RAZORPAY">Razorpay</option>
            </select>
          </label>
          <div>
            <button className="secondary" disabled={busy}>Enroll</button>
          </div>
        </Form>
      </details>
    </div>
  );
}
