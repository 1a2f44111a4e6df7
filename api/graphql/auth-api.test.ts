/**
 * Who is calling, as POST /graphql sees it: anonymous callers may browse, Bearer tokens
 * are verified (signature, issuer, audience, expiry) and refused with HTTP 401 and a
 * message a person can act on, and a new user is created on first sight.
 */
import { describe, expect, it } from "vitest";
import type { GraphQLDocument } from "../test-support/test-app.js";
import { mintHs256WithPublicKey, mintUnsigned, mintWithForeignKey } from "../test-support/forged-tokens.js";
import {
  CREATE_SESSION,
  LIST_SESSIONS,
  ME,
  createInput,
  createSessionId,
  expectGqlError,
  postGraphQL,
} from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();


const SUB = "auth0|first-sight-0001";

async function userRows(subject: string): Promise<{ id: string; name: string; email: string | null; roles: string[] }[]> {
  return t.database.query("select id, name, email, roles from users where auth_subject = $1", [subject]);
}

async function countUsers(): Promise<number> {
  const [row] = await t.database.query<{ n: number | string }>("select count(*) as n from users");
  return Number(row!.n);
}


describe("without a token", () => {
  it("queries work anonymously", async () => {
    const id = await createSessionId(t.app);
    const res = await postGraphQL(t.app, LIST_SESSIONS, {});
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect((res.data as any).sessions).toMatchObject({ total: 1, items: [{ id }] });
    const me = await postGraphQL(t.app, ME, {});
    expect(me).toMatchObject({ status: 200, data: { me: null } });
  });

  it("mutations answer UNAUTHENTICATED", async () => {
    const res = await postGraphQL(t.app, CREATE_SESSION, {}, { input: createInput(t.app.clock) });
    expectGqlError(res, "UNAUTHENTICATED", /Sign in/);
    expect(await countUsers()).toBe(0);
  });
});

describe("a refused token answers HTTP 401 with UNAUTHENTICATED and a clear message", () => {
  /** Sends `authorization` with a query anonymous callers could run: bad credentials must not fall back to anonymous. */
  async function expectRefused(authorization: string, phrase: RegExp, query: GraphQLDocument = LIST_SESSIONS) {
    const before = await countUsers();
    const res = await postGraphQL(t.app, query, { authorization });
    expect(res.status).toBe(401);
    // RFC 6750 §3: the token it carried was not accepted.
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="Live Sessions", error="invalid_token"');
    expect(res.data ?? null).toBeNull();
    const error = expectGqlError(res, "UNAUTHENTICATED", phrase);
    // The message never echoes what the caller sent.
    const token = authorization.split(/\s+/)[1];
    if (token && token.length > 8) expect(error.message).not.toContain(token);
    expect(await countUsers()).toBe(before);
    return error;
  }

  it("answers the verifier's own sentence, without Apollo's internal 'Context creation failed:' prefix", async () => {
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, expiresInSeconds: -3600 });
    const res = await postGraphQL(t.app, ME, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.errors).toEqual([{ message: "The access token has expired. Sign in again to get a new one.", extensions: { code: "UNAUTHENTICATED" } }]);
  });

  it("a header that is not `Bearer <token>`", async () => {
    await expectRefused("Basic ZGVlcGFrOnNlY3JldA==", /must be `Bearer <access token>`/);
    await expectRefused("Bearer", /must be `Bearer <access token>`/);
    await expectRefused("Bearer two tokens", /must be `Bearer <access token>`/);
    await expectRefused("", /must be `Bearer <access token>`/);
  });

  it("a bearer token that is not a JWT", async () => {
    await expectRefused("Bearer not-a-jwt", /not a JWT access token/);
    await expectRefused("Bearer aaa.bbb.ccc", /not a JWT access token/);
  });

  it("an expired token", async () => {
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, name: "Late Larry", expiresInSeconds: -3600 });
    await expectRefused(`Bearer ${token}`, /has expired\. Sign in again/);
    await expectRefused(`Bearer ${token}`, /has expired/, ME);
  });

  it("a token for another API (wrong audience)", async () => {
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, audience: "https://other.api" });
    const error = await expectRefused(`Bearer ${token}`, /issued for a different API \(audience\)/);
    expect(error.message).toContain(t.app.issuer.audience);
  });

  it("a token from another issuer", async () => {
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, issuer: "https://evil.example.com/" });
    await expectRefused(`Bearer ${token}`, /issued by someone other than/);
  });

  it("a token signed by another key", async () => {
    const token = await mintWithForeignKey(t.app.issuer, { sub: SUB, name: "Mallory", roles: ["expert", "admin"] });
    await expectRefused(`Bearer ${token}`, /signature could not be verified/);
    // Not even a mutation gets through as the claimed expert.
    const res = await postGraphQL(t.app, CREATE_SESSION, { authorization: `Bearer ${token}` }, { input: createInput(t.app.clock) });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("an unsigned (alg: none) token and an HS256 token keyed with the public key", async () => {
    await expectRefused(`Bearer ${mintUnsigned(t.app.issuer, { sub: SUB })}`, /algorithm this API does not accept\. Only RS256/);
    await expectRefused(`Bearer ${await mintHs256WithPublicKey(t.app.issuer, { sub: SUB })}`, /algorithm this API does not accept\. Only RS256/);
  });

  it("a token that names no subject", async () => {
    const claims = t.app.issuer.accessTokenClaims({ sub: SUB });
    delete claims.sub;
    const token = await t.app.issuer.signClaims(claims as Record<string, unknown>);
    await expectRefused(`Bearer ${token}`, /names no subject/);
  });
});

describe("a valid token", () => {
  it("accepts the scheme in any case", async () => {
    const token = await t.app.tokenFor("priya");
    const res = await postGraphQL(t.app, ME, { authorization: `bearer ${token}` });
    expect(res.status).toBe(200);
    expect((res.data as any).me.name).toBe("Priya Sharma");
  });

  it("creates the user on first sight, with name, email and roles from the token's claims", async () => {
    expect(await userRows(SUB)).toEqual([]);
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, name: "Nadia New", email: "nadia@example.com", roles: ["expert"] });
    const res = await postGraphQL(t.app, ME, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const me = (res.data as any).me;
    expect(me).toEqual({ id: expect.stringMatching(/^usr_/), name: "Nadia New", email: "nadia@example.com", avatar: null, roles: ["expert"], isExpert: true });

    const rows = await userRows(SUB);
    expect(rows).toEqual([{ id: me.id, name: "Nadia New", email: "nadia@example.com", roles: ["expert"] }]);

    // Seen again: the same user, not a second one.
    const again = await postGraphQL(t.app, ME, { authorization: `Bearer ${token}` });
    expect((again.data as any).me.id).toBe(me.id);
    expect(await userRows(SUB)).toHaveLength(1);

    // The new expert can act at once.
    const created = await postGraphQL(t.app, CREATE_SESSION, { authorization: `Bearer ${token}` }, { input: createInput(t.app.clock) });
    expect(created.errors).toBeUndefined();
    expect((created.data as any).createSession).toMatchObject({ expertId: me.id, expertName: "Nadia New" });
  });

  it("keeps the profile in step with the identity provider's claims, under the same id", async () => {
    const first = await t.app.issuer.mintAccessToken({ sub: SUB, name: "Sam Student", roles: [] });
    const before = (await postGraphQL(t.app, ME, { authorization: `Bearer ${first}` })).data as any;
    expect(before.me).toMatchObject({ name: "Sam Student", roles: [], isExpert: false });

    const promoted = await t.app.issuer.mintAccessToken({ sub: SUB, name: "Sam Teacher", roles: ["expert", "superuser"] });
    const after = (await postGraphQL(t.app, ME, { authorization: `Bearer ${promoted}` })).data as any;
    // Unknown roles are dropped; only `expert` and `admin` mean anything here.
    expect(after.me).toMatchObject({ id: before.me.id, name: "Sam Teacher", roles: ["expert"], isExpert: true });
    expect(await userRows(SUB)).toHaveLength(1);
  });

  it("names a user without a name claim by their email", async () => {
    const token = await t.app.issuer.mintAccessToken({ sub: SUB, email: "quiet@example.com" });
    const me = ((await postGraphQL(t.app, ME, { authorization: `Bearer ${token}` })).data as any).me;
    expect(me).toMatchObject({ name: "quiet@example.com", email: "quiet@example.com", roles: [] });
  });
});
