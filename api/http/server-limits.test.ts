/**
 * The server process as `npm start` runs it (server-lifecycle.ts), over raw TCP: slow
 * clients are cut off (server-limits.ts), connections beyond the cap are refused, it listens
 * on loopback outside production, and /_local answers only this machine (loopback-only.ts).
 * The time-outs are set low here so that waiting for "closed" is short; nothing is timed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../config/env.js";
import { bodyOf, openRaw, statusOf, type RawExchange } from "../test-support/raw-http.js";
import { spawnServer, type ServerProcess } from "../test-support/server-process.js";
import { isLoopbackAddress, loopbackOnly } from "./loopback-only.js";
import { listenHost } from "./server-lifecycle.js";

const portOf = (server: ServerProcess) => Number(new URL(server.url).port);
const HEALTHZ = "GET /healthz HTTP/1.1\r\nHost: app.test\r\n\r\n";

describe("slow clients, and /_local", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer({ HEADERS_TIMEOUT_MS: "1000", REQUEST_TIMEOUT_MS: "2000", HOST: "127.0.0.1" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a connection that sends half its headers is answered 408 and closed", async () => {
    const { socket, closed } = await openRaw(portOf(server));
    socket.write("GET /healthz HTTP/1.1\r\nHost: app.test\r\nX-Slow: ");
    const { text } = await closed;
    expect(statusOf(text)).toBe(408);
    expect(JSON.parse(bodyOf(text))).toEqual({ success: false, error: "The request took too long to arrive.", code: "BAD_REQUEST" });
  });

  it("a connection that sends nothing is closed", async () => {
    const { closed } = await openRaw(portOf(server));
    expect(statusOf((await closed).text)).toBe(408);
  });

  it("a body that never finishes arriving is cut off", async () => {
    const { socket, closed } = await openRaw(portOf(server));
    socket.write("POST /api/live/sessions HTTP/1.1\r\nHost: app.test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it("/_local answers a loopback client", async () => {
    const local = await fetch(`http://127.0.0.1:${portOf(server)}/_local/token?user=admin`);
    expect(local.status).toBe(200);
    expect((await local.json()).token).toEqual(expect.any(String));
  });

  it("a client that keeps its headers coming on time is served", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("the connection cap", () => {
  let server: ServerProcess;
  const held: RawExchange[] = [];
  beforeAll(async () => {
    // Idle keep-alive connections stay open for the whole test: they hold their slots.
    server = await spawnServer({ MAX_CONNECTIONS: "2", KEEP_ALIVE_TIMEOUT_MS: "600000", HEADERS_TIMEOUT_MS: "1000", REQUEST_TIMEOUT_MS: "2000" });
  });
  afterAll(async () => {
    for (const h of held) h.socket.destroy();
    await server?.stop();
  });

  /** The server learns of a close a moment after the client: a few tries at most. */
  async function servedAgain(): Promise<number | undefined> {
    let status: number | undefined;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = await fetch(`${server.url}/healthz`, { headers: { connection: "close" } }).then((r) => r.status, () => undefined);
    }
    return status;
  }

  it("refuses connections beyond MAX_CONNECTIONS, and serves again once some close", async () => {
    for (let i = 0; i < 2; i++) {
      const exchange = await openRaw(portOf(server));
      const answered = new Promise((resolve) => exchange.socket.once("data", resolve));
      exchange.socket.write(HEALTHZ);
      // Answered, so counted: the connection is the server's until it closes.
      await answered;
      held.push(exchange);
    }
    const extra = await openRaw(portOf(server));
    extra.socket.write(HEALTHZ);
    expect((await extra.closed).text).toBe("");

    for (const h of held.splice(0)) {
      h.socket.end();
      await h.closed;
    }
    expect(await servedAgain()).toBe(200);
  });

  it("slow clients that never close their side do not keep their slots", async () => {
    for (let i = 0; i < 2; i++) {
      const slow = await openRaw(portOf(server), { allowHalfOpen: true });
      held.push(slow);
      slow.socket.write("GET /healthz HTTP/1.1\r\nHost: app.test\r\n");
      expect(statusOf(await slow.ended)).toBe(408);
    }
    // Both still hold their end open; the server must have let go of its own.
    expect(held.every((h) => !h.socket.destroyed)).toBe(true);
    expect(await servedAgain()).toBe(200);
  });
});

describe("where it listens, and who may use /_local", () => {
  it("listens on 127.0.0.1 outside production unless HOST says otherwise, on every interface in production", () => {
    expect(listenHost(loadEnv({ NODE_ENV: "development" }))).toBe("127.0.0.1");
    expect(listenHost(loadEnv({ NODE_ENV: "test" }))).toBe("127.0.0.1");
    expect(listenHost({ NODE_ENV: "production", HOST: undefined })).toBe("0.0.0.0");
    expect(listenHost(loadEnv({ NODE_ENV: "development", HOST: "0.0.0.0" }))).toBe("0.0.0.0");
  });

  it("`npm start` in development without HOST listens on loopback only", async () => {
    const server = await spawnServer({ NODE_ENV: "development", HOST: "" });
    try {
      const listening = server.logs().find((l) => l.msg === "Live Sessions is listening");
      expect(listening?.host).toBe("127.0.0.1");
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    // Starting a whole process (stand-ins, migrations) takes a while on a busy machine.
  }, 120_000);

  /*
   * A client from another machine is played by the socket address the guard reads: tests send
   * traffic to loopback addresses only, so no real non-loopback connection is made here.
   */
  it("/_local refuses a client whose socket is not loopback, whatever X-Forwarded-For says", () => {
    const answers: { status?: number; body?: unknown } = {};
    const res = {
      status(code: number) {
        answers.status = code;
        return res;
      },
      setHeader() {
        return res;
      },
      json(body: unknown) {
        answers.body = body;
        return res;
      },
    };
    let passed = false;
    const req = { socket: { remoteAddress: "203.0.113.7" }, headers: { "x-forwarded-for": "127.0.0.1", forwarded: "for=127.0.0.1" } };
    loopbackOnly(req as never, res as never, () => {
      passed = true;
    });
    expect(passed).toBe(false);
    expect(answers.status).toBe(403);
    expect(answers.body).toEqual({ error: expect.stringMatching(/answer only on this machine/) });
    loopbackOnly({ ...req, socket: { remoteAddress: "::ffff:127.0.0.1" } } as never, res as never, () => {
      passed = true;
    });
    expect(passed).toBe(true);
  });

  it("knows loopback addresses in every spelling the socket gives", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["192.0.2.2", "::ffff:192.0.2.2", "fd00::2", "0.0.0.0", "::", "::ffff:1.2.3.4", "1.127.0.0", undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});
