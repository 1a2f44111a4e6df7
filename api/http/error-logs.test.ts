/**
 * What an unexpected failure leaves in the logs. The whole service runs with the
 * production logger, writing to memory; the database itself is made to fail (a trigger
 * that raises, as a broken migration or a constraint would), never mocked. Each failure
 * must be answered without internals and logged once with its request id, its cause and
 * its stack, and no line may carry an email address (the failing statements are given some).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDemoUser } from "../stand-ins/auth0/demo-users.js";
import { INTERNAL_ERROR_MESSAGE } from "../errors-map.js";
import { captureLogs, LEVEL, type LogLine } from "../test-support/captured-logs.js";
import { ENROLL, ME } from "../test-support/graphql-documents.js";
import { TEST_START } from "../test-support/hooks.js";
import { createSessionRest, freeSessionBody, rest } from "../test-support/rest-client.js";
import { graphQLText, startTestApp, type TestApp } from "../test-support/test-app.js";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";

const logs = captureLogs();
const t = {} as { database: TestDatabase; app: TestApp };
const EMAILS = ["priya@example.com", "deepak@example.com"];
/** Raised by the trigger: the root cause every log line must carry. */
const CAUSE = "refused by a test trigger on";

beforeAll(async () => {
  t.database = await openTestDatabase();
  t.app = await startTestApp(t.database, { logger: logs.logger });
});
afterAll(async () => {
  await t.app?.close();
  await t.database?.close();
});
beforeEach(async () => {
  await t.app.emulator.webhooksSettled();
  await t.database.query("drop trigger if exists refuse_writes on live_session_participants");
  await t.database.query("drop trigger if exists refuse_writes on users");
  await t.database.truncate();
  t.app.clock.set(TEST_START);
  logs.clear();
});

/** From now on every insert or update of `table` fails with a plain SQL error (not an outage). */
async function refuseWritesTo(table: "users" | "live_session_participants") {
  await t.database.query(`
    create or replace function refuse_writes() returns trigger language plpgsql as $$
    begin raise exception '${CAUSE} %', tg_table_name; end $$`);
  await t.database.query(`create trigger refuse_writes before insert or update on ${table} for each row execute function refuse_writes()`);
}

const errorsOf = (requestId: string): LogLine[] => logs.lines().filter((l) => l.level >= LEVEL.error && l.requestId === requestId);

function expectLoggedWithCause(requestId: string, table: string) {
  const errors = errorsOf(requestId);
  expect(errors, logs.text()).toHaveLength(1);
  const { err } = errors[0]!;
  expect(err?.message).toContain(`${CAUSE} ${table}`);
  expect(err?.stack).toMatch(/\n\s+at /);
  // What was sent to the database is not: only how many values there were.
  expect(err?.message).toMatch(/params: \[\d+ values withheld\]/);
}

function expectNoEmailAddresses() {
  const text = logs.text();
  for (const email of EMAILS) expect(text).not.toContain(email);
  expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
}

describe("an unexpected database error", () => {
  it("inside a GraphQL resolver: INTERNAL_SERVER_ERROR without internals; logged with request id, cause and stack, without the student's email", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
    await t.app.tokenFor("priya");
    await t.app.gqlOk(ME, {}, "priya"); // her user row exists; the enrollment insert is what fails
    await refuseWritesTo("live_session_participants");
    logs.clear();

    const res = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.app.tokenFor("priya")}`, "x-request-id": "req-resolver-1" },
      body: JSON.stringify({ query: graphQLText(ENROLL), variables: { sessionId: id } }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([expect.objectContaining({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } })]);
    expect(JSON.stringify(body)).not.toMatch(/trigger|insert|params|priya@/i);

    expectLoggedWithCause("req-resolver-1", "live_session_participants");
    expectNoEmailAddresses();
  });

  it("while finding the viewer (before any resolver runs): a 500 answered without internals, whose cause is logged with the request id", async () => {
    await refuseWritesTo("users");
    const res = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await t.app.tokenFor("priya")}`, "x-request-id": "req-context-1" },
      body: JSON.stringify({ query: graphQLText(ME) }),
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([expect.objectContaining({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } })]);
    expect(JSON.stringify(body)).not.toMatch(/trigger|insert|params|priya@/i);

    expectLoggedWithCause("req-context-1", "users");
    expectNoEmailAddresses();
  });

  it("in a REST request: the same, in the seed's envelope with the request id", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
    await t.app.gqlOk(ME, {}, "priya");
    await refuseWritesTo("live_session_participants");
    logs.clear();

    const res = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya", headers: { "x-request-id": "req-rest-1" } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ success: false, error: `${INTERNAL_ERROR_MESSAGE} (request id req-rest-1)`, code: "INTERNAL_SERVER_ERROR" });

    expectLoggedWithCause("req-rest-1", "live_session_participants");
    expectNoEmailAddresses();
  });
});

describe("the logger's guard", () => {
  it("withholds email addresses wherever they appear in a line, and keeps the rest", () => {
    const guarded = captureLogs();
    const { email } = getDemoUser("priya");
    guarded.logger.error(
      { err: new Error(`no account for ${email}`), user: { email }, url: `/x?to=${encodeURIComponent("a.b+c@mail.example.co.uk")}&raw=a.b+c@mail.example.co.uk` },
      `could not mail ${email}`,
    );
    const [line] = guarded.lines();
    expect(guarded.text()).not.toContain("@example.com");
    expect(guarded.text()).not.toContain("@mail.example.co.uk");
    expect(line).toMatchObject({ msg: "could not mail [email]", user: { email: "[email]" }, err: { message: "no account for [email]" } });
    // Percent-encoded, as in a logged URL, too.
    expect(line!.url).toBe("/x?to=[email]&raw=[email]");
  });
});
