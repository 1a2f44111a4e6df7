/**
 * OpenAPI 3.1 for /api/live, generated from the route table and the very zod schemas
 * that validate input and describe output (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 * Shapes are named components (`$ref`), so clients generated from the document get named
 * types; the seed's examples come from ./openapi-examples.ts.
 */
import { z } from "zod";
import { REST_FAILURE_CODES } from "./failure-codes.js";
import { FAILURE_EXAMPLES, REQUEST_EXAMPLES, RESPONSE_EXAMPLES } from "./openapi-examples.js";
import { REST_ROUTES, refundJson, type RestRoute } from "./routes.js";
import { hmsDetailsJson, participantJson, sessionJson } from "./session-json.js";

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input (`code` BAD_USER_INPUT, with `fields`; BAD_REQUEST for a body that cannot be read), or a state that does not allow the action (`code` SESSION_FULL, FAILED_PRECONDITION or CONFLICT)",
  401: "Not signed in, or the access token is invalid or expired",
  403: "Not allowed (not an expert, not the session's expert, not enrolled, another site's cookie request)",
  404: "No such session or route",
  405: "Method not allowed on this path",
  413: "Request body larger than 100 KB",
  415: "Request body is not JSON",
  409: "A request with this Idempotency-Key is still running (`code` IDEMPOTENCY_KEY_IN_USE): retry after Retry-After",
  422: "This Idempotency-Key was used for a different request in the last 24 hours (`code` IDEMPOTENCY_KEY_REUSED)",
  500: "Unexpected server error (logged with the request id)",
  503: "A service this one depends on is unavailable (100ms, the identity provider, or our database); retry later",
};

/** Shapes several routes share, by the component name generated clients call their types. */
const SHARED_NAMES = new Map<z.ZodType, string>([
  [sessionJson, "LiveSession"],
  [participantJson, "Participant"],
  [hmsDetailsJson, "HmsDetails"],
  [refundJson, "Refund"],
]);

/** Each route's `data` and request body, named by operationId (a rename changes generated clients' type names). */
const DATA_NAMES: Record<string, string> = {
  startSession: "StartedSession",
  startCheckout: "Checkout",
  enroll: "Enrollment",
  joinToken: "JoinToken",
  endSession: "EndedSession",
  cancelEnrollment: "CancelledEnrollment",
  joinWaitlist: "WaitlistPlace",
  leaveWaitlist: "WaitlistLeft",
  recordingUrl: "RecordingLink",
  submitFeedback: "Feedback",
};
const BODY_NAMES: Record<string, string> = {
  createSession: "CreateSessionRequest",
  enroll: "EnrollRequest",
  submitFeedback: "FeedbackRequest",
};

const COMPONENTS = "#/components/schemas/";

/**
 * Converts a zod schema, moving every named part into `components` and pointing at it with
 * `$ref`. zod extracts schemas whose metadata has an `id` into `$defs`; the registry given to
 * it answers the global one's metadata (descriptions) plus the names above.
 */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, unknown>, names: Map<z.ZodType, string> = SHARED_NAMES): Record<string, unknown> {
  const metadata = {
    get: (s: z.ZodType) => {
      const meta = z.globalRegistry.get(s);
      const id = names.get(s) ?? SHARED_NAMES.get(s);
      return id ? { ...meta, id } : meta;
    },
  } as unknown as typeof z.globalRegistry;
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", metadata, override: documentWholeNumbers }) as Record<string, unknown>;
  const { $schema: _dialect, $defs, ...rest } = converted as { $schema?: string; $defs?: Record<string, unknown> };
  for (const [name, def] of Object.entries($defs ?? {})) {
    const moved = towardsComponents(def);
    if (name in components && JSON.stringify(components[name]) !== JSON.stringify(moved)) {
      throw new Error(`Two different schemas are both named ${name} in the OpenAPI document (an input and an output shape?): name them apart in api/rest/openapi.ts.`);
    }
    components[name] = moved;
  }
  return towardsComponents(rest) as Record<string, unknown>;
}

function towardsComponents(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(towardsComponents);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, COMPONENTS) : towardsComponents(v)]),
    );
  }
  return schema;
}

/** Numbers that arrive as digits in query strings are checked by a transform; say what it allows. */
function documentWholeNumbers(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const meta = z.globalRegistry.get(ctx.zodSchema as z.ZodType) as { wholeNumber?: { minimum: number; maximum: number } } | undefined;
  if (!meta?.wholeNumber) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, { type: "integer", ...meta.wholeNumber });
}

/** A query parameter is present or absent, never null: drop the schema's null branch. */
function withoutNull(schema: unknown): unknown {
  const anyOf = (schema as { anyOf?: { type?: string }[] }).anyOf;
  if (!anyOf) return schema;
  const rest = anyOf.filter((s) => s.type !== "null");
  return rest.length === 1 ? rest[0] : { ...(schema as object), anyOf: rest };
}

const fieldIssueSchema = {
  type: "object",
  description: "One problem with the input",
  required: ["path", "message"],
  properties: {
    path: { type: "string", description: "The field's dotted path (`metadata.tags.3`)" },
    message: { type: "string", description: "What is wrong with it, for a person" },
  },
  additionalProperties: false,
};

const failureSchema = {
  type: "object",
  description: "Every failure's envelope: the seed's `success: false` and `error`, plus `code` (and `fields` for bad input)",
  required: ["success", "error", "code"],
  properties: {
    success: { const: false },
    error: { type: "string", description: "A message a person can act on" },
    code: {
      type: "string",
      enum: [...REST_FAILURE_CODES],
      description:
        "What went wrong, for programs: the GraphQL API's `extensions.code` for the same failure (SESSION_FULL: no seat left; FAILED_PRECONDITION: the session's state refuses the action; CONFLICT: already done, or changed meanwhile; BAD_USER_INPUT: see `fields`), or BAD_REQUEST (the request could not be read), METHOD_NOT_ALLOWED, NOT_FOUND (also for an unknown route), INTERNAL_SERVER_ERROR",
    },
    fields: {
      type: "array",
      description: "For BAD_USER_INPUT: each problem with the input, by the field's dotted path (`metadata.tags.3`)",
      items: { $ref: `${COMPONENTS}FieldIssue` },
    },
  },
  additionalProperties: false,
  examples: FAILURE_EXAMPLES,
};

/**
 * Each route's operationId: the name a generated client gives its method, so it is chosen
 * here, by hand, and kept (renaming one breaks generated clients). A route without one fails
 * to build the document.
 */
const OPERATION_IDS: Record<string, string> = {
  "post /sessions": "createSession",
  "get /sessions": "listSessions",
  "get /sessions/:id": "getSession",
  "post /sessions/:id/start": "startSession",
  "post /sessions/:id/checkout": "startCheckout",
  "post /sessions/:id/enroll": "enroll",
  "post /sessions/:id/join-token": "joinToken",
  "post /sessions/:id/end": "endSession",
  "post /sessions/:id/cancel": "cancelSession",
  "post /sessions/:id/enrollment/cancel": "cancelEnrollment",
  "post /sessions/:id/waitlist": "joinWaitlist",
  "post /sessions/:id/waitlist/leave": "leaveWaitlist",
  "get /sessions/:id/recording": "recordingUrl",
  "post /sessions/:id/feedback": "submitFeedback",
};

function operationIdOf(route: RestRoute): string {
  const id = OPERATION_IDS[`${route.method} ${route.path}`];
  if (!id) throw new Error(`No operationId for ${route.method.toUpperCase()} ${route.path}: add one to OPERATION_IDS (api/rest/openapi.ts).`);
  return id;
}

const rateLimitHeaders = {
  "Retry-After": { description: "Seconds until the limit's window closes", schema: { type: "integer", minimum: 1 } },
  "RateLimit-Limit": { description: "Requests allowed in the window", schema: { type: "integer", minimum: 1 } },
  "RateLimit-Remaining": { description: "Requests left in the window (0 here)", schema: { type: "integer", minimum: 0 } },
  "RateLimit-Reset": { description: "Seconds until the window closes", schema: { type: "integer", minimum: 0 } },
};

/** On a per-user-limited route's successful answers: the user's window after this request (api/http/user-rate-limit-headers.ts). */
const usageHeaders = {
  "RateLimit-Limit": { description: "This user's requests of this kind allowed in the window", schema: { type: "integer", minimum: 1 } },
  "RateLimit-Remaining": { description: "Requests of this kind left in the window after this one", schema: { type: "integer", minimum: 0 } },
  "RateLimit-Reset": { description: "Seconds until the window closes", schema: { type: "integer", minimum: 0 } },
};

/**
 * Every route can answer 429: a request without valid credentials counts against its address
 * (RATE_LIMIT_ANONYMOUS, api/http/address-rate-limit.ts); the routes listing 429 themselves
 * also count each user's actions (RATE_LIMIT_CREATE_SESSION, _ENROLL, _JOIN_TOKEN).
 */
function tooManyText(route: RestRoute): string {
  const perAddress = "Too many requests without valid credentials from this address (`code` RATE_LIMITED)";
  return route.errors.includes(429)
    ? `Too many of these requests from this user, or ${perAddress.charAt(0).toLowerCase()}${perAddress.slice(1)}: wait the Retry-After header's seconds`
    : `${perAddress}: wait the Retry-After header's seconds, or sign in`;
}

function operation(route: RestRoute, components: Record<string, unknown>) {
  const opId = operationIdOf(route);
  const routeNames = new Map<z.ZodType, string>();
  if (DATA_NAMES[opId]) routeNames.set(route.data, DATA_NAMES[opId]);
  if (route.body && BODY_NAMES[opId]) routeNames.set(route.body, BODY_NAMES[opId]);
  const successSchema = {
    type: "object",
    required: ["success", "data", ...Object.keys(route.extra ?? {}), ...(route.message ? ["message"] : [])],
    properties: {
      success: { const: true },
      data: toSchema(route.data, "output", components, routeNames),
      ...Object.fromEntries(Object.entries(route.extra ?? {}).map(([k, s]) => [k, toSchema(s, "output", components)])),
      ...(route.message ? { message: { const: route.message } } : {}),
    },
    additionalProperties: false,
  };
  const parameters: unknown[] = [];
  if (route.path.includes(":id")) {
    parameters.push({ name: "id", in: "path", required: true, description: "Session id", schema: { type: "string" } });
  }
  if (route.method === "post") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "A unique key per request (a UUID): sent again with the same body within 24 hours, the first answer comes back (with `Idempotent-Replayed: true`) and nothing happens twice. Another body under the same key is 422 IDEMPOTENCY_KEY_REUSED; while the first request is still running a retry waits up to 10 seconds, then 409 IDEMPOTENCY_KEY_IN_USE.",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
    });
  }
  if (route.query) {
    const query = toSchema(route.query, "input", components) as { properties?: Record<string, unknown> };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: false, schema: withoutNull(schema) });
    }
  }
  // Any route can meet an unexpected error, or a dependency (identity provider, database) that is down.
  // A POST can also meet its Idempotency-Key's refusals.
  const errors = [...new Set([...route.errors, ...(route.method === "post" ? [409, 422] : []), 429, 500, 503])].sort();
  // The routes listing 429 themselves count each user's actions, and say where the user stands on every answer.
  const perUserLimited = route.errors.includes(429);
  const requestExample = REQUEST_EXAMPLES[opId];
  const responseExample = RESPONSE_EXAMPLES[opId];
  return {
    operationId: opId,
    summary: route.summary,
    ...(route.public ? { security: [{}, { bearerAuth: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.bodyRequired ?? (route.method === "post" && route.path === "/sessions"),
            content: {
              "application/json": {
                schema: toSchema(route.body, "input", components, routeNames),
                ...(requestExample ? { examples: { seed: requestExample } } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      [route.status]: {
        description: "Success",
        ...(route.method === "post" || perUserLimited
          ? {
              headers: {
                ...(route.method === "post" ? { "Idempotent-Replayed": { description: "`true` when this is the kept answer of an earlier request with the same Idempotency-Key", schema: { type: "string", const: "true" } } } : {}),
                ...(perUserLimited ? usageHeaders : {}),
              },
            }
          : {}),
        content: { "application/json": { schema: successSchema, ...(responseExample ? { examples: { seed: responseExample } } : {}) } },
      },
      ...Object.fromEntries(
        errors.map((status) => [
          status,
          {
            description: status === 429 ? tooManyText(route) : (STATUS_TEXT[status] ?? "Error"),
            ...(status === 429 ? { headers: rateLimitHeaders } : {}),
            ...(status === 409 ? { headers: { "Retry-After": { description: "Seconds until the limit's window closes", schema: { type: "integer", minimum: 1 } } } } : {}),
            ...(status === 503 ? { headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } } } : {}),
            ...(status === 401
              ? { headers: { "WWW-Authenticate": { description: 'The scheme to bring (RFC 6750): `Bearer realm="Live Sessions"`, with `error="invalid_token"` when the token sent was refused', schema: { type: "string" } } } }
              : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Failure" } } },
          },
        ]),
      ),
    },
  };
}

export function buildOpenApiDocument(appUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  for (const route of REST_ROUTES) {
    const path = `/api/live${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`;
    (paths[path] ??= {})[route.method] = operation(route, schemas);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Live Sessions REST API",
      version: "1.0.0",
      // The project is proprietary (LICENSE, package.json "UNLICENSED"): the document says so rather than naming an open licence.
      license: { name: "Proprietary: all rights reserved" },
      description:
        "The REST routes of the original Live Sessions API document, kept for existing clients. New integrations should prefer the GraphQL API at /graphql.",
    },
    servers: [{ url: appUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "An Auth0 access token for this API's audience" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "__session", description: "The web app's session; POSTs must come from the app's own origin" },
      },
      // Sorted, so the document (and the clients generated from it) change only where a shape does.
      schemas: Object.fromEntries(Object.entries({ ...schemas, Failure: failureSchema, FieldIssue: fieldIssueSchema }).sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}
