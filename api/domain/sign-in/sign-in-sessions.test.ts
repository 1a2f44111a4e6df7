/**
 * The sign-in session rules on a real database, with the real local OpenID Connect provider
 * (and a real client pointed at a closed port when "the provider is down"): what happens
 * when the provider cannot be reached, when there is nothing to renew with, and what the
 * purge removes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOidcClient } from "../../auth/oidc-client.js";
import { closedPort } from "../../test-support/auth.js";
import { signInSessions } from "../../db/schema.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { TEST_START } from "../../test-support/hooks.js";
import { startSignInHarness, TEST_ROLES_CLAIM, type SignInHarness } from "../../test-support/sign-in-harness.js";
import { openTestDatabase, type TestDatabase } from "../../test-support/test-database.js";
import { signInOnWeb } from "../../test-support/web-sign-in.js";
import type { OidcClient } from "../../auth/oidc-client.js";
import { IdentityRefused } from "../ports.js";
import type { Viewer } from "../viewer.js";
import { endSignInSession, identityOfSignInSession, purgeEndedSignInSessions, signOutEverywhere, startSignInSession } from "./sign-in-sessions.js";

const MINUTE = 60_000;
let database: TestDatabase;
let h: SignInHarness;
/** While true, renewals go to a real client whose provider is a closed port. */
let providerDown = false;

beforeAll(async () => {
  database = await openTestDatabase();
  const port = await closedPort();
  const unreachable = createOidcClient({ issuer: `http://127.0.0.1:${port}/`, clientId: "c", clientSecret: "s", appUrl: "http://app.test", rolesClaim: TEST_ROLES_CLAIM, secureCookies: false, renewTimeoutMs: 500 });
  h = await startSignInHarness(database, {
    renewer: (oidc: OidcClient) => ({
      ...oidc,
      renew: (token: string) => (providerDown ? unreachable : oidc).renew(token),
      revoke: (token: string) => (providerDown ? unreachable : oidc).revoke(token),
    }),
  });
});
afterAll(async () => {
  await h?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.truncate();
  h.clock.set(TEST_START);
  providerDown = false;
});

const cookieId = async (who: "priya" | "deepak") => (await signInOnWeb(h.auth, "http://app.test", who)).sessionCookie.slice("__session=".length);
const rows = () => database.db.select().from(signInSessions);

describe("when the provider cannot be reached", () => {
  it("the session goes on with its identity for the grace period, then answers UPSTREAM_UNAVAILABLE, and resumes when the provider is back", async () => {
    const id = await cookieId("priya");
    providerDown = true;
    h.clock.advance(15 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toMatchObject({ subject: "local|priya" });
    h.clock.advance(14 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toMatchObject({ subject: "local|priya" });
    h.clock.advance(1 * MINUTE);
    await expectDomainError(identityOfSignInSession(h.deps, id), "UPSTREAM_UNAVAILABLE", /try again/);
    expect(await rows()).toHaveLength(1);

    providerDown = false;
    expect(await identityOfSignInSession(h.deps, id)).toMatchObject({ subject: "local|priya" });
    expect((await rows())[0]!.identityRefreshedAt).toEqual(h.clock.now());
  });

  it("never past the absolute lifetime", async () => {
    const id = await cookieId("priya");
    providerDown = true;
    h.clock.advance(8 * 60 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toBeNull();
    expect(await rows()).toEqual([]);
  });
});

describe("a session that cannot renew its identity", () => {
  it("without a refresh token (the provider gave none) ends when a renewal is due", async () => {
    const { id } = await startSignInSession(h.deps, { identity: { subject: "auth0|no-offline", roles: [] } });
    h.clock.advance(14 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toMatchObject({ subject: "auth0|no-offline" });
    h.clock.advance(1 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it("with a refresh token sealed under another SESSION_SECRET ends when a renewal is due", async () => {
    const id = await cookieId("deepak");
    await database.query("update sign_in_sessions set refresh_token = 'v1.AAAA.AAAA.AAAA'");
    h.clock.advance(15 * MINUTE);
    expect(await identityOfSignInSession(h.deps, id)).toBeNull();
  });
});

describe("cookie values", () => {
  it("that cannot be a session id, or name no session, stand for nobody", async () => {
    await cookieId("priya");
    for (const value of ["", "x", "a".repeat(43), "' or 1=1 --"]) {
      expect(await identityOfSignInSession(h.deps, value), value).toBeNull();
    }
    expect(await rows()).toHaveLength(1);
  });
});

describe("the purge", () => {
  it("deletes sessions past their lifetime or idle limit and keeps the rest", async () => {
    const start = (subject: string) => startSignInSession(h.deps, { identity: { subject, roles: [] }, refreshToken: "rt" });
    await start("auth0|old"); // signed in at 09:00: idle from 11:00, expired at 17:00
    h.clock.advance(3 * 60 * MINUTE);
    await start("auth0|fresh"); // signed in at 12:00
    expect(await purgeEndedSignInSessions(h.deps)).toBe(1);
    const left = await rows();
    expect(left.map((r) => (r.identity as { subject: string }).subject)).toEqual(["auth0|fresh"]);
    h.clock.advance(119 * MINUTE);
    expect(await purgeEndedSignInSessions(h.deps)).toBe(0);
    h.clock.advance(1 * MINUTE);
    expect(await purgeEndedSignInSessions(h.deps)).toBe(1);
  });
});

describe("signing out", () => {
  /** The refresh tokens this app holds, unsealed, with the sessions' users. */
  const heldTokens = async () => (await rows()).map((r) => ({ userId: r.userId, token: h.deps.signIn!.sealer.open(r.refreshToken!)! }));

  it("revokes the session's refresh token at the provider: a copy of it renews nothing; another session's still does", async () => {
    const mine = await cookieId("priya");
    const [held] = await heldTokens();
    await cookieId("priya"); // a second device
    await endSignInSession(h.deps, mine);
    await expect(h.oidc.renew(held!.token)).rejects.toBeInstanceOf(IdentityRefused);
    const [other] = await heldTokens();
    expect(other!.token).not.toBe(held!.token);
    await expect(h.oidc.renew(other!.token)).resolves.toMatchObject({ identity: { subject: "local|priya" } });
  });

  it("everywhere revokes every device's token", async () => {
    await cookieId("priya");
    await cookieId("priya");
    const held = await heldTokens();
    expect(held).toHaveLength(2);
    const { endedSessions } = await signOutEverywhere(h.deps, { id: held[0]!.userId } as Viewer);
    expect(endedSessions).toBe(2);
    for (const { token } of held) await expect(h.oidc.renew(token)).rejects.toBeInstanceOf(IdentityRefused);
  });

  it("while the provider cannot be reached still ends the session here", async () => {
    const id = await cookieId("deepak");
    providerDown = true;
    await endSignInSession(h.deps, id);
    expect(await rows()).toEqual([]);
    expect(await identityOfSignInSession(h.deps, id)).toBeNull();
  });
});
