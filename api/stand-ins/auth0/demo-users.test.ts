import { describe, expect, it } from "vitest";
import { DEMO_USERS, findDemoUser, getDemoUser } from "./demo-users.js";

describe("demo users", () => {
  it("are two experts (one of them Deepak Kumar), three students and one admin", () => {
    const experts = DEMO_USERS.filter((u) => u.roles.includes("expert"));
    expect(experts.map((u) => u.name)).toContain("Deepak Kumar");
    expect(experts).toHaveLength(2);
    expect(DEMO_USERS.filter((u) => u.roles.length === 0)).toHaveLength(3);
    expect(DEMO_USERS.filter((u) => u.roles.includes("admin"))).toHaveLength(1);
    expect(DEMO_USERS).toHaveLength(6);
  });

  it("have unique Auth0-shaped subjects, example.com emails and offline avatars", () => {
    expect(new Set(DEMO_USERS.map((u) => u.sub)).size).toBe(DEMO_USERS.length);
    for (const user of DEMO_USERS) {
      expect(user.sub).toBe(`local|${user.key}`);
      expect(user.email).toMatch(/^[a-z]+@example\.com$/);
      expect(user.picture).toMatch(/^data:image\/svg\+xml,/);
      expect(decodeURIComponent(user.picture)).toContain("<svg");
    }
  });

  it("are found by key", () => {
    expect(getDemoUser("deepak")).toMatchObject({ name: "Deepak Kumar", roles: ["expert"] });
    expect(findDemoUser("priya")?.name).toBe("Priya Sharma");
    expect(findDemoUser("nobody")).toBeUndefined();
  });
});
