/**
 * The security headers themselves, without a web build (the built pages and Chromium are
 * checked in web/e2e/security-headers.e2e.ts): the page policy and its per-response nonce,
 * what changes over HTTPS, and the JSON API's headers on the real app.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import {
  cspNonceOf,
  mergeSources,
  pageSecurityHeaders,
  RAZORPAY_CHECKOUT_SOURCES,
  STRIPE_CHECKOUT_SOURCES,
  type PageSecurityOptions,
} from "./security-headers.js";

async function pageHeaders(opts: PageSecurityOptions): Promise<{ headers: Headers; nonce: string }> {
  const app = express();
  app.use(pageSecurityHeaders(opts));
  app.get("/", (_req, res) => {
    res.type("html").send(cspNonceOf(res));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { headers: res.headers, nonce: await res.text() };
  } finally {
    server.close();
  }
}

const directive = (headers: Headers, name: string) =>
  headers
    .get("content-security-policy")!
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe("page headers", () => {
  it("scripts: our origin and this response's nonce, which the page is given", async () => {
    const { headers, nonce } = await pageHeaders({ secure: false });
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(directive(headers, "script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect((await pageHeaders({ secure: false })).nonce).not.toBe(nonce);
  });

  it("over plain HTTP: no HSTS, nothing upgraded, plain-HTTP images allowed", async () => {
    const { headers } = await pageHeaders({ secure: false, formActionOrigins: ["http://127.0.0.1:4455"] });
    expect(headers.get("strict-transport-security")).toBeNull();
    expect(directive(headers, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(headers, "img-src")).toContain("http:");
    expect(directive(headers, "form-action")).toEqual(["'self'", "https:", "http://127.0.0.1:4455"]);
  });

  it("over HTTPS: HSTS for a year, plain-HTTP subresources upgraded, none allowed", async () => {
    const { headers } = await pageHeaders({ secure: true });
    expect(headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(directive(headers, "upgrade-insecure-requests")).toEqual([]);
    expect(directive(headers, "img-src")).not.toContain("http:");
  });

  it("a third party's sources are added where they are asked for, nowhere else", async () => {
    const { headers } = await pageHeaders({ secure: true, extraSources: { scriptSrc: ["https://js.stripe.com"], frameSrc: ["https://js.stripe.com"] } });
    expect(directive(headers, "script-src")).toContain("https://js.stripe.com");
    expect(directive(headers, "frame-src")).toEqual(["'self'", "https://js.stripe.com"]);
    expect(directive(headers, "connect-src")).toEqual(["'self'", "https://*.100ms.live", "wss://*.100ms.live"]);
  });

  it("on the local media plane the video SDK may connect there alone: its failure reports (with the join token) never reach 100ms", async () => {
    const plane = ["http://127.0.0.1:45555", "ws://127.0.0.1:45555"];
    const { headers } = await pageHeaders({ secure: false, videoConnectSrc: plane });
    expect(directive(headers, "connect-src")).toEqual(["'self'", ...plane]);
  });

  it("the configured gateways' checkouts may load their scripts and frames", async () => {
    const { headers } = await pageHeaders({ secure: true, extraSources: mergeSources(STRIPE_CHECKOUT_SOURCES, RAZORPAY_CHECKOUT_SOURCES) });
    expect(directive(headers, "script-src")).toEqual(expect.arrayContaining(["https://js.stripe.com", "https://checkout.razorpay.com"]));
    expect(directive(headers, "frame-src")).toEqual(expect.arrayContaining(["https://js.stripe.com", "https://api.razorpay.com"]));
    expect(directive(headers, "connect-src")).toEqual(expect.arrayContaining(["https://api.stripe.com", "https://api.razorpay.com", "wss://*.100ms.live"]));
    expect(directive(headers, "script-src")).not.toContain("https:");
  });
});

describe("the JSON API's headers", () => {
  const t = useTestApp();

  it.each([
    ["GET", "/api/live/sessions"],
    ["POST", "/graphql"],
    ["GET", "/api/live/openapi.json"],
  ])("%s %s: nothing to run, frame or sniff", async (method, path) => {
    const res = await fetch(`${t.app.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({ query: "{ __typename }" }) : undefined,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});
