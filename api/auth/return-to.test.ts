import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_TO, safeReturnTo } from "./return-to.js";

const APP_URL = "http://app.test";
const APP_ORIGIN = new URL(APP_URL).origin;

describe("safeReturnTo", () => {
  it.each([
    ["/app/live/ses_1", "/app/live/ses_1"],
    ["/app/live?tab=past", "/app/live?tab=past"],
    ["/app/live/ses_1?gateway=stripe#pay", "/app/live/ses_1?gateway=stripe#pay"],
    // Encoded characters stay encoded: the value that goes out is the parsed URL's, not the raw one.
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/app/live/ｓｅｓ", "/app/live/%EF%BD%93%EF%BD%85%EF%BD%93"],
    // Only a path of ours, whatever it spells.
    ["/javascript:alert(1)//\u2028", "/javascript:alert(1)//%E2%80%A8"],
  ])("%j stays in the app as %j", (given, expected) => {
    expect(safeReturnTo(given, APP_URL)).toBe(expected);
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["javascript:alert(1)"],
    // A decoded %09 (what /auth/login?returnTo=/%09/evil.example hands over): browsers drop the tab.
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/app/live\r\nSet-Cookie: x=1"],
    ["/app/live\r"],
    // Dot segments that leave a path beginning with // (a host, to a browser).
    ["/.//evil.example"],
    ["/a/..//evil.example"],
    ["http://app.test/app/live"],
    [""],
    [undefined],
    [42],
  ])("%j → the default page, never another site or a broken header", (given) => {
    expect(safeReturnTo(given, APP_URL)).toBe(DEFAULT_RETURN_TO);
  });
});

/** Pieces attackers combine: separators, whitespace and controls browsers drop, encodings, look-alikes. */
const HOSTILE = [
  "/", "//", "\\", "/\\", "\\/", "\t", "\r", "\n", "\r\n", "\u0000", " ", "\u00a0", "\u2028", "\ufeff",
  "%09", "%0d%0a", "%2f", "%2F", "%5c", "%2e", "%00", "%", ".", "..", "./", "../",
  "javascript:", "alert(1)", "data:", "http:", "https:", "https://evil.example", "evil.example", "@", ":", "?", "#",
  "\u3002", "\uff0f", "\uff3c", "\u2215", "ａ", "é", "😀", "\ud800",
];

const hostileString = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom("/", "//", "/\\", "/\t/", "/."), fc.array(fc.constantFrom(...HOSTILE), { maxLength: 6 })).map(([head, parts]) => head + parts.join("")),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
);

describe("safeReturnTo over hostile strings (property)", () => {
  it("always answers a path on the app's origin that is safe in a Location header", () => {
    fc.assert(
      fc.property(hostileString, (given) => {
        const out = safeReturnTo(given, APP_URL);
        // Printable ASCII only: nothing for a header to reject, nothing for a browser to drop.
        expect(out).toMatch(/^\/[\x21-\x7e]*$/);
        expect(out.startsWith("//")).toBe(false);
        // As a browser resolves a relative Location, from the callback page or anywhere else.
        expect(new URL(out, `${APP_URL}/auth/callback?code=x&state=y`).origin).toBe(APP_ORIGIN);
        expect(new URL(out, `${APP_URL}/app/live/ses_1/`).origin).toBe(APP_ORIGIN);
        // What comes out is already safe: checking it again changes nothing.
        expect(safeReturnTo(out, APP_URL)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps an ordinary path of the app as it is", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.option(segment), (segments, tab) => {
        const path = `/${segments.join("/")}${tab ? `?tab=${tab}` : ""}`;
        expect(safeReturnTo(path, APP_URL)).toBe(path);
      }),
    );
  });
});
