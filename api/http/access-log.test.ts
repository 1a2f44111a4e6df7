/**
 * The access log (access-log.ts): one line per request with its id, method, URL (credentials in
 * the query withheld), status and time, at the level the status calls for; the id a caller
 * sends is kept when it is a plain token, else replaced.
 */
import { beforeEach, expect, it } from "vitest";
import { captureLogs, LEVEL } from "../test-support/captured-logs.js";
import { useTestApp } from "../test-support/hooks.js";

const logs = captureLogs("info");
const t = useTestApp({ logger: logs.logger });

beforeEach(() => logs.clear());

/** The access line of the request with this id, once it is written. */
async function accessLine(id: string) {
  for (let i = 0; i < 100; i++) {
    const line = logs.lines().find((l) => l.req?.id === id && typeof l.responseTime === "number");
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no access line for ${id}:\n${logs.text()}`);
}

it("a request's line: its id (the caller's, when a plain token), method, URL, status and time, at info", async () => {
  const answer = await fetch(`${t.app.url}/api/live/sessions?limit=1`, { headers: { "x-request-id": "trace-42.a_b" } });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("x-request-id")).toBe("trace-42.a_b");
  const line = await accessLine("trace-42.a_b");
  expect(line).toMatchObject({ level: LEVEL.info, msg: "request completed", req: { id: "trace-42.a_b", method: "GET", url: "/api/live/sessions?limit=1" }, res: { statusCode: 200 } });
  expect(line.responseTime).toBeGreaterThanOrEqual(0);
});

it("an id that is not a plain token is replaced by a new one, sent back and logged", async () => {
  const answer = await fetch(`${t.app.url}/api/live/sessions?limit=1`, { headers: { "x-request-id": "x".repeat(65) } });
  const id = answer.headers.get("x-request-id")!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await accessLine(id)).req).toMatchObject({ id, url: "/api/live/sessions?limit=1" });
});

it("a 4xx is a warning; a token in the URL's query is not logged", async () => {
  const answer = await fetch(`${t.app.url}/api/live/no-such-route?token=secret-value`);
  expect(answer.status).toBe(404);
  const line = await accessLine(answer.headers.get("x-request-id")!);
  expect(line).toMatchObject({ level: LEVEL.warn, res: { statusCode: 404 } });
  expect(logs.text()).not.toContain("secret-value");
});
