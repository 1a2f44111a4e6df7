/**
 * `sessionsConnection`: Relay cursor paging over HTTP, stable while sessions are inserted
 * mid-walk (where offset paging repeats one), backward paging, the filters and both orders.
 */
import { describe, expect, it } from "vitest";
import { createInput, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { graphql } from "../test-support/__generated__/index.js";

const t = useTestApp();
const HOUR = 3_600_000;

const CONNECTION = graphql(`
  query SessionsWalk($first: Int, $after: String, $last: Int, $before: String, $filter: SessionsFilter, $orderBy: SessionOrder) {
    sessionsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id title expert { name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);
const OFFSET_PAGE = graphql(`
  query OffsetPage($limit: Int, $skip: Int) { sessions(limit: $limit, skip: $skip) { items { id } } }
`);
const CREATE = graphql(`
  mutation ConnectionCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }
`);

/** A session `hours` from now, by deepak unless said. */
const create = async (title: string, hours: number, overrides: Record<string, unknown> = {}, as: "deepak" | "meera" = "deepak") =>
  (await t.app.gqlOk(CREATE, { input: createInput(t.app.clock, { title, ...overrides }, hours) }, as)).createSession.id;

describe("sessionsConnection", () => {
  it("walks every session once, in order, when one is inserted mid-walk before the cursor (offset paging repeats one)", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await create(`Class ${i}`, 10 + i));
    const first = (await t.app.gqlOk(CONNECTION, { first: 2 })).sessionsConnection;
    expect(first.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const offsetFirst = (await t.app.gqlOk(OFFSET_PAGE, { limit: 2, skip: 0 })).sessions.items.map((s) => s.id);

    // Someone schedules a class earlier than all of them while the walk is on its first page.
    const early = await create("An early class", 2);

    const rest: string[] = [];
    let after: string | null | undefined = first.pageInfo.endCursor;
    for (;;) {
      const page: typeof first = (await t.app.gqlOk(CONNECTION, { first: 2, after })).sessionsConnection;
      rest.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect([...first.edges.map((e) => e.node.id), ...rest]).toEqual(ids);
    expect(new Set(rest).size).toBe(rest.length);
    // The offset page after the insert repeats the last session of its first page.
    const offsetSecond = (await t.app.gqlOk(OFFSET_PAGE, { limit: 2, skip: 2 })).sessions.items.map((s) => s.id);
    expect(offsetSecond).toContain(offsetFirst[1]);
    expect((await t.app.gqlOk(CONNECTION, {})).sessionsConnection.totalCount).toBe(6);
    expect((await t.app.gqlOk(CONNECTION, {})).sessionsConnection.edges[0]!.node.id).toBe(early);
  });

  it("pages backward with last/before, and orders newest first with START_TIME_DESC", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await create(`Class ${i}`, 10 + i));
    const last = (await t.app.gqlOk(CONNECTION, { last: 2 })).sessionsConnection;
    expect(last.edges.map((e) => e.node.id)).toEqual(ids.slice(2));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await t.app.gqlOk(CONNECTION, { last: 2, before: last.pageInfo.startCursor })).sessionsConnection;
    expect(before.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

    const desc = (await t.app.gqlOk(CONNECTION, { first: 3, orderBy: "START_TIME_DESC" })).sessionsConnection;
    expect(desc.edges.map((e) => e.node.id)).toEqual([...ids].reverse().slice(0, 3));
    const descNext = (await t.app.gqlOk(CONNECTION, { first: 3, after: desc.pageInfo.endCursor, orderBy: "START_TIME_DESC" })).sessionsConnection;
    expect(descNext.edges.map((e) => e.node.id)).toEqual([ids[0]]);
  });

  it("filters by several statuses, a date range, expert, category, difficulty, free or paid, and text", async () => {
    const free = await create("Gentle Hatha", 10, { price: 0, metadata: { category: "Hatha", difficulty: "Beginner" } });
    const paid = await create("Power Vinyasa", 20, { price: 499, metadata: { category: "Vinyasa", difficulty: "Advanced" } });
    const meeras = await create("Evening Yin", 30, { price: 0 }, "meera");
    const cancelled = await create("Called off", 40, { price: 0 });
    await t.app.gqlOk("mutation($id: ID!) { cancelSession(id: $id) { id } }", { id: cancelled }, "deepak");
    const deepakId = (await t.app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, "deepak")).me.id;
    const idsOf = async (filter: Record<string, unknown>) =>
      (await t.app.gqlOk(CONNECTION, { filter })).sessionsConnection.edges.map((e) => e.node.id);
    const at = (hours: number) => new Date(t.app.clock.now().getTime() + hours * HOUR).toISOString();

    expect(await idsOf({})).toEqual([free, paid, meeras]);
    expect(await idsOf({ statuses: ["SCHEDULED", "CANCELLED"] })).toEqual([free, paid, meeras, cancelled]);
    expect(await idsOf({ statuses: ["CANCELLED"] })).toEqual([cancelled]);
    expect(await idsOf({ startsAfter: at(15), startsBefore: at(35) })).toEqual([paid, meeras]);
    expect(await idsOf({ expertId: deepakId })).toEqual([free, paid]);
    expect(await idsOf({ category: "vinya" })).toEqual([paid]);
    expect(await idsOf({ difficulty: "beginner" })).toEqual([free]);
    expect(await idsOf({ free: true })).toEqual([free, meeras]);
    expect(await idsOf({ free: false })).toEqual([paid]);
    expect(await idsOf({ search: "yin" })).toEqual([meeras]);
    expect((await t.app.gqlOk(CONNECTION, { filter: { free: true } })).sessionsConnection.totalCount).toBe(2);
  });

  it("refuses both first and last, a cursor it did not give, and an empty date range, naming the argument", async () => {
    expectGqlError(await t.app.gql(CONNECTION, { first: 2, last: 2 }), "BAD_USER_INPUT", /first .* or last .*, not both/);
    const forged = expectGqlError(await t.app.gql(CONNECTION, { first: 2, after: "bm90LWEtY3Vyc29y" }), "BAD_USER_INPUT", /after is not a cursor from this API/);
    expect(forged.extensions?.fields).toEqual([{ path: "after", message: expect.any(String) }]);
    expectGqlError(await t.app.gql(CONNECTION, { first: 101 }), "BAD_USER_INPUT", /first must be a whole number between 1 and 100/);
    expectGqlError(
      await t.app.gql(CONNECTION, { filter: { startsAfter: "2031-01-02T00:00:00Z", startsBefore: "2031-01-01T00:00:00Z" } }),
      "BAD_USER_INPUT",
      /startsBefore must be after filter.startsAfter/,
    );
  });
});
