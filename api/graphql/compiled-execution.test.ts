/**
 * Queries run compiled (graphql-jit) from their second run on (compiled-execution.ts). Each
 * query here is sent three times: the first answer is graphql-js's, the later ones the compiled
 * code's, and they must be the same, status and body, refusals and partial answers included.
 */
import { expect, it } from "vitest";
import { createSessionId } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { compiledQueryCount } from "./compiled-execution.js";

const t = useTestApp();

const SESSION_FIELDS = `id expertId expertName expertAvatar title description sessionType scheduledStartTime scheduledEndTime actualStartTime
  maxParticipants currentViewers price currency status recordingAvailable enrolledCount attendedCount metadata { category difficulty equipment tags }
  featured isFree createdAt updatedAt expert { id name }`;

async function post(body: object): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${t.app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: answer.status, body: await answer.json() };
}

/** Three runs of one request: all alike, and what they answered. */
async function sameEachRun(body: object): Promise<{ status: number; body: unknown }> {
  const runs = [await post(body), await post(body), await post(body)];
  expect(runs[1]).toStrictEqual(runs[0]);
  expect(runs[2]).toStrictEqual(runs[0]);
  return runs[0]!;
}

it("a list with every field, a refused argument, a partial answer, variables good and bad: the same compiled as interpreted", async () => {
  await createSessionId(t.app, { title: "Compiled", metadata: { category: "Vinyasa", tags: ["calm"], equipment: ["mat"], difficulty: "beginner" } });
  const before = compiledQueryCount();

  const list = await sameEachRun({ query: `{ sessions(limit: 5) { total items { ${SESSION_FIELDS} } } }` });
  expect(list).toMatchObject({ status: 200, body: { data: { sessions: { total: 1, items: [{ title: "Compiled", expert: { name: expect.any(String) } }] } } } });

  const refused = await sameEachRun({ query: "{ sessions(limit: 101) { total } }" });
  expect(refused.body).toMatchObject({ data: null, errors: [{ path: ["sessions"], extensions: { code: "BAD_USER_INPUT" } }] });

  const partial = await sameEachRun({ query: "{ myEnrollments { id } sessions(limit: 1) { total } }" });
  expect(partial.body).toMatchObject({ data: { myEnrollments: null, sessions: { total: 1 } }, errors: [{ path: ["myEnrollments"], extensions: { code: "UNAUTHENTICATED" } }] });

  const withVariables = await sameEachRun({ query: "query Page($limit: Int, $status: SessionStatus) { sessions(limit: $limit, status: $status) { items { id status } } }", variables: { limit: 2, status: "SCHEDULED" } });
  expect(withVariables.body).toMatchObject({ data: { sessions: { items: [{ status: "SCHEDULED" }] } } });

  const badVariable = await sameEachRun({ query: "query Page($limit: Int) { sessions(limit: $limit) { total } }", variables: { limit: "many" } });
  expect(badVariable).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: "BAD_USER_INPUT" } }] } });

  // Each of the five was compiled for its later runs (the bad variable's too: graphql-js refuses
  // the variable before the compiled code would run).
  expect(compiledQueryCount() - before).toBe(5);
});

it("a document of two operations: each compiled under its own name; a name it lacks is refused as before", async () => {
  await createSessionId(t.app, { title: "Named" });
  const query = "query Total { sessions(limit: 1) { total } } query Titles { sessions(limit: 1) { items { title } } }";
  expect((await sameEachRun({ query, operationName: "Total" })).body).toStrictEqual({ data: { sessions: { total: 1 } } });
  expect((await sameEachRun({ query, operationName: "Titles" })).body).toStrictEqual({ data: { sessions: { items: [{ title: "Named" }] } } });
  const unknown = await sameEachRun({ query, operationName: "Neither" });
  expect(unknown).toMatchObject({ status: 400, body: { errors: [{ message: 'Unknown operation named "Neither".', extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }] } });
});
