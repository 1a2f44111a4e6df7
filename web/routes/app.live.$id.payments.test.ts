/**
 * The enroll step of a priced session's page, through its loader and action on the real
 * GraphQL API, with the gateways on the local stand-ins (and, in the last block, none).
 */
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { useTestApp } from "../../api/test-support/hooks.js";
import { sessionInput } from "../../api/test-support/service-harness.js";
import type { TestApp } from "../../api/test-support/test-app.js";
import { outcome, webContextAs } from "../../api/test-support/web-context.js";
import * as detail from "./app.live.$id";

const BASE = "http://app.test";

function helpers(t: { app: TestApp }) {
  async function args(path: string, who: DemoUserKey | null, form?: Record<string, string>) {
    const id = path.split("/")[3]!.split("?")[0]!;
    const request = new Request(`${BASE}${path}`, form ? { method: "POST", body: new URLSearchParams(form) } : undefined);
    return { request, params: { id }, context: await webContextAs(t.app, who) } as never;
  }
  async function priced(overrides: Record<string, unknown> = {}) {
    const c = t.app.composition;
    const deepak = await c.services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"] });
    return c.services.createSession(deepak, sessionInput(t.app.clock, { price: 499, currency: "INR", ...overrides }));
  }
  const page = async (id: string, who: DemoUserKey | null, query = "") =>
    (await detail.loader(await args(`/app/live/${id}${query}`, who))) as Awaited<ReturnType<typeof detail.loader>>;
  const act = async (id: string, who: DemoUserKey | null, form: Record<string, string>) => (await outcome(async () => detail.action(await args(`/app/live/${id}`, who, form)))).value as any;
  return { priced, page, act };
}

describe("with the local gateway stand-ins", () => {
  const t = useTestApp();
  const { priced, page, act } = helpers(t);

  it("tells the page which gateway takes the price and that payments are local", async () => {
    const inr = await priced();
    const eur = await priced({ currency: "EUR", price: 20 });
    expect(await page(inr.id, "priya")).toMatchObject({ localPayments: true, returnedPayment: null, session: { checkoutGateway: "RAZORPAY" } });
    expect((await page(eur.id, "priya")).session.checkoutGateway).toBe("STRIPE");
  });

  it.each([
    ["INR", 499, "Razorpay", "RAZORPAY"],
    ["EUR", 20, "Stripe", "STRIPE"],
  ] as const)("a student pays a %s class on the local test gateway and is enrolled as paid", async (currency, price, name, gateway) => {
    const s = await priced({ currency, price });
    const result = await act(s.id, "priya", { intent: "pay-local" });
    expect(result.ok).toMatch(new RegExp(`^Paid with the local test gateway \\(${name} payment (pi_|pay_)\\w+\\)\\. You're enrolled`));
    const after = await page(s.id, "priya");
    expect(after.session.viewerEnrollment).not.toBeNull();
    const [row] = await t.app.composition.database.query<{ paid: boolean; payment_gateway: string; amount_paid: string }>(
      "select paid, payment_gateway, amount_paid from live_session_participants where session_id = $1",
      [s.id],
    );
    expect(row).toMatchObject({ paid: true, payment_gateway: gateway.toLowerCase() });
    expect(Number(row!.amount_paid)).toBe(price);
  });

  it("opens the gateway's checkout for the browser, then enrolls with the reference the checkout returns", async () => {
    const s = await priced({ currency: "USD", price: 12.5 });
    const { checkout } = await act(s.id, "priya", { intent: "checkout" });
    expect(checkout).toMatchObject({ gateway: "STRIPE", reference: expect.stringMatching(/^pi_/), clientSecret: expect.any(String), amountInMinorUnits: 1250 });
    // Not paid yet: the reference is refused next to its field, nothing is stored.
    const early = await act(s.id, "priya", { intent: "enroll", paymentId: checkout.reference, paymentGateway: "STRIPE" });
    expect(early).toMatchObject({ error: expect.stringMatching(/not completed/), fields: { paymentId: expect.any(String) } });
    t.app.payments!.stripe.succeed(checkout.reference);
    expect(await act(s.id, "priya", { intent: "enroll", paymentId: checkout.reference, paymentGateway: "STRIPE" })).toMatchObject({ ok: expect.stringMatching(/enrolled/) });
  });

  it("passes a Stripe redirect's succeeded PaymentIntent to the page, and refuses a forged reference", async () => {
    const s = await priced();
    expect((await page(s.id, "priya", "?payment_intent=pi_3Abc&redirect_status=succeeded")).returnedPayment).toBe("pi_3Abc");
    expect((await page(s.id, "priya", "?payment_intent=pi_3Abc&redirect_status=failed")).returnedPayment).toBeNull();
    const forged = await act(s.id, "priya", { intent: "enroll", paymentId: "pi_3Abc", paymentGateway: "STRIPE" });
    expect(forged).toMatchObject({ error: expect.stringMatching(/Stripe has no payment "pi_3Abc"/), fields: { paymentId: expect.any(String) } });
  });

  it("a gateway outage while paying leaves the student unenrolled with a message to retry", async () => {
    const s = await priced();
    t.app.payments!.razorpay.failNext("POST /orders", { status: 500 });
    expect(await act(s.id, "priya", { intent: "pay-local" })).toMatchObject({ error: expect.stringMatching(/please try again/) });
    expect((await page(s.id, "priya")).session.viewerEnrollment).toBeNull();
  });
});

describe("with no payment gateway configured", () => {
  const t = useTestApp({ env: { LOCAL_PAYMENTS: "false" } });
  const { priced, page, act } = helpers(t);

  it("shows no checkout and no local gateway, and refuses to open one", async () => {
    const s = await priced();
    expect(await page(s.id, "priya")).toMatchObject({ localPayments: false, session: { checkoutGateway: null } });
    expect(await act(s.id, "priya", { intent: "checkout" })).toMatchObject({ error: expect.stringMatching(/Payments are not configured/) });
    expect(await act(s.id, "priya", { intent: "pay-local" })).toMatchObject({ error: expect.stringMatching(/only exists while the local stand-ins run/) });
  });
});
