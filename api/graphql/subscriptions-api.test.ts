/**
 * Live updates: GraphQL subscriptions over a real WebSocket (graphql-ws) on /graphql, fed by
 * LISTEN/NOTIFY — a change made over HTTP reaches the subscriber; on PostgreSQL, a change made
 * through one app instance reaches a subscriber on another; unauthorized subscriptions refused.
 */
import { performance } from "node:perf_hooks";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { openDatabase } from "../db/client.js";
import { createSessionId, START_SESSION } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { startTestApp, type TestApp } from "../test-support/test-app.js";
import { realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";
import { signInOnWeb } from "../test-support/web-sign-in.js";

const SESSION_UPDATED = "subscription($id: ID!) { sessionUpdated(id: $id) { id status currentViewers attendedCount enrolledCount recordingAvailable } }";
const MINE = "subscription { mySessionsUpdated { id status enrolledCount } }";
const ENROLL = "mutation($id: ID!) { enroll(sessionId: $id) { id } }";

interface Update {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A graphql-ws client on the app's /graphql, as an integrator's would be (token in connection_init). */
function connect(app: TestApp, token: string | null, onClosed?: (code: number, reason: string) => void): Client {
  return createClient({
    url: `${app.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed?.((event as { code: number }).code, (event as { reason: string }).reason) },
  });
}

/** A client as a browser page would open it: the upgrade carries the page's Origin and, maybe, the sign-in cookie. */
function connectAsPage(app: TestApp, headers: { origin?: string; cookie?: string }, token: string | null, onClosed?: (code: number, reason: string) => void): Client {
  class PageSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string> });
    }
  }
  return createClient({
    url: `${app.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: PageSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed?.((event as { code: number }).code, (event as { reason: string }).reason) },
  });
}

/** Subscribe, and read results one at a time. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: Update[] = [];
  const waiters: ((u: Update) => void)[] = [];
  let ended: unknown;
  const stop = client.subscribe<Record<string, any>>(
    { query, variables },
    {
      next: (value) => (waiters.length ? waiters.shift()!(value as Update) : results.push(value as Update)),
      error: (e) => {
        ended = e;
        const asUpdate = Array.isArray(e) ? { errors: e } : { errors: [{ message: String((e as { reason?: string }).reason ?? e) }] };
        if (waiters.length) waiters.shift()!(asUpdate as Update);
        else results.push(asUpdate as Update);
      },
      complete: () => {},
    },
  );
  return {
    next: () => (results.length ? Promise.resolve(results.shift()!) : new Promise<Update>((resolve) => waiters.push(resolve))),
    stop,
    ended: () => ended,
  };
}

/** The subscription is registered with the server once the server acknowledged the connection and a first round trip passed. */
async function settled(app: TestApp): Promise<void> {
  // One HTTP request after subscribing: the server has read the subscribe message by the time it answers.
  await new Promise((r) => setTimeout(r, 200));
  await app.gql("{ me { id } }", {}, "tom");
}

describe("subscriptions on one instance", () => {
  const t = useTestApp();
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.dispose();
  });
  const client = (token: string | null, onClosed?: (code: number, reason: string) => void) => {
    const c = connect(t.app, token, onClosed);
    clients.push(c);
    return c;
  };

  it("sessionUpdated: a student hears the enrolment count change and the class going live", async () => {
    const id = await createSessionId(t.app);
    const sub = subscribe(client(await t.app.tokenFor("priya")), SESSION_UPDATED, { id });
    await settled(t.app);
    await t.app.gqlOk(ENROLL, { id }, "tom");
    expect(await sub.next()).toEqual({ data: { sessionUpdated: { id, status: "SCHEDULED", currentViewers: 0, attendedCount: 0, enrolledCount: 1, recordingAvailable: false } } });
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    expect((await sub.next()).data?.sessionUpdated).toMatchObject({ id, status: "LIVE" });
    sub.stop();
  });

  it("mySessionsUpdated: an expert hears each of their own classes, not another expert's", async () => {
    const sub = subscribe(client(await t.app.tokenFor("deepak")), MINE);
    await settled(t.app);
    await createSessionId(t.app, {}, 24, "meera");
    const mine = await createSessionId(t.app);
    expect(await sub.next()).toEqual({ data: { mySessionsUpdated: { id: mine, status: "SCHEDULED", enrolledCount: 0 } } });
    sub.stop();
  });

  it("refused: no credentials (closed 4403), a bad token, a student's mySessionsUpdated, an unknown session, a query over the socket", async () => {
    const closes: number[] = [];
    const anonymous = subscribe(client(null, (code) => closes.push(code)), SESSION_UPDATED, { id: "ses_nope" });
    expect((await anonymous.next()).errors?.[0]?.message).toMatch(/Forbidden/);
    expect(closes).toContain(4403);

    const forged = subscribe(client("not-a-token", (code) => closes.push(code)), MINE);
    expect((await forged.next()).errors?.[0]?.message).toMatch(/Forbidden/);

    const student = client(await t.app.tokenFor("priya"));
    expect(await subscribe(student, MINE).next()).toMatchObject({ errors: [{ message: expect.stringMatching(/Only experts/), extensions: { code: "FORBIDDEN" } }] });
    expect(await subscribe(student, SESSION_UPDATED, { id: "ses_unknown" }).next()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    expect((await subscribe(student, "{ me { id } }").next()).errors?.[0]?.message).toMatch(/Only subscriptions are served over WebSocket/);
  });

  it("the sign-in cookie counts only from the app's own origin (APP_URL); a Bearer token counts from any", async () => {
    const { sessionCookie: cookie } = await signInOnWeb(t.app.composition.webAuth, "http://app.test", "deepak");
    const page = (headers: { origin?: string; cookie?: string }, token: string | null = null, onClosed?: (code: number) => void) => {
      const c = connectAsPage(t.app, headers, token, onClosed);
      clients.push(c);
      return c;
    };
    const closes: Record<string, number[]> = { foreign: [], sibling: [], none: [] };
    const foreign = subscribe(page({ origin: "https://evil.example", cookie }, null, (code) => closes.foreign!.push(code)), MINE);
    const sibling = subscribe(page({ origin: "http://app.test:8080", cookie }, null, (code) => closes.sibling!.push(code)), MINE);
    const noOrigin = subscribe(page({ cookie }, null, (code) => closes.none!.push(code)), MINE);
    const sameOrigin = subscribe(page({ origin: "http://app.test", cookie }), MINE);
    const bearerElsewhere = subscribe(page({ origin: "https://integrator.example" }, await t.app.tokenFor("deepak")), MINE);
    await settled(t.app);

    for (const refused of [foreign, sibling, noOrigin]) expect((await refused.next()).errors?.[0]?.message).toMatch(/Forbidden/);
    expect(closes).toEqual({ foreign: [4403], sibling: [4403], none: [4403] });

    const id = await createSessionId(t.app);
    expect(await sameOrigin.next()).toEqual({ data: { mySessionsUpdated: { id, status: "SCHEDULED", enrolledCount: 0 } } });
    expect(await bearerElsewhere.next()).toEqual({ data: { mySessionsUpdated: { id, status: "SCHEDULED", enrolledCount: 0 } } });
    // The refused connections were closed before the change: nothing reached them.
    for (const refused of [foreign, sibling, noOrigin]) expect(refused.ended()).toBeDefined();
    sameOrigin.stop();
    bearerElsewhere.stop();
  });

  it("the depth and cost rules of queries apply", async () => {
    // LiveSession → participants → session → participants → …, 20 levels.
    let inner = "id";
    for (let level = 19; level >= 2; level--) inner = `${level % 2 === 0 ? "session" : "participants"} { ${inner} }`;
    const deep = `subscription { mySessionsUpdated { ${inner} } }`;
    const update = await subscribe(client(await t.app.tokenFor("deepak")), deep).next();
    expect(update.errors?.[0]).toMatchObject({ message: expect.stringMatching(/nested \d+ levels deep; the limit is/), extensions: { code: "QUERY_TOO_COMPLEX", limit: "depth" } });
  });

  it("at most 10 subscriptions per connection", async () => {
    const c = client(await t.app.tokenFor("deepak"));
    const subs = Array.from({ length: 10 }, () => subscribe(c, MINE));
    await settled(t.app);
    const eleventh = await subscribe(c, MINE).next();
    expect(eleventh.errors?.[0]?.message).toMatch(/At most 10 subscriptions per connection/);
    for (const s of subs) s.stop();
  });
});

describe.skipIf(!realPostgresUrl())("subscriptions across two app instances on one PostgreSQL database (need DATABASE_URL)", () => {
  const t = useTestApp();
  const ctx = {} as { b: TestApp; close(): Promise<void> };
  beforeAll(async () => {
    // Instance B: its own composition and its own connection pool (and LISTEN connection) to the same database.
    const own = await openDatabase({ kind: "postgres", url: t.database.url!, maxConnections: 5 });
    const database: TestDatabase = { ...own, url: t.database.url, truncate: async () => {} };
    ctx.b = await startTestApp(database);
    ctx.close = async () => {
      await ctx.b.close();
      await own.close();
    };
  });
  afterAll(() => ctx.close());

  it("a change made through instance A reaches a subscriber on instance B, with no polling", async () => {
    const id = await createSessionId(t.app);
    const client = connect(ctx.b, await ctx.b.tokenFor("priya"));
    try {
      const sub = subscribe(client, SESSION_UPDATED, { id });
      await settled(ctx.b);
      const sent = performance.now();
      await t.app.gqlOk(START_SESSION, { id }, "deepak");
      const update = await sub.next();
      const latency = performance.now() - sent;
      expect(update.data?.sessionUpdated).toMatchObject({ id, status: "LIVE" });
      console.log(`instance A → subscriber on instance B: ${latency.toFixed(1)} ms from the start mutation's request to the update`);
      sub.stop();
    } finally {
      await client.dispose();
    }
  });
});
