/**
 * What the API answers for operations it does not serve: subscriptions over HTTP POST (they
 * run over WebSocket: subscriptions-api.test.ts), and
 * introspection in production (off unless GRAPHQL_INTROSPECTION=true).
 */
import { readFileSync } from "node:fs";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../config/env.js";
import { captureLogs, LEVEL } from "../test-support/captured-logs.js";
import { useTestApp } from "../test-support/hooks.js";
import { PRODUCTION_ENV } from "../test-support/production-env.js";
import { createGraphQLServer, INTROSPECTION_DISABLED_MESSAGE, SCHEMA_PATH, SUBSCRIPTIONS_NOT_SUPPORTED_MESSAGE } from "./server.js";

const t = useTestApp();

describe("a subscription", () => {
  it("over HTTP POST gets a clear 400 pointing at the WebSocket, not an internal error", async () => {
    const query = "subscription Watch { mySessionsUpdated { id } }";
    const res = await fetch(`${t.app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toEqual([{ message: SUBSCRIPTIONS_NOT_SUPPORTED_MESSAGE, locations: [{ line: 1, column: 1 }], extensions: { code: "OPERATION_NOT_SUPPORTED" } }]);
    expect(body.errors[0]!.message).toMatch(/^Subscriptions are served over WebSocket with the graphql-ws protocol on this same \/graphql path/);
  });

  it("is not logged as our error", async () => {
    const logs = captureLogs();
    const server = createGraphQLServer({ logger: logs.logger, production: true, appUrl: "http://app.test" });
    await server.start();
    try {
      const res = await server.executeOperation({ query: "subscription { mySessionsUpdated { id } }" }, { contextValue: { requestId: "r-sub" } as never });
      expect(res.http.status).toBe(400);
      expect(res.body.kind === "single" && res.body.singleResult.errors?.[0]?.extensions?.code).toBe("OPERATION_NOT_SUPPORTED");
      expect(logs.lines().filter((l) => l.level >= LEVEL.error)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe("introspection", () => {
  async function introspect(env: Record<string, string>) {
    const settings = loadEnv(env);
    const server = createGraphQLServer({ logger: pino({ level: "silent" }), production: settings.NODE_ENV === "production", introspection: settings.graphqlIntrospection, appUrl: "http://app.test" });
    await server.start();
    try {
      const res = await server.executeOperation({ query: "{ __schema { queryType { name } } }" }, { contextValue: { requestId: "r-intro" } as never });
      if (res.body.kind !== "single") throw new Error("expected a single result");
      return { status: res.http.status ?? 200, ...res.body.singleResult };
    } finally {
      await server.stop();
    }
  }

  it("is off in production: a 400 that says where the schema is published", async () => {
    const res = await introspect(PRODUCTION_ENV);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ message: INTROSPECTION_DISABLED_MESSAGE, extensions: { code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" } })]);
    expect(res.errors![0]!.message).not.toMatch(/ApolloServer|introspection: true/);
  });

  it("is on in production with GRAPHQL_INTROSPECTION=true, and outside production", async () => {
    expect((await introspect({ ...PRODUCTION_ENV, GRAPHQL_INTROSPECTION: "true" })).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect((await introspect({})).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("describes the scalars as schema.graphql does", async () => {
    const server = createGraphQLServer({ logger: pino({ level: "silent" }), production: false, appUrl: "http://app.test" });
    await server.start();
    try {
      const res = await server.executeOperation({ query: '{ dateTime: __type(name: "DateTime") { description } }' }, { contextValue: { requestId: "r-scalar" } as never });
      if (res.body.kind !== "single") throw new Error("expected a single result");
      const described = /"([^"]+)"\s*scalar DateTime/.exec(readFileSync(SCHEMA_PATH, "utf8"))?.[1];
      expect(described).toMatch(/ISO-8601/);
      expect(res.body.singleResult.data).toEqual({ dateTime: { description: described } });
    } finally {
      await server.stop();
    }
  });

  it("off does not stop clients asking for __typename", async () => {
    const settings = loadEnv(PRODUCTION_ENV);
    const server = createGraphQLServer({ logger: pino({ level: "silent" }), production: true, introspection: settings.graphqlIntrospection, appUrl: "http://app.test" });
    await server.start();
    try {
      const res = await server.executeOperation({ query: "{ __typename }" }, { contextValue: { requestId: "r-typename" } as never });
      expect(res.body.kind === "single" && res.body.singleResult).toEqual({ data: { __typename: "Query" } });
    } finally {
      await server.stop();
    }
  });
});
