/**
 * `npm run codegen`, first step: asks the GraphQL server (Apollo, built as the app builds it,
 * limits and validation rules included) the full introspection query and writes the answer as
 * SDL (api/test-support/__generated__/served-schema.graphql), the schema codegen.ts builds the
 * generated GraphQL client from. No database, settings or network are needed.
 */
import { writeFile } from "node:fs/promises";
import type { IntrospectionQuery } from "graphql";
import pino from "pino";
import type { GraphQLContext } from "../graphql/context.js";
import { createGraphQLServer } from "../graphql/server.js";
import { FULL_INTROSPECTION_QUERY, SERVED_SCHEMA_FILE, printServedSchema } from "./served-schema.js";

// Links in answers use APP_URL; the schema does not depend on it.
const server = createGraphQLServer({ logger: pino({ level: "silent" }), production: false, appUrl: "http://localhost:3000" });
await server.start();
try {
  // Introspection resolves no field of ours, so it needs no request context.
  const res = await server.executeOperation({ query: FULL_INTROSPECTION_QUERY }, { contextValue: {} as GraphQLContext });
  if (res.body.kind !== "single" || res.body.singleResult.errors?.length || !res.body.singleResult.data) {
    throw new Error(`Introspection failed: ${JSON.stringify(res.body)}`);
  }
  await writeFile(SERVED_SCHEMA_FILE, printServedSchema(res.body.singleResult.data as unknown as IntrospectionQuery));
  console.log(`wrote ${SERVED_SCHEMA_FILE}`);
} finally {
  await server.stop();
}
