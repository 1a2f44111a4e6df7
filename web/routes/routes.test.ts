/**
 * Loaders and actions of each page, against the real GraphQL API in-process: sign-in
 * redirects, error codes becoming the right page, validation errors returned to forms.
 */
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { useTestApp } from "../../api/test-support/hooks.js";
import { sessionInput } from "../../api/test-support/service-harness.js";
import { outcome, webContextAs } from "../../api/test-support/web-context.js";
import { payAs } from "../../api/test-support/payments.js";
import * as browse from "./app.live._index";
import * as detail from "./app.live.$id";
import * as token from "./app.live.$id.token";
import * as dashboard from "./app.live.dashboard";
import * as enrollments from "./app.live.enrollments";
import * as host from "./app.live.host.$id";
import * as join from "./app.live.join.$sessionId";
import * as create from "./app.live.new";
import * as callback from "./auth.callback";

const t = useTestApp();
const BASE = "http://app.test";

async function args(path: string, who: DemoUserKey | null, params: Record<string, string> = {}, form?: Record<string, string>) {
  const request = new Request(`${BASE}${path}`, form ? { method: "POST", body: new URLSearchParams(form) } : undefined);
  return { request, params, context: await webContextAs(t.app, who) } as never;
}

async function scheduled(overrides: Record<string, unknown> = {}) {
  const c = t.app.composition;
  const deepak = await c.services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"] });
  return c.services.createSession(deepak, sessionInput(t.app.clock, overrides));
}

const signInRedirect = (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

describe("browse", () => {
  it("lists upcoming sessions to anyone and filters by tab and category", async () => {
    const s = await scheduled({ metadata: { category: "Vinyasa" } });
    await scheduled({ title: "Hatha basics", metadata: { category: "Hatha" } });
    const all = (await browse.loader(await args("/app/live", null))) as Awaited<ReturnType<typeof browse.loader>>;
    expect(all.sessions.total).toBe(2);
    expect(all.sessions.items.every((i) => !i.viewerIsHost && !i.viewerEnrollment)).toBe(true);
    const vinyasa = (await browse.loader(await args("/app/live?category=vinyasa", "priya"))) as Awaited<ReturnType<typeof browse.loader>>;
    expect(vinyasa.sessions.items.map((i) => i.id)).toEqual([s.id]);
    const asExpert = (await browse.loader(await args("/app/live", "deepak"))) as Awaited<ReturnType<typeof browse.loader>>;
    expect(asExpert.sessions.items.every((i) => i.viewerIsHost)).toBe(true);
    const live = (await browse.loader(await args("/app/live?tab=live", null))) as Awaited<ReturnType<typeof browse.loader>>;
    expect(live.sessions.total).toBe(0);
  });
});

describe("session page", () => {
  it("is a 404 page for an unknown id", async () => {
    const { response } = await outcome(async () => detail.loader(await args("/app/live/ses_nope", null, { id: "ses_nope" })));
    expect(response?.status).toBe(404);
  });

  it("sends an anonymous visitor who enrolls to sign in, and back", async () => {
    const s = await scheduled();
    const { response } = await outcome(async () => detail.action(await args(`/app/live/${s.id}`, null, { id: s.id }, { intent: "enroll" })));
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe(signInRedirect(`/app/live/${s.id}`));
  });

  it("asks for the payment reference of a priced session next to its field, then enrolls", async () => {
    const s = await scheduled({ price: 499 });
    const missing = await outcome(async () => detail.action(await args(`/app/live/${s.id}`, "priya", { id: s.id }, { intent: "enroll" })));
    expect(missing.value).toMatchObject({ error: expect.stringMatching(/costs 499 INR/), fields: { paymentId: expect.any(String) } });
    // A real payment on the local Stripe stand-in: the server checks every reference with the gateway.
    const { paymentId } = await payAs(t.app, "priya", s, "stripe");
    const ok = await outcome(async () =>
      detail.action(await args(`/app/live/${s.id}`, "priya", { id: s.id }, { intent: "enroll", paymentId, paymentGateway: "STRIPE" })),
    );
    expect(ok.value).toMatchObject({ ok: expect.stringMatching(/enrolled/) });
  });

  it("answers 403 when another expert tries to start it, and starts it for its own expert", async () => {
    const s = await scheduled();
    const other = await outcome(async () => detail.action(await args(`/app/live/${s.id}`, "meera", { id: s.id }, { intent: "start" })));
    expect(other.response?.status).toBe(403);
    const own = await outcome(async () => detail.action(await args(`/app/live/${s.id}`, "deepak", { id: s.id }, { intent: "start" })));
    expect(own.response?.status).toBe(302);
    expect(own.response?.headers.get("Location")).toBe(`/app/live/host/${s.id}`);
  });
});

describe("new session", () => {
  it("sends anonymous visitors to sign in and refuses students", async () => {
    const anon = await outcome(async () => create.loader(await args("/app/live/new", null)));
    expect(anon.response?.headers.get("Location")).toBe(signInRedirect("/app/live/new"));
    const student = await outcome(async () => create.loader(await args("/app/live/new", "priya")));
    expect(student.response?.status).toBe(403);
  });

  it("returns the server's field errors to the form and creates a valid session", async () => {
    const bad = await outcome(async () =>
      create.action(await args("/app/live/new", "deepak", {}, { title: "ab", scheduledStartTime: "2020-01-01T00:00:00Z", scheduledEndTime: "2020-01-01T01:00:00Z", price: "-5" })),
    );
    expect(bad.value).toMatchObject({ fields: { title: expect.stringMatching(/at least 3/), price: expect.stringMatching(/negative/) } });
    const start = new Date(t.app.clock.now().getTime() + 86_400_000);
    const good = await outcome(async () =>
      create.action(
        await args("/app/live/new", "deepak", {}, {
          title: "Morning Flow",
          sessionType: "GROUP",
          scheduledStartTime: start.toISOString(),
          scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
          price: "0",
          currency: "INR",
          equipment: "Mat, Blocks",
        }),
      ),
    );
    expect(good.response?.headers.get("Location")).toMatch(/^\/app\/live\/ses_[a-z0-9]+$/);
  });
});

describe("expert and student pages", () => {
  it("the dashboard is for experts and lists their own sessions", async () => {
    const s = await scheduled();
    expect((await outcome(async () => dashboard.loader(await args("/app/live/dashboard", "priya")))).response?.status).toBe(403);
    expect((await outcome(async () => dashboard.loader(await args("/app/live/dashboard", null)))).response?.status).toBe(302);
    const own = (await dashboard.loader(await args("/app/live/dashboard", "deepak"))) as Awaited<ReturnType<typeof dashboard.loader>>;
    expect(own.sessions.map((x) => x.id)).toEqual([s.id]);
    const other = (await dashboard.loader(await args("/app/live/dashboard", "meera"))) as Awaited<ReturnType<typeof dashboard.loader>>;
    expect(other.sessions).toEqual([]);
  });

  it("my classes sends anonymous visitors to sign in and lists a student's enrollments", async () => {
    const s = await scheduled();
    const anon = await outcome(async () => enrollments.loader(await args("/app/live/enrollments", null)));
    expect(anon.response?.headers.get("Location")).toBe(signInRedirect("/app/live/enrollments"));
    await detail.action(await args(`/app/live/${s.id}`, "priya", { id: s.id }, { intent: "enroll" }));
    const mine = (await enrollments.loader(await args("/app/live/enrollments", "priya"))) as Awaited<ReturnType<typeof enrollments.loader>>;
    expect(mine.upcoming.map((x) => x.session.id)).toEqual([s.id]);
  });

  it("the host room is its expert's alone", async () => {
    const s = await scheduled();
    expect((await outcome(async () => host.loader(await args(`/app/live/host/${s.id}`, "meera", { id: s.id })))).response?.status).toBe(403);
    expect((await outcome(async () => host.loader(await args(`/app/live/host/${s.id}`, null, { id: s.id })))).response?.status).toBe(302);
    const own = await outcome(async () => host.loader(await args(`/app/live/host/${s.id}`, "deepak", { id: s.id })));
    expect(own.value).toMatchObject({ session: { id: s.id, status: "SCHEDULED" } });
  });

  it("the join page needs sign-in, knows enrollment, and 404s unknown sessions", async () => {
    const s = await scheduled();
    const anon = await outcome(async () => join.loader(await args(`/app/live/join/${s.id}`, null, { sessionId: s.id })));
    expect(anon.response?.headers.get("Location")).toBe(signInRedirect(`/app/live/join/${s.id}`));
    const notEnrolled = await outcome(async () => join.loader(await args(`/app/live/join/${s.id}`, "tom", { sessionId: s.id })));
    expect(notEnrolled.value).toMatchObject({ session: { viewerEnrollment: null } });
    const unknown = await outcome(async () => join.loader(await args("/app/live/join/ses_nope", "tom", { sessionId: "ses_nope" })));
    expect(unknown.response?.status).toBe(404);
  });

  it("the room's token endpoint answers 403 to someone not enrolled and a token to the expert", async () => {
    const s = await scheduled();
    await t.app.composition.services.startSession(await t.app.composition.services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] }), s.id);
    const refused = (await token.action(await args(`/app/live/${s.id}/token`, "tom", { id: s.id }, {}))) as Response;
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN", error: expect.stringMatching(/Enroll/) });
    const ok = (await token.action(await args(`/app/live/${s.id}/token`, "deepak", { id: s.id }, {}))) as Response;
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ role: "HOST", token: expect.any(String) });
  });
});

describe("sign-in callback", () => {
  it("shows a friendly page for a tampered callback, never a 500", async () => {
    const result = await outcome(async () => callback.loader(await args("/auth/callback?state=forged&code=abc", null)));
    expect(result.value).toMatchObject({ message: expect.stringMatching(/expired or was already used|could not be completed/) });
  });
});
