/**
 * The hostile-input corpus (issue 7): requests no client should send, each with the answer
 * it must get. Driven by api/http/hostile-input.test.ts against the running app; each case
 * names the operation it aims at (a REST route as in REST_ROUTES, a GraphQL root field, or
 * the webhook endpoint) so the test can check that every operation is covered.
 *
 * Bodies that depend on the test's world (its session ids, its clock) are functions of a
 * Fixture. A key set to `undefined` is left out of the JSON, i.e. a missing field.
 */
import type { DemoUserKey } from "../stand-ins/auth0/demo-users.js";

export interface Fixture {
  /** A scheduled free session of deepak's. */
  sessionId: string;
  /** A live session of deepak's, priya enrolled. */
  liveSessionId: string;
  /** A valid REST create body (the seed's shape, in the future). */
  restCreateBody: Record<string, unknown>;
  /** A valid GraphQL CreateSessionInput. */
  gqlCreateInput: Record<string, unknown>;
  /** A new, valid 100ms peer.join.success delivery into the live session's room. */
  peerJoin(): Record<string, any>;
  /** A new, valid session.close.success delivery for the live session's room. */
  sessionClose(): Record<string, any>;
  /** A new, valid recording.success delivery for the live session's room. */
  recordingSuccess(): Record<string, any>;
}

type FromFixture<T> = T | ((f: Fixture) => T);
/** Any JSON-able body (`object` rather than `unknown`, so a function given here gets its parameter's type). */
type Body = FromFixture<string | number | boolean | null | object>;

export interface RestCase {
  face: "rest";
  name: string;
  /** `METHOD path` exactly as in REST_ROUTES (path relative to /api/live), or "*" for the router itself. */
  op: string;
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Under /api/live; `:id` becomes the fixture's scheduled session. */
  path: string;
  as?: DemoUserKey;
  body?: Body;
  rawBody?: FromFixture<string>;
  headers?: Record<string, string>;
  status: number;
  error: RegExp;
}

export interface GraphQLCase {
  face: "graphql";
  name: string;
  /** `Query.x` / `Mutation.x`, or "transport" for the HTTP layer in front of every operation. */
  op: string;
  as?: DemoUserKey;
  query?: string;
  variables?: FromFixture<Record<string, unknown>>;
  /** Sent instead of {query, variables}. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** HTTP status: 200 for errors raised while executing, 4xx for requests refused before. */
  status: number;
  /** extensions.code; several when more than one guard may answer first. */
  code: string | readonly string[];
  message?: RegExp;
}

export interface WebhookCase {
  face: "webhook";
  name: string;
  op: "POST /api/webhooks/100ms";
  body?: Body;
  rawBody?: string;
  /** Replaces the default headers (JSON and the right secret). */
  headers?: Record<string, string>;
  status: number;
  error: RegExp;
}

export type HostileCase = RestCase | GraphQLCase | WebhookCase;

// ---------------------------------------------------------------------------------------
// Values

const x = (n: number) => "x".repeat(n);
/** 4-byte emoji: two UTF-16 code units each; the length bounds count code points (zod 4). */
const emoji = (n: number) => "🧘".repeat(n);
/** "é" as e + COMBINING ACUTE ACCENT: two code units per letter a person sees. */
const combining = (n: number) => "e\u0301".repeat(n);

function nested(levels: number, open: string, close: string, inner: string): string {
  return open.repeat(levels) + inner + close.repeat(levels);
}
/** 10,000 levels: enough to overflow any recursive reader. */
const DEEP_ARRAY = nested(10_000, "[", "]", "1");
const DEEP_OBJECT = nested(10_000, '{"a":', "}", "1");

const BAD_TEXT = {
  NUL: "Morning\u0000Flow",
  BELL: "Morning\u0007Flow",
  ESC: "Morning \u001b[31mFlow",
  C1: "Morning\u0085Flow",
  DEL: "Morning\u007fFlow",
  HIGH_SURROGATE: "Morning \ud83d Flow",
  LOW_SURROGATE: "Morning \ude00 Flow",
  RLO: "Morning \u202eFlow",
  LRE: "Morning \u202aFlow",
  RLI: "Morning \u2067Flow",
} as const;

const CONTROL = /cannot contain control characters such as NUL/;
const SURROGATE = /lone UTF-16 surrogate/;
const BIDI = /invisible text-direction controls/;
const ISO = /must be an ISO-8601 date and time with a time zone/;

// ---------------------------------------------------------------------------------------
// REST: /api/live

const JSON_HEADERS = { "content-type": "application/json" };

function restCreate(name: string, overrides: Record<string, unknown>, error: RegExp, status = 400): RestCase {
  return {
    face: "rest",
    name: `create: ${name}`,
    op: "POST /sessions",
    method: "POST",
    path: "/sessions",
    as: "deepak",
    body: (f) => ({ ...f.restCreateBody, ...overrides }),
    status,
    error,
  };
}

function restCreateRaw(name: string, rawBody: FromFixture<string>, error: RegExp, status = 400, headers: Record<string, string> = JSON_HEADERS): RestCase {
  return { face: "rest", name: `create: ${name}`, op: "POST /sessions", method: "POST", path: "/sessions", as: "deepak", rawBody, headers, status, error };
}

function restList(name: string, query: string, error: RegExp, status = 400): RestCase {
  return { face: "rest", name: `list: ${name}`, op: "GET /sessions", method: "GET", path: `/sessions?${query}`, status, error };
}

const ROUTE_AS: Record<string, DemoUserKey | undefined> = {
  "GET /sessions/:id": undefined,
  "POST /sessions/:id/start": "deepak",
  "POST /sessions/:id/checkout": "priya",
  "POST /sessions/:id/enroll": "priya",
  "POST /sessions/:id/join-token": "priya",
  "POST /sessions/:id/end": "deepak",
  "POST /sessions/:id/cancel": "deepak",
  "GET /sessions/:id/recording": "priya",
  "POST /sessions/:id/feedback": "priya",
  "POST /sessions/:id/enrollment/cancel": "priya",
  "POST /sessions/:id/waitlist": "tom",
  "POST /sessions/:id/waitlist/leave": "tom",
};

/** A hostile session id, percent-encoded into the path of an :id route. */
function restId(op: string, name: string, encodedId: string, error: RegExp, status = 400): RestCase {
  const [method, path] = op.split(" ") as ["GET" | "POST", string];
  return {
    face: "rest",
    name: `${op}: id ${name}`,
    op,
    method,
    path: path.replace(":id", encodedId),
    as: ROUTE_AS[op],
    // The feedback route wants a body; a valid one, so only the id is wrong.
    body: op.endsWith("/feedback") ? { rating: 5 } : undefined,
    status,
    error,
  };
}

function restEnroll(name: string, body: Body, error: RegExp, status = 400): RestCase {
  return { face: "rest", name: `enroll: ${name}`, op: "POST /sessions/:id/enroll", method: "POST", path: "/sessions/:id/enroll", as: "priya", body, status, error };
}

function restFeedback(name: string, body: Body, error: RegExp, status = 400): RestCase {
  return { face: "rest", name: `feedback: ${name}`, op: "POST /sessions/:id/feedback", method: "POST", path: "/sessions/:id/feedback", as: "priya", body, status, error };
}

const restCases: RestCase[] = [
  // wrong types
  restCreate("title as a number", { title: 42 }, /^title must be text$/),
  restCreate("title as an array", { title: ["Morning Flow"] }, /^title must be text$/),
  restCreate("title as an object", { title: { en: "Morning Flow" } }, /^title must be text$/),
  restCreate("title null", { title: null }, /^title must be text$/),
  restCreate("title true", { title: true }, /^title must be text$/),
  restCreate("description as a number", { description: 5 }, /^description must be text$/),
  restCreate("sessionType as a number", { sessionType: 1 }, /^sessionType must be one of 1-on-1, group, workshop$/),
  restCreate("maxParticipants as text", { maxParticipants: "50" }, /^maxParticipants must be a number$/),
  restCreate('maxParticipants "NaN"', { maxParticipants: "NaN" }, /^maxParticipants must be a number$/),
  restCreate('price "NaN"', { price: "NaN" }, /^price must be a number$/),
  restCreate('price "Infinity"', { price: "Infinity" }, /^price must be a number$/),
  restCreate("currency as a number", { currency: 356 }, /^currency must be a three-letter ISO-4217 code$/),
  restCreate("featured as text", { featured: "yes" }, /^featured must be true or false$/),
  restCreate("metadata as text", { metadata: "Vinyasa" }, /^metadata must be an object$/),
  restCreate("metadata.category as a number", { metadata: { category: 5 } }, /^metadata\.category must be text$/),
  restCreate("metadata.equipment as text", { metadata: { equipment: "mat" } }, /^metadata\.equipment must be a list$/),
  restCreate("metadata.tags as an object", { metadata: { tags: { a: "calm" } } }, /^metadata\.tags must be a list$/),
  restCreate("a null tag", { metadata: { tags: [null] } }, /^metadata\.tags item must be text$/),
  restCreate("scheduledStartTime as epoch milliseconds", { scheduledStartTime: 1_894_000_000_000 }, ISO),
  // missing and extra fields
  restCreate("no title", { title: undefined }, /^title must be text$/),
  restCreate("no scheduledEndTime", { scheduledEndTime: undefined }, /^scheduledEndTime must be an ISO-8601/),
  restCreate("an extra status", { status: "live" }, /^Unknown field\(s\): status$/),
  restCreate("an extra expertId", { expertId: "usr_someone_else" }, /^Unknown field\(s\): expertId$/),
  restCreate("an extra __proto__", { ["__proto__"]: { featured: true } }, /^Unknown field\(s\): __proto__$/),
  restCreate("an extra constructor", { constructor: { prototype: { featured: true } } }, /^Unknown field\(s\): constructor$/),
  restCreate("unknown metadata keys", { metadata: { colour: "blue", category: "Hatha" } }, /^metadata accepts only category, difficulty, equipment and tags$/),
  // huge strings
  restCreate("a 121-character title", { title: x(121) }, /^title must be at most 120 characters$/),
  restCreate("a 90 KB title", { title: x(90_000) }, /^title must be at most 120 characters$/),
  restCreate("a 5001-character description", { description: x(5001) }, /^description must be at most 5000 characters$/),
  restCreate("a 51-character category", { metadata: { category: x(51) } }, /^metadata\.category must be at most 50 characters$/),
  restCreate("21 tags", { metadata: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } }, /^metadata\.tags can list at most 20 tags$/),
  restCreate("a 31-character tag", { metadata: { tags: [x(31)] } }, /^metadata\.tags item must be at most 30 characters$/),
  restCreate("a 2049-character thumbnail", { thumbnail: `https://example.com/${x(2030)}` }, /^thumbnail must be at most 2048 characters$/),
  restCreate("a whitespace-only title", { title: " \t\n  " }, /^title must be at least 3 characters$/),
  // invalid and impossible dates
  restCreate("30 February", { scheduledStartTime: "2030-02-30T08:00:00Z" }, ISO),
  restCreate("29 February of a common year", { scheduledStartTime: "2029-02-29T08:00:00Z" }, ISO),
  restCreate("month 13", { scheduledStartTime: "2030-13-01T08:00:00Z" }, ISO),
  restCreate("hour 25", { scheduledStartTime: "2030-01-16T25:00:00Z" }, ISO),
  restCreate("a leap second", { scheduledStartTime: "2030-06-30T23:59:60Z" }, ISO),
  restCreate("year 9999999", { scheduledStartTime: "9999999-01-01T08:00:00Z" }, ISO),
  restCreate("an expanded year +275760", { scheduledStartTime: "+275760-09-13T00:00:00Z" }, ISO),
  restCreate("year 0", { scheduledStartTime: "0000-01-01T00:00:00Z" }, /scheduledStartTime must be in the future/),
  restCreate("no time zone", { scheduledStartTime: "2030-01-16T08:00:00" }, ISO),
  restCreate("a date without a time", { scheduledStartTime: "2030-01-16" }, ISO),
  restCreate("an offset of +24:00", { scheduledStartTime: "2030-01-16T08:00:00+24:00" }, ISO),
  restCreate("a date in words", { scheduledStartTime: "next Tuesday" }, ISO),
  // negative and enormous numbers
  restCreate("maxParticipants -1", { maxParticipants: -1 }, /^maxParticipants must be at least 1$/),
  restCreateRaw("maxParticipants -0", (f) => JSON.stringify({ ...f.restCreateBody, maxParticipants: 1234567 }).replace("1234567", "-0"), /^maxParticipants must be at least 1$/),
  restCreate("maxParticipants 1e308", { maxParticipants: 1e308 }, /maxParticipants can be at most 2500$/),
  restCreate("maxParticipants 2.5", { maxParticipants: 2.5 }, /^maxParticipants must be a whole number$/),
  restCreate("price 1e308", { price: 1e308 }, /price can be at most 1000000/),
  restCreate("price -0.01", { price: -0.01 }, /^price cannot be negative$/),
  restCreate("price with 3 decimals", { price: 499.999 }, /^price can have at most 2 decimals$/),
  restCreate("price 1.000000001 (too small a fraction to see)", { price: 1.000000001 }, /^price can have at most 2 decimals$/),
  restCreate("price 1e-7", { price: 1e-7 }, /^price can have at most 2 decimals$/),
  restCreate("yen with decimals", { price: 10.5, currency: "JPY" }, /^price in JPY must be a whole number$/),
  // unknown enum values
  restCreate("sessionType GROUP (GraphQL's spelling)", { sessionType: "GROUP" }, /^sessionType must be one of/),
  restCreate("sessionType empty", { sessionType: "" }, /^sessionType must be one of/),
  restCreate("sessionType with SQL", { sessionType: "group'; DROP TABLE live_sessions;--" }, /^sessionType must be one of/),
  restCreate("currency ZZZ", { currency: "ZZZ" }, /^currency must be an ISO-4217 code/),
  restCreate("currency of two letters", { currency: "US" }, /^currency must be an ISO-4217 code/),
  restCreate("a javascript: thumbnail", { thumbnail: "javascript:alert(document.cookie)" }, /^thumbnail must be an http\(s\) URL$/),
  restCreate("a data: thumbnail with a script", { thumbnail: "data:text/html,<script>alert(1)</script>" }, /^thumbnail must be an http\(s\) URL$/),
  // unicode edge cases
  restCreate("a NUL byte in the title", { title: BAD_TEXT.NUL }, /^title cannot contain control characters such as NUL$/),
  restCreate("a BEL in the title", { title: BAD_TEXT.BELL }, CONTROL),
  restCreate("an ANSI escape in the title", { title: BAD_TEXT.ESC }, CONTROL),
  restCreate("a C1 control in the title", { title: BAD_TEXT.C1 }, CONTROL),
  restCreate("a DEL in the title", { title: BAD_TEXT.DEL }, CONTROL),
  restCreate("a lone high surrogate in the title", { title: BAD_TEXT.HIGH_SURROGATE }, /^title contains an invalid character \(a lone UTF-16 surrogate\)$/),
  restCreate("a lone low surrogate in the title", { title: BAD_TEXT.LOW_SURROGATE }, SURROGATE),
  restCreate("a right-to-left override in the title", { title: BAD_TEXT.RLO }, /^title cannot contain invisible text-direction controls/),
  restCreate("a left-to-right embedding in the title", { title: BAD_TEXT.LRE }, BIDI),
  restCreate("a right-to-left isolate in the title", { title: BAD_TEXT.RLI }, BIDI),
  restCreate("a NUL byte in the description", { description: "Breathe\u0000in" }, /^description cannot contain control characters/),
  restCreate("a NUL byte in a tag", { metadata: { tags: ["calm\u0000"] } }, /^metadata\.tags item cannot contain control characters/),
  restCreate("a lone surrogate in the category", { metadata: { category: "Hatha\ud800" } }, /^metadata\.category contains an invalid character/),
  restCreate("a NUL byte in the thumbnail URL", { thumbnail: "https://example.com/a\u0000.png" }, /^thumbnail cannot contain control characters/),
  restCreate("121 four-byte emoji", { title: emoji(121) }, /^title must be at most 120 characters$/),
  restCreate("61 letters with combining accents (122 code points)", { title: combining(61) }, /^title must be at most 120 characters$/),
  // everything at once
  restCreate("every field wrong", { title: 1, description: [], sessionType: "x", maxParticipants: -5, price: -1, currency: "??" }, /title must be text.*description must be text.*sessionType.*maxParticipants.*price.*currency/),
  // malformed JSON, wrong content types, size, depth
  restCreateRaw("a truncated body", '{"title": "Morning', /^The request body is not valid JSON\.$/),
  restCreateRaw("a trailing comma", '{"title": "Morning Flow",}', /^The request body is not valid JSON\.$/),
  restCreateRaw("single quotes", "{'title': 'Morning Flow'}", /^The request body is not valid JSON\.$/),
  restCreateRaw("a NaN literal", '{"price": NaN}', /^The request body is not valid JSON\.$/),
  restCreateRaw("a comment", '{"title": "Morning Flow" /* hi */}', /^The request body is not valid JSON\.$/),
  restCreateRaw("the JSON null", "null", /^The request body is not valid JSON\.$/),
  restCreateRaw("a JSON string", '"Morning Flow"', /^The request body is not valid JSON\.$/),
  restCreateRaw("an array", '["Morning Flow"]', /^The session must be an object$/),
  restCreateRaw("10,000 nested arrays", DEEP_ARRAY, /^The session must be an object$/),
  restCreateRaw("10,000 nested objects", DEEP_OBJECT, /Unknown field\(s\): a/),
  restCreateRaw("10,000 nested arrays as the title", `{"title": ${DEEP_ARRAY}}`, /^title must be text/),
  restCreateRaw("text/plain", '{"title": "Morning Flow"}', /^Send the request body as JSON with the header Content-Type: application\/json\.$/, 415, { "content-type": "text/plain" }),
  restCreateRaw("a form post", "title=Morning+Flow", /Content-Type: application\/json/, 415, { "content-type": "application/x-www-form-urlencoded" }),
  restCreateRaw("multipart", '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nMorning\r\n--b--', /Content-Type: application\/json/, 415, { "content-type": "multipart/form-data; boundary=b" }),
  restCreateRaw("XML", "<session><title>Morning</title></session>", /Content-Type: application\/json/, 415, { "content-type": "application/xml" }),
  restCreateRaw("JSON in Latin-1", '{"title": "Morning"}', /^The request body must be UTF-8 JSON\.$/, 415, { "content-type": "application/json; charset=latin1" }),
  restCreateRaw("a body that claims gzip", '{"title": "Morning"}', /^The request could not be read/, 400, { "content-type": "application/json", "content-encoding": "gzip" }),
  restCreateRaw("a body over 100 KB", JSON.stringify({ title: x(110_000) }), /^The request body is larger than 100kb\.$/, 413),
  restCreateRaw("a body over 100 KB of nesting", nested(60_000, "[", "]", "1"), /^The request body is larger than 100kb\.$/, 413),

  // GET /sessions: query strings
  restList("limit 1e308", "limit=1e308", /^limit must be a whole number between 1 and 100$/),
  restList("limit NaN", "limit=NaN", /^limit must be a whole number between 1 and 100$/),
  restList("a search of only punctuation", "search=%21%21%21%20%26%20%7C", /^search needs at least one letter or digit$/),
  restList("a 101-character search", `search=${x(101)}`, /^search must be at most 100 characters$/),
  restList("a search given twice", "search=a&search=b", /^search must be text$/),
  restList("limit -0", "limit=-0", /^limit must be a whole number between 1 and 100$/),
  restList("limit with a NUL", "limit=5%00", /^limit must be a whole number between 1 and 100$/),
  restList("limit as an object", "limit[a]=5", /^limit must be a whole number between 1 and 100$/),
  restList("skip beyond 10^20", "skip=99999999999999999999", /^skip must be a whole number between 0 and 1000000$/),
  restList("skip 1e6+1", "skip=1000001", /^skip must be a whole number between 0 and 1000000$/),
  restList("status as an array", "status[]=live", /^status must be one of scheduled, live, ended, cancelled$/),
  restList("status with SQL", "status=live'%20OR%20'1'='1", /^status must be one of/),
  restList("featured=1", "featured=1", /^featured must be true or false$/),
  restList("featured=TRUE", "featured=TRUE", /^featured must be true or false$/),
  restList("an empty expertId", "expertId=", /^expertId cannot be empty$/),
  restList("a NUL expertId", "expertId=usr%00x", /^expertId cannot contain control characters/),
  restList("a 65-character expertId", `expertId=${x(65)}`, /^expertId is too long$/),
  restList("a NUL category", "category=%00", /^category cannot contain control characters/),
  restList("a right-to-left override in the category", "category=%E2%80%AEahtaH", /^category cannot contain invisible text-direction controls/),
  restList("a 51-character difficulty", `difficulty=${x(51)}`, /^difficulty must be at most 50 characters$/),
  restList("a category nested 5 deep", "category[a][b][c][d][e]=x", /^category must be text$/),
  restList("a 20 KB query string (refused by Node before Express)", `category=${x(20_000)}`, /^The request's URL and headers are too large \(16 KB at most\)\.$/, 431),

  // :id routes
  ...Object.keys(ROUTE_AS).flatMap((op) => [
    restId(op, "with a NUL byte", "ses%00x", /^The session id cannot contain control characters such as NUL$/),
    restId(op, "of 65 characters", x(65), /^The session id is too long$/),
  ]),
  restId("GET /sessions/:id", "of spaces", "%20%20%20", /^The session id is required$/),
  restId("GET /sessions/:id", "with a right-to-left override", "ses_%E2%80%AEabc", /^The session id cannot contain invisible text-direction controls/),
  restId("GET /sessions/:id", "with broken percent-encoding", "ses_%E0%A4%A", /^The request could not be read/),
  restId("GET /sessions/:id", "with SQL", encodeURIComponent("x' OR '1'='1"), /^No live session has the id "x' OR '1'='1"\.$/, 404),
  restId("GET /sessions/:id", "with HTML", encodeURIComponent("<script>alert(1)</script>"), /^No live session has the id "<script>alert\(1\)<\/script>"\.$/, 404),
  restId("POST /sessions/:id/start", "with a lone surrogate (U+D800 as UTF-8, which is no UTF-8)", "%ED%A0%80", /^The request could not be read/),
  restId("POST /sessions/:id/join-token", "with an ANSI escape", "ses%1B%5B31m", /^The session id cannot contain control characters/),

  // POST /sessions/:id/enroll bodies
  restEnroll("paymentId as a number", { paymentId: 123, paymentGateway: "stripe" }, /^paymentId must be text$/),
  restEnroll("paymentGateway STRIPE (GraphQL's spelling)", { paymentId: "pay_1", paymentGateway: "STRIPE" }, /^paymentGateway must be one of stripe, razorpay$/),
  restEnroll("paymentGateway null", { paymentId: "pay_1", paymentGateway: null }, /^paymentGateway must be one of stripe, razorpay$/),
  restEnroll("a NUL paymentId", { paymentId: "pay_\u0000", paymentGateway: "stripe" }, /^paymentId cannot contain control characters/),
  restEnroll("a 256-character paymentId", { paymentId: x(256), paymentGateway: "stripe" }, /^paymentId is too long$/),
  restEnroll("an amount the client chose", { paymentId: "pay_1", paymentGateway: "stripe", amount: 0 }, /^Unknown field\(s\): amount$/),
  restEnroll("a JSON string", "pay_1", /^The request body is not valid JSON\.$/),
  {
    face: "rest",
    name: "enroll: text/plain",
    op: "POST /sessions/:id/enroll",
    method: "POST",
    path: "/sessions/:id/enroll",
    as: "priya",
    rawBody: "paymentId=pay_1",
    headers: { "content-type": "text/plain" },
    status: 415,
    error: /Content-Type: application\/json/,
  },
  {
    face: "rest",
    name: "enroll: a body over 100 KB",
    op: "POST /sessions/:id/enroll",
    method: "POST",
    path: "/sessions/:id/enroll",
    as: "priya",
    rawBody: JSON.stringify({ paymentId: x(120_000), paymentGateway: "stripe" }),
    headers: JSON_HEADERS,
    status: 413,
    error: /^The request body is larger than 100kb\.$/,
  },

  // POST /sessions/:id/feedback bodies
  restFeedback("rating 0", { rating: 0 }, /^rating must be a whole number from 1 to 5$/),
  restFeedback("rating 6", { rating: 6 }, /^rating must be a whole number from 1 to 5$/),
  restFeedback("rating 4.5", { rating: 4.5 }, /^rating must be a whole number from 1 to 5$/),
  restFeedback('rating "5"', { rating: "5" }, /^rating must be a whole number from 1 to 5$/),
  restFeedback("rating 1e308", { rating: 1e308 }, /^rating must be a whole number from 1 to 5$/),
  restFeedback("no rating", { comment: "Lovely" }, /^rating must be a whole number from 1 to 5$/),
  restFeedback("a 2001-character comment", { rating: 5, comment: x(2001) }, /^comment must be at most 2000 characters$/),
  restFeedback("a NUL in the comment", { rating: 5, comment: "Lovely\u0000" }, /^comment cannot contain control characters/),
  restFeedback("a lone surrogate in the comment", { rating: 5, comment: "Lovely \udfff" }, /^comment contains an invalid character/),
  restFeedback("an extra stars field", { rating: 5, stars: 5 }, /^Unknown field\(s\): stars$/),
  restFeedback("an array", [5], /^The feedback must be an object with a rating$/),
  {
    face: "rest",
    name: "feedback: no body at all",
    op: "POST /sessions/:id/feedback",
    method: "POST",
    path: "/sessions/:id/feedback",
    as: "priya",
    status: 400,
    error: /^rating must be a whole number from 1 to 5$/,
  },

  // the router itself
  { face: "rest", name: "router: PUT /sessions", op: "*", method: "PUT", path: "/sessions", as: "deepak", body: {}, status: 405, error: /^PUT is not supported on \/api\/live\/sessions; use (POST or GET|GET or POST)\.$/ },
  { face: "rest", name: "router: DELETE /sessions/:id", op: "*", method: "DELETE", path: "/sessions/:id", as: "deepak", status: 405, error: /^DELETE is not supported/ },
  { face: "rest", name: "router: an unknown route", op: "*", method: "POST", path: "/sessions/:id/refund", as: "priya", status: 404, error: /^There is no POST \/api\/live\/sessions\/[^/]+\/refund route\./ },
  { face: "rest", name: "recording: path traversal", op: "GET /sessions/:id/recording", method: "GET", path: "/sessions/..%2F..%2Fetc%2Fpasswd/recording", as: "priya", status: 404, error: /^No live session has the id/ },
];

// ---------------------------------------------------------------------------------------
// GraphQL: /graphql

const CREATE = "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }";
const LIST = `query($status: SessionStatus, $expertId: ID, $featured: Boolean, $category: String, $difficulty: String, $search: String, $limit: Int, $skip: Int) {
  sessions(status: $status, expertId: $expertId, featured: $featured, category: $category, difficulty: $difficulty, search: $search, limit: $limit, skip: $skip) { total }
}`;
const EXPERT = "query($id: ID!) { expert(id: $id) { id } }";
const ONE = "query($id: ID!) { session(id: $id) { id } }";
const RECORDING = "query($id: ID!) { recordingUrl(sessionId: $id) { url } }";
const START = "mutation($id: ID!) { startSession(id: $id) { roomId } }";
const ENROLL = "mutation($id: ID!, $payment: PaymentInput) { enroll(sessionId: $id, payment: $payment) { id } }";
const JOIN = "mutation($id: ID!) { joinToken(sessionId: $id) { token } }";
const CHECKOUT = "mutation($id: ID!) { startCheckout(sessionId: $id) { reference } }";
const END = "mutation($id: ID!) { endSession(id: $id) { sessionId } }";
const CANCEL = "mutation($id: ID!) { cancelSession(id: $id) { id } }";
const UPDATE = "mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }";
const FEEDBACK = "mutation($id: ID!, $input: FeedbackInput!) { submitFeedback(sessionId: $id, input: $input) { id } }";
const END_USER_SESSIONS = "mutation($id: ID!) { endUserSessions(userId: $id) { endedSessions } }";

/** endUserSessions as an admin (anyone else is refused before the id is read). */
function gqlUserId(name: string, id: unknown, message: RegExp): GraphQLCase {
  return { face: "graphql", name: `endUserSessions: id ${name}`, op: "Mutation.endUserSessions", as: "admin", query: END_USER_SESSIONS, variables: { id }, status: 200, code: "BAD_USER_INPUT", message };
}

/** Refused by the domain's schema while executing: HTTP 200, BAD_USER_INPUT naming the field. */
function gqlCreate(name: string, overrides: Record<string, unknown>, message: RegExp): GraphQLCase {
  return {
    face: "graphql",
    name: `createSession: ${name}`,
    op: "Mutation.createSession",
    as: "deepak",
    query: CREATE,
    variables: (f) => ({ input: { ...f.gqlCreateInput, ...overrides } }),
    status: 200,
    code: "BAD_USER_INPUT",
    message,
  };
}

/** Refused by GraphQL's own type check of the variables: HTTP 400, BAD_USER_INPUT. */
function gqlCreateCoercion(name: string, overrides: Record<string, unknown>, message: RegExp): GraphQLCase {
  return { ...gqlCreate(name, overrides, message), status: 400 };
}

const CREATE_WEBHOOK = "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id secret } }";

/** A webhook endpoint operation as deepak, refused as bad input. */
function gqlWebhook(name: string, op: string, query: string, variables: Record<string, unknown>, message: RegExp): GraphQLCase {
  return { face: "graphql", name, op, as: "deepak", query, variables, status: 200, code: "BAD_USER_INPUT", message };
}

function gqlList(name: string, variables: Record<string, unknown>, message: RegExp, status = 200): GraphQLCase {
  return { face: "graphql", name: `sessions: ${name}`, op: "Query.sessions", query: LIST, variables, status, code: "BAD_USER_INPUT", message };
}

const ID_OPS: [string, string, DemoUserKey | undefined, Record<string, unknown>][] = [
  ["Query.session", ONE, undefined, {}],
  ["Query.recordingUrl", RECORDING, "priya", {}],
  ["Mutation.startSession", START, "deepak", {}],
  ["Mutation.enroll", ENROLL, "priya", {}],
  ["Mutation.startCheckout", CHECKOUT, "priya", {}],
  ["Mutation.joinToken", JOIN, "priya", {}],
  ["Mutation.endSession", END, "deepak", {}],
  ["Mutation.cancelSession", CANCEL, "deepak", {}],
  ["Mutation.updateSession", UPDATE, "deepak", { input: { title: "A new title" } }],
  ["Mutation.submitFeedback", FEEDBACK, "priya", { input: { rating: 5 } }],
  ["Mutation.cancelEnrollment", "mutation($id: ID!) { cancelEnrollment(sessionId: $id) { refund { id } } }", "priya", {}],
  ["Mutation.joinWaitlist", "mutation($id: ID!) { joinWaitlist(sessionId: $id) { position } }", "tom", {}],
  ["Mutation.leaveWaitlist", "mutation($id: ID!) { leaveWaitlist(sessionId: $id) }", "tom", {}],
];

function gqlId(op: string, name: string, id: unknown, message: RegExp, code = "BAD_USER_INPUT", status = 200): GraphQLCase {
  const [, query, as, extra] = ID_OPS.find(([o]) => o === op)!;
  return { face: "graphql", name: `${op.split(".")[1]}: id ${name}`, op, as, query, variables: { id, ...extra }, status, code, message };
}

function gqlEnroll(name: string, payment: unknown, message: RegExp, status = 200): GraphQLCase {
  return {
    face: "graphql",
    name: `enroll: ${name}`,
    op: "Mutation.enroll",
    as: "priya",
    query: ENROLL,
    variables: (f) => ({ id: f.sessionId, payment }),
    status,
    code: "BAD_USER_INPUT",
    message,
  };
}

function gqlFeedback(name: string, input: unknown, message: RegExp, status = 200): GraphQLCase {
  return {
    face: "graphql",
    name: `submitFeedback: ${name}`,
    op: "Mutation.submitFeedback",
    as: "priya",
    query: FEEDBACK,
    variables: (f) => ({ id: f.sessionId, input }),
    status,
    code: "BAD_USER_INPUT",
    message,
  };
}

function gqlTransport(name: string, request: Partial<GraphQLCase>, status: number, code: string, message?: RegExp): GraphQLCase {
  return { face: "graphql", name: `transport: ${name}`, op: "transport", status, code, message, ...request };
}

const graphqlCases: GraphQLCase[] = [
  // createSession: the domain's schema
  gqlCreate("a NUL byte in the title", { title: BAD_TEXT.NUL }, /^title cannot contain control characters such as NUL$/),
  gqlCreate("a lone surrogate in the title", { title: BAD_TEXT.HIGH_SURROGATE }, /^title contains an invalid character/),
  gqlCreate("a right-to-left override in the title", { title: BAD_TEXT.RLO }, BIDI),
  gqlCreate("a NUL byte in the description", { description: "a\u0000b" }, /^description cannot contain control characters/),
  gqlCreate("a lone surrogate in a tag", { metadata: { tags: ["\udc00calm"] } }, /^metadata\.tags item contains an invalid character/),
  gqlCreate("121 four-byte emoji", { title: emoji(121) }, /^title must be at most 120 characters$/),
  gqlCreate("a 121-character title", { title: x(121) }, /^title must be at most 120 characters$/),
  gqlCreate("30 February", { scheduledStartTime: "2030-02-30T08:00:00Z" }, ISO),
  gqlCreate("a leap second", { scheduledEndTime: "2030-06-30T23:59:60Z" }, /^scheduledEndTime must be an ISO-8601/),
  gqlCreate("year 0", { scheduledStartTime: "0000-01-01T00:00:00Z" }, /scheduledStartTime must be in the future/),
  gqlCreate("year 9999999", { scheduledStartTime: "9999999-01-01T00:00:00Z" }, ISO),
  gqlCreate("an empty date", { scheduledStartTime: "" }, ISO),
  gqlCreate("maxParticipants -1", { maxParticipants: -1 }, /^maxParticipants must be at least 1$/),
  gqlCreate("maxParticipants 2147483647", { maxParticipants: 2_147_483_647 }, /^maxParticipants can be at most 2500$/),
  gqlCreate("price 1e308", { price: 1e308 }, /price can be at most 1000000/),
  gqlCreate("price -0.01", { price: -0.01 }, /^price cannot be negative$/),
  gqlCreate("price 0.001", { price: 0.001 }, /^price can have at most 2 decimals$/),
  gqlCreate("price 1.000000001", { price: 1.000000001 }, /^price can have at most 2 decimals$/),
  gqlCreate("a currency of HTML", { currency: "<b>" }, /^currency must be an ISO-4217 code/),
  gqlCreate("a javascript: thumbnail", { thumbnail: "javascript:alert(1)" }, /^thumbnail must be an http\(s\) URL$/),
  gqlCreate("a thumbnail that is not a URL", { thumbnail: "not a url" }, /^thumbnail must be an http\(s\) URL$/),
  gqlCreate("21 equipment items", { metadata: { equipment: Array.from({ length: 21 }, (_, i) => `e${i}`) } }, /^metadata\.equipment can list at most 20 items$/),
  // createSession: GraphQL's own type check of the variables
  gqlCreateCoercion("sessionType group (REST's spelling)", { sessionType: "group" }, /SessionType/),
  gqlCreateCoercion("maxParticipants 1e308", { maxParticipants: 1e308 }, /Int cannot represent/),
  gqlCreateCoercion("maxParticipants 2.5", { maxParticipants: 2.5 }, /Int cannot represent/),
  gqlCreateCoercion('price "NaN"', { price: "NaN" }, /Float cannot represent/),
  gqlCreateCoercion("title as a number", { title: 42 }, /String cannot represent/),
  gqlCreateCoercion("a date as epoch milliseconds", { scheduledStartTime: 1_894_000_000_000 }, /DateTime must be an ISO-8601 string/),
  gqlCreateCoercion("no title", { title: undefined }, /Field "title" of required type "String!" was not provided/),
  gqlCreateCoercion("an extra status field", { status: "LIVE" }, /Field "status" is not defined by type "CreateSessionInput"/),
  gqlCreateCoercion("unknown metadata keys", { metadata: { colour: "blue" } }, /Field "colour" is not defined by type "SessionMetadataInput"/),
  gqlCreateCoercion("featured as text", { featured: "yes" }, /Boolean cannot represent/),
  {
    face: "graphql",
    name: "createSession: input null",
    op: "Mutation.createSession",
    as: "deepak",
    query: CREATE,
    variables: { input: null },
    status: 400,
    code: "BAD_USER_INPUT",
    message: /must not be null/,
  },
  {
    face: "graphql",
    name: "createSession: input 10,000 levels deep",
    op: "Mutation.createSession",
    as: "deepak",
    rawBody: `{"query": ${JSON.stringify(CREATE)}, "variables": {"input": ${DEEP_OBJECT}}}`,
    headers: JSON_HEADERS,
    status: 400,
    code: "BAD_USER_INPUT",
    message: /\$input/,
  },
  {
    face: "graphql",
    name: "createSession: an input literal with SQL in an enum",
    op: "Mutation.createSession",
    as: "deepak",
    query: 'mutation { createSession(input: {title: "x", scheduledStartTime: "2030-02-01T08:00:00Z", scheduledEndTime: "2030-02-01T09:00:00Z", sessionType: DROP_TABLE}) { id } }',
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /SessionType/,
  },

  // sessions
  gqlList("limit 1e308", { limit: 1e308 }, /Int cannot represent/, 400),
  gqlList('limit "5"', { limit: "5" }, /Int cannot represent/, 400),
  gqlList("skip 2^31", { skip: 2 ** 31 }, /Int cannot represent/, 400),
  gqlList("skip 1,000,001", { skip: 1_000_001 }, /^skip must be a whole number between 0 and 1000000$/),
  ...(
    [
      ["a price", { price: 100 }, /Field "price" is not defined by type "UpdateSessionInput"/, 400],
      ["a 2-character title", { title: "ab" }, /^title must be at least 3 characters$/, 200],
      ["a title with a NUL", { title: "Flow\u0000" }, /^title cannot contain control characters/, 200],
      ["a start in the past", { scheduledStartTime: "2001-01-01T00:00:00Z" }, /^scheduledStartTime must be in the future/, 200],
      ["a start without a zone", { scheduledStartTime: "2030-01-01T08:00:00" }, /scheduledStartTime must be an ISO-8601 date and time with a time zone/, 200],
      ["no seats", { maxParticipants: 0 }, /^maxParticipants must be at least 1$/, 200],
      ["a javascript: thumbnail", { thumbnail: "javascript:alert(1)" }, /thumbnail/, 200],
      ["metadata nested deep", { metadata: { category: { a: { b: 1 } } } }, /String cannot represent/, 400],
    ] as const
  ).map(([name, input, message, status]): GraphQLCase => ({
    face: "graphql",
    name: `updateSession: ${name}`,
    op: "Mutation.updateSession",
    as: "deepak",
    query: UPDATE,
    variables: (f: Fixture) => ({ id: f.sessionId, input }),
    status,
    code: "BAD_USER_INPUT",
    message,
  })),
  gqlList("a search of only punctuation", { search: "!!! & | :*" }, /^search needs at least one letter or digit$/),
  gqlList("a 101-character search", { search: x(101) }, /^search must be at most 100 characters$/),
  gqlList("a search with a NUL", { search: "hatha\u0000" }, /^search cannot contain control characters/),
  gqlList("a search as a list", { search: ["hatha"] }, /String cannot represent/, 400),
  { face: "graphql", name: "expert: an id of 65 characters", op: "Query.expert", query: EXPERT, variables: { id: x(65) }, status: 200, code: "BAD_USER_INPUT", message: /^The expert id is too long$/ },
  { face: "graphql", name: "expert: an id with a right-to-left override", op: "Query.expert", query: EXPERT, variables: { id: "usr_\u202e" }, status: 200, code: "BAD_USER_INPUT", message: BIDI },
  { face: "graphql", name: "expert: no id", op: "Query.expert", query: "{ expert { id } }", status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /argument "id" of type "ID!" is required/ },
  gqlList("status live (lowercase)", { status: "live" }, /SessionStatus/, 400),
  gqlList("status with SQL", { status: "LIVE' OR '1'='1" }, /SessionStatus/, 400),
  gqlList("featured as text", { featured: "true" }, /Boolean cannot represent/, 400),
  gqlList("a NUL category", { category: "\u0000" }, /^category cannot contain control characters/),
  gqlList("a lone surrogate in the category", { category: "\udc00" }, /^category contains an invalid character/),
  gqlList("a right-to-left isolate in the difficulty", { difficulty: "\u2067Beginner" }, /^difficulty cannot contain invisible text-direction controls/),
  gqlList("a 51-character category", { category: x(51) }, /^category must be at most 50 characters$/),
  gqlList("a NUL expertId", { expertId: "usr\u0000" }, /^expertId cannot contain control characters/),
  gqlList("an empty expertId", { expertId: "" }, /^expertId cannot be empty$/),
  {
    face: "graphql",
    name: "sessionsConnection: a forged cursor",
    op: "Query.sessionsConnection",
    query: "query($after: String) { sessionsConnection(first: 5, after: $after) { totalCount } }",
    variables: { after: "czF8bm90LWEtZGF0ZXwnOyBEUk9QIFRBQkxFIGxpdmVfc2Vzc2lvbnM7LS0" },
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^after is not a cursor from this API/,
  },
  {
    face: "graphql",
    name: "sessionsConnection: a NUL in the search",
    op: "Query.sessionsConnection",
    query: "query($filter: SessionsFilter) { sessionsConnection(filter: $filter) { totalCount } }",
    variables: { filter: { search: "yin\u0000" } },
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^search cannot contain control characters/,
  },
  {
    face: "graphql",
    name: "sessions: an unknown argument",
    op: "Query.sessions",
    query: "{ sessions(orderBy: \"title; DROP TABLE live_sessions\") { total } }",
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /Unknown argument "orderBy"/,
  },
  {
    face: "graphql",
    name: "sessions: a literal nested 10,000 lists deep",
    op: "Query.sessions",
    query: `{ sessions(category: ${nested(10_000, "[", "]", '"x"')}) { total } }`,
    status: 400,
    // The parser refuses it, or before that the token limit (api/graphql/query-limits.ts).
    code: ["GRAPHQL_PARSE_FAILED", "QUERY_TOO_COMPLEX"],
  },

  // :id operations
  ...ID_OPS.flatMap(([op]) => [
    gqlId(op, "with a NUL byte", "ses\u0000", /^The session id cannot contain control characters such as NUL$/),
    gqlId(op, "of 65 characters", x(65), /^The session id is too long$/),
  ]),
  gqlId("Query.session", "with a lone surrogate", "ses_\ud800", /^The session id contains an invalid character/),
  gqlId("Query.session", "empty", "", /^The session id is required$/),
  gqlId("Query.session", "as an object", { $ne: null }, /ID cannot represent/, "BAD_USER_INPUT", 400),
  gqlId("Query.session", "null", null, /must not be null/, "BAD_USER_INPUT", 400),
  gqlId("Mutation.joinToken", "with a right-to-left override", "ses_\u202e", BIDI),
  gqlId("Mutation.startSession", "as a float", 1.5, /ID cannot represent/, "BAD_USER_INPUT", 400),

  // endUserSessions / signOutEverywhere
  gqlUserId("with a NUL byte", "usr\u0000", /^The user id cannot contain control characters such as NUL$/),
  gqlUserId("of 65 characters", x(65), /^The user id is too long$/),
  gqlUserId("with a right-to-left override", "usr_\u202e", BIDI),
  gqlUserId("empty", "", /^The user id is required$/),
  {
    face: "graphql",
    name: "signOutEverywhere: an argument it does not take",
    op: "Mutation.signOutEverywhere",
    as: "priya",
    query: 'mutation { signOutEverywhere(userId: "usr_someone_else") { endedSessions } }',
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: /Unknown argument "userId"/,
  },

  // enroll: payment
  gqlEnroll("gateway PAYPAL", { paymentId: "pay_1", paymentGateway: "PAYPAL" }, /PaymentGateway/, 400),
  gqlEnroll("gateway stripe (REST's spelling)", { paymentId: "pay_1", paymentGateway: "stripe" }, /PaymentGateway/, 400),
  gqlEnroll("a NUL paymentId", { paymentId: "\u0000", paymentGateway: "STRIPE" }, /^paymentId cannot contain control characters/),
  gqlEnroll("a 256-character paymentId", { paymentId: x(256), paymentGateway: "STRIPE" }, /^paymentId is too long$/),
  gqlEnroll("an extra amount", { paymentId: "pay_1", paymentGateway: "STRIPE", amount: 0 }, /Field "amount" is not defined/, 400),
  gqlEnroll("no gateway", { paymentId: "pay_1" }, /Field "paymentGateway" of required type/, 400),

  // submitFeedback: input
  gqlFeedback("rating 0", { rating: 0 }, /^rating must be a whole number from 1 to 5$/),
  gqlFeedback("rating 6", { rating: 6 }, /^rating must be a whole number from 1 to 5$/),
  gqlFeedback("rating 4.5", { rating: 4.5 }, /Int cannot represent/, 400),
  gqlFeedback("rating -2^31", { rating: -(2 ** 31) }, /^rating must be a whole number from 1 to 5$/),
  gqlFeedback("a 2001-character comment", { rating: 5, comment: x(2001) }, /^comment must be at most 2000 characters$/),
  gqlFeedback("a NUL in the comment", { rating: 5, comment: "\u0000" }, /^comment cannot contain control characters/),
  gqlFeedback("a left-to-right override in the comment", { rating: 5, comment: "great \u202dclass" }, BIDI),
  gqlFeedback("an extra field", { rating: 5, stars: 5 }, /Field "stars" is not defined/, 400),

  // me, myEnrollments
  { face: "graphql", name: "me: an argument", op: "Query.me", as: "priya", query: '{ me(id: "usr_1") { id } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "id"/ },
  { face: "graphql", name: "me: an unknown field", op: "Query.me", as: "priya", query: "{ me { id password } }", status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Cannot query field "password"/ },
  { face: "graphql", name: "myRefunds: an argument", op: "Query.myRefunds", as: "priya", query: '{ myRefunds(userId: "usr_1") { id } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "userId"/ },
  { face: "graphql", name: "refunds: a status that is not one", op: "Query.refunds", as: "admin", query: "{ refunds(status: LOST) { id } }", status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Value "LOST" does not exist in "RefundStatus" enum/ },
  { face: "graphql", name: "myWaitlist: an argument", op: "Query.myWaitlist", as: "priya", query: '{ myWaitlist(userId: "usr_1") { sessionId } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "userId"/ },
  {
    face: "graphql",
    name: "myEnrollmentsConnection: a forged cursor",
    op: "Query.myEnrollmentsConnection",
    as: "priya",
    query: "query($after: String) { myEnrollmentsConnection(first: 5, after: $after) { totalCount } }",
    variables: { after: "ZTF8bm90LWEtZGF0ZXwnOyBEUk9QIFRBQkxFIGxpdmVfc2Vzc2lvbnM7LS0" },
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^after is not a cursor from this API/,
  },
  {
    face: "graphql",
    name: "myEnrollmentsConnection: first over 100",
    op: "Query.myEnrollmentsConnection",
    as: "priya",
    query: "{ myEnrollmentsConnection(first: 100000) { totalCount } }",
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^first must be a whole number between 1 and 100/,
  },
  {
    face: "graphql",
    name: "startSession: both sessionId and its deprecated id",
    op: "Mutation.startSession",
    as: "deepak",
    query: 'mutation { startSession(sessionId: "ses_a", id: "ses_b") { roomId } }',
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^Give sessionId only: id is its deprecated name/,
  },
  { face: "graphql", name: "myEnrollments: an argument", op: "Query.myEnrollments", as: "priya", query: '{ myEnrollments(userId: "usr_1") { id } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "userId"/ },

  // notification settings
  { face: "graphql", name: "notificationSettings: an argument", op: "Query.notificationSettings", as: "priya", query: '{ notificationSettings(userId: "usr_1") { timeZone } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "userId"/ },
  {
    face: "graphql",
    name: "updateNotificationSettings: a time zone that is not one",
    op: "Mutation.updateNotificationSettings",
    as: "priya",
    query: "mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { timeZone } }",
    variables: () => ({ input: { timeZone: "Mars/Olympus_Mons" } }),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^timeZone must be an IANA time zone name such as Europe\/Berlin or Asia\/Kolkata$/,
  },
  {
    face: "graphql",
    name: "updateNotificationSettings: another user's id",
    op: "Mutation.updateNotificationSettings",
    as: "priya",
    query: "mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { timeZone } }",
    variables: () => ({ input: { userId: "usr_1", emailNotices: false } }),
    status: 400,
    code: "BAD_USER_INPUT",
    message: /Field "userId" is not defined/,
  },
  {
    face: "graphql",
    name: "noteBrowserTimeZone: a NUL byte",
    op: "Mutation.noteBrowserTimeZone",
    as: "priya",
    query: "mutation($tz: String!) { noteBrowserTimeZone(timeZone: $tz) { timeZone } }",
    variables: () => ({ tz: "Europe/Berlin\u0000" }),
    status: 200,
    code: "BAD_USER_INPUT",
    message: /^timeZone must be an IANA time zone name/,
  },
  // outbound webhook endpoints (an expert's); nothing is stored when refused
  gqlWebhook("createWebhookEndpoint: a private address", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: "http://10.0.0.1/hooks", events: ["session.created"] } }, /^url refused: 10\.0\.0\.1 is a private address/),
  gqlWebhook("createWebhookEndpoint: the cloud metadata address", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: "http://169.254.169.254/latest/meta-data/", events: ["session.created"] } }, /link-local address/),
  gqlWebhook("createWebhookEndpoint: a javascript: URL", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: "javascript:alert(1)", events: ["session.created"] } }, /^url must start with https:\/\//),
  gqlWebhook("createWebhookEndpoint: a NUL in the URL", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: "http://exa\u0000mple.com/", events: ["session.created"] } }, /^url must be an absolute URL/),
  gqlWebhook("createWebhookEndpoint: a 2001-character URL", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: `https://example.com/${x(1990)}`, events: ["session.created"] } }, /^url must be at most 2000 characters$/),
  gqlWebhook("createWebhookEndpoint: an event with SQL", "Mutation.createWebhookEndpoint", CREATE_WEBHOOK, { input: { url: "https://example.com/", events: ["session.created'; drop table users; --"] } }, /is not an event type/),
  gqlWebhook("updateWebhookEndpoint: an id with a NUL", "Mutation.updateWebhookEndpoint", "mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { id } }", { id: "whe_\u0000" }, /^id must be a webhook endpoint id/),
  gqlWebhook("deleteWebhookEndpoint: an id with SQL", "Mutation.deleteWebhookEndpoint", "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }", { id: "whe_x' OR '1'='1" }, /^id must be a webhook endpoint id/),
  gqlWebhook("rotateWebhookSecret: an id with HTML", "Mutation.rotateWebhookSecret", "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }", { id: "whe_<script>" }, /^id must be a webhook endpoint id/),
  gqlWebhook("resendWebhookDelivery: an id with SQL", "Mutation.resendWebhookDelivery", "mutation($id: ID!) { resendWebhookDelivery(id: $id) { id } }", { id: "msg_x' OR '1'='1" }, /^id must be a webhook delivery id/),
  gqlWebhook("webhookDeliveries: a limit of 1000", "Query.webhookDeliveries", "query($id: ID!) { webhookDeliveries(endpointId: $id, limit: 1000) { id } }", { id: "whe_abc" }, /^limit must be between 1 and 100$/),
  { face: "graphql", name: "webhookEndpoints: an argument", op: "Query.webhookEndpoints", as: "deepak", query: '{ webhookEndpoints(ownerId: "usr_1") { id } }', status: 400, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown argument "ownerId"/ },

  // the HTTP layer in front of every operation
  gqlTransport("a truncated body", { rawBody: '{"query": "{ me { id } ', headers: JSON_HEADERS }, 400, "BAD_REQUEST", /not valid JSON/),
  gqlTransport("the JSON null", { rawBody: "null", headers: JSON_HEADERS }, 400, "BAD_REQUEST", /not valid JSON/),
  gqlTransport("a JSON string", { rawBody: '"{ me { id } }"', headers: JSON_HEADERS }, 400, "BAD_REQUEST", /not valid JSON/),
  gqlTransport("an empty object", { rawBody: "{}", headers: JSON_HEADERS }, 400, "BAD_REQUEST"),
  gqlTransport("a batch", { rawBody: '[{"query": "{ me { id } }"}]', headers: JSON_HEADERS }, 400, "BAD_REQUEST", /batching/i),
  gqlTransport("query as a number", { rawBody: '{"query": 5}', headers: JSON_HEADERS }, 400, "BAD_REQUEST", /must be strings/),
  gqlTransport("variables as a string", { rawBody: '{"query": "{ me { id } }", "variables": "x"}', headers: JSON_HEADERS }, 400, "BAD_REQUEST", /variables/),
  gqlTransport("10,000 nested arrays", { rawBody: DEEP_ARRAY, headers: JSON_HEADERS }, 400, "BAD_REQUEST"),
  gqlTransport("a body over 100 KB", { rawBody: JSON.stringify({ query: "{ me { id } }", variables: { pad: x(110_000) } }), headers: JSON_HEADERS }, 413, "BAD_REQUEST", /larger than 100 KB/),
  gqlTransport("JSON in Latin-1", { rawBody: '{"query": "{ me { id } }"}', headers: { "content-type": "application/json; charset=latin1" } }, 415, "BAD_REQUEST", /UTF-8/),
  gqlTransport("a body that claims gzip", { rawBody: '{"query": "{ me { id } }"}', headers: { "content-type": "application/json", "content-encoding": "gzip" } }, 400, "BAD_REQUEST"),
  gqlTransport("text/plain (a cross-site form could send it)", { rawBody: '{"query": "mutation { cancelSession(id: \\"x\\") { id } }"}', headers: { "content-type": "text/plain" } }, 400, "BAD_REQUEST", /Cross-Site Request Forgery/),
  gqlTransport("a form post", { rawBody: "query=%7B%20me%20%7B%20id%20%7D%20%7D", headers: { "content-type": "application/x-www-form-urlencoded" } }, 400, "BAD_REQUEST", /Cross-Site Request Forgery/),
  gqlTransport("a syntax error", { query: "{ sessions { total " }, 400, "GRAPHQL_PARSE_FAILED", /Syntax Error/),
  gqlTransport("an unknown operation name", { rawBody: '{"query": "query A { me { id } }", "operationName": "B"}', headers: JSON_HEADERS }, 400, "OPERATION_RESOLUTION_FAILURE", /Unknown operation named "B"/),
  gqlTransport("a NUL byte in the document", { query: "{ me\u0000 { id } }" }, 400, "GRAPHQL_PARSE_FAILED", /Syntax Error/),
];

// ---------------------------------------------------------------------------------------
// Webhooks: POST /api/webhooks/100ms

function hook(name: string, body: Body, error: RegExp, status = 400): WebhookCase {
  return { face: "webhook", name, op: "POST /api/webhooks/100ms", body, status, error };
}
function hookRaw(name: string, rawBody: string, error: RegExp, status = 400, headers?: Record<string, string>): WebhookCase {
  return { face: "webhook", name, op: "POST /api/webhooks/100ms", rawBody, headers, status, error };
}
const NOT_A_WEBHOOK = /^Not a 100ms webhook: /;
/** A valid delivery with one key of `data` replaced (undefined: removed). */
const withData = (make: (f: Fixture) => Record<string, any>, data: Record<string, unknown>) => (f: Fixture) => {
  const d = make(f);
  return { ...d, data: { ...d.data, ...data } };
};
const join = (f: Fixture) => f.peerJoin();

const webhookCases: WebhookCase[] = [
  hookRaw("no secret, and a body that is not JSON", "{not json", /^Missing or wrong x-webhook-secret header\.$/, 401, { "content-type": "application/json" }),
  hookRaw("a bearer token instead of the secret", "{}", /^Missing or wrong x-webhook-secret header\.$/, 401, { "content-type": "application/json", authorization: "Bearer x" }),
  hookRaw("malformed JSON", '{"id": "a", ', /^The body is not valid JSON\.$/),
  hookRaw("10,000 nested arrays", DEEP_ARRAY, /^Not a 100ms webhook: body: /),
  hookRaw("data nested 10,000 levels", `{"id": "evt_1", "type": "peer.join.success", "data": ${DEEP_OBJECT}}`, /^Not a 100ms webhook: data\.room_id/),
  hookRaw("a body over 1 MB", JSON.stringify({ id: "evt_1", type: "peer.join.success", data: { pad: x(1_100_000) } }), /^The body is larger than 1mb\.$/, 413),
  hookRaw("the JSON null", "null", /^Not a 100ms webhook: body: /),
  hookRaw("a JSON string", '"peer.join.success"', /^Not a 100ms webhook: body: /),
  hookRaw("a JSON number", "1e308", /^Not a 100ms webhook: body: /),
  hook("an array of deliveries", (f) => [f.peerJoin()], /^Not a 100ms webhook: body: /),
  hook("an empty id", (f) => ({ ...f.peerJoin(), id: "" }), /^Not a 100ms webhook: id: /),
  hook("a numeric id", (f) => ({ ...f.peerJoin(), id: 5 }), /^Not a 100ms webhook: id: /),
  hook("a NUL byte in the id", (f) => ({ ...f.peerJoin(), id: "evt\u0000" }), /^Not a 100ms webhook: id: the value cannot contain control characters such as NUL$/),
  hook("a lone surrogate in the id", (f) => ({ ...f.peerJoin(), id: "evt_\ud800" }), /^Not a 100ms webhook: id: the value contains an invalid character/),
  hook("a 201-character id", (f) => ({ ...f.peerJoin(), id: x(201) }), /^Not a 100ms webhook: id: /),
  hook("no type", (f) => ({ ...f.peerJoin(), type: undefined }), /^Not a 100ms webhook: type: is missing$/),
  hook("a NUL byte in the type", (f) => ({ ...f.peerJoin(), type: "peer.join.success\u0000" }), /^Not a 100ms webhook: type: the value cannot contain control characters/),
  hook("data as a string", (f) => ({ ...f.peerJoin(), data: "peer" }), /^Not a 100ms webhook: data: /),
  hook("data as an array", (f) => ({ ...f.peerJoin(), data: [] }), /^Not a 100ms webhook: data: /),
  hook("no data", (f) => ({ ...f.peerJoin(), data: undefined }), /^Not a 100ms webhook: data: /),
  hook("no peer_id", withData(join, { peer_id: undefined }), /^Not a 100ms webhook: data\.peer_id: is missing$/),
  hook("a NUL byte in peer_id", withData(join, { peer_id: "peer\u0000" }), /^Not a 100ms webhook: data\.peer_id: the value cannot contain control characters/),
  hook("a NUL byte in user_id", withData(join, { user_id: "usr\u0000" }), /^Not a 100ms webhook: data\.user_id: the value cannot contain control characters/),
  hook("a lone surrogate in user_id", withData(join, { user_id: "usr_\udbff" }), /^Not a 100ms webhook: data\.user_id: the value contains an invalid character/),
  hook("a NUL byte in room_id", withData(join, { room_id: "room\u0000" }), /^Not a 100ms webhook: data\.room_id: /),
  hook("a numeric session_id", withData(join, { session_id: 42 }), /^Not a 100ms webhook: data\.session_id: /),
  hook("joined_at on 30 February", withData(join, { joined_at: "2030-02-30T10:00:00Z" }), /^Not a 100ms webhook: data\.joined_at: must be an RFC 3339 timestamp$/),
  hook("joined_at in a leap second", withData(join, { joined_at: "2030-06-30T23:59:60Z" }), /^Not a 100ms webhook: data\.joined_at: must be an RFC 3339 timestamp$/),
  hook("joined_at in year 9999999", withData(join, { joined_at: "+9999999-01-01T00:00:00Z" }), /^Not a 100ms webhook: data\.joined_at: /),
  hook("joined_at in words", withData(join, { joined_at: "yesterday" }), /^Not a 100ms webhook: data\.joined_at: /),
  hook("a timestamp of \"1\"", (f) => ({ ...f.peerJoin(), timestamp: "1" }), /^Not a 100ms webhook: timestamp: must be an RFC 3339 timestamp$/),
  hook(
    "left_at in year 9999 (a watch time no number can hold)",
    (f) => ({ ...f.peerJoin(), type: "peer.leave.success", data: { ...f.peerJoin().data, left_at: "9999-12-31T23:00:00.000000000Z" } }),
    /^Not a 100ms webhook: the event's time 9999-12-31T23:00:00\.000Z is more than a day ahead of ours$/,
  ),
  hook("session_duration -1", withData((f) => f.sessionClose(), { session_duration: -1 }), /^Not a 100ms webhook: data\.session_duration: /),
  hook("session_duration 1e308", withData((f) => f.sessionClose(), { session_duration: 1e308 }), /^Not a 100ms webhook: data\.session_duration: /),
  hook("session_duration as text", withData((f) => f.sessionClose(), { session_duration: "60" }), /^Not a 100ms webhook: data\.session_duration: /),
  hook("a NUL byte in recording_path", withData((f) => f.recordingSuccess(), { recording_path: "s3://bucket/a\u0000.mp4" }), /^Not a 100ms webhook: data\.recording_path: the value cannot contain control characters/),
  hook("a 201-character recording_id", withData((f) => f.recordingSuccess(), { recording_id: x(201) }), /^Not a 100ms webhook: data\.recording_id: /),
  hook(
    "a 10,001-character failure message",
    (f) => ({ ...f.recordingSuccess(), type: "recording.failed", data: { ...f.recordingSuccess().data, error_message: x(10_001) } }),
    /^Not a 100ms webhook: data\.error_message: /,
  ),
];

export const HOSTILE_INPUTS: readonly HostileCase[] = [...restCases, ...graphqlCases, ...webhookCases];

/**
 * Valid input that looks like an attack: it must be stored and shown exactly as sent,
 * and escaped wherever it is rendered.
 */
export const LITERAL_TITLES = [
  "Robert'); DROP TABLE live_sessions;--",
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  "' OR '1'='1' --",
  "{{constructor.constructor('alert(1)')()}}",
  "${process.exit(1)}",
  // 120 four-byte emoji: exactly the 120 characters the bound allows (240 UTF-16 code units)
  "🧘".repeat(120),
  // combining marks, an Arabic title with a right-to-left mark, a zero-width joiner sequence
  "Z\u0351\u0362a\u0334\u0327l\u0336g\u0338o\u0335 flow",
  "يوغا الصباح \u200f(Morning yoga)",
  "Family 👩‍👩‍👧 yoga",
] as const;
