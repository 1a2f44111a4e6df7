/**
 * A client that leaves before its request body is read. The body parser then reports "stream
 * is not readable", which it marks as a 500: the service logged it as an unexpected error.
 * Reproduced on real PostgreSQL, where another connection can hold the address's rate-limit
 * row: the request waits in the limit (before the body parser) while its client sends part of a
 * body and closes the connection; then the row is let go and the request goes on without a client.
 */
import { connect } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs, LEVEL } from "../test-support/captured-logs.js";
import { startTestApp, type TestApp } from "../test-support/test-app.js";
import { openTestDatabase, realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";

const logs = captureLogs();
const t = {} as { database: TestDatabase; app: TestApp; locker: postgres.Sql };
const ABANDONED = "the client closed the connection before its request body arrived";

describe.skipIf(!realPostgresUrl())("a client gone before its body is read (need real PostgreSQL: set DATABASE_URL)", () => {
  beforeAll(async () => {
    t.database = await openTestDatabase();
    // A limit under 200 counts every anonymous request in PostgreSQL as it comes (no lease:
    // address-limits.ts), so a request can be made to wait on the counter's row.
    t.app = await startTestApp(t.database, { logger: logs.logger, env: { RATE_LIMIT_ANONYMOUS: "150" } });
    t.locker = postgres(t.database.url!, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await t.locker?.end();
    await t.app?.close();
    await t.database?.close();
  });

  /** Whether a statement of the app's is waiting on a row lock of the address counter. */
  async function counterIsWaiting(): Promise<boolean> {
    const rows = await t.locker`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%address_rate_limits%'`;
    return rows.length > 0;
  }

  async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting until ${what}\n${logs.text()}`);
  }

  for (const [face, path] of [
    ["GraphQL", "/graphql"],
    ["REST", "/api/live/sessions"],
  ] as const) {
    it(`${face}: logged at info as the client's leaving, not as a server error`, async () => {
      // The address's counter row exists once it has counted one anonymous request.
      expect((await fetch(`${t.app.url}/api/live/sessions?limit=1`)).status).toBe(200);
      logs.clear();
      const { port } = new URL(t.app.url);
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held!: () => void;
      const isHeld = new Promise<void>((r) => (held = r));
      const holding = t.locker.begin(async (sql) => {
        await sql`select * from address_rate_limits for update`;
        held();
        await released;
      });
      try {
        await isHeld;
        const socket = connect(Number(port), "127.0.0.1");
        await new Promise<void>((r) => socket.once("connect", () => r()));
        socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"query":`);
        await until("the request waits in the address limit", counterIsWaiting);
        socket.destroy();
        // The server notices the closed connection before the request moves on.
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        release();
        await holding;
      }
      await until("the request's end was logged", () => logs.lines().some((l) => String(l.msg).startsWith(ABANDONED) || l.level >= LEVEL.error));
      const errors = logs.lines().filter((l) => l.level >= LEVEL.error);
      expect(errors, logs.text()).toEqual([]);
      const abandoned = logs.lines().find((l) => String(l.msg).startsWith(ABANDONED))!;
      expect(abandoned.level).toBe(LEVEL.info);
      expect(abandoned.requestId).toBeTruthy();
    });
  }
});
