/**
 * Money back in a real browser, at phone size: a student pays for a class (on the local test
 * gateway, through the same verification as a real payment), sees the cancellation policy
 * before paying, the expert cancels the class, the refund worker pays her back through the
 * Stripe stand-in, and she sees the refund on the session page and in My classes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepRefunds } from "../../api/domain/payments/refunds.js";
import { signIn, startE2E, type E2E } from "./browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("refunds", () => {
  it("a student pays, the expert cancels, the student sees her refund", async () => {
    const { services } = e2e.composition;
    const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
    const start = new Date(Date.now() + 24 * 3_600_000);
    // USD goes to Stripe (Razorpay takes INR by default).
    const session = await services.createSession(deepak, {
      title: "Sunrise Ashtanga",
      description: "A full primary series, led.",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
      maxParticipants: 10,
      price: 15,
      currency: "USD",
    });

    // Priya reads the policy, pays and is enrolled.
    const student = await e2e.newUser();
    await signIn(student.page, "Priya Sharma", `/app/live/${session.id}`);
    await expect.poll(() => student.page.getByTestId("cancellation-policy").textContent()).toMatch(/cancel your booking until 2 hours before the start; a paid seat is refunded in full/);
    await student.page.getByRole("button", { name: /Pay \$15\.00 with the local test gateway/ }).click();
    await student.page.getByText(/You're enrolled/).waitFor();
    await expect.poll(() => student.page.getByRole("button", { name: "Cancel my booking" }).isVisible()).toBe(true);
    await e2e.shot(student.page, "refunds-1-student-paid");

    // Deepak cancels the class.
    const expert = await e2e.newUser();
    await signIn(expert.page, "Deepak Kumar", `/app/live/${session.id}`);
    await expert.page.getByRole("button", { name: "Cancel session" }).click();
    // Host actions ask first, saying what happens to the students (web/components/host-action.tsx).
    await expert.page.getByRole("button", { name: "Yes, cancel the class" }).click();
    await expert.page.getByText(/The session is cancelled\. Everyone who paid is refunded in full\./).waitFor();
    await e2e.shot(expert.page, "refunds-2-expert-cancelled");

    // Before the worker has run: cancelled, refund on its way.
    await student.page.goto(`/app/live/${session.id}`);
    await expect.poll(() => student.page.getByTestId("cancelled-notice").textContent()).toMatch(/This class was cancelled by the expert\. Your payment is refunded in full\./);
    expect(await student.page.getByTestId("refund-state").textContent()).toMatch(/Refund: \$15\.00 is on its way/);
    expect(await student.page.getByTestId("refund-state").getAttribute("class")).not.toContain("success");
    await e2e.shot(student.page, "refunds-3-student-refund-pending");

    // The worker pays her back through the Stripe stand-in.
    expect(await sweepRefunds(e2e.composition.deps)).toEqual({ refunded: 1, retrying: 0, failed: 0 });
    const refunds = e2e.composition.paymentStandIns!.stripe.refunds();
    expect(refunds.map((r) => [r.amount, r.currency])).toEqual([[1500, "usd"]]);

    await student.page.reload();
    await expect.poll(() => student.page.getByTestId("refund-state").textContent()).toMatch(/Refund: \$15\.00 has been refunded/);
    // Said as good news (green), where the pending refund above was an amber notice.
    await expect(student.page.getByTestId("refund-state").getAttribute("class")).resolves.toContain("success");
    // The expert sees it too.
    await expert.page.reload();
    await expect.poll(() => expert.page.getByTestId("host-refunds").textContent()).toMatch(/Priya Sharma: \$15\.00 has been refunded/);
    await e2e.shot(expert.page, "refunds-4b-expert-sees-refunds");
    await e2e.shot(student.page, "refunds-4-student-refunded");

    await student.page.goto("/app/live/enrollments");
    await expect.poll(() => student.page.getByTestId("refund-state").first().textContent()).toMatch(/Refunded: \$15\.00/);
    expect(await student.page.getByText("Cancelled by the expert").isVisible()).toBe(true);
    await e2e.shot(student.page, "refunds-5-my-classes");

    await student.context.close();
    await expert.context.close();
  });

  it("a full paid class: a student joins the waitlist, another cancels her booking, the seat is held for the first in line", async () => {
    const { services } = e2e.composition;
    const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
    const start = new Date(Date.now() + 24 * 3_600_000);
    const session = await services.createSession(deepak, {
      title: "One-seat Mysore",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
      maxParticipants: 1,
      price: 15,
      currency: "USD",
    });

    const priya = await e2e.newUser();
    await signIn(priya.page, "Priya Sharma", `/app/live/${session.id}`);
    await priya.page.getByRole("button", { name: /Pay \$15\.00 with the local test gateway/ }).click();
    await priya.page.getByText(/You're enrolled/).waitFor();

    // The class is full: Tom joins its waitlist.
    const tom = await e2e.newUser();
    await signIn(tom.page, "Tom Becker", `/app/live/${session.id}`);
    await expect.poll(() => tom.page.getByTestId("enroll-refused").textContent()).toMatch(/full/);
    await tom.page.getByRole("button", { name: "Join the waitlist" }).click();
    await tom.page.getByText(/You're on the waitlist, number 1 in line\./).first().waitFor();
    await e2e.shot(tom.page, "waitlist-1-joined");

    // Priya cancels her booking from My classes: her seat is freed and refunded.
    await priya.page.goto("/app/live/enrollments");
    await priya.page.locator(".grid > div").filter({ hasText: "One-seat Mysore" }).getByRole("button", { name: "Cancel my booking" }).click();
    await priya.page.getByText(/Your booking is cancelled\. \$15\.00 is being refunded to you\./).waitFor();
    await e2e.shot(priya.page, "waitlist-2-booking-cancelled");

    // The seat is held for Tom, who is offered to pay for it.
    await tom.page.goto(`/app/live/${session.id}`);
    await expect.poll(() => tom.page.getByTestId("waitlist-offer").textContent()).toMatch(/A seat is held for you until .*: book it now/);
    expect(await tom.page.getByRole("button", { name: /Pay \$15\.00 with the local test gateway/ }).isVisible()).toBe(true);
    await e2e.shot(tom.page, "waitlist-3-seat-offered");
    await tom.page.getByRole("button", { name: /Pay \$15\.00 with the local test gateway/ }).click();
    await tom.page.getByText(/You're enrolled/).waitFor();

    await priya.context.close();
    await tom.context.close();
  });
});
