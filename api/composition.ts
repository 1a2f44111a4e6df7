/**
 * The composition root: the one place that reads the settings and chooses, for each
 * port, the real service or its local stand-in. Nothing else in the code base knows
 * which one it is talking to.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { join } from "node:path";
import type { ApolloServer } from "@apollo/server";
import express from "express";
import type { Logger } from "pino";
import { createBearerVerifier } from "./auth/bearer.js";
import { createOidcClient, type OidcClient } from "./auth/oidc-client.js";
import { createWebAuth, type WebAuth } from "./auth/web-auth.js";
import type { Env } from "./config/env.js";
import { openDatabase, type OpenDatabase } from "./db/client.js";
import { databaseTarget } from "./db/database-target.js";
import { startWebhookEventPurge } from "./domain/attendance/webhook-event-retention.js";
import type { ServiceDeps } from "./domain/deps.js";
import { systemClock, type Clock, type VideoProvider } from "./domain/ports.js";
import { startAddressWindowPurge, type AddressRateLimitPolicy } from "./domain/rate-limits/address-limits.js";
import { startIdempotencyKeyPurge } from "./domain/idempotency/idempotent-requests.js";
import type { RateLimitPolicy } from "./domain/rate-limits/rate-limits.js";
import { scopeOpener, type OpenScope } from "./domain/request-scope.js";
import { createServices, type Services } from "./domain/services.js";
import { startRoomCleanupSweeper } from "./domain/sessions/room-cleanup.js";
import { startSessionLimitSweeper } from "./domain/sessions/session-limit.js";
import { startNotStartedSweeper } from "./domain/sessions/not-started.js";
import { startRefundWorker } from "./domain/payments/refunds.js";
import { startWebhookDeliveryWorker } from "./domain/webhooks-out/delivery-worker.js";
import { startOutboundEventPurge } from "./domain/webhooks-out/retention.js";
import { startNotificationJobPurge } from "./domain/notifications/retention.js";
import { createHttpWebhookTransport } from "./outbound-webhooks/http-transport.js";
import { startWaitlistSweeper } from "./domain/sessions/waitlist-service.js";
import type { NotificationSetup } from "./domain/notifications/notification-setup.js";
import { startNotificationWorker } from "./domain/notifications/notification-worker.js";
import { startReminderSweeper } from "./domain/notifications/reminders.js";
import type { Mailer } from "./domain/ports.js";
import { createSmtpMailer } from "./mail/smtp-mailer.js";
import { joinPageUrl, sessionPageUrl, settingsPageUrl, unsubscribeUrl, webhookEndpointPageUrl } from "./web-links.js";
import type { SignInSessionPolicy } from "./domain/sign-in/session-policy.js";
import { createTokenSealer } from "./domain/sign-in/session-secrets.js";
import { startSignInSessionPurge } from "./domain/sign-in/sign-in-sessions.js";
import type { GraphQLContext } from "./graphql/context.js";
import { createGraphQLSchema, createGraphQLServer } from "./graphql/server.js";
import { serveGraphQLWebSocket } from "./http/graphql-ws.js";
import { startSessionFeed } from "./domain/live-updates/session-feed.js";
import { createApp } from "./http/app.js";
import { answerUnparsableRequests } from "./http/client-errors.js";
import { mergeSources, RAZORPAY_CHECKOUT_SOURCES, STRIPE_CHECKOUT_SOURCES, type PageSecurityOptions } from "./http/security-headers.js";
import { bearerIdentitySource, createViewerLookup } from "./http/viewer.js";
import { webRequestContext, type WebContext } from "./http/web-context.js";
import { createWebRouter, loadWebBuild, requestIdOf } from "./http/web.js";
import { composePayments } from "./payments/compose-payments.js";
import { createHmsVideoProvider } from "./video/hms-video-provider.js";
import { createHmsWebhookRouter } from "./webhooks/hms-webhook-router.js";
// The local stand-ins: chosen here only, when no real service is configured (docs/stand-ins.md).
// Their types only: the modules are loaded with import() where one is chosen, so production
// (which never chooses one) does not load the OIDC provider, the emulator, werift or the SMTP server.
import type { LocalIssuer } from "./stand-ins/auth0/local-issuer.js";
import type { LocalOidcProvider } from "./stand-ins/auth0/local-oidc-provider.js";
import type { HmsEmulator } from "./stand-ins/hms-emulator/index.js";
import type { HmsMediaPlane } from "./stand-ins/hms-media-plane/index.js";
import type { PaymentStandIns } from "./stand-ins/payments/index.js";
import type { LocalSmtpServer } from "./stand-ins/smtp/local-smtp-server.js";

export interface Composition {
  app: express.Express;
  services: Services;
  /** Every face's one door into the domain per request (api/domain/request-scope.ts). */
  openScope: OpenScope;
  deps: ServiceDeps;
  database: OpenDatabase;
  graphql: ApolloServer<GraphQLContext>;
  webAuth: WebAuth;
  /** Present when the local stand-ins run (tests drive them). */
  emulator?: HmsEmulator;
  /** The emulator's realtime side (init, signalling, werift SFU) that the room pages' SDK joins; runs with the emulator. */
  mediaPlane?: HmsMediaPlane;
  localIssuer?: LocalIssuer;
  /** The local OpenID Connect provider web sign-in uses when Auth0 is not configured (tests remove roles on it). */
  localOidc?: LocalOidcProvider;
  /** Present when the local Stripe and Razorpay stand-ins run (tests create payments on them). */
  paymentStandIns?: PaymentStandIns;
  /** Present when no SMTP_URL is set: the local SMTP server that keeps the app's mail (tests read it). */
  localSmtp?: LocalSmtpServer;
  /** Call once the HTTP server listens: requests Node cannot parse get a JSON answer, and the local emulator sends its webhooks there. */
  listening(server: Server): void;
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger: Logger;
  clock?: Clock;
  /** Tests pass a database they opened (and truncate) themselves. */
  database?: OpenDatabase;
  /** Run the room clean-up sweeper on an interval (the server does; tests sweep by hand). */
  sweeper?: boolean;
  /** Serve the built web app (the server does; API tests do not need a build). */
  web?: boolean;
}

export async function compose(env: Env, options: ComposeOptions): Promise<Composition> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const closers: (() => Promise<void>)[] = [];
  try {
    const database = options.database ?? (await openOwnDatabase(env, logger, closers));

    const { video, emulator, mediaPlane, webhookSecret } = await videoProvider(env, logger, closers);
    const { verifier, localIssuer } = await identity(env, logger, closers);
    const payments = await composePayments(env, logger, closers);
    // A random secret outside production: sessions cannot renew (and so end) when the process restarts.
    const sessionSecret = env.SESSION_SECRET ?? randomBytes(32).toString("hex");
    const { oidc, localOidc } = await webSignIn(env, logger, closers);
    const { mailer, localSmtp } = await mailServer(env, logger, closers);

    const deps: ServiceDeps = { db: database.db, clock, video, logger, recordingMode: env.HMS_RECORDING, payments: payments.setup, rateLimits: rateLimitPolicy(env), addressRateLimits: addressRateLimitPolicy(env), signIn: { policy: signInSessionPolicy(env), sealer: createTokenSealer(sessionSecret), renewer: oidc }, refunds: { maxAttempts: env.REFUND_MAX_ATTEMPTS, retryBaseMs: env.REFUND_RETRY_BASE_MS }, booking: { cancellationCutoffMinutes: env.CANCELLATION_CUTOFF_MINUTES, waitlistHoldMinutes: env.WAITLIST_HOLD_MINUTES }, notifications: notificationSetup(env, mailer, sessionSecret), webhooksOut: { transport: createHttpWebhookTransport(), production: env.NODE_ENV === "production", retryBaseMs: env.WEBHOOK_RETRY_BASE_MS } };
    // Live subscriptions hear every instance's changes through the database (LISTEN/NOTIFY).
    deps.sessionFeed = await startSessionFeed(database.listen, logger);
    const sessionFeed = deps.sessionFeed;
    closers.push(() => sessionFeed.close());
    const services = createServices(deps);
    const openScope = scopeOpener(deps, services);
    // Behind a proxy that is not trusted, every client shares the proxy's address (and its limit).
    logger.info({ anonymousPerMinute: env.RATE_LIMIT_ANONYMOUS, signInPerMinute: env.RATE_LIMIT_SIGN_IN, trustProxy: env.TRUST_PROXY }, "per-address rate limits");
    if (options.sweeper) closers.push(startRoomCleanupSweeper(deps, env.ROOM_CLEANUP_INTERVAL_MS));
    if (options.sweeper) closers.push(startSessionLimitSweeper(deps, env.SESSION_LIMIT_INTERVAL_MS), startWebhookEventPurge(deps), startSignInSessionPurge(deps), startAddressWindowPurge(deps), startIdempotencyKeyPurge(deps));
    if (options.sweeper) closers.push(startRefundWorker(deps, env.REFUND_INTERVAL_MS), startNotStartedSweeper(deps, env.NOT_STARTED_INTERVAL_MS), startWaitlistSweeper(deps, env.WAITLIST_SWEEP_INTERVAL_MS));
    if (options.sweeper) closers.push(startNotificationWorker(deps, env.NOTIFICATION_INTERVAL_MS), startReminderSweeper(deps, env.REMINDER_SWEEP_INTERVAL_MS), startNotificationJobPurge(deps));
    if (options.sweeper) closers.push(startWebhookDeliveryWorker(deps, env.WEBHOOK_INTERVAL_MS), startOutboundEventPurge(deps));

    if (database.target !== "postgres" && env.DEMO_DATA && !options.database) {
      const { seedDemoData } = await import("./stand-ins/demo/seed-demo-data.js");
      await seedDemoData(deps, services, logger);
    }

    const schema = createGraphQLSchema(env.APP_URL);
    const graphql = createGraphQLServer({ logger, production: env.NODE_ENV === "production", introspection: env.graphqlIntrospection, appUrl: env.APP_URL, schema });
    await graphql.start();
    closers.push(() => graphql.stop());

    const webAuth = createWebAuth({
      oidc,
      sessions: services,
      appUrl: env.APP_URL,
      sessionSecret,
      secureCookies: env.NODE_ENV === "production",
      sessionMaxAgeSeconds: env.SESSION_MAX_AGE_HOURS * 3600,
    });
    const viewerOf = createViewerLookup(
      [bearerIdentitySource(verifier), (headers) => webAuth.identityFromCookie(headers.cookie)],
      services,
    );
    const devRoom = emulator ? (await import("./stand-ins/demo/dev-room.js")).createDevRoom(emulator, database.db) : undefined;
    // Loaded now: `listening` below is synchronous.
    const emulatorWebhooks = emulator && webhookSecret ? { ...(await import("./stand-ins/hms-emulator/app-webhook.js")), ...(await import("./stand-ins/loopback-server.js")) } : undefined;
    const web = options.web
      ? createWebRouter(await loadWebBuild(), async (req): Promise<WebContext> => {
          return {
            ...webRequestContext({ graphql, openScope }, await viewerOf(req.headers), requestIdOf(req)),
            auth: webAuth,
            localStandIns: !env.webSignIn,
            graphqlExplorer: env.NODE_ENV !== "production",
            devRoom,
            videoInitEndpoint: mediaPlane?.initEndpoint,
            localPayments: payments.local,
          };
        }, pageSecurity(env, webAuth, emulator, mediaPlane), { appUrl: env.APP_URL })
      : undefined;

    const app = createApp({
      logger,
      services,
      openScope,
      graphql,
      appUrl: env.APP_URL,
      viewerOf,
      web,
      ping: async () => {
        await database.query("select 1");
      },
      localRoutes: await localHelperRoutes(localIssuer, localSmtp),
      hmsWebhooks: createHmsWebhookRouter({ services, logger, secret: webhookSecret }),
      trustProxy: env.TRUST_PROXY,
      corsOrigins: env.CORS_ORIGINS,
    });

    return {
      app,
      graphql,
      webAuth,
      services,
      openScope,
      deps,
      database,
      emulator,
      mediaPlane,
      localIssuer,
      localOidc,
      paymentStandIns: payments.standIns,
      localSmtp,
      listening: (server) => {
        answerUnparsableRequests(server);
        closers.push(serveGraphQLWebSocket(server, { schema, openScope, viewerOf: (headers) => viewerOf(headers), appUrl: env.APP_URL, production: env.NODE_ENV === "production", logger }));
        if (emulator && webhookSecret && emulatorWebhooks) emulatorWebhooks.pointEmulatorAt(emulator, emulatorWebhooks.loopbackUrl(server), webhookSecret);
      },
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** HTTPS pages get HSTS; forms may also go to the local stand-ins' pages (sign-out, recordings). */
function pageSecurity(env: Env, webAuth: WebAuth, emulator: HmsEmulator | undefined, mediaPlane: HmsMediaPlane | undefined): PageSecurityOptions {
  const local = [webAuth.issuer, emulator?.url].filter((u): u is string => u !== undefined).map((u) => new URL(u).origin);
  return {
    secure: new URL(env.APP_URL).protocol === "https:",
    formActionOrigins: local.filter((o) => o.startsWith("http:")),
    // The browser checkout loads the configured gateways' own scripts and frames.
    extraSources: mergeSources(env.payments.stripe ? STRIPE_CHECKOUT_SOURCES : {}, env.payments.razorpay ? RAZORPAY_CHECKOUT_SOURCES : {}),
    // The room pages' SDK fetches init from the local media plane and opens its socket there, and nowhere else.
    videoConnectSrc: mediaPlane ? [mediaPlane.origin, mediaPlane.origin.replace(/^http/, "ws")] : undefined,
  };
}

function addressRateLimitPolicy(env: Env): AddressRateLimitPolicy {
  return { anonymous: { max: env.RATE_LIMIT_ANONYMOUS, windowMs: 60_000 }, signIn: { max: env.RATE_LIMIT_SIGN_IN, windowMs: 60_000 } };
}

function rateLimitPolicy(env: Env): RateLimitPolicy {
  const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return {
    createSession: { max: env.RATE_LIMIT_CREATE_SESSION, windowMs },
    enroll: { max: env.RATE_LIMIT_ENROLL, windowMs },
    joinToken: { max: env.RATE_LIMIT_JOIN_TOKEN, windowMs },
  };
}

function signInSessionPolicy(env: Env): SignInSessionPolicy {
  const minute = 60_000;
  return {
    maxAgeMs: env.SESSION_MAX_AGE_HOURS * 60 * minute,
    idleMs: env.SESSION_IDLE_MINUTES * minute,
    refreshEveryMs: env.SESSION_REFRESH_MINUTES * minute,
    refreshGraceMs: env.SESSION_REFRESH_GRACE_MINUTES * minute,
  };
}

/** Sign-in for the web app: Auth0, or the local OpenID Connect provider with demo accounts. */
async function webSignIn(
  env: Env,
  logger: Logger,
  closers: (() => Promise<void>)[],
): Promise<{ oidc: OidcClient; localOidc?: LocalOidcProvider }> {
  const common = { appUrl: env.APP_URL, rolesClaim: env.AUTH0_ROLES_CLAIM, secureCookies: env.NODE_ENV === "production" };
  if (env.webSignIn) {
    logger.info({ issuer: env.webSignIn.issuer }, "web sign-in: Auth0");
    return { oidc: createOidcClient({ ...common, ...env.webSignIn }) };
  }
  const { startLocalOidcProvider } = await import("./stand-ins/auth0/local-oidc-provider.js");
  const provider = await startLocalOidcProvider({
    redirectUri: `${env.APP_URL}/auth/callback`,
    postLogoutRedirectUri: `${env.APP_URL}/app/live`,
    rolesClaim: env.AUTH0_ROLES_CLAIM,
    logger: logger.child({ component: "local-oidc" }),
  });
  closers.push(() => provider.close());
  return {
    oidc: createOidcClient({ ...common, issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret }),
    localOidc: provider,
  };
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
): Promise<{ video: VideoProvider; emulator?: HmsEmulator; mediaPlane?: HmsMediaPlane; webhookSecret?: string }> {
  if (env.hms) {
    logger.info({ baseUrl: env.hms.baseUrl, recording: env.HMS_RECORDING }, "video: 100ms");
    if (!env.HMS_WEBHOOK_SECRET) logger.warn("HMS_WEBHOOK_SECRET is not set: every 100ms webhook will be refused (no attendance, no recordings)");
    return { video: createHmsVideoProvider(env.hms), webhookSecret: env.HMS_WEBHOOK_SECRET };
  }
  // Fresh credentials each start: the emulator only has to agree with our own adapter.
  const credentials = {
    accessKey: `local-${randomBytes(6).toString("hex")}`,
    secret: randomBytes(32).toString("hex"),
    templateId: randomBytes(12).toString("hex"),
  };
  const { startHmsEmulator } = await import("./stand-ins/hms-emulator/index.js");
  const { startHmsMediaPlane } = await import("./stand-ins/hms-media-plane/index.js");
  const emulator = await startHmsEmulator({
    ...credentials,
    // In template mode the emulated template records every session, as ours on 100ms does.
    autoRecord: env.HMS_RECORDING === "template",
    logger: logger.child({ component: "hms-emulator" }),
  });
  closers.push(() => emulator.close());
  // With the emulator only: real 100ms credentials never reach this branch.
  const mediaPlane = await startHmsMediaPlane({ emulator, logger: logger.child({ component: "hms-media-plane" }) });
  closers.push(() => mediaPlane.close());
  return {
    video: createHmsVideoProvider({ ...credentials, baseUrl: emulator.url, timeoutMs: env.HMS_TIMEOUT_MS }),
    emulator,
    mediaPlane,
    webhookSecret: env.HMS_WEBHOOK_SECRET ?? randomBytes(24).toString("hex"),
  };
}

async function identity(env: Env, logger: Logger, closers: (() => Promise<void>)[]) {
  if (env.auth0) {
    logger.info({ issuer: env.auth0.issuer, audience: env.auth0.audience }, "identity: Auth0");
    return { verifier: createBearerVerifier(env.auth0), localIssuer: undefined };
  }
  const { startLocalIssuer } = await import("./stand-ins/auth0/local-issuer.js");
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

/** The mail server: SMTP_URL's, or the local SMTP server that keeps every message for /_local/mail. */
async function mailServer(env: Env, logger: Logger, closers: (() => Promise<void>)[]): Promise<{ mailer: Mailer; localSmtp?: LocalSmtpServer }> {
  const options = { timeoutMs: env.SMTP_TIMEOUT_MS, requireTls: env.NODE_ENV === "production" };
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    logger.info({ host: url.hostname, port: url.port || undefined, from: env.MAIL_FROM }, "email: SMTP");
    const mailer = createSmtpMailer({ ...options, url: env.SMTP_URL });
    closers.push(async () => mailer.close());
    return { mailer };
  }
  const { startLocalSmtpServer } = await import("./stand-ins/smtp/local-smtp-server.js");
  const localSmtp = await startLocalSmtpServer({ port: env.LOCAL_SMTP_PORT, logger: logger.child({ component: "local-smtp" }) });
  closers.push(() => localSmtp.close());
  const mailer = createSmtpMailer({ ...options, url: localSmtp.url });
  closers.push(async () => mailer.close());
  return { mailer, localSmtp };
}

function notificationSetup(env: Env, mailer: Mailer, sessionSecret: string): NotificationSetup {
  const appUrl = env.APP_URL;
  return {
    mailer,
    from: env.MAIL_FROM,
    links: {
      session: (id) => sessionPageUrl(appUrl, id),
      join: (id) => joinPageUrl(appUrl, id),
      unsubscribe: (token) => unsubscribeUrl(appUrl, token),
      settings: () => settingsPageUrl(appUrl),
      webhookEndpoint: (id) => webhookEndpointPageUrl(appUrl, id),
    },
    // Its own key, derived from the session secret: every instance sharing SESSION_SECRET accepts the same links.
    signingKey: createHmac("sha256", sessionSecret).update("unsubscribe-links").digest("hex"),
    policy: { maxAttempts: env.NOTIFICATION_MAX_ATTEMPTS, retryBaseMs: env.NOTIFICATION_RETRY_BASE_MS },
  };
}

/** `/_local/*`: the helpers of whichever local stand-ins run (loopback only, api/http/loopback-only.ts). */
async function localHelperRoutes(issuer: LocalIssuer | undefined, smtp: LocalSmtpServer | undefined): Promise<express.Router | undefined> {
  if (!issuer && !smtp) return undefined;
  const router = express.Router();
  if (issuer) router.use(localIssuerRoutes(issuer, await import("./stand-ins/auth0/demo-users.js")));
  if (smtp) router.use((await import("./stand-ins/smtp/inbox-routes.js")).localInboxRoutes(smtp));
  return router;
}

/**
 * `GET /_local/token?user=deepak`: an access token for a demo account, so the API can be
 * tried without Auth0. Exists only while the local issuer runs, which production forbids.
 */
function localIssuerRoutes(issuer: LocalIssuer, { DEMO_USERS, findDemoUser }: typeof import("./stand-ins/auth0/demo-users.js")): express.Router {
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
