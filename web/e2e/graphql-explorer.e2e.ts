/**
 * The development GraphQL explorer (/graphiql) in Chromium: GraphiQL bundled from npm loads under
 * the page's policy (no CDN), and runs an operation against /graphql as the signed-in person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleMeerasClass, signIn, startE2E, type E2E } from "./browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  await scheduleMeerasClass(e2e, "Explorer Flow");
});

afterAll(async () => {
  await e2e?.close();
});

describe("the GraphQL explorer", () => {
  it("runs its first query as the signed-in person and shows the answer", async () => {
    const { page } = await e2e.newUser();
    await signIn(page, "Priya Sharma", "/app/live");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("/graphiql");
    await expect.poll(() => page.getByRole("heading", { name: "GraphQL explorer" }).isVisible()).toBe(true);
    const run = page.getByRole("button", { name: /Execute query/ });
    await expect.poll(() => run.isVisible(), { timeout: 30_000 }).toBe(true);
    await run.click();
    try {
      await expect.poll(() => page.locator(".result-window").innerText(), { timeout: 15_000 }).toContain("Explorer Flow");
    } finally {
      await e2e.shot(page, "graphiql");
    }
    // Everything it loaded came from this app: no CDN.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(e2e.url) && !url.startsWith("data:"))).toEqual([]);
  });
});
