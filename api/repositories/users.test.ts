/**
 * The user's upsert commits without waiting for the WAL flush (users.ts); the relaxed setting
 * must end with its own statement, or every later write on the same connection (an
 * enrollment, a payment) would commit without its flush too.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { upsertUserBySubject } from "./users.js";

let database: TestDatabase;

beforeAll(async () => {
  // One connection: the statement after the upsert runs where the upsert ran.
  database = await openTestDatabase({ maxConnections: 1 });
});
afterAll(async () => {
  await database?.close();
});

it("the upsert's relaxed commit ends with it: the connection's next statement waits for its flush again", async () => {
  const [before] = await database.query<{ synchronous_commit: string }>("show synchronous_commit");
  expect(before!.synchronous_commit).toBe("on");
  const row = await upsertUserBySubject(database.db, {
    id: "usr_flush",
    authSubject: "auth0|flush",
    name: "Flush",
    email: null,
    avatarUrl: null,
    roles: ["expert"],
    identityIssuedAt: null,
    now: new Date("2030-01-15T09:00:00.123Z"),
  });
  expect(row).toMatchObject({ id: "usr_flush", roles: ["expert"], email: null, createdAt: new Date("2030-01-15T09:00:00.123Z") });
  const [after] = await database.query<{ synchronous_commit: string }>("show synchronous_commit");
  expect(after!.synchronous_commit).toBe("on");
});
