import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { databaseUnavailability } from "../db/availability.js";
import type { DomainError } from "../domain/errors.js";
import { asDomainError, bearerChallenge, ERROR_MAP, INTERNAL_ERROR_MESSAGE, retryAfterSeconds } from "../errors-map.js";
import { compiledExecution } from "./compiled-execution.js";
import type { GraphQLContext } from "./context.js";
import { formatQueryLimitError, operationCostError, queryLimitRules, queryParseOptions } from "./query-limits.js";
import { createResolvers } from "./resolvers/index.js";

export const SCHEMA_PATH = new URL("../../schema.graphql", import.meta.url);

/** Subscriptions run over WebSocket only (api/http/graphql-ws.ts); a POST gets this instead of an internal error. */
export const SUBSCRIPTIONS_NOT_SUPPORTED_MESSAGE =
  "Subscriptions are served over WebSocket with the graphql-ws protocol on this same /graphql path, not over HTTP POST; or poll the query instead.";

/** The executable schema: Apollo serves it over HTTP, graphql-ws over WebSocket. */
export function createGraphQLSchema(appUrl: string): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: readFileSync(SCHEMA_PATH, "utf8"), resolvers: createResolvers(appUrl) as never });
}

export const INTROSPECTION_DISABLED_MESSAGE =
  "Introspection is turned off on this server. The API's schema is published with its documentation (schema.graphql).";

export interface GraphQLServerOptions {
  logger: Logger;
  production: boolean;
  introspection?: boolean;
  /** The web app's public address (APP_URL), for the links answers carry (`sessionUrl`). */
  appUrl: string;
  /** Shared with the WebSocket face, so both serve one schema. */
  schema?: GraphQLSchema;
}

export function createGraphQLServer(opts: GraphQLServerOptions): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    // The schema, with queries executed by compiled code (compiled-execution.ts).
    gateway: compiledExecution(opts.schema ?? createGraphQLSchema(opts.appUrl)),
    // A map of every field, argument and enum helps an attacker more than an integrator,
    // who has schema.graphql; production turns it on only with GRAPHQL_INTROSPECTION=true.
    introspection: opts.introspection ?? !opts.production,
    // Shutdown is ours (api/main.ts): finish requests, then stop Apollo, then the pool.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: opts.production,
    // Depth, alias, directive and token limits (query-limits.ts), checked before anything runs;
    // cost once the variables are known (didResolveOperation below), still before anything runs.
    parseOptions: queryParseOptions(),
    validationRules: queryLimitRules(),
    maxRecursiveSelections: true,
    plugins: [
      // Measured as the single largest cost of list queries (docs/architecture.md#performance-notes); we set no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      // The default landing page loads Apollo Sandbox from a CDN; integrators use their own client.
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces are for federation subgraphs, which this schema is not; left on, Apollo
      // loads the plugin and its usage-reporting protobuf (~2 MiB of code) only to find that out.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, document, request, schema }) {
              // graphql-js would fail in execution ("Schema is not configured…"), which reads as our bug.
              if (operation?.operation === "subscription") {
                throw new GraphQLError(SUBSCRIPTIONS_NOT_SUPPORTED_MESSAGE, {
                  nodes: [operation],
                  extensions: { code: "OPERATION_NOT_SUPPORTED", http: { status: 400 } },
                });
              }
              // Cost is priced with the request's variables, so it is checked here, not in validation.
              const tooCostly = operation && operationCostError(schema, document, operation, request.variables);
              if (tooCostly) throw tooCostly;
            },
            async didEncounterErrors({ errors, contextValue, response, operation }) {
              const refusals = errors.map((error) => asDomainError(unwrapResolverError(error)));
              // When to come back, as REST says it (RFC 9110 §10.2.3), for a rate limit or an outage.
              const waits = refusals.flatMap((refusal) => (refusal ? [retryAfterSeconds(refusal)] : [])).filter((s) => s !== undefined);
              if (waits.length > 0) response.http.headers.set("retry-after", String(Math.max(...waits)));
              // Every field the operation asked for was refused by a rate limit: the answer as a whole
              // is that refusal, so its status says so too (REST's 429); partial answers stay 200.
              const rootFields = operation?.selectionSet.selections.length ?? 0;
              if (rootFields > 0 && refusals.length === rootFields && refusals.every((refusal) => refusal?.code === "RATE_LIMITED")) {
                response.http.status = ERROR_MAP.RATE_LIMITED.http;
              }
              for (const error of errors) {
                if (asDomainError(unwrapResolverError(error))?.code === "SERVICE_UNAVAILABLE") {
                  // Unavailable as a whole, so the answer is too (REST answers the same 503).
                  response.http.status = ERROR_MAP.SERVICE_UNAVAILABLE.http;
                  opts.logger.warn(
                    { database: databaseUnavailability(unwrapResolverError(error)), path: error.path, requestId: contextValue?.requestId },
                    "the database is unavailable; answered SERVICE_UNAVAILABLE",
                  );
                } else if (isUnexpected(error)) {
                  opts.logger.error(
                    { err: unwrapResolverError(error), path: error.path, requestId: contextValue.requestId },
                    "unexpected error in a GraphQL request",
                  );
                }
              }
            },
          };
        },
      },
    ],
    formatError: (formatted, error) => formatError(formatted, error, opts.production),
  });
}

/**
 * A domain error thrown before execution (e.g. while finding the viewer) with its HTTP status and
 * the headers that go with it: a 401's Bearer challenge, a 503's or 429's Retry-After.
 */
export function domainErrorToGraphQL(error: DomainError, carriedToken: boolean): GraphQLError {
  const status = ERROR_MAP[error.code].http;
  const headers = new Map<string, string>();
  if (status === 401) headers.set("www-authenticate", bearerChallenge(carriedToken));
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) headers.set("retry-after", String(retryAfter));
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...domainExtensions(error), http: { status, headers } },
  });
}

function domainExtensions(error: DomainError): Record<string, unknown> {
  return {
    code: ERROR_MAP[error.code].graphql,
    ...(error.details.fields ? { fields: error.details.fields } : {}),
    ...(error.details.retryable ? { retryable: true } : {}),
    ...(error.details.retryAfterSeconds !== undefined ? { retryAfter: error.details.retryAfterSeconds } : {}),
  };
}

/** Anything that is neither a domain error nor one of Apollo's own request errors. */
function isUnexpected(error: GraphQLError): boolean {
  if (asDomainError(unwrapResolverError(error))) return false;
  const code = error.extensions?.code;
  return typeof code !== "string" || code === "INTERNAL_SERVER_ERROR";
}

export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = asDomainError(unwrapResolverError(error));
  if (original) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: domainExtensions(original) };
  }
  const tooComplex = formatQueryLimitError(formatted, error);
  if (tooComplex) return tooComplex;
  // Apollo's own request errors (parse, validation, bad variables) are the caller's to fix.
  const code = formatted.extensions?.code;
  if (formatted.extensions?.validationErrorCode === "INTROSPECTION_DISABLED") {
    // Apollo's words tell the client how to configure Apollo; ours say where the schema is.
    return { ...formatted, message: INTROSPECTION_DISABLED_MESSAGE };
  }
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
    // Apollo hides suggestions in validation errors only; bad variables (an enum value) suggest too.
    return production ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .*\?$/s, "") } : formatted;
  }
  // Everything else is ours: logged with the request id (above), answered without internals.
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
