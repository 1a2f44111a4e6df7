/**
 * The served OpenAPI document as a generator and a validator read it (issue 15): it validates
 * as OpenAPI 3.1 (@readme/openapi-parser), every `$ref` points at something, shapes are named
 * components, the seed's examples are there and satisfy their own schemas, and every route
 * documents the per-address 429 and the 503.
 */
import { compileErrors, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { startTestApp } from "../test-support/test-app.js";
import { openTestDatabase } from "../test-support/test-database.js";
import { SEED_CREATE_BODY, SEED_PAYMENT_BODY, rest } from "../test-support/rest-client.js";

const t = useTestApp();
const DOC_ID = "https://app.test/api/live/openapi.json";

type Json = Record<string, any>;
let doc: Json;

beforeAll(async () => {
  const res = await rest<Json>(t.app, "GET", "/api/live/openapi.json");
  expect(res.status).toBe(200);
  doc = res.body;
});

/** Every `$ref` in the document, with where it was found. */
function refsOf(node: unknown, at = "#"): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [{ at, ref: v }] : refsOf(v, `${at}/${k}`)));
  }
  return [];
}

/** Follows a local JSON pointer (RFC 6901) through the document; undefined when it leads nowhere. */
function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: any = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** `#/…` made absolute, so a schema compiled alone resolves its references in the document. */
function absoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absoluteRefs);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? `${DOC_ID}${v}` : absoluteRefs(v)]));
  }
  return schema;
}

function operations(document: Json): { key: string; op: Json }[] {
  return Object.entries(document.paths as Json).flatMap(([path, ops]) => Object.entries(ops as Json).map(([method, op]) => ({ key: `${method} ${path}`, op: op as Json })));
}

/** Every example the document shows, with the schema it claims to satisfy. */
function examplesOf(document: Json): { where: string; schema: Json; value: unknown }[] {
  const found: { where: string; schema: Json; value: unknown }[] = [];
  for (const { key, op } of operations(document)) {
    const media: [string, Json | undefined][] = [
      [`${key} request`, op.requestBody?.content?.["application/json"]],
      ...Object.entries(op.responses as Json).map(([status, r]) => [`${key} ${status}`, (r as Json).content?.["application/json"]] as [string, Json | undefined]),
    ];
    for (const [where, m] of media) {
      for (const [name, example] of Object.entries((m?.examples ?? {}) as Json)) found.push({ where: `${where} (${name})`, schema: m!.schema, value: example.value });
    }
  }
  for (const [name, schema] of Object.entries(document.components.schemas as Json)) {
    for (const [i, value] of ((schema as Json).examples ?? []).entries()) found.push({ where: `components.schemas.${name} examples[${i}]`, schema: { $ref: `#/components/schemas/${name}` }, value });
  }
  return found;
}

function examplesProblems(document: Json): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, DOC_ID);
  return examplesOf(document).flatMap(({ where, schema, value }) => {
    const check = ajv.compile(absoluteRefs(schema) as Json);
    return check(value) ? [] : [`${where}: ${ajv.errorsText(check.errors)}`];
  });
}

describe("the served OpenAPI document", () => {
  it("validates as OpenAPI 3.1, and a broken copy does not", async () => {
    const result = await validate(structuredClone(doc) as any);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);

    const broken = structuredClone(doc);
    delete broken.paths["/api/live/sessions"].get.responses;
    broken.paths["/api/live/sessions/{id}"].get.operationId = broken.paths["/api/live/sessions"].post.operationId;
    expect((await validate(broken as any)).valid).toBe(false);
  });

  it("has no dangling $ref: each points into the document, and a missing target is caught", () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(40);
    expect(refs.filter(({ ref }) => resolve(doc, ref) === undefined)).toEqual([]);
    // Every reference is local (no file or URL a client would have to fetch).
    expect(refs.filter(({ ref }) => !ref.startsWith("#/components/schemas/"))).toEqual([]);

    const broken = structuredClone(doc);
    delete broken.components.schemas.Participant;
    expect(refsOf(broken).filter(({ ref }) => resolve(broken, ref) === undefined).map((r) => r.ref)).toContain("#/components/schemas/Participant");
  });

  it("names the shared shapes as components, each one used", () => {
    const schemas = doc.components.schemas as Json;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "LiveSession",
        "Participant",
        "HmsDetails",
        "Refund",
        "Failure",
        "FieldIssue",
        "Checkout",
        "Enrollment",
        "EnrollRequest",
        "CreateSessionRequest",
        "JoinToken",
        "StartedSession",
        "EndedSession",
        "RecordingLink",
        "WaitlistPlace",
        "CancelledEnrollment",
        "Feedback",
      ]),
    );
    const used = new Set(refsOf(doc).map((r) => r.ref.replace("#/components/schemas/", "")));
    expect(Object.keys(schemas).filter((name) => !used.has(name))).toEqual([]);
    // The session is one definition wherever it appears.
    const data = (key: string, status: string) => {
      const [method, path] = key.split(" ") as [string, string];
      return doc.paths[path][method].responses[status].content["application/json"].schema.properties.data;
    };
    expect(data("get /api/live/sessions", "200")).toEqual({ type: "array", items: { $ref: "#/components/schemas/LiveSession" } });
    expect(data("get /api/live/sessions/{id}", "200").properties.session).toEqual({ $ref: "#/components/schemas/LiveSession" });
    expect(data("post /api/live/sessions", "201").properties.session).toEqual({ $ref: "#/components/schemas/LiveSession" });
    expect(data("post /api/live/sessions/{id}/checkout", "200")).toEqual({ $ref: "#/components/schemas/Checkout" });
    expect(schemas.LiveSession.properties.participants.items).toEqual({ $ref: "#/components/schemas/Participant" });
    expect(schemas.Failure.properties.fields.items).toEqual({ $ref: "#/components/schemas/FieldIssue" });
    expect(doc.paths["/api/live/sessions"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/CreateSessionRequest" });
  });

  it("shows the seed's examples, and each satisfies its schema", () => {
    const examples = examplesOf(doc);
    const where = examples.map((e) => e.where);
    for (const expected of [
      "post /api/live/sessions request (seed)",
      "post /api/live/sessions 201 (seed)",
      "get /api/live/sessions 200 (seed)",
      "post /api/live/sessions/{id}/start 200 (seed)",
      "post /api/live/sessions/{id}/enroll request (seed)",
      "post /api/live/sessions/{id}/enroll 200 (seed)",
      "post /api/live/sessions/{id}/join-token 200 (seed)",
      "post /api/live/sessions/{id}/end 200 (seed)",
      "components.schemas.Failure examples[0]",
    ]) {
      expect(where).toContain(expected);
    }
    // The request examples are the seed's bodies exactly.
    expect(examples.find((e) => e.where === "post /api/live/sessions request (seed)")!.value).toEqual(SEED_CREATE_BODY);
    expect(examples.find((e) => e.where === "post /api/live/sessions/{id}/enroll request (seed)")!.value).toEqual(SEED_PAYMENT_BODY);
    expect(examples.find((e) => e.where === "post /api/live/sessions/{id}/end 200 (seed)")!.value).toEqual({
      success: true,
      data: { sessionId: "abc123", duration: 65 },
      message: "Session ended successfully",
    });
    expect(examplesProblems(doc)).toEqual([]);
  });

  it("an example that drifts from its schema is caught", () => {
    const drifted = structuredClone(doc);
    const created = drifted.paths["/api/live/sessions"].post.responses["201"].content["application/json"].examples.seed.value;
    created.data.session.sessionType = "GROUP";
    drifted.paths["/api/live/sessions/{id}/enroll"].post.requestBody.content["application/json"].examples.seed.value.paymentGateway = "paypal";
    drifted.components.schemas.Failure.examples[0].code = "NOPE";
    const found = examplesProblems(drifted);
    expect(found).toHaveLength(3);
    expect(found.join("\n")).toMatch(/post \/api\/live\/sessions 201 \(seed\)/);
  });

  it("documents on every route the per-address 429 (Retry-After, RateLimit-*) and the 503 (Retry-After)", () => {
    for (const { key, op } of operations(doc)) {
      const tooMany = op.responses["429"];
      expect(tooMany, `${key} 429`).toBeDefined();
      expect(tooMany.description, key).toMatch(/address/);
      expect(Object.keys(tooMany.headers).sort(), key).toEqual(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"]);
      expect(tooMany.content, key).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Failure" } } });
      expect(Object.keys(op.responses["503"]?.headers ?? {}), `${key} 503`).toEqual(["Retry-After"]);
    }
    // The per-user limits are said where they apply.
    expect(doc.paths["/api/live/sessions"].post.responses["429"].description).toMatch(/this user/);
    expect(doc.paths["/api/live/sessions/{id}"].get.responses["429"].description).not.toMatch(/this user/);
  });

  it("the per-address 429 it documents is what an anonymous caller over the limit gets", async () => {
    // Its own limit: the shared test app allows a million anonymous requests.
    const database = await openTestDatabase();
    const limited = await startTestApp(database, { env: { RATE_LIMIT_ANONYMOUS: "2" } });
    try {
      let last = await rest(limited, "GET", "/api/live/sessions/ses_doesnotexist00");
      for (let i = 0; i < 3 && last.status !== 429; i++) last = await rest(limited, "GET", "/api/live/sessions/ses_doesnotexist00");
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      const ajv = new Ajv2020({ strict: false });
      addFormats(ajv);
      ajv.addSchema(doc, DOC_ID);
      const schema = doc.paths["/api/live/sessions/{id}"].get.responses["429"].content["application/json"].schema;
      const check = ajv.compile(absoluteRefs(schema) as Json);
      expect(check(last.body), ajv.errorsText(check.errors)).toBe(true);
      expect(last.body.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
      await database.close();
    }
  });
});
