/**
 * The built web app while its database refuses connections (PostgreSQL's
 * ALLOW_CONNECTIONS false on the test's own database, every backend terminated): pages
 * answer 503 with the app's "briefly unavailable" page, then work again once it is back.
 * Needs real PostgreSQL (DATABASE_URL), as the API's outage tests do.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realPostgresUrl } from "../../api/test-support/test-database.js";
import { startE2E, type E2E } from "./browser.js";

const serverUrl = realPostgresUrl();

describe.skipIf(!serverUrl)("pages while the database is away (need real PostgreSQL: set DATABASE_URL)", () => {
  let e2e: E2E;
  let admin: postgres.Sql;
  let name: string;

  beforeAll(async () => {
    e2e = await startE2E();
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    name = new URL(e2e.database.url!).pathname.slice(1);
  });
  afterAll(async () => {
    await admin?.unsafe(`alter database ${name} allow_connections true`);
    await admin?.end();
    await e2e?.close();
  });

  async function away(yes: boolean) {
    await admin.unsafe(`alter database ${name} allow_connections ${yes ? "false" : "true"}`);
    if (yes) await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  }

  it("answers 503 with the designed page saying to try again, never a 500; and recovers", async () => {
    expect((await fetch(`${e2e.url}/app/live`)).status).toBe(200);
    await away(true);
    try {
      const res = await fetch(`${e2e.url}/app/live`);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain("Live Sessions is briefly unavailable");
      expect(html).toMatch(/try again in a moment/i);
      expect(html).not.toMatch(/Something went wrong|ECONNREFUSED|CheckMyDatabase|select /);

      const { context, page } = await e2e.newUser();
      try {
        const answer = await page.goto("/app/live");
        expect(answer?.status()).toBe(503);
        await expect(page.getByRole("heading", { name: "Live Sessions is briefly unavailable" }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole("link", { name: "Try again" }).isVisible()).resolves.toBe(true);
        await e2e.shot(page, "outage-503");
      } finally {
        await context.close();
      }
    } finally {
      await away(false);
    }
    // Back by itself: the next request reconnects.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await fetch(`${e2e.url}/app/live`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
