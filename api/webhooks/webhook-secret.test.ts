import { describe, expect, it } from "vitest";
import { secretMatches } from "./webhook-secret.js";

describe("secretMatches", () => {
  it("matches only the exact secret", () => {
    expect(secretMatches("s3cret-s3cret-s3cret", "s3cret-s3cret-s3cret")).toBe(true);
    expect(secretMatches("s3cret-s3cret-s3cre", "s3cret-s3cret-s3cret")).toBe(false);
    expect(secretMatches("S3CRET-S3CRET-S3CRET", "s3cret-s3cret-s3cret")).toBe(false);
    expect(secretMatches("", "s3cret-s3cret-s3cret")).toBe(false);
  });

  it("never matches when no secret is configured, or the header is absent or repeated", () => {
    expect(secretMatches("", undefined)).toBe(false);
    expect(secretMatches("", "")).toBe(false);
    expect(secretMatches(undefined, "s3cret-s3cret-s3cret")).toBe(false);
    expect(secretMatches(["s3cret-s3cret-s3cret", "s3cret-s3cret-s3cret"], "s3cret-s3cret-s3cret")).toBe(false);
  });
});
