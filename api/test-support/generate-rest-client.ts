/**
 * `npm run codegen` (after graphql-codegen): fetches the OpenAPI document from the REST router
 * the app mounts, served over HTTP on 127.0.0.1 exactly as /api/live/openapi.json is, and writes
 * the typed REST client's types (api/test-support/__generated__/rest-api.ts). Needs no database,
 * no settings and no network beyond this machine, so CI runs it from nothing.
 */
import express from "express";
import { writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createRestRouter } from "../rest/router.js";
import { REST_CLIENT_TYPES_FILE, restClientTypes } from "./rest-client-types.js";

// The document's server URL comes from APP_URL; generated types do not carry it.
const APP_URL = "http://localhost:3000";

const app = express();
app.use(
  "/api/live",
  createRestRouter({
    scopeOf: () => Promise.reject(new Error("Only the OpenAPI document is served while generating the client.")),
    logger: pino({ level: "silent" }),
    appUrl: APP_URL,
  }),
);
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
try {
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/live/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/live/openapi.json answered ${res.status}`);
  await writeFile(REST_CLIENT_TYPES_FILE, await restClientTypes(await res.json()));
  console.log(`wrote ${REST_CLIENT_TYPES_FILE}`);
} finally {
  server.close();
}
