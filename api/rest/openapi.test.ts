/**
 * GET /api/live/openapi.json: an OpenAPI 3.1 document that lists every route and every
 * error status each can answer, and whose response schemas the real answers satisfy.
 * Responses gathered through a whole lifecycle (successes and failures) are validated
 * with ajv against the document itself, so a response shape that drifts fails here.
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import {
  SEED_PAYMENT_BODY,
  createSessionRest,
  expectSuccess,
  rest,
  seedCreateBody,
  type HttpMethod,
  type RestOptions,
} from "../test-support/rest-client.js";
import { startTestApp } from "../test-support/test-app.js";
import { openTestDatabase } from "../test-support/test-database.js";
import { TEST_START as T0, useTestApp } from "../test-support/hooks.js";
import { REST_ROUTES } from "./routes.js";
import { seedPaymentBody } from "../test-support/payments.js";

const t = useTestApp();
let doc: OpenApiDocument;
let ajv: Ajv2020;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DOC_ID = "https://app.test/api/live/openapi.json";

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, Operation>>;
}

type Template =
  | "/api/live/sessions"
  | "/api/live/sessions/{id}"
  | "/api/live/sessions/{id}/start"
  | "/api/live/sessions/{id}/checkout"
  | "/api/live/sessions/{id}/enroll"
  | "/api/live/sessions/{id}/join-token"
  | "/api/live/sessions/{id}/end"
  | "/api/live/sessions/{id}/cancel"
  | "/api/live/sessions/{id}/recording"
  | "/api/live/sessions/{id}/feedback"
  | "/api/live/sessions/{id}/enrollment/cancel"
  | "/api/live/sessions/{id}/waitlist"
  | "/api/live/sessions/{id}/waitlist/leave";

/**
 * What each route can answer, written from the Errors section (not read back from
 * routes.ts, so a route that stops documenting a status fails here): 401 wherever a bad
 * token can be sent, 403/404/400 where the rules say, 503 where 100ms is called, 413/415
 * where a body is expected, 500 everywhere.
 */
const EXPECTED: Record<string, { success: number; errors: number[] }> = {
  "post /api/live/sessions": { success: 201, errors: [400, 401, 403, 413, 415, 500] },
  "get /api/live/sessions": { success: 200, errors: [400, 401, 500] },
  "get /api/live/sessions/{id}": { success: 200, errors: [400, 401, 404, 500] },
  "post /api/live/sessions/{id}/start": { success: 200, errors: [400, 401, 403, 404, 500, 503] },
  "post /api/live/sessions/{id}/checkout": { success: 200, errors: [400, 401, 403, 404, 500] },
  "post /api/live/sessions/{id}/enroll": { success: 200, errors: [400, 401, 403, 404, 413, 415, 500] },
  "post /api/live/sessions/{id}/join-token": { success: 200, errors: [400, 401, 403, 404, 500] },
  "post /api/live/sessions/{id}/end": { success: 200, errors: [400, 401, 403, 404, 500] },
  "post /api/live/sessions/{id}/cancel": { success: 200, errors: [400, 401, 403, 404, 500] },
  "get /api/live/sessions/{id}/recording": { success: 200, errors: [400, 401, 403, 404, 500, 503] },
  "post /api/live/sessions/{id}/feedback": { success: 200, errors: [400, 401, 403, 404, 413, 415, 500] },
  "post /api/live/sessions/{id}/enrollment/cancel": { success: 200, errors: [400, 401, 404, 500] },
  "post /api/live/sessions/{id}/waitlist": { success: 200, errors: [400, 401, 403, 404, 500] },
  "post /api/live/sessions/{id}/waitlist/leave": { success: 200, errors: [400, 401, 404, 500] },
};

const templateOf = (expressPath: string) => `/api/live${expressPath.replace(/:([A-Za-z]+)/g, "{$1}")}`;

/** `#/…` references inside the document, made absolute so a lone sub-schema resolves them. */
function absoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absoluteRefs);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#") ? `${DOC_ID}${v}` : absoluteRefs(v)]),
    );
  }
  return schema;
}

const compiled = new Map<string, ValidateFunction>();
function compile(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(absoluteRefs(schema) as Record<string, unknown>);
    compiled.set(key, validate);
  }
  return validate;
}

/** The documented JSON schema of one response, or undefined when the status is not documented. */
function responseValidator(method: string, template: string, status: number): ValidateFunction | undefined {
  const schema = doc.paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema;
  return schema ? compile(`${method} ${template} ${status}`, schema) : undefined;
}

/** Problems of one real response against the document: none means it conforms. */
function problems(method: string, template: string, status: number, body: unknown): string[] {
  const validate = responseValidator(method, template, status);
  if (!validate) return [`${method} ${template} answered ${status}, which the document does not list`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${method} ${template} ${status}: ${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`);
}

interface Seen {
  method: HttpMethod;
  template: Template;
  status: number;
  body: unknown;
}

/** Calls a route and keeps its answer for validation. */
function recorder() {
  const seen: Seen[] = [];
  async function call(method: HttpMethod, template: Template, id: string, opts: RestOptions = {}) {
    const res = await rest(t.app, method, template.replace("{id}", id), opts);
    expect(res.headers.get("content-type"), res.text).toMatch(/^application\/json\b/);
    seen.push({ method, template, status: res.status, body: res.body });
    return res;
  }
  return { seen, call };
}

function freeBody(overrides: Record<string, unknown> = {}, inHours = 1): Record<string, unknown> {
  const start = new Date(t.app.clock.now().getTime() + inHours * HOUR);
  return seedCreateBody(t.app.clock, {
    price: 0,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
    ...overrides,
  });
}

beforeAll(async () => {
  const res = await rest<OpenApiDocument>(t.app, "GET", "/api/live/openapi.json");
  expect(res.status).toBe(200);
  doc = res.body;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as unknown as Record<string, unknown>, DOC_ID);
});

describe("the document", () => {
  it("is OpenAPI 3.1.0, served as JSON without credentials", async () => {
    const res = await rest(t.app, "GET", "/api/live/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(res.body.servers).toEqual([{ url: "http://app.test" }]);
    expect(res.body.info.license).toEqual({ name: "Proprietary: all rights reserved" });
    // One operationId per route, unique, so generated clients name their methods.
    const ids = Object.values(res.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(res.body.paths["/api/live/sessions/{id}/enroll"].post.operationId).toBe("enroll");
    expect(res.body.components.schemas.Failure).toMatchObject({
      type: "object",
      required: ["success", "error", "code"],
      properties: {
        success: { const: false },
        error: { type: "string", description: expect.any(String) },
        code: { type: "string", enum: expect.arrayContaining(["BAD_USER_INPUT", "SESSION_FULL", "FAILED_PRECONDITION", "CONFLICT", "NOT_FOUND", "BAD_REQUEST"]) },
        fields: { type: "array" },
      },
      additionalProperties: false,
    });
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every route of REST_ROUTES with its method, and no other", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const routes = REST_ROUTES.map((r) => `${r.method} ${templateOf(r.path)}`);
    expect(documented.sort()).toEqual([...routes].sort());
    expect(routes.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const route of REST_ROUTES) {
      const op = doc.paths[templateOf(route.path)]![route.method]!;
      expect(op.summary).toBe(route.summary);
      if (route.path.includes(":id")) {
        expect(op.parameters).toContainEqual({ name: "id", in: "path", required: true, description: expect.any(String), schema: { type: "string" } });
      }
    }
    const list = doc.paths["/api/live/sessions"]!.get!;
    expect(list.parameters?.filter((p) => p.in === "query").map((p) => p.name).sort()).toEqual(["category", "difficulty", "expertId", "featured", "limit", "search", "skip", "status"]);
  });

  it("documents each route's success status and every error status it can answer, errors in the Failure envelope", () => {
    for (const [key, { success, errors }] of Object.entries(EXPECTED)) {
      const [method, template] = key.split(" ") as [string, string];
      const responses = doc.paths[template]![method]!.responses;
      expect(Object.keys(responses).filter((s) => s.startsWith("2")), key).toEqual([String(success)]);
      expect(responses[String(success)]!.content!["application/json"]!.schema, key).toMatchObject({
        type: "object",
        properties: { success: { const: true } },
        additionalProperties: false,
      });
      for (const status of errors) {
        expect(responses[String(status)], `${key} documents ${status}`).toBeDefined();
        expect(responses[String(status)]!.description, `${key} ${status}`).not.toBe("");
        expect(responses[String(status)]!.content, `${key} ${status}`).toEqual({
          "application/json": { schema: { $ref: "#/components/schemas/Failure" } },
        });
      }
    }
  });

  it("pins the seed's messages as constants of the success schemas", () => {
    const messageOf = (key: string) => {
      const [method, template] = key.split(" ") as [string, string];
      const schema = doc.paths[template]![method]!.responses[String(EXPECTED[key]!.success)]!.content!["application/json"]!.schema as {
        properties: Record<string, { const?: unknown }>;
        required: string[];
      };
      return schema.properties.message ? { const: schema.properties.message.const, required: schema.required.includes("message") } : undefined;
    };
    expect(messageOf("post /api/live/sessions")).toEqual({
      const: "Live session created successfully. Start the session when ready to generate video room.",
      required: true,
    });
    expect(messageOf("post /api/live/sessions/{id}/start")).toEqual({ const: "Session started. Click the link to join the video room.", required: true });
    expect(messageOf("post /api/live/sessions/{id}/enroll")).toEqual({ const: "Successfully enrolled in live session", required: true });
    expect(messageOf("post /api/live/sessions/{id}/join-token")).toEqual({ const: "Join token generated", required: true });
    expect(messageOf("post /api/live/sessions/{id}/end")).toEqual({ const: "Session ended successfully", required: true });
    expect(messageOf("get /api/live/sessions")).toBeUndefined();
    expect(messageOf("get /api/live/sessions/{id}")).toBeUndefined();
  });

  it("describes the seed's request bodies: its examples validate, and bodies the server refuses do not", () => {
    const bodySchema = (template: string) => doc.paths[template]!.post!.requestBody!.content["application/json"]!.schema;
    const create = compile("create body", bodySchema("/api/live/sessions"));
    expect(doc.paths["/api/live/sessions"]!.post!.requestBody!.required).toBe(true);
    expect(create(seedCreateBody(t.app.clock)), JSON.stringify(create.errors)).toBe(true);
    expect(create({ ...seedCreateBody(t.app.clock), isFree: true })).toBe(false);
    expect(create({ ...seedCreateBody(t.app.clock), sessionType: "GROUP" })).toBe(false);
    expect(create({ ...seedCreateBody(t.app.clock), title: undefined })).toBe(false);

    const enroll = compile("enroll body", bodySchema("/api/live/sessions/{id}/enroll"));
    expect(doc.paths["/api/live/sessions/{id}/enroll"]!.post!.requestBody!.required).toBe(false);
    expect(enroll(SEED_PAYMENT_BODY), JSON.stringify(enroll.errors)).toBe(true);
    expect(enroll({})).toBe(true);
    expect(enroll({ ...SEED_PAYMENT_BODY, paymentGateway: "paypal" })).toBe(false);
    expect(enroll({ ...SEED_PAYMENT_BODY, coupon: "FREE" })).toBe(false);
  });

  it("describes the list's query parameters as the server enforces them (limit 1–100, skip ≥ 0, the status and featured values)", () => {
    // Query values arrive as text; an OpenAPI validator coerces them to the documented type.
    const coercing = new Ajv2020({ strict: false, coerceTypes: true });
    const params = Object.fromEntries(
      doc.paths["/api/live/sessions"]!.get!.parameters!.filter((p) => p.in === "query").map((p) => [p.name, coercing.compile(p.schema)]),
    );
    const accepts = (name: string, value: string) => params[name]!(value);
    // What the server accepts…
    for (const [name, value] of [["limit", "10"], ["limit", "100"], ["skip", "0"], ["status", "live"], ["featured", "true"]] as const) {
      expect(accepts(name, value), `${name}=${value} is accepted by the server`).toBe(true);
    }
    // …and what it answers 400 to must be outside the documented schemas.
    const refused = [["limit", "101"], ["limit", "0"], ["limit", "abc"], ["skip", "-1"], ["status", "bogus"], ["featured", "maybe"]] as const;
    const documentedAsValid = refused.filter(([name, value]) => accepts(name, value)).map(([n, v]) => `${n}=${v}`);
    expect(documentedAsValid, "the server answers 400 to these, but the document says they are valid").toEqual([]);
  });
});

describe("real responses validate against the document", () => {
  it("every answer of a whole lifecycle, successes and failures, matches its documented schema", async () => {
    const { seen, call } = recorder();
    const expired = `Bearer ${await t.app.tokenFor("deepak", { expiresInSeconds: -60 })}`;
    const none = "";

    // Create: the seed's priced session and a free one-seat session, and the ways create fails.
    const paid = (await call("POST", "/api/live/sessions", none, { as: "deepak", body: seedCreateBody(t.app.clock) })).body.data.session.id as string;
    const small = (await call("POST", "/api/live/sessions", none, { as: "deepak", body: freeBody({ maxParticipants: 1, sessionType: "1-on-1" }) }))
      .body.data.session.id as string;
    const minimal = freeBody({}, 3);
    for (const key of ["description", "thumbnail", "metadata", "maxParticipants", "price", "currency", "sessionType"]) delete minimal[key];
    await call("POST", "/api/live/sessions", none, { as: "meera", body: minimal });
    await call("POST", "/api/live/sessions", none, { as: "deepak", body: seedCreateBody(t.app.clock, { title: "ab" }) });
    await call("POST", "/api/live/sessions", none, { body: seedCreateBody(t.app.clock) });
    await call("POST", "/api/live/sessions", none, { as: "priya", body: seedCreateBody(t.app.clock) });
    await call("POST", "/api/live/sessions", none, { as: "deepak", body: seedCreateBody(t.app.clock, { description: "x".repeat(110 * 1024) }) });
    await call("POST", "/api/live/sessions", none, { as: "deepak", rawBody: "{}", headers: { "content-type": "text/plain" } });
    await call("POST", "/api/live/sessions", none, { as: "deepak", rawBody: "{", headers: { "content-type": "application/json" } });

    // Read and list, anonymously and signed in, and the ways they fail.
    await call("GET", "/api/live/sessions", none);
    await call("GET", "/api/live/sessions", none, { as: "deepak" });
    await call("GET", "/api/live/sessions/{id}", paid);
    await call("GET", "/api/live/sessions/{id}", "ses_doesnotexist00", { as: "priya" });
    await call("GET", "/api/live/sessions/{id}", "x".repeat(65));
    await call("GET", "/api/live/sessions/{id}", paid, { headers: { authorization: expired } });
    await call("GET", "/api/live/sessions?limit=101" as Template, none);
    await call("GET", "/api/live/sessions", none, { headers: { authorization: expired } });

    // Checkout: opened for a priced session; refused for a free one, the expert's own, an unknown id, no token.
    await call("POST", "/api/live/sessions/{id}/checkout", paid, { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/checkout", small, { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/checkout", paid, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/checkout", "ses_doesnotexist00", { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/checkout", paid, {});

    // Enroll: paid with the seed's body, free without one, and the refusals.
    t.app.payments!.stripe.failNext("GET /payment_intents/:intent", { status: 500 });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "priya", body: await seedPaymentBody(t.app, paid, "priya") });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "priya", body: await seedPaymentBody(t.app, paid, "priya") });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/enroll", small, { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/enroll", small, { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/enroll", "ses_doesnotexist00", { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, {});
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "tom", body: { paymentId: "p".repeat(110 * 1024), paymentGateway: "stripe" } });
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "tom", rawBody: "pay_1", headers: { "content-type": "text/plain" } });

    // A student cancelling her own paid booking (refund pending), and the refusals: not enrolled, past the cut-off, signed out.
    await call("POST", "/api/live/sessions/{id}/enroll", paid, { as: "lena", body: await seedPaymentBody(t.app, paid, "lena") });
    const cancelled = await call("POST", "/api/live/sessions/{id}/enrollment/cancel", paid, { as: "lena" });
    expect(cancelled.body.data).toMatchObject({ sessionId: paid, refund: { status: "pending", amount: 499, currency: "INR", paymentGateway: "stripe" } });
    await call("POST", "/api/live/sessions/{id}/enrollment/cancel", paid, { as: "lena" });
    await call("POST", "/api/live/sessions/{id}/enrollment/cancel", small, { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/enrollment/cancel", paid, {});

    // The full one-seat session's waitlist: tom joins and leaves; priya has the seat; the expert does not enroll.
    expect((await call("POST", "/api/live/sessions/{id}/waitlist", small, { as: "tom" })).body.data).toEqual({ sessionId: small, position: 1, offered: false });
    await call("POST", "/api/live/sessions/{id}/waitlist", small, { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/waitlist", small, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/waitlist", "ses_doesnotexist00", { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/waitlist", small, {});
    expect((await call("POST", "/api/live/sessions/{id}/waitlist/leave", small, { as: "tom" })).body.data).toEqual({ sessionId: small, left: true });
    await call("POST", "/api/live/sessions/{id}/waitlist/leave", small, {});

    // Start: refusals, a 100ms outage, then the real start.
    await call("POST", "/api/live/sessions/{id}/start", paid, { as: "meera" });
    await call("POST", "/api/live/sessions/{id}/start", "ses_doesnotexist00", { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/start", paid, {});
    t.app.emulator.failNext("POST /rooms", { status: 500 });
    await call("POST", "/api/live/sessions/{id}/start", paid, { as: "deepak" });
    t.app.clock.set("2030-01-16T08:00:00.000Z");
    await call("POST", "/api/live/sessions/{id}/start", paid, { as: "deepak" });

    // The live session as its expert (room and participants), a student and the list.
    await call("GET", "/api/live/sessions/{id}", paid, { as: "deepak" });
    await call("GET", "/api/live/sessions/{id}", paid, { as: "priya" });
    await call("GET", "/api/live/sessions", none, { as: "deepak" });

    // Join tokens.
    await call("POST", "/api/live/sessions/{id}/join-token", paid, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/join-token", paid, { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/join-token", paid, { as: "tom" });
    await call("POST", "/api/live/sessions/{id}/join-token", small, { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/join-token", "ses_doesnotexist00", { as: "priya" });
    await call("POST", "/api/live/sessions/{id}/join-token", paid, {});

    // Cancel the small one; the refusals.
    await call("POST", "/api/live/sessions/{id}/cancel", small, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/cancel", small, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/cancel", paid, { as: "meera" });
    await call("POST", "/api/live/sessions/{id}/cancel", "ses_doesnotexist00", { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/cancel", paid, {});

    // Priya comes into the room (the emulator's webhooks tell the app).
    const priyaId = (await t.app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, "priya")).me.id;
    const roomId = (await rest(t.app, "GET", `/api/live/sessions/${paid}`, { as: "deepak" })).body.data.session.hmsDetails.roomId as string;
    t.app.emulator.joinPeer(roomId, { userId: priyaId, role: "guest", name: "Priya Sharma" });
    await t.app.emulator.webhooksSettled();

    // End 65 minutes later; the refusals.
    await call("POST", "/api/live/sessions/{id}/end", paid, { as: "meera" });
    await call("POST", "/api/live/sessions/{id}/end", small, { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/end", "ses_doesnotexist00", { as: "deepak" });
    await call("POST", "/api/live/sessions/{id}/end", paid, {});
    t.app.clock.advance(65 * MINUTE);
    await call("POST", "/api/live/sessions/{id}/end", paid, { as: "deepak" });
    await t.app.emulator.webhooksSettled();
    await call("GET", "/api/live/sessions/{id}", paid, { as: "deepak" });
    await call("GET", "/api/live/sessions?status=ended" as Template, none);

    // The recording (the emulated template recorded the class) and the refusals.
    await call("GET", "/api/live/sessions/{id}/recording", paid, { as: "priya" });
    await call("GET", "/api/live/sessions/{id}/recording", paid, { as: "tom" });
    await call("GET", "/api/live/sessions/{id}/recording", small, { as: "deepak" });
    await call("GET", "/api/live/sessions/{id}/recording", "x".repeat(65), { as: "deepak" });
    await call("GET", "/api/live/sessions/{id}/recording", paid, {});
    t.app.emulator.failNext("GET /recording-assets", { status: 500 });
    await call("GET", "/api/live/sessions/{id}/recording", paid, { as: "deepak" });

    // Feedback from priya, who attended, and the refusals.
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { as: "priya", body: { rating: 5, comment: "Calm and strong" } });
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { as: "priya", body: { rating: 9 } });
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { as: "meera", body: { rating: 4 } });
    await call("POST", "/api/live/sessions/{id}/feedback", "ses_doesnotexist00", { as: "priya", body: { rating: 4 } });
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { body: { rating: 4 } });
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { as: "priya", body: { rating: 4, comment: "x".repeat(110 * 1024) } });
    await call("POST", "/api/live/sessions/{id}/feedback", paid, { as: "priya", rawBody: "5", headers: { "content-type": "text/plain" } });
    await call("GET", "/api/live/sessions?status=cancelled" as Template, none, { as: "deepak" });

    // Validate everything against the document.
    const byTemplate = (t: string) => t.split("?")[0]!;
    const found = seen.flatMap((s) => problems(s.method, byTemplate(s.template), s.status, s.body));
    expect(found).toEqual([]);

    // The walk covered every route's success and every documented error kind.
    const covered = new Set(seen.map((s) => `${s.method.toLowerCase()} ${byTemplate(s.template)} ${s.status}`));
    for (const [key, { success }] of Object.entries(EXPECTED)) expect(covered, `${key} ${success}`).toContain(`${key} ${success}`);
    expect(new Set(seen.map((s) => s.status))).toEqual(new Set([200, 201, 400, 401, 403, 404, 413, 415, 503]));
    // And the answers were the ones intended (the walk itself did what it says).
    expect(seen.filter((s) => s.status === 201)).toHaveLength(3);
    expect(seen.find((s) => s.template.endsWith("/end") && s.status === 200)?.body).toMatchObject({ data: { duration: 65 } });
  });

  it("a response that drifts from the document fails validation", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya", body: await seedPaymentBody(t.app, id, "priya") }), 200);
    t.app.clock.set("2030-01-16T08:00:00.000Z");
    const started = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    const one = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200);
    const list = expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200);
    const failure = (await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "meera" })).body;

    // The real answers conform…
    expect(problems("GET", "/api/live/sessions/{id}", 200, one)).toEqual([]);
    expect(problems("GET", "/api/live/sessions", 200, list)).toEqual([]);
    expect(problems("POST", "/api/live/sessions/{id}/start", 200, started)).toEqual([]);
    expect(problems("POST", "/api/live/sessions/{id}/start", 403, failure)).toEqual([]);

    // …and each of these drifts does not.
    const session = one.data.session;
    const drifted: [string, string, string, number, unknown][] = [
      ["a renamed field", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, session_type: session.sessionType, sessionType: undefined } } }],
      ["an unknown field", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, seatsLeft: 49 } } }],
      ["GraphQL's enum spelling", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, sessionType: "GROUP" } } }],
      ["an upper-case status", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, status: "LIVE" } } }],
      ["a null instead of an absent field", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, thumbnail: null } } }],
      ["a time that is not UTC", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, createdAt: "2030-01-15T14:30:00+05:30" } } }],
      ["a price as text", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, price: "499.00" } } }],
      ["a participant without paid", "GET", "/api/live/sessions/{id}", 200, { ...one, data: { session: { ...session, participants: [{ ...session.participants[0], paid: undefined }] } } }],
      ["the session not wrapped in {session}", "GET", "/api/live/sessions/{id}", 200, { success: true, data: session }],
      ["a list without total", "GET", "/api/live/sessions", 200, { success: true, data: list.data }],
      ["a list in a {sessions} wrapper", "GET", "/api/live/sessions", 200, { success: true, data: { sessions: list.data }, total: list.total }],
      ["a missing message", "POST", "/api/live/sessions/{id}/start", 200, { success: true, data: started.data }],
      ["another message", "POST", "/api/live/sessions/{id}/start", 200, { ...started, message: "Session started" }],
      ["success as a string", "POST", "/api/live/sessions/{id}/start", 200, { ...started, success: "true" }],
      ["a join-token role in capitals", "POST", "/api/live/sessions/{id}/join-token", 200, { success: true, data: { token: "t", role: "HOST", userName: "Deepak Kumar" }, message: "Join token generated" }],
      ["a duration as text", "POST", "/api/live/sessions/{id}/end", 200, { success: true, data: { sessionId: id, duration: "65" }, message: "Session ended successfully" }],
      ["a failure without its code", "POST", "/api/live/sessions/{id}/start", 403, { ...failure, code: undefined }],
      ["a failure with an unknown code", "POST", "/api/live/sessions/{id}/start", 403, { ...failure, code: "NOPE" }],
      ["a failure with fields as an object", "POST", "/api/live/sessions/{id}/start", 403, { ...failure, fields: { title: "too short" } }],
      ["a failure with a message key", "POST", "/api/live/sessions/{id}/start", 403, { success: false, message: failure.error }],
      ["a failure claiming success", "POST", "/api/live/sessions/{id}/start", 403, { success: true, error: failure.error }],
    ];
    for (const [label, method, template, status, body] of drifted) {
      const clean = JSON.parse(JSON.stringify(body)) as unknown;
      expect(problems(method, template, status, clean), label).not.toEqual([]);
    }
    // A status the route does not document is a drift too.
    expect(problems("POST", "/api/live/sessions/{id}/end", 418, failure)).toEqual([
      "POST /api/live/sessions/{id}/end answered 418, which the document does not list",
    ]);
  });

  it("body-less POST routes ignore a body a client sends anyway, so they answer as documented", async () => {
    const seen: string[] = [];
    for (const action of ["start", "join-token", "end"] as const) {
      const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
      if (action !== "start") await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" });
      if (action === "end") t.app.clock.advance(60_000);
      const template = `/api/live/sessions/{id}/${action}` as Template;
      const path = template.replace("{id}", id);
      const asText = await rest(t.app, "POST", path, { as: "deepak", rawBody: "please", headers: { "content-type": "text/plain" } });
      const tooBig = await rest(t.app, "POST", path, { as: "deepak", body: { note: "x".repeat(110 * 1024) } });
      expect([asText.status, tooBig.status], action).toEqual([200, 200]);
      seen.push(...problems("POST", template, asText.status, asText.body), ...problems("POST", template, tooBig.status, tooBig.body));
    }
    const cancelId = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const cancelled = await rest(t.app, "POST", `/api/live/sessions/${cancelId}/cancel`, { as: "deepak", rawBody: "please", headers: { "content-type": "text/plain" } });
    expect(cancelled.status).toBe(200);
    seen.push(...problems("POST", "/api/live/sessions/{id}/cancel" as Template, cancelled.status, cancelled.body));
    expect(seen).toEqual([]);
  });

  it("documents the 503 every route answers when sign-in cannot be checked (the identity provider is unreachable)", async () => {
    // Its own app: the key set was never fetched, and its issuer goes away before the first call.
    const ownDatabase = await openTestDatabase();
    const isolated = await startTestApp(ownDatabase);
    try {
      const token = await isolated.tokenFor("deepak");
      await isolated.issuer.close();
      const authorization = `Bearer ${token}`;
      const undocumented: string[] = [];
      for (const route of REST_ROUTES) {
        const template = templateOf(route.path);
        const res = await rest(isolated, route.method.toUpperCase() as HttpMethod, template.replace("{id}", "ses_doesnotexist00"), {
          headers: { authorization },
        });
        expect(`${route.method} ${template} → ${res.status}`).toBe(`${route.method} ${template} → 503`);
        expect(res.body).toEqual({
          success: false,
          error: "Sign-in could not be checked because the identity provider is unreachable. Please try again in a moment.",
          code: "UPSTREAM_UNAVAILABLE",
        });
        undocumented.push(...problems(route.method.toUpperCase(), template, res.status, res.body));
      }
      expect(undocumented).toEqual([]);
    } finally {
      await isolated.close();
      await ownDatabase.close();
    }
  });
});
