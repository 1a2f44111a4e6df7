/**
 * Browsers attach the session cookie to requests that other sites make them send, and a
 * SameSite=Lax cookie still goes along from a sibling subdomain or another port of the
 * same host ("same-site"). So every state-changing request that only the cookie
 * authenticates must show it comes from APP_URL's own origin, whatever face it is for:
 * page actions (document POSTs, `?_data=`, `.data`), resource routes, sign-out, GraphQL
 * and REST. Remix's own check covers document POSTs only; this one covers all, in one place.
 *
 * What the browser says, in order of trust:
 * - `Sec-Fetch-Site` other than `same-origin`/`none`: refused (pages cannot forge it);
 * - `Origin` (sent by every current browser on every non-GET request): must be ours;
 *   `null` (sandboxed frames, privacy redirects) is not;
 * - `Referer`, when there is no Origin (older browsers): its origin must be ours;
 * - neither, but `Sec-Fetch-Site: same-origin`/`none`: the browser vouches for it;
 * - nothing at all: refused. No browser that sends cookies omits all three on a POST
 *   except very old ones, which are exactly the ones that could be tricked; a non-browser
 *   client has no reason to hold our cookie and should use a Bearer token.
 *
 * Exempt: safe methods (they change nothing), requests without a cookie (nothing to ride
 * on), and Bearer calls: the viewer lookup ignores the cookie when an Authorization
 * header is present, and a page cannot add one to a cross-site request without a CORS
 * preflight we never grant. Only the Bearer scheme counts: a browser re-sends Basic
 * credentials (a password-protected staging site) on its own.
 */
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BROWSER_VOUCHES = new Set(["same-origin", "none"]);

export type RequestSource = "same-origin" | "foreign" | "unknown";

/** Where a request came from, from the headers a browser sets and a page cannot. */
export function requestSource(headers: Request["headers"], appOrigin: string): RequestSource {
  const site = single(headers["sec-fetch-site"]);
  if (site !== undefined && !BROWSER_VOUCHES.has(site)) return "foreign";
  const origin = single(headers.origin);
  if (origin !== undefined) return origin === appOrigin ? "same-origin" : "foreign";
  const referer = single(headers.referer);
  if (referer !== undefined) return originOf(referer) === appOrigin ? "same-origin" : "foreign";
  return site !== undefined ? "same-origin" : "unknown";
}

/** The session cookie is what would authenticate this request. */
function ridesOnCookie(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (!req.headers.cookie) return false;
  return !/^bearer\s/i.test(req.headers.authorization ?? "");
}

export function sameOriginForCookies(appUrl: string) {
  const appOrigin = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!ridesOnCookie(req)) return next();
    const source = requestSource(req.headers, appOrigin);
    if (source === "same-origin") return next();
    refuse(req, res, source, appOrigin);
  };
}

/** The exact words REST clients have been given since the shim's first version. */
export const CROSS_SITE_API_MESSAGE = "This request came from another site. Use the app itself, or call the API with an Authorization: Bearer token.";

function refuse(req: Request, res: Response, source: Exclude<RequestSource, "same-origin">, appOrigin: string): void {
  const path = req.path;
  const api = path === "/graphql" || path.startsWith("/graphql/") || path === "/api" || path.startsWith("/api/");
  const message =
    source === "foreign"
      ? api
        ? CROSS_SITE_API_MESSAGE
        : `This request came from another site, so it was refused. Open the app at ${appOrigin} and try again.`
      : api
        ? "This request carries the session cookie but no Origin or Referer header, so it was refused. Browsers send one; other clients should call the API with an Authorization: Bearer token."
        : `This request carries the session cookie but no Origin or Referer header, so it was refused. Open the app at ${appOrigin} in a current browser and try again.`;
  res.status(403).setHeader("Cache-Control", "no-store");
  if (path === "/graphql" || path.startsWith("/graphql/")) {
    res.json({ errors: [{ message, extensions: { code: "FORBIDDEN" } }] });
  } else if (api) {
    res.json({ success: false, error: message, code: "FORBIDDEN" });
  } else {
    // Before the web face, so without its headers: plain text the browser will not sniff.
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.type("text/plain").send(message);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
