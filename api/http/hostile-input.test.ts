/**
 * Hostile and malformed input (issue 7), through real HTTP on every face of the API: the
 * corpus in api/test-support/hostile-inputs.ts, each case answered with a clear 4xx in its
 * face's envelope, nothing stored, never a 500; then valid input that looks like an
 * attack, stored and shown exactly as sent and escaped in the web pages.
 *
 * One app for the whole file; the database is emptied between groups, not between cases,
 * and each case instead proves it changed nothing by comparing the tables before and after.
 */
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REST_ROUTES } from "../rest/routes.js";
import { TEST_START } from "../test-support/hooks.js";
import { hmsWebhooks } from "../test-support/hms-webhook-payloads.js";
import {
  HOSTILE_INPUTS,
  LITERAL_TITLES,
  type Fixture,
  type GraphQLCase,
  type HostileCase,
  type RestCase,
  type WebhookCase,
} from "../test-support/hostile-inputs.js";
import { createInput } from "../test-support/graphql-documents.js";
import { createSessionRest, expectFailure, expectSuccess, freeSessionBody, rest } from "../test-support/rest-client.js";
import { startTestApp, type TestApp } from "../test-support/test-app.js";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { webContextAs } from "../test-support/web-context.js";
import * as browsePage from "../../web/routes/app.live._index";
import * as sessionPage from "../../web/routes/app.live.$id";

const SECRET = "webhook-secret-for-the-hostile-corpus";
const ctx = {} as { database: TestDatabase; app: TestApp };

beforeAll(async () => {
  ctx.database = await openTestDatabase();
  ctx.app = await startTestApp(ctx.database, { env: { HMS_WEBHOOK_SECRET: SECRET } });
});
afterAll(async () => {
  await ctx.app?.close();
  await ctx.database?.close();
});

/** Empties the database and sets the world every case of a group runs against. */
async function freshWorld(): Promise<Fixture> {
  const { app, database } = ctx;
  await app.emulator.webhooksSettled();
  await database.truncate();
  app.clock.set(TEST_START);
  // Everyone the corpus calls as exists before the first case, so no case adds a user.
  const ids: Record<string, string> = {};
  for (const who of ["deepak", "meera", "priya", "tom", "lena", "admin"] as const) {
    ids[who] = (await app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, who)).me.id;
  }
  const sessionId = await createSessionRest(app, freeSessionBody(app.clock));
  const liveSessionId = await createSessionRest(app, freeSessionBody(app.clock, { title: "Live class" }));
  expectSuccess(await rest(app, "POST", `/api/live/sessions/${liveSessionId}/enroll`, { as: "priya" }), 200);
  const { roomId } = expectSuccess(await rest(app, "POST", `/api/live/sessions/${liveSessionId}/start`, { as: "deepak" }), 200).data;
  const room = { roomId, roomName: `live-session-${liveSessionId}`, sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: app.clock.now() };
  const peer = { peerId: "c0bbae7e-fbc0-48c3-89aa-83f85427acbf", userId: ids.priya!, userName: "Priya Sharma", role: "guest" as const };
  const at = (minutes: number) => new Date(app.clock.now().getTime() + minutes * 60_000);
  return {
    sessionId,
    liveSessionId,
    restCreateBody: freeSessionBody(app.clock, {}, 24),
    gqlCreateInput: createInput(app.clock),
    peerJoin: () => hmsWebhooks.peerJoin(room, peer, at(1)),
    sessionClose: () => hmsWebhooks.sessionClose(room, at(30)),
    recordingSuccess: () => hmsWebhooks.sfuRecordingSuccess(room, `s3://bucket/${roomId}/rec.mp4`, at(30)),
  };
}

const DOMAIN_TABLES = ["users", "live_sessions", "live_session_participants", "room_cleanups", "hms_room_sessions", "peer_presences", "hms_webhook_events"];

/** Every row of every table of ours, as one digest per table. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DOMAIN_TABLES) {
    const [row] = await ctx.database.query<{ n: number; digest: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${table} t`,
    );
    out[table] = `${row!.n}:${row!.digest ?? ""}`;
  }
  return out;
}

const resolve = <T>(value: T | ((f: Fixture) => T), f: Fixture): T =>
  typeof value === "function" ? (value as (f: Fixture) => T)(f) : value;

/** A message for a person: no stack trace, error class or serialised object. */
function expectReadable(message: string): void {
  expect(message.length).toBeGreaterThan(0);
  // "Syntax Error: …" is GraphQL's own wording for the caller; "TypeError: …" would be ours leaking.
  expect(message).not.toMatch(/\n\s+at |\w+Error:|\[object|DomainError|ZodError|Maximum call stack|undefined/);
}

async function runRest(c: RestCase, f: Fixture): Promise<void> {
  const path = `/api/live${c.path.replace(":id", f.sessionId)}`;
  const body = c.body === undefined ? undefined : resolve(c.body, f);
  const rawBody = c.rawBody === undefined ? undefined : resolve(c.rawBody, f);
  const res = await rest(ctx.app, c.method, path, { as: c.as ?? null, body, rawBody, headers: c.headers });
  expectFailure(res, c.status, c.error);
}

async function runGraphQL(c: GraphQLCase, f: Fixture): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json", ...c.headers };
  if (c.as) headers.authorization = `Bearer ${await ctx.app.tokenFor(c.as)}`;
  const payload = c.rawBody ?? JSON.stringify({ query: c.query, variables: c.variables === undefined ? undefined : resolve(c.variables, f) });
  const res = await fetch(`${ctx.app.url}/graphql`, { method: "POST", headers, body: payload });
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(c.status);
  expect(res.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json\b/);
  const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  expect(body.errors?.length, text.slice(0, 500)).toBeGreaterThan(0);
  const codes = typeof c.code === "string" ? [c.code] : c.code;
  for (const error of body.errors!) {
    expect(codes, text.slice(0, 500)).toContain(error.extensions?.code);
    expectReadable(error.message);
  }
  if (c.message) expect(body.errors![0]!.message).toMatch(c.message);
  // Nothing answered for the refused field.
  if (body.data != null) expect(Object.values(body.data).every((v) => v === null)).toBe(true);
}

async function runWebhook(c: WebhookCase, f: Fixture): Promise<void> {
  const headers = c.headers ?? { "content-type": "application/json", "x-webhook-secret": SECRET };
  const payload = c.rawBody ?? JSON.stringify(resolve(c.body, f));
  const res = await fetch(`${ctx.app.url}/api/webhooks/100ms`, { method: "POST", headers, body: payload });
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(c.status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(c.error);
  expectReadable(body.error as string);
}

const RUN: { [F in HostileCase["face"]]: (c: Extract<HostileCase, { face: F }>, f: Fixture) => Promise<void> } = {
  rest: runRest,
  graphql: runGraphQL,
  webhook: runWebhook,
};

/** Cases that exist to see that a reader cannot be made to recurse or stall. */
const MUST_BE_QUICK = /nested|deep|over 1 MB|over 100 KB/;

const FACES: [HostileCase["face"], string][] = [
  ["rest", "REST /api/live/*: {success:false, error} and a 4xx"],
  ["graphql", "GraphQL /graphql: errors with extensions.code"],
  ["webhook", "100ms webhooks: 400, 401 or 413 with {error}"],
];

describe.each(FACES)("hostile input: %s", (face) => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await freshWorld();
  });

  it.each(HOSTILE_INPUTS.filter((c) => c.face === face).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await snapshot();
    const started = performance.now();
    await (RUN[c.face] as (c: HostileCase, f: Fixture) => Promise<void>)(c, fixture);
    const elapsed = performance.now() - started;
    expect(await snapshot()).toEqual(before);
    if (MUST_BE_QUICK.test(c.name)) expect(elapsed, `${c.name} took ${Math.round(elapsed)} ms`).toBeLessThan(3_000);
  });

  it("the process is still alive and serving afterwards", async () => {
    const res = await fetch(`${ctx.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await ctx.app.gqlOk<{ sessions: { total: number } }>("{ sessions { total } }")).sessions.total).toBeGreaterThan(0);
  });
});

describe("the corpus", () => {
  const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
  const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
    Object.keys(type.getFields()).map((field) => `${type.name}.${field}`),
  );
  const restOps = REST_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`);
  const targeted = new Set(HOSTILE_INPUTS.map((c) => c.op));

  it("has at least 150 cases, with unique names", () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(150);
    const names = HOSTILE_INPUTS.map((c) => `${c.face}: ${c.name}`);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("aims at every REST route, every GraphQL root field and the webhook endpoint", () => {
    expect(restOps.filter((op) => !targeted.has(op))).toEqual([]);
    expect(rootFields.filter((op) => !targeted.has(op))).toEqual([]);
    expect(targeted.has("POST /api/webhooks/100ms")).toBe(true);
  });

  it("names only operations that exist", () => {
    const known = new Set([...restOps, ...rootFields, "POST /api/webhooks/100ms", "*", "transport"]);
    expect([...targeted].filter((op) => !known.has(op))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------

const SESSION_TEXT = "query($id: ID!) { session(id: $id) { title description metadata { category tags } } }";
const LIST_TEXT = "query($category: String) { sessions(category: $category, limit: 100) { total items { id title description } } }";

/** React's escaping of text and attribute values. */
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Server-renders a page of the web app (its real loader over the real API), as a visitor. */
async function renderPage(route: { loader: unknown; default: unknown }, pattern: string, path: string): Promise<string> {
  const handler = createStaticHandler([{ id: "page", path: pattern, loader: route.loader as never, Component: route.default as never }]);
  const context = await handler.query(new Request(`http://app.test${path}`), { requestContext: await webContextAs(ctx.app, null) });
  if (context instanceof Response) throw new Error(`the page answered ${context.status}`);
  expect(context.errors).toBeNull();
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

describe("valid input that looks like an attack is stored and shown literally", () => {
  beforeAll(async () => {
    await freshWorld();
  });

  it("titles and descriptions with SQL, HTML, template syntax and unicode read back exactly, through GraphQL and REST", async () => {
    const { app } = ctx;
    const created: { id: string; title: string }[] = [];
    for (const [i, title] of LITERAL_TITLES.entries()) {
      const viaRest = await createSessionRest(app, freeSessionBody(app.clock, { title, description: `About: ${title}` }, i + 1));
      const viaGraphQL = (
        await app.gqlOk<{ createSession: { id: string } }>(
          "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }",
          { input: createInput(app.clock, { title, description: `About: ${title}` }, i + 30) },
          "deepak",
        )
      ).createSession.id;
      created.push({ id: viaRest, title }, { id: viaGraphQL, title });
    }
    for (const { id, title } of created) {
      const gql = await app.gqlOk<{ session: { title: string; description: string } }>(SESSION_TEXT, { id });
      expect(gql.session).toMatchObject({ title, description: `About: ${title}` });
      const json = expectSuccess(await rest(app, "GET", `/api/live/sessions/${id}`), 200).data.session;
      expect([json.title, json.description]).toEqual([title, `About: ${title}`]);
    }
    const restList = expectSuccess(await rest(app, "GET", "/api/live/sessions?limit=100"), 200);
    const gqlList = (await app.gqlOk<{ sessions: { total: number; items: { id: string; title: string }[] } }>(LIST_TEXT, {})).sessions;
    for (const { id, title } of created) {
      expect(restList.data.find((s: { id: string }) => s.id === id)?.title).toBe(title);
      expect(gqlList.items.find((s) => s.id === id)?.title).toBe(title);
    }
    // The table the first title names is still there, with every row.
    const [{ n }] = (await ctx.database.query<{ n: number }>("select count(*)::int as n from live_sessions")) as [{ n: number }];
    expect(n).toBe(created.length + 2);
    expect(gqlList.total).toBe(created.length + 2);
  });

  it("a filter value with SQL in it matches only the sessions whose category holds it as text", async () => {
    const { app } = ctx;
    const category = "Hatha' OR '1'='1";
    const tags = ["<b>calm</b>", "x'); --"];
    const id = await createSessionRest(app, freeSessionBody(app.clock, { title: "Quoted category", metadata: { category, tags } }));
    const viaRest = expectSuccess(await rest(app, "GET", `/api/live/sessions?category=${encodeURIComponent(category)}`), 200);
    expect(viaRest.data.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(viaRest.data[0].metadata).toEqual({ category, tags });
    const viaGraphQL = (await app.gqlOk<{ sessions: { items: { id: string }[] } }>(LIST_TEXT, { category })).sessions;
    expect(viaGraphQL.items.map((s) => s.id)).toEqual([id]);
    expect((await app.gqlOk<{ sessions: { total: number } }>(LIST_TEXT, { category: "' OR 1=1 --" })).sessions.total).toBe(0);
    // A search is words, never SQL or tsquery syntax: the quote, the operators are not words.
    const searched = expectSuccess(await rest(app, "GET", `/api/live/sessions?search=${encodeURIComponent("quoted' OR '1'='1")}`), 200);
    expect(searched.total).toBe(0);
    expect(expectSuccess(await rest(app, "GET", `/api/live/sessions?search=${encodeURIComponent("quoted') | !(cat")}`), 200).data.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it("a feedback comment with HTML and SQL reads back exactly for the expert", async () => {
    const { app } = ctx;
    const comment = `<script>alert('x')</script> '); DROP TABLE live_session_participants;--`;
    const id = await createSessionRest(app, freeSessionBody(app.clock, { title: "Rated class" }));
    expectSuccess(await rest(app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
    const { roomId } = expectSuccess(await rest(app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200).data;
    const priyaId = (await app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, "priya")).me.id;
    app.emulator.joinPeer(roomId, { userId: priyaId, role: "guest", name: "Priya Sharma" });
    await app.emulator.webhooksSettled();
    app.clock.advance(30 * 60_000);
    expectSuccess(await rest(app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" }), 200);
    await app.emulator.webhooksSettled();
    const sent = expectSuccess(await rest(app, "POST", `/api/live/sessions/${id}/feedback`, { as: "priya", body: { rating: 5, comment } }), 200);
    expect(sent.data.comment).toBe(comment);
    const seen = await app.gqlOk<{ session: { feedback: { comments: { comment: string }[] } } }>(
      "query($id: ID!) { session(id: $id) { feedback { comments { comment } } } }",
      { id },
      "deepak",
    );
    expect(seen.session.feedback.comments.map((c) => c.comment)).toEqual([comment]);
    const participants = expectSuccess(await rest(app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200).data.session.participants;
    expect(participants.map((p: { feedbackComment: string }) => p.feedbackComment)).toEqual([comment]);
  });

  it("the web pages escape them: the session page and the browse card show the text, never run it", async () => {
    const { app } = ctx;
    const title = "<script>alert(1)</script>";
    const description = `"><img src=x onerror=alert(1)> Robert'); DROP TABLE live_sessions;--`;
    const category = "<b>Hatha</b>";
    const id = await createSessionRest(app, freeSessionBody(app.clock, { title, description, metadata: { category, difficulty: "Beginner" } }, 2));

    const page = await renderPage(sessionPage, "/app/live/:id", `/app/live/${id}`);
    expect(page).toContain(`<h1>${escapeHtml(title)}</h1>`);
    expect(page).toContain(escapeHtml(description));
    expect(page).toContain(escapeHtml(category));

    const browse = await renderPage(browsePage, "/app/live", `/app/live?category=${encodeURIComponent(category)}`);
    expect(browse).toContain(escapeHtml(title));
    expect(browse).toContain(escapeHtml(category));

    for (const html of [page, browse]) {
      expect(html).not.toContain("<script>alert(1)");
      expect(html).not.toMatch(/<img src="?x"? onerror/);
      expect(html).not.toContain("<b>Hatha</b>");
    }
  });
});
