/**
 * The REST client an integrator would generate: openapi-fetch over the types openapi-typescript
 * made of the served OpenAPI document (./__generated__/rest-api.ts, `npm run codegen`). Paths,
 * parameters, bodies and answers are all typed by that document, so a test written with it
 * stops compiling when the document changes under it.
 */
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./__generated__/rest-api.js";
import type { Caller, TestApp } from "./test-app.js";

export type RestApi = Client<paths>;
export type RestSchemas = components["schemas"];

/** A client acting as `as` (a Bearer token from the local issuer), or anonymously. */
export function typedRestClient(app: TestApp, as: Caller = null): RestApi {
  const client = createClient<paths>({ baseUrl: app.url });
  if (as) {
    client.use({
      async onRequest({ request }) {
        request.headers.set("authorization", `Bearer ${await app.tokenFor(as)}`);
        return request;
      },
    });
  }
  return client;
}
