/**
 * Issue 15, "a client generated from the live schema, using variables": the documents below are
 * typed by graphql-codegen from the schema the server answers introspection with (npm run codegen
 * → api/test-support/__generated__/served-schema.graphql → ./served-client), and sent with their
 * variables only, never values written into the query. One test fails when the running app serves
 * another schema than schema.graphql or than the committed one; the other runs the whole lifecycle.
 */
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { introspectionFromSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { FULL_INTROSPECTION_QUERY, SERVED_SCHEMA_FILE, printServedSchema } from "../test-support/served-schema.js";
import { typedGraphQLClient, type TypedAnswer } from "../test-support/typed-graphql-client.js";
import { graphql } from "../test-support/__generated__/served-client/index.js";
import type { ClientWalkQuery, CreateSessionInput } from "../test-support/__generated__/served-client/graphql.js";
import { SCHEMA_PATH } from "./server.js";

const t = useTestApp();
const HOUR = 3_600_000;

const ME = graphql(`
  query ClientMe { me { id name } }
`);
const CREATE = graphql(`
  mutation ClientCreate($input: CreateSessionInput!) {
    createSession(input: $input) { id title status price currency isFree checkoutGateway scheduledStartTime }
  }
`);
const WALK = graphql(`
  query ClientWalk($first: Int!, $after: String, $filter: SessionsFilter) {
    sessionsConnection(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const ENROLL = graphql(`
  mutation ClientEnroll($sessionId: ID!, $payment: PaymentInput) {
    enroll(sessionId: $sessionId, payment: $payment) { id sessionId paid paymentGateway amountPaid }
  }
`);
const SEATS = graphql(`
  query ClientSeats($id: ID!) { session(id: $id) { id status enrolledCount attendedCount } }
`);
const CHECKOUT = graphql(`
  mutation ClientCheckout($sessionId: ID!) {
    startCheckout(sessionId: $sessionId) { gateway reference publicKey amountInMinorUnits currency }
  }
`);
const START = graphql(`
  mutation ClientStart($id: ID!) { startSession(id: $id) { roomId roomCode sessionUrl session { status } } }
`);
const JOIN = graphql(`
  mutation ClientJoin($sessionId: ID!) { joinToken(sessionId: $sessionId) { token role userName expiresAt } }
`);
const END = graphql(`
  mutation ClientEnd($id: ID!) { endSession(id: $id) { sessionId duration session { status } } }
`);
const RECORDING = graphql(`
  query ClientRecording($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt } }
`);

/** The answer's data, failing the test with its errors if it has any. */
function ok<R>(answer: TypedAnswer<R>): R {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

const codesOf = (answer: TypedAnswer<unknown>) => answer.errors?.map((e) => e.extensions?.code);

describe("the GraphQL client generated from the served schema", () => {
  it("is current: the running app's introspection is schema.graphql as built, and the committed served schema", async () => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: FULL_INTROSPECTION_QUERY }),
    });
    const body = (await res.json()) as { data?: IntrospectionQuery; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const served = printServedSchema(body.data!);

    const options = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };
    // schema.graphql built as the server builds it (graphql-tools; resolvers add no types or descriptions).
    const build = (typeDefs: string) => printServedSchema(introspectionFromSchema(makeExecutableSchema({ typeDefs }), options));
    const asBuilt = build(await readFile(SCHEMA_PATH, "utf8"));
    expect(served, "the served schema differs from schema.graphql").toBe(asBuilt);
    expect(served, "the committed served schema is stale: run `npm run codegen` and commit api/test-support/__generated__").toBe(await readFile(SERVED_SCHEMA_FILE, "utf8"));
    // Descriptions count: one changed word is a different schema.
    const reworded = (await readFile(SCHEMA_PATH, "utf8")).replace("Live Sessions API:", "Live Sessions API (v2):");
    expect(build(reworded)).not.toBe(served);
  });

  it("runs the lifecycle with variables: create, walk by cursor with an insert mid-walk, idempotent enroll, a paid seat through checkout, start, join, end, recording", async () => {
    const deepak = typedGraphQLClient(t.app, "deepak");
    const priya = typedGraphQLClient(t.app, "priya");
    const tom = typedGraphQLClient(t.app, "tom");
    const anonymous = typedGraphQLClient(t.app);
    const now = t.app.clock.now().getTime();
    const input = (title: string, inHours: number, price = 0): CreateSessionInput => ({
      title,
      description: "A class made by the generated client",
      sessionType: "GROUP",
      scheduledStartTime: new Date(now + inHours * HOUR).toISOString(),
      scheduledEndTime: new Date(now + (inHours + 1) * HOUR).toISOString(),
      maxParticipants: 10,
      price,
      currency: "INR",
    });

    // Create five classes, hours apart; one of them priced.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(ok(await deepak.request(CREATE, { input: input(`Class ${i}`, 2 + i * 2, i === 4 ? 499 : 0) })).createSession.id);
    const pricedId = ids[4]!;
    const priced = ok(await deepak.request(SEATS, { id: pricedId }));
    expect(priced.session).toMatchObject({ id: pricedId, status: "SCHEDULED", enrolledCount: 0 });
    // Bad input is refused by code, and a student cannot create.
    expect(codesOf(await deepak.request(CREATE, { input: input("ab", 30) }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await priya.request(CREATE, { input: input("Not mine", 30) }))).toEqual(["FORBIDDEN"]);

    // Walk every class, two per page, by cursor; after the first page, one is scheduled before the
    // cursor (not walked: it is behind) and one after the last (walked once, in its place).
    const walked: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    let inserted: { early: string; late: string } | undefined;
    for (;;) {
      const page: ClientWalkQuery = ok(
        await anonymous.request(WALK, { first: 2, after, filter: { statuses: ["SCHEDULED"] } }),
      );
      walked.push(...page.sessionsConnection.edges.map((e) => e.node.id));
      pages++;
      if (!inserted) {
        inserted = {
          early: ok(await deepak.request(CREATE, { input: input("Early insert", 1) })).createSession.id,
          late: ok(await deepak.request(CREATE, { input: input("Late insert", 40) })).createSession.id,
        };
      }
      if (!page.sessionsConnection.pageInfo.hasNextPage) break;
      after = page.sessionsConnection.pageInfo.endCursor;
    }
    expect(walked).toEqual([...ids, inserted!.late]);
    expect(pages).toBe(3);
    expect(ok(await anonymous.request(WALK, { first: 1, after: null, filter: { statuses: ["SCHEDULED"] } })).sessionsConnection.totalCount).toBe(7);

    // Enroll in the first class with an Idempotency-Key, sent twice: one enrollment, the same answer.
    const key = { "Idempotency-Key": randomUUID() };
    const first = ok(await priya.request(ENROLL, { sessionId: ids[0]!, payment: null }, key));
    const retried = await priya.request(ENROLL, { sessionId: ids[0]!, payment: null }, key);
    expect(ok(retried)).toEqual(first);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(ok(await deepak.request(SEATS, { id: ids[0]! })).session!.enrolledCount).toBe(1);
    // The key with other variables is refused, and enrolls nobody.
    expect(codesOf(await priya.request(ENROLL, { sessionId: ids[1]!, payment: null }, key))).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    expect(ok(await deepak.request(SEATS, { id: ids[1]! })).session!.enrolledCount).toBe(0);

    // The priced class: no payment, refused; checkout, pay at the gateway (the local stand-in), enroll.
    expect(codesOf(await tom.request(ENROLL, { sessionId: pricedId, payment: null }))).toEqual(["BAD_USER_INPUT"]);
    const checkout = ok(await tom.request(CHECKOUT, { sessionId: pricedId })).startCheckout;
    expect(checkout).toMatchObject({ gateway: "RAZORPAY", currency: "INR" });
    const payment = t.app.payments!.razorpay.payOrder(checkout.reference);
    const paid = ok(await tom.request(ENROLL, { sessionId: pricedId, payment: { paymentId: payment.id, paymentGateway: checkout.gateway } })).enroll;
    expect(paid).toMatchObject({ sessionId: pricedId, paid: true, paymentGateway: "RAZORPAY" });
    expect(ok(await deepak.request(SEATS, { id: pricedId })).session!.enrolledCount).toBe(1);

    // Start the first class, tokens for the expert and the enrolled student (not for tom), end it 65 minutes on.
    t.app.clock.set(new Date(now + 2 * HOUR));
    expect(codesOf(await priya.request(START, { id: ids[0]! }))).toEqual(["FORBIDDEN"]);
    const started = ok(await deepak.request(START, { id: ids[0]! })).startSession;
    expect(started.session.status).toBe("LIVE");
    expect(ok(await deepak.request(JOIN, { sessionId: ids[0]! })).joinToken).toMatchObject({ role: "HOST", userName: "Deepak Kumar" });
    expect(ok(await priya.request(JOIN, { sessionId: ids[0]! })).joinToken).toMatchObject({ role: "GUEST", userName: "Priya Sharma" });
    expect(codesOf(await tom.request(JOIN, { sessionId: ids[0]! }))).toEqual(["FORBIDDEN"]);
    const priyaId = ok(await priya.request(ME, {})).me!.id;
    t.app.emulator.joinPeer(started.roomId, { userId: priyaId, role: "guest", name: "Priya Sharma" });
    await t.app.emulator.webhooksSettled();
    t.app.clock.advance(65 * 60_000);
    const ended = ok(await deepak.request(END, { id: ids[0]! })).endSession;
    expect(ended).toMatchObject({ sessionId: ids[0], duration: 65, session: { status: "ENDED" } });
    await t.app.emulator.webhooksSettled();

    // The recording, for the student who was there; tom gets FORBIDDEN with the field null.
    const recording = ok(await priya.request(RECORDING, { sessionId: ids[0]! })).recordingUrl;
    expect(recording?.url).toMatch(/^https?:\/\//);
    const refused = await tom.request(RECORDING, { sessionId: ids[0]! });
    expect([refused.data?.recordingUrl, codesOf(refused)]).toEqual([null, ["FORBIDDEN"]]);
  });
});
