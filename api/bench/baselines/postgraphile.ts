/**
 * Issue 18's "PostGraphile 4" baseline, in a process of its own: a GraphQL API generated from the
 * database itself (postgraphile@4 as a library, its handler on a bare node:http server, POST
 * /graphql), asked for the product's GraphQL list: live sessions, first 20 ordered by scheduled
 * start then id, the total, the fields of the product's LIST_QUERY that are columns, and the
 * expert's name and avatar through the expert_id relation (the query is in catalogue.ts).
 * PostGraphile writes its own SQL: one statement that builds the JSON in PostgreSQL.
 *
 * Production-like options: no GraphiQL, no schema watching, no query log, no stack traces,
 * jsonb answered as JSON (dynamicJson, as the product's metadata is), and a pool of 10
 * connections as every other server here. PostGraphile 4 runs on graphql 15, which npm nests
 * under it; the project's graphql 16 is not touched.
 *
 * Not quite the same work: PostGraphile's totalCount counts the matching rows (count(*) over
 * live_sessions where status = 'live'), where the product and the other baselines read the
 * per-status counts table (session_counts); at 100k sessions that count is PostGraphile's cost.
 */
import { createServer } from "node:http";
import Module, { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { announce, databaseUrl } from "./child.js";

// One graphql 15 and one graphile-build in this process. npm nests graphql 15 twice (under
// postgraphile and under graphile-build-pg, which it hoists beside the project's graphql 16, as it
// does graphql-parse-resolve-info, which would then load graphql 16): PostGraphile's types made by
// one copy and checked by another fail ("Unexpected input type: Int"). This process loads nothing
// else that uses graphql, so every `graphql` and `graphile-build` it requires is postgraphile's own.
const fromPostgraphile = createRequire(createRequire(import.meta.url).resolve("postgraphile/package.json"));
const resolving = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = resolving._resolveFilename;
let redirecting = false; // fromPostgraphile.resolve comes back through here
resolving._resolveFilename = function (request, ...rest) {
  if (redirecting || !/^(graphql|graphile-build)(\/|$)/.test(request)) return resolve.call(this, request, ...rest);
  redirecting = true;
  try {
    return fromPostgraphile.resolve(request);
  } finally {
    redirecting = false;
  }
};
const { postgraphile } = await import("postgraphile");

const handler = postgraphile({ connectionString: databaseUrl(), max: 10 }, "public", {
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  dynamicJson: true,
  showErrorStack: false,
  extendedErrors: [],
  retryOnInitFail: false,
  setofFunctionsContainNulls: false,
  legacyRelations: "omit",
  ignoreRBAC: false,
});
const server = createServer(handler);
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
announce((server.address() as AddressInfo).port, async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await handler.release();
});
