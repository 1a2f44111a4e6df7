import { afterEach, describe, expect, it } from "vitest";
import { type HmsEmulator, startHmsEmulator } from "./index.js";
import { hmsTestClient, mintManagementToken, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

const ERROR_SHAPE = { code: expect.any(Number), message: expect.any(String), details: expect.any(Array) };

describe("emulator server", () => {
  let emu: HmsEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it("refuses to start when NODE_ENV is production", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(startHmsEmulator({ ...TEST_CREDS, logger: silentLogger })).rejects.toThrow(/NODE_ENV is "production"/);
    } finally {
      // Assigning undefined would store the string "undefined".
      if (before === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
      else process.env.NODE_ENV = before;
    }
  });

  it("announces itself as the local emulator, not 100ms, and serves /v2 on 127.0.0.1", async () => {
    const lines: Array<{ obj: object; msg?: string }> = [];
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: { info: (obj, msg) => lines.push({ obj, msg }), warn: () => {} } });
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/LOCAL 100ms emulator/);
    expect(lines[0]?.msg).toMatch(/NOT 100ms/);
    expect(JSON.stringify(lines)).not.toContain(TEST_CREDS.secret);
  });

  it("rejects missing credentials at start", async () => {
    await expect(startHmsEmulator({ ...TEST_CREDS, secret: "", logger: silentLogger })).rejects.toThrow(/secret is required/);
  });

  it("answers unknown routes and wrong methods with a 404 in the 100ms error shape", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const client = hmsTestClient(emu.origin, TEST_CREDS);
    for (const [method, path] of [
      ["GET", "/v2/nothing-here"],
      ["DELETE", "/v2/rooms"],
      ["GET", "/elsewhere"],
      ["GET", "/_emulator/nothing"],
    ] as const) {
      const reply = await client.raw(method, path, { authorization: `Bearer ${await mintManagementToken(TEST_CREDS)}` });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body).toEqual({ ...ERROR_SHAPE, code: 404, message: "route not found" });
    }
  });

  it("answers a malformed JSON body with a 400 in the same shape", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const client = hmsTestClient(emu.origin, TEST_CREDS);
    const reply = await client.raw("POST", "/v2/rooms", {
      authorization: `Bearer ${await mintManagementToken(TEST_CREDS)}`,
      body: "{not json",
    });
    expect(reply).toEqual({ status: 400, body: { code: 400, message: "Invalid JSON body", details: [] } });
  });

  it("close() ends hanging requests instead of waiting for them", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    emu.failNext("GET /rooms", { hang: true });
    const client = hmsTestClient(emu.origin, TEST_CREDS);
    const pending = client.get("/v2/rooms").then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await emu.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("dropped");
  });
});

describe("management token verification", () => {
  let emu: HmsEmulator;
  afterEach(async () => emu.close());

  const statusWith = (authorization?: string) =>
    hmsTestClient(emu.origin, TEST_CREDS).raw("GET", "/v2/rooms", { authorization });

  const cases: Array<[string, () => Promise<string | undefined>, string]> = [
    ["a missing Authorization header", async () => undefined, "Authentication error"],
    ["a non-bearer header", async () => "Basic abc", "Authentication error"],
    ["garbage", async () => "Bearer not.a.jwt", "Token validation error"],
    ["the wrong secret", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, secret: "another-secret-of-32-bytes-length!!" })}`, "Token validation error"],
    ["an expired token", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, nbfOffset: -7200, expOffset: -60 })}`, "Token validation error"],
    ["a token not valid yet", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, nbfOffset: 600 })}`, "Token validation error"],
    ["an app token", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, type: "app" })}`, "Token validation error"],
    ["another access key", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, accessKey: "someone-else" })}`, "Token validation error"],
    ["version 1", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, version: 1 })}`, "Token validation error"],
    ["HS512", async () => `Bearer ${await mintManagementToken({ ...TEST_CREDS, alg: "HS512" })}`, "Token validation error"],
  ];

  it.each(cases)("rejects %s with 401", async (_label, header, message) => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const reply = await statusWith(await header());
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code: 401, message, details: [expect.any(String)] });
  });

  it("accepts a valid token, and one that expired a few seconds ago (clock skew)", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    expect((await statusWith(`Bearer ${await mintManagementToken(TEST_CREDS)}`)).status).toBe(200);
    expect((await statusWith(`Bearer ${await mintManagementToken({ ...TEST_CREDS, nbfOffset: -100, expOffset: -3 })}`)).status).toBe(200);
  });

  it("leaves the control API open (it is local-only)", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const reply = await hmsTestClient(emu.origin, TEST_CREDS).raw("GET", "/_emulator/health", {});
    expect(reply).toEqual({ status: 200, body: { ok: true, service: expect.stringMatching(/not 100ms/) } });
  });
});
