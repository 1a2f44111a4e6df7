/**
 * Which errors mean "the database is not there" (a 503 the caller may retry) and which are
 * our bugs (a logged 500). Real driver errors where they can be made without a PostgreSQL
 * server (a refused port, a server that hangs up), and PostgreSQL's error shapes otherwise.
 */
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.js";
import { asDomainError, DATABASE_UNAVAILABLE_MESSAGE, ERROR_MAP } from "../errors-map.js";
import { users } from "./schema.js";
import { databaseUnavailability, isDatabaseUnavailable, pingWithin } from "./availability.js";
import { openDatabase } from "./client.js";

/** A PostgresError as postgres-js builds it from an ErrorResponse. */
const postgresError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`server said ${code}`), { name: "PostgresError", severity: "FATAL", code, ...extra });

/** Drizzle wraps every failed query, with its SQL and parameters in the message. */
const drizzleWrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: secret"), { cause });

/** An ErrorResponse message: FATAL 57P03, as PostgreSQL sends it to a client during start-up. */
function startingUp(): Buffer {
  const fields = Buffer.from("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0");
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

describe("real driver errors", () => {
  let refusedPort: number;
  let startingUpServer: Server;
  let startingUpPort: number;
  beforeAll(async () => {
    const probe = createServer();
    refusedPort = await listen(probe);
    await new Promise((r) => probe.close(r));
    // Answers the startup message as a PostgreSQL that is still starting up does.
    startingUpServer = createServer((socket) => socket.once("data", () => socket.end(startingUp())));
    startingUpPort = await listen(startingUpServer);
  });
  afterAll(async () => {
    await new Promise((r) => startingUpServer.close(r));
  });

  async function failureOf(port: number): Promise<unknown> {
    const database = await openDatabase({ kind: "postgres", url: `postgres://app@127.0.0.1:${port}/app`, maxConnections: 1 });
    try {
      await database.db.select().from(users).limit(1);
    } catch (error) {
      return error;
    } finally {
      await database.close();
    }
    throw new Error("the query was expected to fail");
  }

  it("a refused connection (PostgreSQL stopped), through Drizzle, is SERVICE_UNAVAILABLE", async () => {
    const error = await failureOf(refusedPort);
    expect(databaseUnavailability(error)).toMatchObject({ code: "ECONNREFUSED" });
    expect(asDomainError(error)).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, details: { retryable: true } });
  });

  it("a server that is starting up (FATAL 57P03 on connect) is SERVICE_UNAVAILABLE", async () => {
    const error = await failureOf(startingUpPort);
    expect(databaseUnavailability(error)).toMatchObject({ code: "57P03", message: "the database system is starting up" });
  });

  it("the raw query path (readiness) fails the same way", async () => {
    const database = await openDatabase({ kind: "postgres", url: `postgres://app@127.0.0.1:${refusedPort}/app`, maxConnections: 1 });
    const error = await database.query("select 1").catch((e: unknown) => e);
    await database.close();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe("PostgreSQL's answers", () => {
  it.each([
    ["57P01", "admin_shutdown: the server is stopping or a DBA terminated the connection"],
    ["57P02", "crash_shutdown"],
    ["57P03", "cannot_connect_now: the server is starting up"],
    ["08006", "connection_failure"],
    ["08001", "sqlclient_unable_to_establish_sqlconnection"],
    ["53300", "too_many_connections"],
  ])("%s (%s) is unavailable, directly and wrapped by Drizzle", (code) => {
    expect(databaseUnavailability(postgresError(code))?.code).toBe(code);
    expect(asDomainError(drizzleWrapped(postgresError(code)))?.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("55000 only while the database refuses new connections (ALLOW_CONNECTIONS false)", () => {
    expect(isDatabaseUnavailable(postgresError("55000", { routine: "CheckMyDatabase" }))).toBe(true);
    expect(isDatabaseUnavailable(postgresError("55000", { routine: "currval_oid", severity: "ERROR" }))).toBe(false);
  });

  it.each([
    ["23505", "unique_violation"],
    ["23514", "check_violation"],
    ["40P01", "deadlock_detected"],
    ["42P01", "undefined_table"],
    ["3D000", "invalid_catalog_name (a wrong DATABASE_URL is configuration, not an outage)"],
    ["28P01", "invalid_password"],
  ])("%s (%s) is our bug or our configuration: a 500, not a 503", (code) => {
    expect(isDatabaseUnavailable(postgresError(code, { severity: "ERROR" }))).toBe(false);
    expect(asDomainError(drizzleWrapped(postgresError(code)))).toBeUndefined();
  });
});

describe("asDomainError", () => {
  it("passes domain errors through unchanged, and leaves anything else to the 500 path", () => {
    const domain = new DomainError("NOT_FOUND", "No such session.");
    expect(asDomainError(domain)).toBe(domain);
    for (const other of [new Error("boom"), new TypeError("x is undefined"), "a string", 42, null, undefined, { code: 42 }]) {
      expect(asDomainError(other)).toBeUndefined();
    }
  });

  it("looks through cause chains of any depth and AggregateErrors, and survives a cycle", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(drizzleWrapped(drizzleWrapped(refused)))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("x"), refused]))).toBe(true);
    const cyclic: { cause?: unknown } = new Error("loop");
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });

  it("maps to 503 on REST and SERVICE_UNAVAILABLE on GraphQL, in the one error table", () => {
    expect(ERROR_MAP.SERVICE_UNAVAILABLE).toEqual({ graphql: "SERVICE_UNAVAILABLE", http: 503 });
  });
});

describe("pingWithin", () => {
  it("resolves when the ping does, and rejects at the deadline when it hangs", async () => {
    await expect(pingWithin(async () => 1, 100)).resolves.toBeUndefined();
    const started = performance.now();
    await expect(pingWithin(() => new Promise(() => {}), 150)).rejects.toThrow(/did not answer within 150 ms/);
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pingWithin(() => Promise.reject(new Error("down")), 1000)).rejects.toThrow("down");
  });
});
