/**
 * The web router sends a page opened under the other loopback name to APP_URL's (sign-in's
 * cookies live there), and takes whatever Host header a client writes without falling over.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRaw, statusOf } from "../test-support/raw-http.js";
import { tinyRemixBuild } from "../test-support/tiny-remix-build.js";
import { createWebRouter } from "./web.js";

let server: Server;
let port: number;

beforeAll(async () => {
  // APP_URL names 127.0.0.1 on the port the server gets: listen first, then build the router.
  const app = express();
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  app.use(
    createWebRouter(tinyRemixBuild({ "routes/app.live._index": { path: "app/live", page: true, action: () => ({ ok: true }) } }), async () => ({}) as never, { secure: false }, {
      appUrl: `http://127.0.0.1:${port}`,
    }),
  );
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function getWithHost(host: string): Promise<string> {
  const raw = await openRaw(port);
  raw.socket.write(`GET /app/live?tab=live HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  return (await raw.closed).text;
}

describe("the loopback name", () => {
  it("sends localhost to APP_URL's name, path and query kept", async () => {
    const answer = await getWithHost(`localhost:${port}`);
    expect(statusOf(answer)).toBe(302);
    expect(answer).toMatch(new RegExp(`\\r\\nLocation: http://127\\.0\\.0\\.1:${port}/app/live\\?tab=live\\r\\n`, "i"));
  });

  it("serves APP_URL's own name", async () => {
    expect(statusOf(await getWithHost(`127.0.0.1:${port}`))).toBe(200);
  });

  it.each(["a b", "[::1", "exa mple.com:80", "%zz"])("answers a Host header that names no host (%s) with 400, not a redirect or a 500", async (host) => {
    const answer = await getWithHost(host);
    expect(statusOf(answer)).toBe(400);
    expect(answer).toContain("This address is not valid");
  });
});
