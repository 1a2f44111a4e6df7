/**
 * Web sign-in sessions through the whole app (issue 11): the `__session` cookie is only a
 * random id of a session the server holds, so signing out, an admin, the lifetime and idle
 * limits and the identity provider can end it, and a role removed at the provider stops
 * working at the session's next renewal. Sign-in runs the real code flow against the local
 * OpenID Connect provider; GraphQL and REST are called over HTTP with the cookie.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import { signInSessions } from "../db/schema.js";
import { useTestApp } from "../test-support/hooks.js";
import { createInput } from "../test-support/graphql-documents.js";
import { expectFailure, freeSessionBody, rest } from "../test-support/rest-client.js";
import { signInOnWeb } from "../test-support/web-sign-in.js";

const t = useTestApp();
const APP = "http://app.test";
const MINUTE = 60_000;

const signIn = async (who: DemoUserKey) => (await signInOnWeb(t.app.composition.webAuth, APP, who)).sessionCookie;

/** GraphQL as the browser sends it: the session cookie, from the app's own origin. */
async function gqlAs(cookie: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${t.app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: APP },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

const me = async (cookie: string) => (await gqlAs(cookie, "{ me { id name roles } }")).data?.me ?? null;
const createSession = (cookie: string) =>
  gqlAs(cookie, "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }", { input: createInput(t.app.clock) });
const signOut = (cookie: string) => t.app.composition.webAuth.signOut(new Request(`${APP}/auth/logout`, { method: "POST", headers: { cookie } }));
const rows = () => t.database.db.select().from(signInSessions);

describe("the session cookie", () => {
  it("carries only a random id; the server keeps its SHA-256, the identity, and the refresh token sealed", async () => {
    const cookie = await signIn("priya");
    const id = cookie.slice("__session=".length);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const [row, ...others] = await rows();
    expect(others).toEqual([]);
    expect(row!.idHash).toBe(createHash("sha256").update(id).digest("base64url"));
    expect(row!.identity).toMatchObject({ subject: "local|priya", name: "Priya Sharma", roles: [] });
    // offline_access was granted: there is a refresh token, and it is not stored readable.
    expect(row!.refreshToken).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.createdAt.toISOString()).toBe(t.app.clock.now().toISOString());
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(8 * 60 * MINUTE);
  });

  it("copied before sign-out, opens nothing afterwards (GraphQL and REST)", async () => {
    const cookie = await signIn("priya");
    const copy = cookie;
    expect(await me(copy)).toMatchObject({ name: "Priya Sharma" });

    const res = await signOut(cookie);
    expect(res.headers.get("set-cookie")).toMatch(/^__session=;/);
    expect(await rows()).toEqual([]);

    expect(await me(copy)).toBeNull();
    const sessionId = (await t.app.gqlOk<{ createSession: { id: string } }>(
      "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }",
      { input: createInput(t.app.clock) },
      "deepak",
    )).createSession.id;
    const enroll = await rest(t.app, "POST", `/api/live/sessions/${sessionId}/enroll`, { headers: { cookie: copy, origin: APP } });
    expectFailure(enroll, 401, /\S/);
  });
});

describe("the server's limits", () => {
  it("a session ends at its absolute lifetime (8 hours), however busy", async () => {
    const cookie = await signIn("priya");
    for (let elapsed = 0; elapsed < 8 * 60 - 30; elapsed += 30) {
      t.app.clock.advance(30 * MINUTE);
      expect(await me(cookie), `after ${elapsed + 30} minutes`).toMatchObject({ name: "Priya Sharma" });
    }
    t.app.clock.advance(30 * MINUTE);
    expect(await me(cookie)).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it("a session unused for the idle limit (2 hours) ends; using it keeps it alive", async () => {
    const cookie = await signIn("priya");
    t.app.clock.advance(119 * MINUTE);
    expect(await me(cookie)).toMatchObject({ name: "Priya Sharma" });
    t.app.clock.advance(119 * MINUTE);
    expect(await me(cookie)).toMatchObject({ name: "Priya Sharma" });
    t.app.clock.advance(120 * MINUTE);
    expect(await me(cookie)).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it("last_seen_at is written at most once a minute, not on every request", async () => {
    const cookie = await signIn("priya");
    const signedInAt = t.app.clock.now();
    t.app.clock.advance(30_000);
    await me(cookie);
    expect((await rows())[0]!.lastSeenAt).toEqual(signedInAt);
    t.app.clock.advance(30_000);
    await me(cookie);
    expect((await rows())[0]!.lastSeenAt).toEqual(t.app.clock.now());
  });
});

describe("changes at the identity provider", () => {
  it("an expert whose role is removed there can no longer create sessions once the identity is renewed (≤ 15 minutes)", async () => {
    const cookie = await signIn("deepak");
    expect((await createSession(cookie)).errors).toBeUndefined();

    t.app.composition.localOidc!.removeRole("deepak", "expert");
    // Until the next renewal the session acts on the identity it has: that is the 15-minute window.
    t.app.clock.advance(14 * MINUTE);
    expect((await createSession(cookie)).errors).toBeUndefined();

    t.app.clock.advance(1 * MINUTE);
    const refused = await createSession(cookie);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await me(cookie)).toMatchObject({ name: "Deepak Kumar", roles: [] });
    const viaRest = await rest(t.app, "POST", "/api/live/sessions", { body: freeSessionBody(t.app.clock), headers: { cookie, origin: APP } });
    expectFailure(viaRest, 403, /\S/);
  });

  it("an older Bearer token still listing the removed role does not bring it back", async () => {
    const deepak = getDemoUser("deepak");
    // Issued a minute before the sign-in, with the role the provider is about to remove.
    const oldToken = await t.app.issuer.signClaims({
      ...t.app.issuer.accessTokenClaims({ sub: deepak.sub, name: deepak.name, roles: ["expert"] }),
      iat: Math.floor(Date.now() / 1000) - 60,
    });
    const cookie = await signIn("deepak");
    t.app.composition.localOidc!.removeRole("deepak", "expert");
    t.app.clock.advance(15 * MINUTE);
    expect(await me(cookie)).toMatchObject({ roles: [] });

    const res = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${oldToken}` },
      body: JSON.stringify({ query: "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }", variables: { input: createInput(t.app.clock) } }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await me(cookie)).toMatchObject({ roles: [] });
  });

  it("a provider that refuses the renewal (user blocked) ends the session", async () => {
    const cookie = await signIn("lena");
    const other = await signIn("tom");
    t.app.composition.localOidc!.blockUser("lena");
    t.app.clock.advance(15 * MINUTE);
    expect(await me(cookie)).toBeNull();
    const left = await rows();
    expect(left.map((r) => (r.identity as { subject: string }).subject)).toEqual(["local|tom"]);
    expect(await me(other)).toMatchObject({ name: "Tom Becker" });
  });

  it("parallel requests due for renewal share one refresh (a rotated refresh token is never used twice)", async () => {
    const cookie = await signIn("priya");
    t.app.clock.advance(15 * MINUTE);
    const answers = await Promise.all(Array.from({ length: 5 }, () => me(cookie)));
    expect(answers.every((a) => a?.name === "Priya Sharma")).toBe(true);
    expect((await rows())[0]!.identityRefreshedAt).toEqual(t.app.clock.now());
    t.app.clock.advance(15 * MINUTE);
    expect(await me(cookie)).toMatchObject({ name: "Priya Sharma" });
  });
});

describe("ending sessions on purpose", () => {
  it("signOutEverywhere ends every session of the user, in every browser, and no one else's", async () => {
    const laptop = await signIn("priya");
    const phone = await signIn("priya");
    const tom = await signIn("tom");
    const res = await gqlAs(laptop, "mutation { signOutEverywhere { userId endedSessions } }");
    expect(res.errors).toBeUndefined();
    expect(res.data!.signOutEverywhere.endedSessions).toBe(2);
    expect(await me(laptop)).toBeNull();
    expect(await me(phone)).toBeNull();
    expect(await me(tom)).toMatchObject({ name: "Tom Becker" });
  });

  it("endUserSessions: an admin ends a user's sessions; nobody else may", async () => {
    const priya = await signIn("priya");
    const { id: priyaId } = (await me(priya))!;
    const END = "mutation($id: ID!) { endUserSessions(userId: $id) { userId endedSessions } }";

    for (const caller of ["deepak", "tom"] as const) {
      const refused = await t.app.gql(END, { id: priyaId }, caller);
      expect(refused.errors?.[0]?.extensions?.code, caller).toBe("FORBIDDEN");
    }
    expect((await gqlAs(priya, END, { id: priyaId })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await me(priya)).toMatchObject({ name: "Priya Sharma" });

    const unknown = await t.app.gql(END, { id: "usr_nobody" }, "admin");
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    expect(await t.app.gqlOk(END, { id: priyaId }, "admin")).toEqual({ endUserSessions: { userId: priyaId, endedSessions: 1 } });
    expect(await me(priya)).toBeNull();
  });
});

describe("profile claims from tokens", () => {
  it.each([
    ["a NUL", "Ada\u0000 Lovelace", "Ada Lovelace"],
    ["a right-to-left override", "\u202Egnp.exe", "gnp.exe"],
  ])("%s in a Bearer token's name neither fails the request nor is stored", async (_case, name, expected) => {
    const res = await t.app.gql<{ me: { name: string } }>("{ me { name } }", {}, { sub: "auth0|odd-name", name });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toEqual({ name: expected });
  });
});
