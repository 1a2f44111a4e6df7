/**
 * A REST client takes a payment end to end (issue 15: "selling a priced seat over REST"):
 * POST /sessions/:id/checkout opens it with the gateway that takes the price, the student pays in
 * the gateway's checkout (here: the local stand-in, as its customer would), and enroll takes the
 * completed payment. Refusals come in the seed's envelope and change nothing.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { createSessionRest, expectFailure, expectSuccess, rest, seedCreateBody } from "../test-support/rest-client.js";

const t = useTestApp();

async function pricedSession(price: number, currency: string): Promise<string> {
  return createSessionRest(t.app, { ...seedCreateBody(t.app.clock), price, currency });
}

const seats = async (id: string) => expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200).data.session.enrolledCount;

describe("selling a priced seat over REST", () => {
  it.each([
    ["INR", 499, "razorpay", 49_900],
    ["USD", 12.5, "stripe", 1_250],
  ] as const)("a %s class: checkout through %s, pay, enroll", async (currency, price, gateway, minor) => {
    const id = await pricedSession(price, currency);
    const opened = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/checkout`, { as: "priya" }), 200);
    expect(opened.message).toBe("Checkout opened");
    expect(opened.data).toMatchObject({ gateway, amount: price, amountInMinorUnits: minor, currency, publicKey: expect.any(String), reference: expect.any(String) });
    expect("clientSecret" in opened.data).toBe(gateway === "stripe");
    // Nothing granted yet.
    expect(await seats(id)).toBe(0);

    // The customer pays in the gateway's checkout.
    const standIns = t.app.payments!;
    const paymentId = gateway === "stripe" ? standIns.stripe.succeed(opened.data.reference).id : standIns.razorpay.payOrder(opened.data.reference).id;

    const enrolled = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya", body: { paymentId, paymentGateway: gateway } }), 200);
    expect(enrolled.data.participantId).toEqual(expect.any(String));
    expect(await seats(id)).toBe(1);
  });

  it("refuses a free class, the expert's own class, and a caller without a token, changing nothing", async () => {
    const ordersBefore = t.app.payments!.razorpay.orders().length;
    const free = await createSessionRest(t.app, { ...seedCreateBody(t.app.clock), price: 0 });
    expectFailure(await rest(t.app, "POST", `/api/live/sessions/${free}/checkout`, { as: "priya" }), 400, /free/i);
    const priced = await pricedSession(499, "INR");
    expectFailure(await rest(t.app, "POST", `/api/live/sessions/${priced}/checkout`, { as: "deepak" }), 403, /own/);
    const anonymous = await rest(t.app, "POST", `/api/live/sessions/${priced}/checkout`);
    expectFailure(anonymous, 401, "Sign in to do this.");
    // No payment was opened at the gateway (the stand-ins outlive each test's truncate: count).
    expect(t.app.payments!.razorpay.orders()).toHaveLength(ordersBefore);
  });
});
