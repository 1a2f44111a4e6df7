/**
 * Tokens, secrets and cookies never reach the logs. The whole service runs with the
 * production logger (api/logger.ts) at level trace, writing to memory; real requests then
 * carry a Bearer token, a signed-in session cookie, the 100ms webhook secret (right and
 * wrong), an OAuth authorization code in a URL, and get join tokens back. Not one of those
 * values may appear anywhere in what was logged.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDemoUser } from "./stand-ins/auth0/demo-users.js";
import { compose, type Composition } from "./composition.js";
import { loadEnv } from "./config/env.js";
import { createLogger, loggableUrl } from "./logger.js";
import { CREATE_SESSION, ENROLL, JOIN_TOKEN, START_SESSION, createInput } from "./test-support/graphql-documents.js";
import { hmsWebhooks } from "./test-support/hms-webhook-payloads.js";
import { createTestClock } from "./test-support/test-clock.js";
import { openTestDatabase, type TestDatabase } from "./test-support/test-database.js";
import { graphQLText, type GraphQLDocument } from "./test-support/test-app.js";
import { signInOnWeb } from "./test-support/web-sign-in.js";

const APP_URL = "http://app.test";
const WEBHOOK_SECRET = "whsec-never-in-the-logs-5c1d2e3f";
const SESSION_SECRET = "session-secret-never-in-the-logs-0123456789";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const logged = () => lines.join("");

let database: TestDatabase;
let composition: Composition;
let server: Server;
let url: string;
/** Every credential the requests below carry or receive. */
const secrets = new Map<string, string>([
  ["webhook secret", WEBHOOK_SECRET],
  ["session secret", SESSION_SECRET],
]);

beforeAll(async () => {
  database = await openTestDatabase();
  const env = loadEnv({
    NODE_ENV: "test",
    PORT: "0",
    DEMO_DATA: "false",
    DATA_DIR: "/nonexistent-in-tests",
    APP_URL,
    LOG_LEVEL: "trace",
    HMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    SESSION_SECRET,
  });
  composition = await compose(env, { logger: createLogger(env.LOG_LEVEL, sink), clock: createTestClock(), database });
  server = await new Promise((resolve) => {
    const s = composition.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  composition.listening(server);
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await composition?.close();
  await database?.close();
});

async function bearer(key: "deepak" | "priya") {
  const u = getDemoUser(key);
  return composition.localIssuer!.mintAccessToken({ sub: u.sub, name: u.name, email: u.email, picture: u.picture, roles: [...u.roles] });
}

async function gql(document: GraphQLDocument, variables: Record<string, unknown>, headers: Record<string, string>) {
  const body = JSON.stringify({ query: graphQLText(document), variables });
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe("what reaches the logs", () => {
  it("holds none of the tokens, secrets and cookies of real requests", async () => {
    const expertToken = await bearer("deepak");
    secrets.set("expert's Bearer token", expertToken);
    const asExpert = { authorization: `Bearer ${expertToken}` };

    // A student signed in on the web: her session cookie (and its signature) authenticate her.
    const { sessionCookie } = await signInOnWeb(composition.webAuth, APP_URL, "priya");
    secrets.set("session cookie", sessionCookie.slice("__session=".length));
    secrets.set("session cookie's signature", decodeURIComponent(sessionCookie).split(".").at(-1)!);
    const asStudent = { cookie: `theme=dark; ${sessionCookie}`, origin: APP_URL };

    // The expert schedules and starts a session; the student enrolls; both get join tokens.
    const created = await gql(CREATE_SESSION, { input: createInput(createTestClock(), {}, 1) }, asExpert);
    const id = created.data!.createSession.id as string;
    expect((await gql(ENROLL, { sessionId: id }, asStudent)).errors).toBeUndefined();
    expect((await gql(START_SESSION, { id }, asExpert)).errors).toBeUndefined();
    const gqlToken = await gql(JOIN_TOKEN, { sessionId: id }, asStudent);
    secrets.set("student's join token (GraphQL)", gqlToken.data!.joinToken.token);
    const restToken = await fetch(`${url}/api/live/sessions/${id}/join-token`, { method: "POST", headers: asExpert });
    expect(restToken.status).toBe(200);
    secrets.set("expert's join token (REST)", ((await restToken.json()) as { data: { token: string } }).data.token);
    const cookieRest = await fetch(`${url}/api/live/sessions/${id}/join-token`, { method: "POST", headers: asStudent });
    expect(cookieRest.status).toBe(200);
    secrets.set("student's join token (REST, cookie)", ((await cookieRest.json()) as { data: { token: string } }).data.token);

    // Refused credentials must not be logged either: a forged token, a guessed webhook secret.
    const forged = `${expertToken.slice(0, -6)}AAAAAA`;
    secrets.set("forged Bearer token", forged);
    expect((await fetch(`${url}/api/live/sessions/${id}/enroll`, { method: "POST", headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const guessed = "guessed-webhook-secret-123456";
    secrets.set("guessed webhook secret", guessed);

    // 100ms's webhook with its secret header, and one with a wrong secret.
    const session = await composition.services.getSession(null, id);
    const room = { roomId: session!.hmsRoomId!, roomName: "r", sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: new Date() };
    const join = hmsWebhooks.peerJoin(room, { peerId: "peer-1", userId: "usr_x", userName: "X", role: "guest" }, new Date());
    for (const [secret, status] of [[WEBHOOK_SECRET, 200], [guessed, 401]] as const) {
      const res = await fetch(`${url}/api/webhooks/100ms`, { method: "POST", headers: { "content-type": "application/json", "x-webhook-secret": secret }, body: JSON.stringify(join) });
      expect(res.status).toBe(status);
    }

    // An OAuth callback's code and state in a URL (the API answers 404 without the web app).
    const code = "authorization-code-never-in-the-logs";
    secrets.set("OAuth code", code);
    secrets.set("OAuth state", "oauth-state-never-in-the-logs");
    await fetch(`${url}/auth/callback?code=${code}&state=oauth-state-never-in-the-logs`, { headers: { cookie: sessionCookie } });
    await fetch(`${url}/api/live/sessions?token=${expertToken}`);
    // Stripe's return from a redirect-based payment: its client secret is in the query.
    const clientSecret = "pi_3Nv0abcdef_secret_never-in-the-logs-42";
    secrets.set("Stripe's payment_intent_client_secret", clientSecret);
    const stripeReturn = `/api/live/sessions?payment_intent=pi_3Nv0abcdef&payment_intent_client_secret=${clientSecret}&redirect_status=succeeded`;
    await (await fetch(`${url}${stripeReturn}`)).text();

    // Something unexpected, logged whole: an HTTP client's error with the request it made.
    composition.deps.logger.error(
      { err: Object.assign(new Error("boom"), { config: { headers: { Authorization: `Bearer ${expertToken}` } } }), req: { headers: { authorization: `Bearer ${expertToken}`, cookie: sessionCookie } } },
      "an error carrying credentials",
    );

    // The request line is written when the response has finished, which can be just after the
    // client has read it: wait for the last request's line before reading the capture.
    await vi.waitFor(() => expect(logged()).toContain('"url":"/api/live/sessions?payment_intent='), { timeout: 5000 });
    const output = logged();
    // The capture works: requests, with their ids and paths, and the error were logged.
    expect(output).toMatch(/"url":"\/graphql"/);
    expect(output).toMatch(/"url":"\/api\/webhooks\/100ms"/);
    expect(output).toContain('"url":"/api/live/sessions?payment_intent=pi_3Nv0abcdef&payment_intent_client_secret=[redacted]&redirect_status=succeeded"');
    expect(output).toMatch(/an error carrying credentials/);
    expect(output).toMatch(/\[redacted\]/);
    for (const [what, value] of secrets) expect(value.length, what).toBeGreaterThan(15);
    const leaks = [...secrets].flatMap(([what, value]) => lines.filter((l) => l.includes(value)).map((l) => `${what} in: ${l.slice(0, 300)}`));
    expect(leaks).toEqual([]);
  });
});

describe("loggableUrl", () => {
  it.each([
    ["/auth/callback?code=abc&state=xyz", "/auth/callback?code=[redacted]&state=[redacted]"],
    ["/x?access_token=t&page=2", "/x?access_token=[redacted]&page=2"],
    ["/r?X-Amz-Signature=s&X-Amz-Expires=60", "/r?X-Amz-Signature=[redacted]&X-Amz-Expires=60"],
    ["/api/live/sessions?status=live&limit=20", "/api/live/sessions?status=live&limit=20"],
    ["/p?payment_intent=pi_1&payment_intent_client_secret=pi_1_secret_2", "/p?payment_intent=pi_1&payment_intent_client_secret=[redacted]"],
    ["/p?api_key=k&apiKey=k&refreshToken=t&auth_code=c&user_password=p&Webhook-Signature=s", "/p?api_key=[redacted]&apiKey=[redacted]&refreshToken=[redacted]&auth_code=[redacted]&user_password=[redacted]&Webhook-Signature=[redacted]"],
    ["/p?razorpay_signature=s&razorpay_payment_id=pay_1", "/p?razorpay_signature=[redacted]&razorpay_payment_id=pay_1"],
    ["/plain", "/plain"],
    ["/odd?%E0%A4%A=1&code", "/odd?%E0%A4%A=1&code"],
  ])("%s → %s", (given, expected) => {
    expect(loggableUrl(given)).toBe(expected);
  });
});
