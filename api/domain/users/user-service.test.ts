/**
 * resolveViewer on a real database: newer claims win (a copied old token cannot bring back a
 * role the provider has removed), and profile claims pass the text rules without ever
 * making a request fail.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import type { Identity } from "../ports.js";

const t = useServiceHarness();
const SUB = "auth0|newer-wins";
const at = (iso: string) => new Date(iso);
const identity = (over: Partial<Identity>): Identity => ({ subject: SUB, name: "Deepak Kumar", roles: [], ...over });
const row = async (subject = SUB) => (await t.h.deps.db.select().from(users).where(eq(users.authSubject, subject)))[0];

describe("newer claims win", () => {
  it("claims older than the stored ones change nothing, and the viewer acts with the stored (newer) roles", async () => {
    await t.h.services.resolveViewer(identity({ roles: [], name: "Deepak (after)", issuedAt: at("2030-01-15T09:10:00Z") }));
    const viewer = await t.h.services.resolveViewer(identity({ roles: ["expert"], name: "Deepak (before)", issuedAt: at("2030-01-15T09:00:00Z") }));
    expect(viewer).toMatchObject({ roles: [], name: "Deepak (after)" });
    expect(await row()).toMatchObject({ roles: [], name: "Deepak (after)", identityIssuedAt: at("2030-01-15T09:10:00Z") });
  });

  it("newer claims replace the stored ones, roles included, and move the issue time on", async () => {
    await t.h.services.resolveViewer(identity({ roles: ["expert"], issuedAt: at("2030-01-15T09:00:00Z") }));
    const viewer = await t.h.services.resolveViewer(identity({ roles: [], issuedAt: at("2030-01-15T09:15:00Z") }));
    expect(viewer.roles).toEqual([]);
    // Same profile, newer claims: the time still moves on, so claims from between cannot win.
    await t.h.services.resolveViewer(identity({ roles: [], issuedAt: at("2030-01-15T09:30:00Z") }));
    await t.h.services.resolveViewer(identity({ roles: ["expert"], issuedAt: at("2030-01-15T09:20:00Z") }));
    expect(await row()).toMatchObject({ roles: [], identityIssuedAt: at("2030-01-15T09:30:00Z") });
  });

  it("claims without an issue time never overwrite dated ones, but still keep an undated row in step", async () => {
    await t.h.services.resolveViewer(identity({ roles: [], issuedAt: at("2030-01-15T09:00:00Z") }));
    expect((await t.h.services.resolveViewer(identity({ roles: ["admin"] }))).roles).toEqual([]);

    await t.h.services.resolveViewer(identity({ subject: "auth0|undated", roles: [] }));
    expect((await t.h.services.resolveViewer(identity({ subject: "auth0|undated", roles: ["expert"] }))).roles).toEqual(["expert"]);
  });
});

describe("profile claims pass the text rules", () => {
  it("a NUL in the name is dropped from it instead of failing every request", async () => {
    const viewer = await t.h.services.resolveViewer(identity({ name: "Ada\u0000 Lovelace", email: "ada@example.com" }));
    expect(viewer.name).toBe("Ada Lovelace");
    expect(viewer.email).toBe("ada@example.com");
  });

  it("text-direction overrides are not stored; an email address or picture URL carrying one is dropped", async () => {
    const viewer = await t.h.services.resolveViewer(
      identity({ name: "\u202Egnp.exe", email: "x\u202E@example.com", picture: "https://example.com/\u202Ea.png" }),
    );
    expect(viewer).toMatchObject({ name: "gnp.exe", email: null, avatarUrl: null });
    expect(await row()).toMatchObject({ name: "gnp.exe", email: null, avatarUrl: null });
  });

  it("a name that is nothing but refused characters falls back to the email, then a placeholder", async () => {
    expect((await t.h.services.resolveViewer(identity({ name: "\u0000\u202E", email: "n@example.com" }))).name).toBe("n@example.com");
    expect((await t.h.services.resolveViewer(identity({ subject: "auth0|blank", name: "\u0001" }))).name).toBe("Yoga student");
  });

  it("a subject (the user's key) with a NUL cannot be cleaned up: UNAUTHENTICATED, nothing stored", async () => {
    await expectDomainError(t.h.services.resolveViewer(identity({ subject: "auth0|x\u0000y" })), "UNAUTHENTICATED", /user id/);
    expect(await t.h.deps.db.select().from(users)).toEqual([]);
  });
});
