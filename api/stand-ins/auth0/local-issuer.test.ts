import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBearerVerifier } from "../../auth/bearer.js";
import { DEMO_USERS, getDemoUser } from "./demo-users.js";
import { DEFAULT_ROLES_CLAIM, LOCAL_AUDIENCE, startLocalIssuer, type LocalIssuer } from "./local-issuer.js";
import { silentLogger } from "../../test-support/auth.js";

let issuer: LocalIssuer;
beforeAll(async () => {
  issuer = await startLocalIssuer({ logger: silentLogger });
});
afterAll(() => issuer.close());

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("the local issuer's endpoints", () => {
  it("publishes an OpenID configuration naming itself and its key set", async () => {
    expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(issuer.audience).toBe(LOCAL_AUDIENCE);
    const { status, body } = await getJson(`${issuer.issuer}.well-known/openid-configuration`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ issuer: issuer.issuer, jwks_uri: issuer.jwksUrl, id_token_signing_alg_values_supported: ["RS256"] });
    expect(issuer.jwksUrl).toBe(`${issuer.issuer}.well-known/jwks.json`);
  });

  it("publishes only the public half of its key, under its kid", async () => {
    const { status, body } = await getJson(issuer.jwksUrl);
    expect(status).toBe(200);
    const keys = body.keys as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", kid: issuer.kid, alg: "RS256", use: "sig", e: "AQAB" });
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(keys[0]).not.toHaveProperty(secret);
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    expect((await fetch(`${issuer.issuer}authorize`)).status).toBe(404);
    const post = await fetch(issuer.jwksUrl, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("mintAccessToken", () => {
  it("produces an Auth0-shaped access token for our API", async () => {
    const deepak = getDemoUser("deepak");
    const token = await issuer.mintAccessToken(deepak);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", typ: "JWT", kid: issuer.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: issuer.issuer,
      sub: "local|deepak",
      aud: [LOCAL_AUDIENCE, `${issuer.issuer}userinfo`],
      scope: "openid profile email",
      [DEFAULT_ROLES_CLAIM]: ["expert"],
      name: "Deepak Kumar",
      email: "deepak@example.com",
      picture: deepak.picture,
    });
    expect(claims.exp! - claims.iat!).toBe(86_400);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(claims).not.toHaveProperty("nbf");
  });

  it("applies lifetime, audience, issuer and not-before overrides", async () => {
    const notBefore = new Date(Date.now() + 60_000);
    const claims = decodeJwt(
      await issuer.mintAccessToken({ sub: "auth0|x", expiresInSeconds: -5, audience: "aud-x", issuer: "https://iss-x/", notBefore }),
    );
    expect(claims).toMatchObject({ aud: "aud-x", iss: "https://iss-x/", nbf: Math.floor(notBefore.getTime() / 1000) });
    expect(claims.exp! - claims.iat!).toBe(-5);
    expect(claims[DEFAULT_ROLES_CLAIM]).toEqual([]);
    expect(claims).not.toHaveProperty("name");
  });

  it("honours a custom audience and roles claim end to end", async () => {
    const custom = await startLocalIssuer({ audience: "https://api.custom", rolesClaim: "https://custom/roles", logger: silentLogger });
    try {
      const verifier = createBearerVerifier({ issuer: custom.issuer, audience: "https://api.custom", rolesClaim: "https://custom/roles" });
      const token = await custom.mintAccessToken(getDemoUser("admin"));
      expect(decodeJwt(token)["https://custom/roles"]).toEqual(["admin"]);
      await expect(verifier.verify(token)).resolves.toMatchObject({ subject: "local|admin", roles: ["admin"] });
    } finally {
      await custom.close();
    }
  });
});

describe("startLocalIssuer", () => {
  const savedNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    if (savedNodeEnv === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
    else process.env.NODE_ENV = savedNodeEnv;
  });

  it("refuses to start when NODE_ENV=production, naming what to set instead", async () => {
    process.env.NODE_ENV = "production";
    const lines: unknown[] = [];
    const start = startLocalIssuer({ logger: { info: (obj, msg) => lines.push([obj, msg]) } });
    await expect(start).rejects.toThrow(/local identity provider cannot run in production/);
    await expect(start).rejects.toThrow(/AUTH0_DOMAIN and AUTH0_AUDIENCE/);
    expect(lines).toEqual([]);
  });

  it("announces itself in one log line as a LOCAL stand-in for Auth0 with demo accounts", async () => {
    const lines: [object, string | undefined][] = [];
    const announced = await startLocalIssuer({ logger: { info: (obj, msg) => lines.push([obj, msg]) } });
    await announced.close();
    expect(lines).toHaveLength(1);
    const [obj, msg] = lines[0]!;
    expect(msg).toMatch(/LOCAL stand-in for Auth0/);
    for (const user of DEMO_USERS) expect(msg).toContain(user.key);
    expect(obj).toMatchObject({ issuer: announced.issuer, demoAccounts: DEMO_USERS.map((u) => u.key) });
  });

  it("keeps its key in keyFile, so tokens survive a restart", async () => {
    const keyFile = join(await mkdtemp(join(tmpdir(), "local-issuer-")), "nested", "issuer-key.json");
    const first = await startLocalIssuer({ keyFile, logger: silentLogger });
    const token = await first.mintAccessToken(getDemoUser("tom"));
    await first.close();
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(keyFile, "utf8"))).toHaveProperty("d");

    const second = await startLocalIssuer({ keyFile, port: first.port, logger: silentLogger });
    try {
      expect(second.kid).toBe(first.kid);
      const verifier = createBearerVerifier({ issuer: second.issuer, audience: second.audience, rolesClaim: second.rolesClaim });
      await expect(verifier.verify(token)).resolves.toMatchObject({ subject: "local|tom", name: "Tom Becker", roles: [] });
    } finally {
      await second.close();
    }
  });

  it("uses a fresh key on every start without keyFile", async () => {
    const other = await startLocalIssuer({ logger: silentLogger });
    await other.close();
    expect(other.kid).not.toBe(issuer.kid);
  });

  it("refuses a keyFile that holds no RSA private key instead of overwriting it", async () => {
    const keyFile = join(await mkdtemp(join(tmpdir(), "local-issuer-")), "broken.json");
    await writeFile(keyFile, '{"kty":"oct","k":"c2VjcmV0"}');
    await expect(startLocalIssuer({ keyFile, logger: silentLogger })).rejects.toThrow(keyFile);
    expect(await readFile(keyFile, "utf8")).toBe('{"kty":"oct","k":"c2VjcmV0"}');
  });
});
