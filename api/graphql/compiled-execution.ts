/**
 * Queries executed by code compiled for their document (graphql-jit) instead of graphql-js's
 * interpreter, which walks the schema for every field of every item: on a page of 20 sessions
 * it was the largest single cost of the GraphQL list under `npm run bench` (BENCHMARKS.md,
 * 2026-12-04). Apollo Server takes an executor only through its gateway interface, so this is
 * a "gateway" serving one fixed schema. Apollo still parses, validates and runs every plugin as
 * before (limits, cost, errors); only execution changes.
 *
 * A query is compiled the second time its document is asked for (Apollo keeps one parsed
 * DocumentNode per query text and hands the same object back): a one-off query is not worth
 * compiling, and nobody can make the server compile by sending new queries once each. The
 * compiled code of the last COMPILED_DOCUMENTS documents is kept. Variables are coerced by
 * graphql-js first, so a bad variable is refused exactly as before (Apollo's BAD_USER_INPUT);
 * mutations, introspection and documents graphql-jit does not compile run on graphql-js.
 */
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SourceLocation } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** How many documents' compiled code is kept (each is a few generated functions). */
const COMPILED_DOCUMENTS = 200;

/**
 * Per document (least recently used first), per operation name: its compiled query; null where
 * graphql-js runs it; "seen" after its first run. One for the process: a parsed document belongs
 * to one Apollo server's document store, so it is only ever run against that server's schema.
 */
const compiled = new Map<DocumentNode, Map<string, CompiledQuery | null | "seen">>();

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async (request) => {
    const { document, operation, operationName } = request;
    const variables = request.request.variables ?? {};
    // No operation resolved (an unknown operationName): graphql-js answers why, and Apollo
    // turns that answer into its 400.
    const query = operation && compiledQueryOf(schema, document, operation, operationName ?? undefined);
    if (operation && query) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
      const result = await query.query(undefined, request.context, variables);
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    // The operation name the caller asked for: the context's `operationName` is the resolved
    // operation's, and there is none when it names no operation of the document.
    return execute({ schema, document, contextValue: request.context, variableValues: variables, operationName: request.request.operationName });
  };
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}

/** How many queries are held compiled now (for tests: which path a query took). */
export function compiledQueryCount(): number {
  let count = 0;
  for (const byName of compiled.values()) for (const query of byName.values()) if (query !== null && query !== "seen") count++;
  return count;
}

function compiledQueryOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): CompiledQuery | null {
  // Queries only: a mutation's fields must run one after another, as graphql-js runs them, and
  // introspection stays graphql-js's own.
  if (operation.operation !== "query" || operation.selectionSet.selections.some((s) => s.kind === "Field" && s.name.value.startsWith("__"))) return null;
  let byName = compiled.get(document);
  if (byName) compiled.delete(document);
  else byName = new Map();
  compiled.set(document, byName);
  if (compiled.size > COMPILED_DOCUMENTS) compiled.delete(compiled.keys().next().value!);
  const key = operationName ?? "";
  const known = byName.get(key);
  if (known === undefined) {
    byName.set(key, "seen");
    return null;
  }
  if (known !== "seen") return known;
  const result = compileQuery(schema, document, operationName);
  const query = isCompiledQuery(result) ? result : null;
  byName.set(key, query);
  return query;
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` (it borrows graphql-js's prototype) but are
 * built by its own constructor, without `extensions`: Apollo's error formatting then fails and
 * answers a bare "Internal server error" for every refusal. Each becomes the GraphQLError
 * graphql-js would have raised: its message, path, locations and the error thrown.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const jit = error as { message: string; path?: readonly (string | number)[]; locations?: readonly SourceLocation[]; originalError?: Error | null; extensions?: Record<string, unknown> };
  const converted = new GraphQLError(jit.message, { path: jit.path, originalError: jit.originalError ?? undefined, extensions: jit.extensions });
  (converted as { locations?: readonly SourceLocation[] }).locations = jit.locations;
  return converted;
}
