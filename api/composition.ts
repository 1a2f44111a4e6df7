/**
 * The composition root: the one place that reads the settings and chooses, for each
 * port, the real service or its local stand-in. Nothing else in the code base knows
 * which one it is talking to.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import express from "express";
import type { Logger } from "pino";
import { createBearerVerifier } from "./auth/bearer.js";
import { findDemoUser, DEMO_USERS } from "./auth/demo-users.js";
import { startLocalIssuer, type LocalIssuer } from "./auth/local-issuer.js";
import type { Env } from "./config/env.js";
import { openDatabase, type DatabaseTarget, type OpenDatabase } from "./db/client.js";
import type { ServiceDeps } from "./domain/deps.js";
import { systemClock, type Clock, type VideoProvider } from "./domain/ports.js";
import { createServices, type Services } from "./domain/services.js";
import { startRoomCleanupSweeper } from "./domain/sessions/room-cleanup.js";
import { createGraphQLServer } from "./graphql/server.js";
import { createApp } from "./http/app.js";
import { bearerIdentitySource, createViewerLookup } from "./http/viewer.js";
import { seedDemoData } from "./demo/seed-demo-data.js";
import { startHmsEmulator, type HmsEmulator } from "./video/hms-emulator/index.js";
import { createHmsVideoProvider } from "./video/hms-video-provider.js";

export function databaseTarget(env: Pick<Env, "DATABASE_URL" | "DATA_DIR">): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: join(env.DATA_DIR, "pglite") };
}

export interface Composition {
  app: express.Express;
  services: Services;
  deps: ServiceDeps;
  database: OpenDatabase;
  /** Present when the local stand-ins run (tests drive them). */
  emulator?: HmsEmulator;
  localIssuer?: LocalIssuer;
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger: Logger;
  clock?: Clock;
  /** Tests pass a database they opened (and truncate) themselves. */
  database?: OpenDatabase;
  /** Run the room clean-up sweeper on an interval (the server does; tests sweep by hand). */
  sweeper?: boolean;
}

export async function compose(env: Env, options: ComposeOptions): Promise<Composition> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const closers: (() => Promise<void>)[] = [];
  try {
    const database = options.database ?? (await openOwnDatabase(env, logger, closers));

    const { video, emulator } = await videoProvider(env, logger, closers);
    const { verifier, localIssuer } = await identity(env, logger, closers);

    const deps: ServiceDeps = { db: database.db, clock, video, appUrl: env.APP_URL, logger };
    const services = createServices(deps);
    if (options.sweeper) closers.push(startRoomCleanupSweeper(deps, env.ROOM_CLEANUP_INTERVAL_MS));

    if (database.target !== "postgres" && env.DEMO_DATA && !options.database) {
      await seedDemoData(deps, services, logger);
    }

    const graphql = createGraphQLServer({ logger, production: env.NODE_ENV === "production" });
    await graphql.start();
    closers.push(() => graphql.stop());

    const app = createApp({
      logger,
      db: database.db,
      services,
      graphql,
      appUrl: env.APP_URL,
      viewerOf: createViewerLookup([bearerIdentitySource(verifier)], services),
      ping: async () => {
        await database.query("select 1");
      },
      localRoutes: localIssuer ? localIssuerRoutes(localIssuer) : undefined,
    });

    return {
      app,
      services,
      deps,
      database,
      emulator,
      localIssuer,
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function openOwnDatabase(env: Env, logger: Logger, closers: (() => Promise<void>)[]): Promise<OpenDatabase> {
  const target = databaseTarget(env);
  if (target.kind !== "postgres") {
    logger.info({ dataDir: target.kind === "pglite" ? target.dataDir : "memory" }, "LOCAL STAND-IN: embedded PGlite database (set DATABASE_URL for PostgreSQL)");
  }
  const database = await openDatabase(target);
  closers.push(() => database.close());
  await database.migrate();
  return database;
}

async function videoProvider(
  env: Env,
  logger: Logger,
  closers: (() => Promise<void>)[],
): Promise<{ video: VideoProvider; emulator?: HmsEmulator }> {
  if (env.hms) {
    logger.info({ baseUrl: env.hms.baseUrl }, "video: 100ms");
    return { video: createHmsVideoProvider(env.hms) };
  }
  // Fresh credentials each start: the emulator only has to agree with our own adapter.
  const credentials = {
    accessKey: `local-${randomBytes(6).toString("hex")}`,
    secret: randomBytes(32).toString("hex"),
    templateId: randomBytes(12).toString("hex"),
  };
  const emulator = await startHmsEmulator({ ...credentials, logger: logger.child({ component: "hms-emulator" }) });
  closers.push(() => emulator.close());
  return {
    video: createHmsVideoProvider({ ...credentials, baseUrl: emulator.url, timeoutMs: env.HMS_TIMEOUT_MS }),
    emulator,
  };
}

async function identity(env: Env, logger: Logger, closers: (() => Promise<void>)[]) {
  if (env.auth0) {
    logger.info({ issuer: env.auth0.issuer, audience: env.auth0.audience }, "identity: Auth0");
    return { verifier: createBearerVerifier(env.auth0), localIssuer: undefined };
  }
  const localIssuer = await startLocalIssuer({
    rolesClaim: env.AUTH0_ROLES_CLAIM,
    keyFile: join(env.DATA_DIR, "local-issuer-key.json"),
    logger: logger.child({ component: "local-issuer" }),
  });
  closers.push(() => localIssuer.close());
  const verifier = createBearerVerifier({
    issuer: localIssuer.issuer,
    audience: localIssuer.audience,
    rolesClaim: localIssuer.rolesClaim,
  });
  return { verifier, localIssuer };
}

/**
 * `GET /_local/token?user=deepak`: an access token for a demo account, so the API can be
 * tried without Auth0. Exists only while the local issuer runs, which production forbids.
 */
function localIssuerRoutes(issuer: LocalIssuer): express.Router {
  const router = express.Router();
  router.get("/users", (_req, res) => {
    res.json(DEMO_USERS.map((u) => ({ key: u.key, name: u.name, roles: u.roles })));
  });
  router.get("/token", async (req, res) => {
    const key = typeof req.query.user === "string" ? req.query.user : "";
    const user = findDemoUser(key);
    if (!user) {
      res.status(400).json({ error: `Unknown demo user "${key}". Try one of: ${DEMO_USERS.map((u) => u.key).join(", ")}.` });
      return;
    }
    const token = await issuer.mintAccessToken({ sub: user.sub, name: user.name, email: user.email, picture: user.picture, roles: user.roles });
    res.json({ token, user: { key: user.key, name: user.name, roles: user.roles }, audience: issuer.audience });
  });
  return router;
}

async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.reverse()) {
    await close().catch(() => {});
  }
}
