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
    // A developer's tool, used on a laptop: at phone width GraphiQL leaves its answer pane no room.
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "Priya Sharma", "/app/live");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    // GraphiQL reads the schema first (introspection is on outside production); Run waits for it.
    const schema = page.waitForResponse((r) => r.url() === `${e2e.url}/graphql` && (r.request().postData() ?? "").includes("IntrospectionQuery"));
    await page.goto("/graphiql");
    expect((await schema).status()).toBe(200);
    await expect.poll(() => page.getByRole("heading", { name: "GraphQL explorer" }).isVisible()).toBe(true);
    const run = page.getByRole("button", { name: /Execute query/ });
    await expect.poll(() => run.isEnabled(), { timeout: 30_000 }).toBe(true);
    const answer = page.waitForResponse((r) => r.url() === `${e2e.url}/graphql` && (r.request().postData() ?? "").includes("UpcomingClasses"));
    await run.click();
    // What the API answered (as Priya, through the page's cookie), and then what the page shows of it.
    expect(JSON.stringify(await (await answer).json())).toContain("Explorer Flow");
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
