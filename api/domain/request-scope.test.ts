import { describe, expect, it } from "vitest";
import { useServiceHarness } from "../test-support/hooks.js";
import { sessionInput } from "../test-support/service-harness.js";
import { scopeOpener } from "./request-scope.js";

const t = useServiceHarness();

describe("a request's scope", () => {
  it("knows a listed page's experts at once, and hands the faces the page without them", async () => {
    const deepak = await t.h.viewer("deepak");
    const meera = await t.h.viewer("meera");
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.createSession(meera, sessionInput(t.h.clock));
    const scope = scopeOpener(t.h.deps, t.h.services)(null, "req-1");

    expect(scope.readers.loadedUser(deepak.id)).toBeUndefined();
    const page = await scope.services.listSessions(null, {});

    expect(page.items.map((s) => s.expertId).sort()).toEqual([deepak.id, meera.id].sort());
    expect(page).not.toHaveProperty("experts");
    // Synchronous: GraphQL resolves the items' expert fields without a promise or a query.
    expect(scope.readers.loadedUser(deepak.id)?.name).toBe(deepak.name);
    expect(scope.readers.loadedUser(meera.id)?.name).toBe(meera.name);
  });

  it("keeps each request's readers to itself", async () => {
    const deepak = await t.h.viewer("deepak");
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const open = scopeOpener(t.h.deps, t.h.services);
    const first = open(deepak, "req-1");
    const second = open(null, "req-2");
    await first.services.listSessions(deepak, {});

    expect(first.readers.loadedUser(deepak.id)).toBeDefined();
    expect(second.readers.loadedUser(deepak.id)).toBeUndefined();
    expect([first.viewer?.id, first.requestId, second.viewer, second.requestId]).toEqual([deepak.id, "req-1", null, "req-2"]);
  });
});
