import { decodeJwt, exportSPKI, importJWK, jwtVerify, type CryptoKey } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthError, createBearerVerifier, extractBearer, type BearerVerifier } from "./bearer.js";
import { getDemoUser } from "../stand-ins/auth0/demo-users.js";
import { mintHs256WithPublicKey, mintUnsigned, mintWithForeignKey } from "../test-support/forged-tokens.js";
import { startLocalIssuer, type LocalIssuer } from "../stand-ins/auth0/local-issuer.js";
import { closedPort, refusal, serveOnce, silentLogger } from "../test-support/auth.js";

const deepak = getDemoUser("deepak");

let issuer: LocalIssuer;
let verifier: BearerVerifier;

beforeAll(async () => {
  issuer = await startLocalIssuer({ logger: silentLogger });
  // No jwksUrl: the default `${issuer}.well-known/jwks.json` is under test too.
  verifier = createBearerVerifier({ issuer: issuer.issuer, audience: issuer.audience, rolesClaim: issuer.rolesClaim });
});
afterAll(() => issuer.close());

const verifierFor = (i: LocalIssuer, extra: { clockToleranceSeconds?: number; jwksUrl?: string } = {}) =>
  createBearerVerifier({ issuer: i.issuer, audience: i.audience, rolesClaim: i.rolesClaim, ...extra });

describe("a valid access token", () => {
  it("yields the subject, roles and profile", async () => {
    const token = await issuer.mintAccessToken(deepak);
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: "local|deepak",
      name: "Deepak Kumar",
      email: "deepak@example.com",
      picture: deepak.picture,
      roles: ["expert"],
      issuedAt: new Date((decodeJwt(token).iat as number) * 1000),
    });
  });

  it("is accepted with aud as Auth0's array (API identifier plus userinfo)", async () => {
    const token = await issuer.mintAccessToken({ sub: "auth0|array" });
    expect(decodeJwt(token).aud).toEqual([issuer.audience, `${issuer.issuer}userinfo`]);
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: "auth0|array" });
  });

  it("is accepted with aud as a plain string, and with our audience anywhere in an array", async () => {
    const asString = await issuer.mintAccessToken({ sub: "auth0|string", audience: issuer.audience });
    const second = await issuer.mintAccessToken({ sub: "auth0|second", audience: ["https://other.example/", issuer.audience] });
    await expect(verifier.verify(asString)).resolves.toMatchObject({ subject: "auth0|string" });
    await expect(verifier.verify(second)).resolves.toMatchObject({ subject: "auth0|second" });
  });

  it("without the roles claim has no roles and no invented profile", async () => {
    const { [issuer.rolesClaim]: _roles, ...claims } = issuer.accessTokenClaims({ sub: "auth0|bare" });
    const token = await issuer.signClaims(claims);
    await expect(verifier.verify(token)).resolves.toEqual({ subject: "auth0|bare", roles: [], issuedAt: expect.any(Date) });
  });

  it("with a roles claim of the wrong shape ignores what is not a list of strings", async () => {
    const base = issuer.accessTokenClaims({ sub: "auth0|odd" });
    const notAList = await issuer.signClaims({ ...base, [issuer.rolesClaim]: "admin", name: 42, email: null });
    const mixed = await issuer.signClaims({ ...base, [issuer.rolesClaim]: ["expert", 42, null, { admin: true }, "", "expert"] });
    await expect(verifier.verify(notAList)).resolves.toEqual({ subject: "auth0|odd", roles: [], issuedAt: expect.any(Date) });
    await expect(verifier.verify(mixed)).resolves.toEqual({ subject: "auth0|odd", roles: ["expert"], issuedAt: expect.any(Date) });
  });

  it("tolerates 30 seconds of clock skew by default, and the tolerance is configurable", async () => {
    const justExpired = await issuer.mintAccessToken({ sub: "auth0|skew", expiresInSeconds: -10 });
    const soonValid = await issuer.mintAccessToken({ sub: "auth0|skew", notBefore: new Date(Date.now() + 10_000) });
    await expect(verifier.verify(justExpired)).resolves.toMatchObject({ subject: "auth0|skew" });
    await expect(verifier.verify(soonValid)).resolves.toMatchObject({ subject: "auth0|skew" });

    const strict = verifierFor(issuer, { clockToleranceSeconds: 0 });
    expect((await refusal(strict.verify(justExpired))).reason).toBe("expired");
    expect((await refusal(strict.verify(soonValid))).reason).toBe("not_yet_valid");
  });
});

describe("a refused access token", () => {
  it("has expired", async () => {
    const error = await refusal(verifier.verify(await issuer.mintAccessToken({ sub: "auth0|old", expiresInSeconds: -120 })));
    expect(error.reason).toBe("expired");
    expect(error.message).toBe("The access token has expired. Sign in again to get a new one.");
  });

  it("is not valid yet", async () => {
    const token = await issuer.mintAccessToken({ sub: "auth0|early", notBefore: new Date(Date.now() + 120_000) });
    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("not_yet_valid");
    expect(error.message).toMatch(/not valid yet/);
  });

  it("comes from another issuer", async () => {
    const token = await issuer.mintAccessToken({ sub: "auth0|elsewhere", issuer: "https://evil.example/" });
    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("wrong_issuer");
    expect(error.message).toContain(issuer.issuer);
    expect(error.message).not.toContain("evil.example");
  });

  it.each([
    ["a string", "https://another-api.example"],
    ["an array", ["https://another-api.example", "https://tenant.example/userinfo"]],
  ])("was issued for another API (aud as %s)", async (_shape, audience) => {
    const error = await refusal(verifier.verify(await issuer.mintAccessToken({ sub: "auth0|other", audience })));
    expect(error.reason).toBe("wrong_audience");
    expect(error.message).toBe(
      `The access token was issued for a different API (audience). Request a token with audience=${issuer.audience}.`,
    );
  });

  it.each([
    ["no sub claim", (c: Record<string, unknown>) => ({ ...c, sub: undefined })],
    ["an empty sub", (c: Record<string, unknown>) => ({ ...c, sub: "" })],
    ["a numeric sub", (c: Record<string, unknown>) => ({ ...c, sub: 42 })],
  ])("names no subject (%s)", async (_case, change) => {
    const token = await issuer.signClaims(change(issuer.accessTokenClaims({ sub: "auth0|x" })));
    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("missing_subject");
    expect(error.message).toMatch(/no subject/);
  });

  it("never expires (no exp claim)", async () => {
    const token = await issuer.signClaims({ ...issuer.accessTokenClaims({ sub: "auth0|forever" }), exp: undefined });
    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("invalid_claims");
    expect(error.message).toContain('"exp"');
  });

  it.each([
    ["an empty string", ""],
    ["plain text", "not-a-jwt"],
    ["an Auth0 opaque token (no audience was requested)", "v2.local.Yp6tQ3ZmWJ9a0wq7YtX0Kw"],
    ["three junk segments", "a.b.c"],
  ])("is not a JWT: %s", async (_case, token) => {
    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("malformed");
    expect(error.message).toContain(`audience=${issuer.audience}`);
  });

  it("has a well-formed header but an unsigned, non-JSON payload (the signature is checked before the payload is read)", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: issuer.kid })).toString("base64url");
    const error = await refusal(verifier.verify(`${header}.bm90IGpzb24.c2ln`));
    expect(error.reason).toBe("invalid_signature");
  });

  it("is signed by a key the issuer does not own", async () => {
    const error = await refusal(verifier.verify(await mintWithForeignKey(issuer, deepak)));
    expect(error.reason).toBe("invalid_signature");
    expect(error.message).toMatch(/^The access token's signature could not be verified\./);
  });

  it("was altered after signing (student promoted to expert)", async () => {
    const [header, , signature] = (await issuer.mintAccessToken(getDemoUser("priya"))).split(".");
    const promoted = Buffer.from(JSON.stringify(issuer.accessTokenClaims({ ...getDemoUser("priya"), roles: ["expert"] }))).toString("base64url");
    const error = await refusal(verifier.verify(`${header}.${promoted}.${signature}`));
    expect(error.reason).toBe("invalid_signature");
  });

  it("uses alg none", async () => {
    const error = await refusal(verifier.verify(mintUnsigned(issuer, deepak)));
    expect(error.reason).toBe("algorithm_not_allowed");
    expect(error.message).toMatch(/Only RS256/);
  });

  it("uses HS256 keyed with the issuer's public key", async () => {
    const token = await mintHs256WithPublicKey(issuer, deepak);
    // The forgery is well made: a verifier that let HS256 through would accept it.
    const pem = await exportSPKI((await importJWK(issuer.publicJwk, "RS256", { extractable: true })) as CryptoKey);
    await expect(jwtVerify(token, new TextEncoder().encode(pem))).resolves.toBeTruthy();

    const error = await refusal(verifier.verify(token));
    expect(error.reason).toBe("algorithm_not_allowed");
  });

  it("is signed with a kid the issuer does not publish", async () => {
    const stranger = await startLocalIssuer({ logger: silentLogger });
    try {
      const token = await stranger.mintAccessToken({ sub: "auth0|stranger", issuer: issuer.issuer, audience: issuer.audience });
      const error = await refusal(verifier.verify(token));
      expect(error.reason).toBe("unknown_key");
      expect(error.message).toContain(`does not publish`);
    } finally {
      await stranger.close();
    }
  });
});

describe("the issuer's key set", () => {
  it("is fetched once and cached across verifications", async () => {
    let fetches = 0;
    const jwks = await serveOnce((_req, res) => {
      fetches += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [issuer.publicJwk] }));
    });
    try {
      const cached = verifierFor(issuer, { jwksUrl: `${jwks.url}/jwks.json` });
      for (const key of ["deepak", "meera", "priya", "tom"] as const) {
        await expect(cached.verify(await issuer.mintAccessToken(getDemoUser(key)))).resolves.toBeTruthy();
      }
      expect(fetches).toBe(1);
    } finally {
      await jwks.close();
    }
  });

  it("unreachable: refused as jwks_unavailable (503, not 401), and recovered once the issuer is back", async () => {
    const port = await closedPort();
    const down = verifierFor(issuer, { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` });
    const token = await issuer.mintAccessToken(deepak);
    const error = await refusal(down.verify(token));
    expect(error.reason).toBe("jwks_unavailable");
    expect(error.message).toContain(`http://127.0.0.1:${port}/.well-known/jwks.json`);
    expect(error.message).toMatch(/could not be fetched/);

    const back = await startLocalIssuer({ port, logger: silentLogger });
    try {
      const recovered = verifierFor(back);
      const first = await refusal(recovered.verify(token)); // token is from `issuer`, not `back`
      expect(first.reason).not.toBe("jwks_unavailable");
      await expect(recovered.verify(await back.mintAccessToken(deepak))).resolves.toMatchObject({ subject: deepak.sub });
    } finally {
      await back.close();
    }
  });

  it.each([
    ["answers 500", (res: import("node:http").ServerResponse) => res.writeHead(500).end("oops")],
    ["answers HTML", (res: import("node:http").ServerResponse) => res.writeHead(200, { "content-type": "text/html" }).end("<html>")],
    ["answers JSON that is not a key set", (res: import("node:http").ServerResponse) => res.writeHead(200).end('{"keys":"none"}')],
  ])("that %s is refused as jwks_unavailable", async (_case, answer) => {
    const jwks = await serveOnce((_req, res) => answer(res));
    try {
      const broken = verifierFor(issuer, { jwksUrl: `${jwks.url}/jwks.json` });
      const error = await refusal(broken.verify(await issuer.mintAccessToken(deepak)));
      expect(error.reason).toBe("jwks_unavailable");
    } finally {
      await jwks.close();
    }
  });

  describe("after the issuer restarts with a new key", () => {
    afterEach(() => vi.useRealTimers());

    it("fetches the new kid once the 30-second cooldown has passed, and rejects the old key's tokens", async () => {
      const before = await startLocalIssuer({ logger: silentLogger });
      const rotating = verifierFor(before);
      const oldToken = await before.mintAccessToken(deepak);
      await expect(rotating.verify(oldToken)).resolves.toMatchObject({ subject: deepak.sub });
      await before.close();

      const after = await startLocalIssuer({ port: before.port, logger: silentLogger });
      try {
        expect(after.issuer).toBe(before.issuer);
        expect(after.kid).not.toBe(before.kid);
        const newToken = await after.mintAccessToken(deepak);

        // Within the cooldown an unknown kid does not trigger a refetch: a flood of forged kids cannot hammer the issuer.
        expect((await refusal(rotating.verify(newToken))).reason).toBe("unknown_key");

        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(Date.now() + 31_000);
        await expect(rotating.verify(newToken)).resolves.toMatchObject({ subject: deepak.sub, roles: ["expert"] });
        expect((await refusal(rotating.verify(oldToken))).reason).toBe("unknown_key");
      } finally {
        await after.close();
      }
    });
  });
});

describe("createBearerVerifier", () => {
  it("rejects an issuer without Auth0's trailing slash at construction", () => {
    expect(() => createBearerVerifier({ issuer: "https://tenant.auth0.com", audience: "a", rolesClaim: "r" })).toThrow(
      /must end with "\/"/,
    );
  });

  it("throws AuthError instances that carry reason and message", async () => {
    const error = await refusal(verifier.verify("nope"));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AuthError");
    expect(error).toBeInstanceOf(AuthError);
  });
});

describe("extractBearer", () => {
  it.each([
    ["Bearer abc.def.ghi", "abc.def.ghi"],
    ["bearer abc", "abc"],
    ["BEARER   abc  ", "abc"],
    ["  Bearer abc", "abc"],
    [undefined, null],
    ["", null],
    ["Bearer", null],
    ["Bearer ", null],
    ["Basic dXNlcjpwYXNz", null],
    ["Bearerabc", null],
    ["Bearer abc def", null],
    ["Token abc", null],
  ])("%j → %j", (header, expected) => {
    expect(extractBearer(header)).toBe(expected);
  });
});
