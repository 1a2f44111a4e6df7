/**
 * Serves the Remix web app (built by `remix vite:build` into build/) from the same
 * process as the API, with each request's load context: the viewer from the same lookup
 * as the API, and an in-process GraphQL client.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Request, type Router } from "express";
import { cspNonceOf, pageSecurityHeaders, type PageSecurityOptions } from "./security-headers.js";
import type { WebContext } from "./web-context.js";

const BUILD_DIR = fileURLToPath(new URL("../../build", import.meta.url));

export async function loadWebBuild(): Promise<ServerBuild> {
  const entry = `${BUILD_DIR}/server/index.js`;
  if (!existsSync(entry)) {
    throw new Error(`The web app is not built (${entry} is missing). Run \`npm run build\` (npm start does it for you).`);
  }
  return (await import(pathToFileURL(entry).href)) as ServerBuild;
}

export function createWebRouter(build: ServerBuild, contextFor: (req: Request) => Promise<WebContext>, security: PageSecurityOptions): Router {
  const router = express.Router();
  router.use(pageSecurityHeaders(security));
  // Fingerprinted assets never change; everything else in public may.
  router.use("/assets", express.static(`${BUILD_DIR}/client/assets`, { immutable: true, maxAge: "1y", index: false }));
  router.use(express.static(`${BUILD_DIR}/client`, { maxAge: "1h", index: false }));
  router.all(
    "*",
    createRequestHandler({
      build,
      // The nonce goes to web/entry.server.tsx, which puts it on the page's inline scripts.
      getLoadContext: async (req, res) => ({ ...(await contextFor(req)), cspNonce: cspNonceOf(res) }) as never,
    }),
  );
  return router;
}

export const requestIdOf = (req: Request): string => String((req as { id?: unknown }).id ?? randomUUID());
