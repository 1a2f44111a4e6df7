/**
 * Page requests' bodies are bounded before Remix reads them (web-body-limit.ts), through
 * the real web router and Remix's real request handler over a hand-made build.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tinyRemixBuild } from "../test-support/tiny-remix-build.js";
import { bodyOf, openRaw, statusOf } from "../test-support/raw-http.js";
import { createWebRouter } from "./web.js";

const LIMIT = 100 * 1024;
let server: Server;
let port: number;
let actionCalls = 0;

beforeAll(async () => {
  const build = tinyRemixBuild({
    "routes/echo": {
      path: "echo",
      async action({ request }) {
        actionCalls++;
        const form = await request.formData();
        return Response.json({ fields: [...form.keys()], note: String(form.get("note") ?? "").length });
      },
    },
  });
  const app = express().use(createWebRouter(build, async () => ({}) as never, { secure: false }));
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  actionCalls = 0;
});

const form = (noteBytes: number) => new URLSearchParams({ intent: "enroll", note: "x".repeat(noteBytes) }).toString();

describe("a page request's body", () => {
  it("under the limit reaches the action whole (forms keep working)", async () => {
    const body = form(LIMIT - 100);
    const res = await fetch(`http://127.0.0.1:${port}/echo`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ fields: ["intent", "note"], note: LIMIT - 100 });
    expect(actionCalls).toBe(1);
  });

  it("with a Content-Length over the limit → 413 before a byte of it is read", async () => {
    const { socket, closed } = await openRaw(port);
    // Headers only: the answer must come without the body ever being sent.
    socket.write(`POST /echo HTTP/1.1\r\nHost: app.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`);
    const { text } = await closed;
    expect(statusOf(text)).toBe(413);
    expect(bodyOf(text)).toBe("What you sent is larger than 100 KB, so it was not read. Shorten it and try again.");
    expect(actionCalls).toBe(0);
  });

  it("sent chunked, without a length → 413 as soon as the count passes the limit", async () => {
    const { socket, closed } = await openRaw(port);
    socket.write("POST /echo HTTP/1.1\r\nHost: app.test\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Past the limit, and never finished (no last chunk): only counting can stop it.
    const chunk = "x".repeat(16 * 1024);
    for (let sent = 0; sent <= LIMIT; sent += chunk.length) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const { text } = await closed;
    expect(statusOf(text)).toBe(413);
    expect(actionCalls).toBe(0);
  });

  it("compressed → 415, unread", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
      body: "not really gzip",
    });
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/without a Content-Encoding/);
    expect(actionCalls).toBe(0);
  });
});
