/** /graphiql is served outside production only (the composition sets `graphqlExplorer`). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { WebContext } from "../../api/http/web-context.js";
import { outcome } from "../../api/test-support/web-context.js";
import { loader } from "./graphiql.js";

const args = (graphqlExplorer: boolean) =>
  ({
    request: new Request("http://app.test/graphiql"),
    params: {},
    context: { graphqlExplorer } as Partial<WebContext>,
  }) as unknown as LoaderFunctionArgs;

describe("the GraphQL explorer page", () => {
  it("answers 404 when the explorer is off (production)", async () => {
    const { response } = await outcome(() => loader(args(false)));
    expect(response?.status).toBe(404);
  });

  it("renders when it is on", async () => {
    expect(await outcome(() => loader(args(true)))).toEqual({ value: null });
  });
});
