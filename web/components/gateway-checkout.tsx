/**
 * The gateway's own checkout in the browser, for a payment the server opened
 * (`startCheckout`): Stripe's Payment Element for a PaymentIntent, or Razorpay Checkout for
 * an order. Their scripts come from the gateways' CDNs (js.stripe.com,
 * checkout.razorpay.com), loaded on demand in the browser only; the card never touches our
 * server. When the payment succeeds, `onPaid` gets the reference to enroll with, which the
 * server verifies with the gateway like any other.
 */
import { useEffect, useRef, useState } from "react";

export interface CheckoutData {
  gateway: "STRIPE" | "RAZORPAY";
  reference: string;
  clientSecret?: string | null;
  publicKey: string;
  amountInMinorUnits: number;
  currency: string;
}

const SCRIPTS = { STRIPE: "https://js.stripe.com/v3/", RAZORPAY: "https://checkout.razorpay.com/v1/checkout.js" } as const;

/** The few members of Stripe.js and Razorpay Checkout we use. */
interface StripeJs {
  elements(options: { clientSecret: string }): { create(type: "payment"): { mount(el: HTMLElement): void } };
  confirmPayment(options: {
    elements: unknown;
    confirmParams: { return_url: string };
    redirect: "if_required";
  }): Promise<{ error?: { message?: string }; paymentIntent?: { id: string; status: string } }>;
}
interface RazorpayCheckout {
  open(): void;
  on(event: "payment.failed", handler: (response: { error: { description?: string } }) => void): void;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
    Razorpay?: new (options: Record<string, unknown>) => RazorpayCheckout;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[src="${src}"]`);
    if (existing?.getAttribute("data-loaded") === "true") return resolve();
    const script = existing instanceof HTMLScriptElement ? existing : document.createElement("script");
    script.addEventListener("load", () => {
      script.setAttribute("data-loaded", "true");
      resolve();
    });
    script.addEventListener("error", () => reject(new Error(src)));
    if (!existing) {
      script.src = src;
      script.async = true;
      document.head.appendChild(script);
    }
  });
}

export function GatewayCheckout({ checkout, title, onPaid }: { checkout: CheckoutData; title: string; onPaid(paymentId: string): void }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const stripeRef = useRef<{ stripe: StripeJs; elements: unknown } | null>(null);
  const razorpayRef = useRef<RazorpayCheckout | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "paying" | "failed">("loading");
  const [problem, setProblem] = useState<string | null>(null);
  const host = new URL(SCRIPTS[checkout.gateway]).host;

  useEffect(() => {
    let cancelled = false;
    loadScript(SCRIPTS[checkout.gateway])
      .then(() => {
        if (cancelled) return;
        if (checkout.gateway === "STRIPE") {
          const stripe = window.Stripe!(checkout.publicKey);
          const elements = stripe.elements({ clientSecret: checkout.clientSecret! });
          elements.create("payment").mount(mountRef.current!);
          stripeRef.current = { stripe, elements };
          setState("ready");
        } else {
          const razorpay = new window.Razorpay!({
            key: checkout.publicKey,
            order_id: checkout.reference,
            amount: checkout.amountInMinorUnits,
            currency: checkout.currency,
            name: "Live Sessions",
            description: title,
            handler: (response: { razorpay_payment_id: string }) => onPaid(response.razorpay_payment_id),
            modal: { ondismiss: () => setState("ready") },
          });
          razorpay.on("payment.failed", (response) => setProblem(response.error.description ?? "The payment failed."));
          razorpayRef.current = razorpay;
          razorpay.open();
          setState("ready");
        }
      })
      .catch(() => {
        if (cancelled) return;
        setState("failed");
        setProblem(`The payment page could not be loaded from ${host}. Check your connection and try again; you have not been charged.`);
      });
    return () => {
      cancelled = true;
    };
  }, [checkout, title, onPaid, host]);

  async function payWithStripe() {
    const current = stripeRef.current;
    if (!current) return;
    setState("paying");
    setProblem(null);
    // Cards finish here; methods that redirect come back to this page with ?payment_intent=….
    const result = await current.stripe.confirmPayment({
      elements: current.elements,
      confirmParams: { return_url: `${window.location.origin}${window.location.pathname}?gateway=stripe` },
      redirect: "if_required",
    });
    if (result.paymentIntent?.status === "succeeded") return onPaid(result.paymentIntent.id);
    setState("ready");
    setProblem(result.error?.message ?? `The payment is ${result.paymentIntent?.status ?? "not finished"}.`);
  }

  return (
    <div className="checkout" aria-label="Payment">
      {state === "loading" && <p className="hint">Opening the secure payment page…</p>}
      {checkout.gateway === "STRIPE" && (
        <>
          <div ref={mountRef} />
          {state !== "failed" && (
            <button type="button" className="primary" disabled={state !== "ready"} onClick={payWithStripe}>
              {state === "paying" ? "Paying…" : "Pay"}
            </button>
          )}
        </>
      )}
      {checkout.gateway === "RAZORPAY" && state === "ready" && (
        // Razorpay Checkout is a modal; closing it leaves the payment open to try again.
        <button type="button" className="primary" onClick={() => razorpayRef.current?.open()}>
          Open Razorpay Checkout
        </button>
      )}
      {problem && <p role="alert" className="error">{problem}</p>}
    </div>
  );
}
