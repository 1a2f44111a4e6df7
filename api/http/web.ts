/**
 * Serves the Remix web app (built by `remix vite:build` into build/) from the same
 * process as the API, with each request's load context: the viewer from the same lookup
 * as the API, and an in-process GraphQL client.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
// Not re-exported by the package's index, but part of its build (pinned to ~2.17, the last Remix v2).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import expressStaticGzip from "express-static-gzip";
import { databaseOutagePage } from "./outage-page.js";
import { plainPageHtml } from "./plain-page.js";
import { cspNonceOf, pageSecurityHeaders, type PageSecurityOptions } from "./security-headers.js";
import { readWebBody, webBodyOf } from "./web-body-limit.js";
import type { WebContext } from "./web-context.js";

const BUILD_DIR = fileURLToPath(new URL("../../build", import.meta.url));

export async function loadWebBuild(): Promise<ServerBuild> {
  const entry = `${BUILD_DIR}/server/index.js`;
  if (!existsSync(entry)) {
    throw new Error(`The web app is not built (${entry} is missing). Run \`npm run build\` (npm start does it for you).`);
  }
  return (await import(pathToFileURL(entry).href)) as ServerBuild;
}

export interface WebRouterOptions {
  /** APP_URL: a page opened on this machine under another loopback name is sent there (sameLoopbackName). */
  appUrl?: string;
}

export function createWebRouter(
  build: ServerBuild,
  contextFor: (req: Request) => Promise<WebContext>,
  security: PageSecurityOptions,
  options: WebRouterOptions = {},
): Router {
  const router = express.Router();
  router.use(pageSecurityHeaders(security));
  router.use(readableAddress);
  if (options.appUrl) router.use(sameLoopbackName(options.appUrl));
  // Fingerprinted assets never change; everything else in public may. The build wrote each
  // asset's brotli and gzip forms beside it (vite.config.ts): sent as asked, never compressed per request.
  router.use(
    "/assets",
    expressStaticGzip(`${BUILD_DIR}/client/assets`, {
      enableBrotli: true,
      orderPreference: ["br", "gzip"],
      index: false,
      serveStatic: { immutable: true, maxAge: "1y", index: false },
    }),
  );
  router.use(express.static(`${BUILD_DIR}/client`, { maxAge: "1h", index: false }));
  router.all(
    "*",
    readWebBody,
    remixHandler(build, async (req, res) => {
      const context = await contextFor(req);
      // A page made for a signed-in person is theirs alone: no cache (the browser's included)
      // keeps it, so Back after signing out, or the next person at this computer, cannot see it.
      if (context.viewer) res.setHeader("Cache-Control", "private, no-store");
      // The nonce goes to web/entry.server.tsx, which puts it on the page's inline scripts.
      return { ...context, cspNonce: cspNonceOf(res) };
    }),
  );
  // Finding the viewer needs the database; while it is away the answer is a 503 page, not a 500.
  router.use(databaseOutagePage);
  return router;
}

/**
 * An address whose escapes do not decode (`/app/live/%E0%A4%A`, a link cut short), or a Host
 * header that names no host, gets a page saying so (400), not Express's stack trace or a 500:
 * nothing behind it could read the address either.
 */
function readableAddress(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
    // The Host header is whatever the client wrote; Remix builds the page's URL from it and would fail with a 500.
    if (req.headers.host !== undefined && !URL.canParse(`http://${req.headers.host}`)) throw new URIError("unusable Host header");
  } catch {
    res
      .status(400)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(plainPageHtml({ title: "This address is not valid", message: "The link may have been cut short or mistyped. Check it, or start again from the classes.", action: { href: "/app/live", label: "Browse classes" } }));
    return;
  }
  next();
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * On this machine the app answers at localhost and at 127.0.0.1 alike, but the sign-in
 * cookies and the provider's return address belong to APP_URL's name only: signing in
 * under the other name ends in a misleading "link has expired". Pages opened under the
 * other loopback name are sent to APP_URL's. Only between loopback names: behind a proxy
 * the Host header may name the upstream, and sending that elsewhere could loop.
 */
function sameLoopbackName(appUrl: string) {
  const app = new URL(appUrl);
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers.host;
    if ((req.method !== "GET" && req.method !== "HEAD") || !host || host === app.host || !LOOPBACK_NAMES.has(app.hostname)) return next();
    // readableAddress, just before, has answered any Host header that names no host.
    const asked = new URL(`http://${host}`);
    if (!LOOPBACK_NAMES.has(asked.hostname) || asked.port !== app.port) return next();
    res.redirect(302, `${app.origin}${req.originalUrl}`);
  };
}

/**
 * @remix-run/express's handler, except that the body Remix reads is the one readWebBody
 * already read (and bounded), not the socket.
 */
function remixHandler(build: ServerBuild, loadContext: (req: Request, res: Response) => Promise<unknown>) {
  // The mode @remix-run/express's handler used (it decides how much of an error a page shows).
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const fromSocket = createRemixRequest(req, res);
      const body = webBodyOf(req);
      const request = body
        ? new globalThis.Request(fromSocket.url, { method: fromSocket.method, headers: fromSocket.headers, signal: fromSocket.signal, body: Uint8Array.from(body) })
        : fromSocket;
      await sendRemixResponse(res, await handle(request, (await loadContext(req, res)) as never));
    } catch (error) {
      next(error);
    }
  };
}

export const requestIdOf = (req: Request): string => String((req as { id?: unknown }).id ?? randomUUID());
