/**
 * A query field refused for reasons of its own (not found, not allowed, not signed in) is null
 * with its error in `errors`; the rest of the query keeps its answer instead of `data: null`.
 */
import { describe, expect, it } from "vitest";
import { createInput, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { graphql } from "../test-support/__generated__/index.js";

const t = useTestApp();

const SESSIONS_AND_RECORDING = graphql(`
  query SessionsAndRecording($sessionId: ID!) {
    sessions { total }
    recordingUrl(sessionId: $sessionId) { url }
  }
`);

const SESSIONS_AND_MINE = graphql(`
  query SessionsAndMine {
    sessions { total }
    myEnrollments { id }
    myRefunds { id }
    myWaitlist { sessionId }
    refunds { id }
  }
`);

const CREATE = graphql(`
  mutation PartialCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }
`);

describe("a refused query field does not wipe the answer", () => {
  it("recordingUrl of an unknown session is null with NOT_FOUND, and sessions keeps its total", async () => {
    await t.app.gqlOk(CREATE, { input: createInput(t.app.clock) }, "deepak");
    const res = await t.app.gql(SESSIONS_AND_RECORDING, { sessionId: "ses_nope" }, "priya");
    expect(res.data).toEqual({ sessions: { total: 1 }, recordingUrl: null });
    const error = expectGqlError(res, "NOT_FOUND", /No live session has the id "ses_nope"/);
    expect(error.path).toEqual(["recordingUrl"]);
  });

  it("the signed-in user's lists are null with UNAUTHENTICATED for an anonymous caller, and sessions keeps its total", async () => {
    const res = await t.app.gql(SESSIONS_AND_MINE, {});
    expect(res.data).toEqual({ sessions: { total: 0 }, myEnrollments: null, myRefunds: null, myWaitlist: null, refunds: null });
    expect(res.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ["myEnrollments", "UNAUTHENTICATED"],
      ["myRefunds", "UNAUTHENTICATED"],
      ["myWaitlist", "UNAUTHENTICATED"],
      ["refunds", "UNAUTHENTICATED"],
    ]);
  });

  it("refunds is null with FORBIDDEN for a student, whose own lists still answer", async () => {
    const res = await t.app.gql(SESSIONS_AND_MINE, {}, "priya");
    expect(res.data).toEqual({ sessions: { total: 0 }, myEnrollments: [], myRefunds: [], myWaitlist: [], refunds: null });
    const error = expectGqlError(res, "FORBIDDEN", /admin/i);
    expect(error.path).toEqual(["refunds"]);
  });
});
