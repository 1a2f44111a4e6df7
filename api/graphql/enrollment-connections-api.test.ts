/**
 * `LiveSession.participantsConnection` and `myEnrollmentsConnection`: Relay cursor paging over
 * HTTP, stable while enrollments are made mid-walk, for whom each is visible; and the
 * consistently named arguments (`sessionId`, `endpointId`, `deliveryId`) beside the
 * deprecated `id` they replace.
 */
import { getIntrospectionQuery, type IntrospectionObjectType, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { createInput, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();

const PARTICIPANTS = `
  query Participants($id: ID!, $first: Int, $after: String) {
    session(id: $id) {
      participantsConnection(first: $first, after: $after) {
        totalCount
        edges { cursor node { id userId } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;
const MY_ENROLLMENTS = `
  query MyEnrollmentsWalk($first: Int, $after: String) {
    myEnrollmentsConnection(first: $first, after: $after) {
      totalCount
      edges { cursor node { sessionId } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;
const SESSIONS_PAGE = "query { sessionsConnection(first: 1) { pageInfo { endCursor } } }";

type Page = { totalCount: number; edges: { cursor: string; node: { id: string; userId: string; sessionId: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };

const services = () => t.app.composition.services;
const student = (n: number) => services().resolveViewer({ subject: `test|student-${n}`, name: `Student ${n}`, email: `student${n}@example.com`, roles: [] });
const deepak = () => services().resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"] });

/** A session of deepak's `hours` from now, made through the services. */
async function session(hours = 24, title = "A class") {
  return (await t.app.gqlOk(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, { input: createInput(t.app.clock, { title }, hours) }, "deepak")).createSession.id as string;
}

async function walk<P extends Page>(read: (after: string | null) => Promise<P>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    pages.push(page.edges.map((e) => e.node.id ?? e.node.sessionId));
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

describe("LiveSession.participantsConnection", () => {
  it("the expert walks every participant once, in enrollment order, while another enrolls mid-walk", async () => {
    const id = await session();
    const enrolled: string[] = [];
    for (let i = 0; i < 5; i++) {
      enrolled.push((await services().enroll(await student(i), id)).participant.id);
      t.app.clock.advance(1_000);
    }
    const read = async (after: string | null): Promise<Page> =>
      (await t.app.gqlOk(PARTICIPANTS, { id, first: 2, after }, "deepak")).session.participantsConnection;
    const first = await read(null);
    expect(first.edges.map((e) => e.node.id)).toEqual(enrolled.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.totalCount).toBe(5);

    // A student enrolls while the walk is on its first page.
    const late = (await services().enroll(await student(9), id)).participant.id;
    const rest = (await walk(async (after) => read(after ?? first.pageInfo.endCursor))).flat();
    expect([...first.edges.map((e) => e.node.id), ...rest]).toEqual([...enrolled, late]);
    const second = await read(first.pageInfo.endCursor);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.totalCount).toBe(6);
  });

  it("null for anyone but the session's expert: a student cannot list another class's participants", async () => {
    const id = await session();
    await services().enroll(await student(1), id);
    for (const as of [null, "tom", "priya", "meera", "admin"] as const) {
      const res = await t.app.gql(PARTICIPANTS, { id }, as);
      expect(res.errors, String(as)).toBeUndefined();
      expect(res.data!.session.participantsConnection, String(as)).toBeNull();
    }
    // The student who enrolled sees their own enrollment, not the list.
    expect((await t.app.gqlOk(PARTICIPANTS, { id }, "deepak")).session.participantsConnection.totalCount).toBe(1);
  });

  it("a made-up cursor, or another connection's, is BAD_USER_INPUT naming `after`; first is 1–100", async () => {
    const id = await session();
    const sessionsCursor = (await t.app.gqlOk(SESSIONS_PAGE)).sessionsConnection.pageInfo.endCursor;
    for (const after of ["nope", sessionsCursor]) {
      const res = await t.app.gql(PARTICIPANTS, { id, after }, "deepak");
      expect(expectGqlError(res, "BAD_USER_INPUT", /after is not a cursor from this API/).extensions?.fields?.[0]?.path).toBe("after");
    }
    expectGqlError(await t.app.gql(PARTICIPANTS, { id, first: 0 }, "deepak"), "BAD_USER_INPUT", /first must be a whole number between 1 and 100/);
  });
});

describe("myEnrollmentsConnection", () => {
  it("walks the viewer's enrollments soonest first, once each, while they book earlier and later classes mid-walk", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await session(10 + i, `Class ${i}`));
    for (const id of ids) await t.app.gqlOk(`mutation($id: ID!) { enroll(sessionId: $id) { id } }`, { id }, "priya");
    const read = async (after: string | null): Promise<Page> => (await t.app.gqlOk(MY_ENROLLMENTS, { first: 2, after }, "priya")).myEnrollmentsConnection;
    const first = await read(null);
    expect(first.edges.map((e) => e.node.sessionId)).toEqual(ids.slice(0, 2));
    expect(first.totalCount).toBe(5);

    // She books a class earlier than the page read (an offset walk would repeat one) and a later one.
    const early = await session(2, "Early");
    const later = await session(40, "Later");
    for (const id of [early, later]) await t.app.gqlOk(`mutation($id: ID!) { enroll(sessionId: $id) { id } }`, { id }, "priya");
    const rest = (await walk(async (after) => read(after ?? first.pageInfo.endCursor))).flat();
    expect([...first.edges.map((e) => e.node.sessionId), ...rest]).toEqual([...ids, later]);
    // A new walk starts with the early class; the old list answers the same order.
    const fresh = (await walk(read)).flat();
    expect(fresh).toEqual([early, ...ids, later]);
    expect((await t.app.gqlOk("{ myEnrollments { sessionId } }", {}, "priya")).myEnrollments.map((e: { sessionId: string }) => e.sessionId)).toEqual(fresh);
    // Someone else's enrollments are not hers.
    expect((await t.app.gqlOk(MY_ENROLLMENTS, {}, "tom")).myEnrollmentsConnection).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("not signed in: null with UNAUTHENTICATED, and the rest of the query keeps its answer", async () => {
    const res = await t.app.gql(`{ sessions { total } myEnrollmentsConnection { totalCount } }`);
    expect(res.data).toMatchObject({ sessions: { total: 0 }, myEnrollmentsConnection: null });
    expect(res.errors!.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("consistent argument names, the old ones deprecated", () => {
  it("startSession and endSession take sessionId; the deprecated id still works; both or neither is BAD_USER_INPUT", async () => {
    const id = await session(1);
    const start = (args: string, vars: Record<string, unknown>) => {
      const declared = Object.keys(vars).map((k) => `$${k}: ID`).join(", ");
      return t.app.gql(`mutation(${declared}) { startSession(${args}) { session { id status } } }`, vars, "deepak");
    };
    expectGqlError(await start("sessionId: $a, id: $b", { a: id, b: id }), "BAD_USER_INPUT", /^Give sessionId only: id is its deprecated name, and both were given\.$/);
    expectGqlError(await start("sessionId: $a", { a: null }), "BAD_USER_INPUT", /^sessionId is required\.$/);
    expect((await start("sessionId: $a", { a: id })).data!.startSession.session).toEqual({ id, status: "LIVE" });
    expect((await start("id: $b", { b: id })).data!.startSession.session).toEqual({ id, status: "LIVE" });
    expect((await t.app.gqlOk(`mutation($id: ID!) { endSession(sessionId: $id) { sessionId } }`, { id }, "deepak")).endSession.sessionId).toBe(id);
  });

  it("the served schema marks each old argument deprecated with a removal date at least six months ahead", async () => {
    const res = await t.app.gql<IntrospectionQuery>(getIntrospectionQuery({ inputValueDeprecation: true }));
    const mutation = res.data!.__schema.types.find((type) => type.name === "Mutation") as IntrospectionObjectType;
    const renamed = { startSession: "sessionId", endSession: "sessionId", cancelSession: "sessionId", updateSession: "sessionId", updateWebhookEndpoint: "endpointId", deleteWebhookEndpoint: "endpointId", rotateWebhookSecret: "endpointId", resendWebhookDelivery: "deliveryId" };
    for (const [field, name] of Object.entries(renamed)) {
      const args = mutation.fields.find((f) => f.name === field)!.args;
      const old = args.find((a) => a.name === "id")!;
      expect(old.isDeprecated, field).toBe(true);
      const removal = /^Use (\w+)\. Removal not before (\d{4}-\d{2}-\d{2})\.$/.exec(old.deprecationReason ?? "");
      expect(removal?.[1], field).toBe(name);
      expect(new Date(removal![2]!).getTime() - new Date("2026-12-01").getTime()).toBeGreaterThanOrEqual(180 * 86_400_000);
      expect(args.find((a) => a.name === name)?.isDeprecated, field).toBe(false);
    }
  });
});
