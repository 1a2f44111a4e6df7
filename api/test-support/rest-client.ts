/**
 * A fetch wrapper for the REST contract tests (api/rest/*.test.ts): real HTTP against a
 * test app, Bearer tokens from its local issuer, and the seed's request bodies.
 */
import { expect } from "vitest";
import { ERROR_MAP } from "../errors-map.js";
import { REST_FAILURE_CODES } from "../rest/failure-codes.js";
import type { Caller, TestApp } from "./test-app.js";
import type { TestClock } from "./test-clock.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface RestOptions {
  /** Who calls: a demo user key or claims; null or absent sends no Authorization header. */
  as?: Caller;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is; set the content type yourself in `headers`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface RestResponse<B = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON, or the text when the answer is not JSON. */
  body: B;
  text: string;
}

export async function rest<B = any>(app: TestApp, method: HttpMethod, path: string, opts: RestOptions = {}): Promise<RestResponse<B>> {
  const headers: Record<string, string> = {};
  if (opts.as) headers.authorization = `Bearer ${await app.tokenFor(opts.as)}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  if (opts.rawBody !== undefined) body = opts.rawBody;
  Object.assign(headers, opts.headers);
  const res = await fetch(`${app.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get("content-type") ?? "").startsWith("application/json") && text !== "") parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as B, text };
}

/** Asserts a success envelope with this status and returns it (fails with the body otherwise). */
export function expectSuccess<B = any>(res: RestResponse<B>, status: number): B {
  expect(res.status, `expected ${status}, got ${res.status}: ${res.text}`).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
  expect((res.body as { success?: unknown }).success).toBe(true);
  return res.body;
}

/**
 * Asserts the seed's failure envelope, `{success:false, error}` as JSON (never an HTML page),
 * with this status and a readable message matching `message`, plus its machine-readable `code`
 * (one the status belongs to; exactly `code` when given) and `fields` only for bad input.
 * Returns the message.
 */
export function expectFailure(res: RestResponse, status: number, message: RegExp | string, code?: string): string {
  expect(res.status, `expected ${status}, got ${res.status}: ${res.text}`).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
  expect(res.text).not.toMatch(/<html|<!doctype/i);
  const body = res.body as { code?: unknown; fields?: unknown };
  expect(Object.keys(body).sort()).toEqual(body.fields === undefined ? ["code", "error", "success"] : ["code", "error", "fields", "success"]);
  expect(REST_FAILURE_CODES).toContain(body.code);
  if (code !== undefined) expect(body.code).toBe(code);
  const mapped = Object.values(ERROR_MAP).find((e) => e.graphql === body.code);
  if (mapped) expect(mapped.http, `code ${String(body.code)} answered with ${status}`).toBe(status);
  if (body.fields !== undefined) {
    expect(body.code).toBe("BAD_USER_INPUT");
    expect(body.fields).toEqual(expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]));
  }
  expect(res.body.success).toBe(false);
  expect(typeof res.body.error).toBe("string");
  const error = res.body.error as string;
  if (typeof message === "string") expect(error).toBe(message);
  else expect(error).toMatch(message);
  // A sentence for a person: no stack trace, error class or serialised object.
  expect(error).not.toMatch(/\n\s+at |Error:|undefined|\[object|DomainError|ZodError/);
  return error;
}

/** The create body of the seed's "Create Live Session" example, exactly as written. */
export const SEED_CREATE_BODY = {
  title: "Morning Vinyasa Flow",
  description: "Start your day with an energizing vinyasa practice",
  sessionType: "group",
  scheduledStartTime: "2025-11-01T08:00:00Z",
  scheduledEndTime: "2025-11-01T09:00:00Z",
  maxParticipants: 50,
  price: 499,
  currency: "INR",
  thumbnail: "https://example.com/thumbnail.jpg",
  metadata: {
    category: "Vinyasa",
    difficulty: "Intermediate",
    equipment: ["Yoga Mat", "Blocks"],
    tags: ["morning", "energizing"],
  },
} as const;

/** The optional enroll body of the seed's "Enroll in Live Session" example. */
export const SEED_PAYMENT_BODY = { paymentId: "pay_abc123", paymentGateway: "stripe" } as const;

/**
 * The seed's create body with its 08:00–09:00 slot moved to the first such slot after the
 * clock's day (so the start is in the future), and any field overridden.
 */
export function seedCreateBody(clock: TestClock, overrides: Record<string, unknown> = {}, daysAhead = 1): Record<string, unknown> {
  const day = new Date(clock.now());
  day.setUTCDate(day.getUTCDate() + daysAhead);
  const date = day.toISOString().slice(0, 10);
  return {
    ...structuredClone(SEED_CREATE_BODY),
    scheduledStartTime: `${date}T08:00:00Z`,
    scheduledEndTime: `${date}T09:00:00Z`,
    ...overrides,
  };
}

/** Creates a session through REST (as deepak unless told) and returns its id. */
export async function createSessionRest(app: TestApp, body: Record<string, unknown>, as: Caller = "deepak"): Promise<string> {
  const res = await rest(app, "POST", "/api/live/sessions", { as, body });
  expect(res.status, res.text).toBe(201);
  return res.body.data.session.id as string;
}

/** A free session of the seed's shape, `inHours` from the clock's now, lasting an hour. */
export function freeSessionBody(clock: TestClock, overrides: Record<string, unknown> = {}, inHours = 1): Record<string, unknown> {
  const start = new Date(clock.now().getTime() + inHours * 3_600_000);
  return seedCreateBody(clock, {
    price: 0,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
    ...overrides,
  });
}
