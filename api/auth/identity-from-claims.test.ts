import { describe, expect, it } from "vitest";
import { identityFromClaims } from "./identity-from-claims.js";

const ROLES = "https://live-sessions.app/roles";

describe("identityFromClaims", () => {
  it("copies subject, roles and the string profile claims", () => {
    expect(
      identityFromClaims(
        { sub: "google-oauth2|1", [ROLES]: ["expert", "admin"], name: "Deepak Kumar", email: "d@example.com", picture: "https://x/p.png" },
        ROLES,
      ),
    ).toEqual({ subject: "google-oauth2|1", roles: ["expert", "admin"], name: "Deepak Kumar", email: "d@example.com", picture: "https://x/p.png" });
  });

  it("reads roles only from the configured claim", () => {
    expect(identityFromClaims({ sub: "s", roles: ["admin"], [ROLES]: ["expert"] }, ROLES).roles).toEqual(["expert"]);
    expect(identityFromClaims({ sub: "s", [ROLES]: ["expert"] }, "https://other/roles").roles).toEqual([]);
  });

  it.each([
    ["missing", undefined, []],
    ["a string", "admin", []],
    ["an object", { admin: true }, []],
    ["null", null, []],
    ["mixed", ["expert", 1, null, "", ["admin"], "expert", "admin"], ["expert", "admin"]],
  ])("roles claim %s → %j", (_case, value, expected) => {
    expect(identityFromClaims({ sub: "s", [ROLES]: value }, ROLES).roles).toEqual(expected);
  });

  it("takes the issue time from iat (seconds), and none from a missing or non-numeric one", () => {
    expect(identityFromClaims({ sub: "s", iat: 1_900_000_000 }, ROLES).issuedAt).toEqual(new Date(1_900_000_000_000));
    expect(identityFromClaims({ sub: "s" }, ROLES).issuedAt).toBeUndefined();
    expect(identityFromClaims({ sub: "s", iat: "yesterday" as never }, ROLES).issuedAt).toBeUndefined();
  });

  it("leaves out profile claims that are not non-empty strings", () => {
    expect(identityFromClaims({ sub: "s", name: 7, email: "", picture: null }, ROLES)).toEqual({ subject: "s", roles: [] });
  });
});
