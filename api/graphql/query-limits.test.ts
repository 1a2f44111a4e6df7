/**
 * GraphQL abuse limits: the operations the web app and integrators actually send pass
 * with room to spare, abusive ones are refused before anything runs, with QUERY_TOO_COMPLEX
 * and which limit they hit; suggestions are hidden in production; an oversized body is a
 * 413 in GraphQL's JSON shape.
 */
import { readFileSync } from "node:fs";
import pino from "pino";
import { buildSchema, getIntrospectionQuery, Kind, parse, print, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import * as webOperations from "../../web/graphql/__generated__/graphql.js";
import * as testDocuments from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { operationCostError, QUERY_LIMITS, queryLimitRules, type QueryLimits } from "./query-limits.js";
import { createGraphQLServer, SCHEMA_PATH } from "./server.js";

const schema = buildSchema(readFileSync(SCHEMA_PATH, "utf8"));

/** The limit errors an operation meets with these variables, checked as the server checks it. */
function limitProblems(source: string, limits: QueryLimits = QUERY_LIMITS, variables: Record<string, unknown> = {}): string[] {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.tokens });
  } catch (error) {
    return [(error as Error).message];
  }
  // Each operation separately: README lists several anonymous ones in one block.
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((operation) => {
      const one = { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
      const invalid = validate(schema, one, queryLimitRules(limits));
      if (invalid.length > 0) return invalid;
      const tooCostly = operationCostError(schema, one, operation, variables, limits.cost);
      return tooCostly ? [tooCostly] : [];
    })
    .map((e) => e.message);
}

const half: QueryLimits = {
  depth: QUERY_LIMITS.depth / 2,
  aliases: Math.floor(QUERY_LIMITS.aliases / 2),
  directives: QUERY_LIMITS.directives / 2,
  tokens: QUERY_LIMITS.tokens / 2,
  cost: QUERY_LIMITS.cost / 2,
};

const webDocuments = Object.entries(webOperations).filter(
  (e): e is [string, DocumentNode] =>
    (e[1] as DocumentNode)?.kind === Kind.DOCUMENT && (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

/** The API tests' operations (typed documents), written as an integrator would. */
const integratorDocuments = (Object.entries(testDocuments) as [string, unknown][])
  .filter((e): e is [string, DocumentNode] => (e[1] as DocumentNode)?.kind === Kind.DOCUMENT && (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
  .map(([name, document]) => [name, print(document)] as const);

/** The README's integrator examples: the curl query and the ```graphql block. */
function readmeOperations(): string[] {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = /```graphql\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const curl = /"query":"(\{[^"]*\})"/.exec(readme)?.[1] ?? "";
  return [block, curl].filter((s) => s.trim() !== "");
}

const nest = (depth: number) => {
  // myEnrollments → session → participants → session → participants → … (each level a list or an object)
  let inner = "id";
  for (let level = depth - 1; level >= 1; level--) inner = `${level === 1 ? "myEnrollments" : level % 2 === 0 ? "session" : "participants"} { ${inner} }`;
  return `query Deep { ${inner} }`;
};

const ABUSIVE: Record<string, { query: string; limit: keyof QueryLimits }> = {
  "depth 20: enrollment → session → participants → session → …": { query: nest(20), limit: "depth" },
  "200 aliases of one field": {
    query: `query Aliased { session(id: "ses_x") { ${Array.from({ length: 200 }, (_, i) => `a${i}: id`).join(" ")} } }`,
    limit: "aliases",
  },
  "nested lists of limit 100: every session's participants' sessions' participants": {
    query: "query Explode { sessions(limit: 100) { items { participants { session { participants { id userName } } } } } }",
    limit: "cost",
  },
  "the same explosion with the page size in a variable": {
    query: "query Explode($n: Int) { sessions(limit: $n) { items { participants { session { participants { id } } } } } }",
    limit: "cost",
  },
  "2,000 tokens": { query: `query Long { ${Array.from({ length: 2000 }, () => "__typename").join(" ")} }`, limit: "tokens" },
  "30 directives": { query: `query Directed { me { ${Array.from({ length: 30 }, () => "id @include(if: true)").join(" ")} } }`, limit: "directives" },
};

describe("the operations people actually send pass", () => {
  it("finds the web app's operations (the client preset's documents)", () => {
    expect(webDocuments.map(([name]) => name)).toEqual(expect.arrayContaining(["BrowseDocument", "SessionPageDocument", "DashboardDocument", "MyEnrollmentsDocument"]));
    expect(webDocuments.length).toBeGreaterThanOrEqual(14);
  });

  it.each(webDocuments)("web %s passes at half of every limit", (_name, document) => {
    expect(limitProblems(print(document), half)).toEqual([]);
  });

  it("finds the integrator operations of the API tests", () => {
    expect(integratorDocuments.map(([name]) => name)).toEqual(expect.arrayContaining(["LIST_SESSIONS", "CREATE_SESSION", "JOIN_TOKEN"]));
  });

  it.each(integratorDocuments)("the integrator query %s passes", (_name, source) => {
    expect(limitProblems(source)).toEqual([]);
  });

  it("the README's examples pass, and so does a client's introspection", () => {
    const examples = readmeOperations();
    expect(examples).toHaveLength(2);
    for (const source of [...examples, getIntrospectionQuery()]) expect(limitProblems(source)).toEqual([]);
  });

  it("an expert paging 100 sessions with every related list passes; nesting lists in lists does not", () => {
    expect(limitProblems("{ sessions(limit: 100) { items { id expert { name } participants { userName paid } } } }")).toEqual([]);
    expect(
      limitProblems("{ sessions(limit: 100) { items { expert { name } viewerEnrollment { session { id } } participants { id } hmsDetails { roomId } feedback { comments { rating } } } } }"),
    ).toEqual([]);
    expect(limitProblems("{ sessions(limit: 100) { items { participants { session { participants { id } } } } } }")).not.toEqual([]);
  });

  it("prices a page size given as a variable at the value sent, as if written in", () => {
    const explode = "query Explode($n: Int) { sessions(limit: $n) { items { participants { session { participants { id } } } } } }";
    const written = (n: number) => `query Explode { sessions(limit: ${n}) { items { participants { session { participants { id } } } } } }`;
    // 1 + 5 × (1 + 50 × (1 + 1 × (1 + 50))) = 13,006: under the limit, as the same query with limit: 5 written in.
    expect(limitProblems(explode, QUERY_LIMITS, { n: 5 })).toEqual([]);
    expect(limitProblems(written(5))).toEqual([]);
    expect(limitProblems(explode, QUERY_LIMITS, { n: 100 })).toEqual([expect.stringMatching(/about 260101 objects/)]);
    expect(limitProblems(written(100))).toEqual(limitProblems(explode, QUERY_LIMITS, { n: 100 }));
    // Absent: the variable's own default, else the default page (20: 52,021, refused).
    expect(limitProblems("query Explode($n: Int = 5) { sessions(limit: $n) { items { participants { session { participants { id } } } } } }")).toEqual([]);
    expect(limitProblems(explode)).toEqual([expect.stringMatching(/about 52021 objects/)]);
    // Not a whole number: refused when coerced anyway; priced as the largest page meanwhile.
    expect(limitProblems(explode, QUERY_LIMITS, { n: "5" })).toEqual([expect.stringMatching(/about 260101 objects/)]);
  });

  it.each(Object.entries(ABUSIVE))("the checker refuses %s", (_name, { query }) => {
    expect(limitProblems(query)).not.toEqual([]);
  });
});

describe("through the server", () => {
  const t = useTestApp();

  it.each(webDocuments)("web %s meets no limit at the real endpoint", async (_name, document) => {
    // Without variables: operations either run (they have none) or stop at variable coercion,
    // which comes after every limit; mutations therefore change nothing.
    const res = await t.app.gql(print(document), {}, "deepak");
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain("QUERY_TOO_COMPLEX");
    expect(codes).not.toContain("GRAPHQL_VALIDATION_FAILED");
    expect(codes).not.toContain("GRAPHQL_PARSE_FAILED");
  });

  it.each(Object.entries(ABUSIVE))("refuses %s with 400 and QUERY_TOO_COMPLEX", async (_name, { query, limit }) => {
    const res = await t.app.gql(query, {}, "deepak");
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    // The first limit met comes first (a deep operation is usually costly as well).
    expect(res.errors!.map((e) => e.extensions?.code)).toEqual(res.errors!.map(() => "QUERY_TOO_COMPLEX"));
    const [error] = res.errors!;
    expect(error!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit, maximum: QUERY_LIMITS[limit] });
    expect(error!.message).toMatch(/limit is|longer than/);
    expect(error!.message).toMatch(/Ask for less/);
    expect(error!.message).not.toMatch(/Syntax Error/);
  });

  it("prices a variable page size at the value the request sends, and refuses with 400 when it is too large", async () => {
    const query = "query Explode($n: Int) { sessions(limit: $n) { total items { participants { session { participants { id } } } } } }";
    const small = await t.app.gql(query, { n: 5 }, "deepak");
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();
    expect(small.data).toMatchObject({ sessions: { total: 0, items: [] } });
    const large = await t.app.gql(query, { n: 100 }, "deepak");
    expect(large.status).toBe(400);
    expect(large.data ?? null).toBeNull();
    expect(large.errors).toEqual([
      expect.objectContaining({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: QUERY_LIMITS.cost, found: 260_101 } }),
    ]);
  });

  it("says how far over the limit an operation went", async () => {
    const res = await t.app.gql(nest(20), {}, "deepak");
    expect(res.errors![0]!.extensions).toMatchObject({ limit: "depth", maximum: QUERY_LIMITS.depth, found: 20 });
    expect(res.errors![0]!.message).toMatch(new RegExp(`nested 20 levels deep; the limit is ${QUERY_LIMITS.depth}`));
  });

  it("answers a body over 100 KB with 413 in GraphQL's JSON shape, not an HTML page", async () => {
    const query = `{ me { id } } # ${"x".repeat(150 * 1024)}`;
    const res = await fetch(`${t.app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(/larger than 100 KB/);
    expect(typeof body.errors[0]!.extensions.code).toBe("string");
  });
});

describe("field suggestions", () => {
  async function firstError(production: boolean, query: string, variables?: Record<string, unknown>) {
    const server = createGraphQLServer({ logger: pino({ level: "silent" }), production, appUrl: "http://app.test" });
    await server.start();
    try {
      const res = await server.executeOperation({ query, variables }, { contextValue: {} as never });
      if (res.body.kind !== "single") throw new Error("expected a single result");
      return res.body.singleResult.errors?.[0]?.message ?? "";
    } finally {
      await server.stop();
    }
  }

  const misspelt = "{ sesions(limit: 1) { total } }";
  const badEnum = ["query ($s: SessionStatus) { sessions(status: $s) { total } }", { s: "LIV" }] as const;

  it("are given outside production (so the check below can tell)", async () => {
    expect(await firstError(false, misspelt)).toMatch(/Did you mean "sessions"/);
    expect(await firstError(false, ...badEnum)).toMatch(/Did you mean the enum value "LIVE"/);
  });

  it("are not given in production, for fields or for variables' enum values", async () => {
    const field = await firstError(true, misspelt);
    expect(field).toMatch(/Cannot query field "sesions"/);
    expect(field).not.toMatch(/Did you mean/);
    const enumValue = await firstError(true, ...badEnum);
    expect(enumValue).toMatch(/"LIV"/);
    expect(enumValue).not.toMatch(/Did you mean|LIVE/);
  });
});
