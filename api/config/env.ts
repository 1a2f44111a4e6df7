/**
 * Every setting the service reads, validated once at boot. Nothing else reads
 * process.env (the local stand-ins check NODE_ENV themselves as a last guard).
 */
import { isIP } from "node:net";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Unset or `false`: nobody (the address is the socket's). A number: that many proxies in
 * front of the app. Otherwise a comma-separated list of proxy addresses or subnets (CIDR),
 * or Express's names loopback, linklocal, uniquelocal. `true` (believe anyone) is refused:
 * X-Forwarded-For is whatever the client wrote, and every per-address limit could be dodged.
 */
/**
 * CORS_ORIGINS: the browser apps on other sites that may call the API, as a comma-separated
 * list of origins (`https://partner.example`, scheme, host and port, no path). `*` is refused:
 * an integrator's origin is known, and naming it keeps the list reviewable.
 */
function corsOriginsSetting() {
  return optionalString.transform((v, ctx): string[] => {
    if (v === undefined) return [];
    const entries = v.split(",").map((e) => e.trim().replace(/\/+$/, "")).filter(Boolean);
    const bad = entries.filter((e) => !isOrigin(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `CORS_ORIGINS must list origins such as https://partner.example (scheme, host and optional port, no path or *), not ${bad.join(", ")}`,
      });
      return z.NEVER;
    }
    return entries;
  });
}

function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === entry;
  } catch {
    return false;
  }
}

function trustProxySetting() {
  return optionalString.transform((v, ctx): false | number | string[] => {
    if (v === undefined || v === "false") return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(",").map((e) => e.trim()).filter(Boolean);
    const bad = v === "true" ? ["true"] : entries.filter((e) => !isProxyEntry(e));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: "custom",
        message:
          v === "true"
            ? "TRUST_PROXY=true would believe the X-Forwarded-For any client writes (and let anyone dodge the per-address rate limits): give the number of proxies in front of the app, or their addresses or subnets"
            : `TRUST_PROXY must be false, a number of proxies, or a comma-separated list of addresses, CIDR subnets, loopback, linklocal, uniquelocal (not ${bad.join(", ") || "empty"})`,
      });
      return z.NEVER;
    }
    return entries;
  });
}

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Exported for the test that keeps .env.example and docs/configuration.md complete. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3111),
  // Unset: 127.0.0.1 outside production (a laptop's stand-ins are not for the network), 0.0.0.0 in production.
  HOST: optionalString,
  // The HTTP server's own limits (api/http/server-limits.ts): headers must arrive within
  // HEADERS_TIMEOUT_MS, the whole request within REQUEST_TIMEOUT_MS; idle keep-alive
  // connections close after KEEP_ALIVE_TIMEOUT_MS; at most MAX_CONNECTIONS are open at once.
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1_000),
  // After this many seconds without a request, a young-generation collection hands back the
  // memory the last burst left (api/http/idle-memory.ts; needs node --expose-gc). 0: never.
  IDLE_MEMORY_TRIM_SECONDS: z.coerce.number().int().min(0).max(3_600).default(10),
  APP_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default(".data"),
  DEMO_DATA: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),

  HMS_APP_ACCESS_KEY: optionalString,
  HMS_APP_SECRET: optionalString,
  HMS_TEMPLATE_ID: optionalString,
  HMS_API_BASE_URL: z.url().default("https://api.100ms.live/v2"),
  HMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // 100ms webhooks carry no signature, only the headers set in its dashboard (docs/100ms.md#delivery).
  HMS_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    error: "HMS_WEBHOOK_SECRET must be at least 16 characters",
  }),
  HMS_RECORDING: z.enum(["template", "api"]).default("template"),

  AUTH0_DOMAIN: optionalString,
  AUTH0_ISSUER_BASE_URL: z.url().optional(),
  AUTH0_AUDIENCE: optionalString,
  AUTH0_ROLES_CLAIM: z.string().default("https://live-sessions.app/roles"),
  AUTH0_CLIENT_ID: optionalString,
  AUTH0_CLIENT_SECRET: optionalString,
  SESSION_SECRET: z.string().min(32, { error: "SESSION_SECRET must be at least 32 characters" }).optional(),
  // Web sign-in sessions (api/domain/sign-in): absolute lifetime, idle limit, how often the
  // identity is renewed from the provider, and how long past a due renewal an unreachable provider is tolerated.
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(120),
  SESSION_REFRESH_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SESSION_REFRESH_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),

  ROOM_CLEANUP_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  SESSION_LIMIT_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  NOT_STARTED_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),

  // Booking and refund policy (api/domain/sessions/booking-policy.ts, api/domain/payments/refunds.ts).
  CANCELLATION_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(43_200).default(120),
  WAITLIST_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  WAITLIST_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  REFUND_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),
  REFUND_RETRY_BASE_MS: z.coerce.number().int().min(100).default(30_000),
  REFUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(100).default(1_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(100).default(5_000),

  // Per-user rate limits (api/domain/rate-limits): attempts per window, shared by all instances.
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  RATE_LIMIT_CREATE_SESSION: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_ENROLL: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_JOIN_TOKEN: z.coerce.number().int().min(1).default(120),
  // Per-address limits (api/domain/rate-limits/address-limits.ts), requests per minute: without
  // credentials, and to the sign-in routes (/auth/login, /auth/callback) with or without.
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(60),
  // Which proxies' X-Forwarded-For to believe for the client's address (Express's `trust proxy`).
  TRUST_PROXY: trustProxySetting(),
  // Browser apps on other sites allowed to call the API with a Bearer token (api/http/cors.ts); none when unset.
  CORS_ORIGINS: corsOriginsSetting(),

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  RAZORPAY_KEY_ID: optionalString,
  RAZORPAY_KEY_SECRET: optionalString,
  PAYMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  RAZORPAY_CURRENCIES: z.string().default("INR").transform((v) => v.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean)),
  // Unset: the local gateway stand-ins run when no gateway key is set, outside production.
  LOCAL_PAYMENTS: z.enum(["true", "false"]).optional(),
  // Email (api/mail, api/domain/notifications). Unset SMTP_URL outside production: a local SMTP
  // server keeps the messages in memory and /_local/mail lists them.
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v), {
    error: "SMTP_URL must look like smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465",
  }),
  MAIL_FROM: z.string().trim().min(3).default("Live Sessions <classes@localhost>"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The local SMTP server's port (0: any free one); only used while SMTP_URL is unset.
  LOCAL_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  NOTIFICATION_INTERVAL_MS: z.coerce.number().int().min(200).default(5_000),
  NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(100).default(30_000),
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  REMINDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),

  // Unset: the schema can be introspected outside production only (integrators read schema.graphql).
  GRAPHQL_INTROSPECTION: z.enum(["true", "false"]).optional(),
});

type RawEnv = z.infer<typeof envSchema>;

export interface Env extends Omit<RawEnv, "APP_URL"> {
  APP_URL: string;
  /** GRAPHQL_INTROSPECTION, or else: on outside production, off in it. */
  graphqlIntrospection: boolean;
  /** Real 100ms credentials, or undefined when the local emulator stands in. */
  hms?: { accessKey: string; secret: string; templateId: string; baseUrl: string; timeoutMs: number };
  /** Real Auth0 settings, or undefined when the local issuer stands in. */
  auth0?: { issuer: string; audience: string; rolesClaim: string };
  /** Web sign-in through Auth0 (the same tenant), or undefined when the local provider stands in. */
  webSignIn?: { issuer: string; clientId: string; clientSecret: string };
  /** Real gateways (each absent unless configured), or `local` when the stand-ins take both. */
  payments: {
    stripe?: { secretKey: string; publishableKey?: string };
    razorpay?: { keyId: string; keySecret: string };
    local: boolean;
    timeoutMs: number;
    razorpayCurrencies: string[];
  };
}

export class EnvError extends Error {
  override readonly name = "EnvError";
}

const HMS_VARS = ["HMS_APP_ACCESS_KEY", "HMS_APP_SECRET", "HMS_TEMPLATE_ID"] as const;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const problems: string[] = [];

  const hmsSet = HMS_VARS.filter((k) => raw[k] !== undefined);
  if (hmsSet.length > 0 && hmsSet.length < HMS_VARS.length) {
    const missing = HMS_VARS.filter((k) => raw[k] === undefined);
    problems.push(`100ms is partly configured: set ${missing.join(", ")} too (or none of ${HMS_VARS.join(", ")}).`);
  }
  const hms =
    hmsSet.length === HMS_VARS.length
      ? {
          accessKey: raw.HMS_APP_ACCESS_KEY!,
          secret: raw.HMS_APP_SECRET!,
          templateId: raw.HMS_TEMPLATE_ID!,
          baseUrl: raw.HMS_API_BASE_URL,
          timeoutMs: raw.HMS_TIMEOUT_MS,
        }
      : undefined;

  const issuer = raw.AUTH0_ISSUER_BASE_URL
    ? withTrailingSlash(raw.AUTH0_ISSUER_BASE_URL)
    : raw.AUTH0_DOMAIN
      ? `https://${raw.AUTH0_DOMAIN.replace(/^https?:\/\//, "").replace(/\/+$/, "")}/`
      : undefined;
  if ((issuer === undefined) !== (raw.AUTH0_AUDIENCE === undefined)) {
    problems.push(
      issuer === undefined
        ? "AUTH0_AUDIENCE is set but the tenant is not: set AUTH0_DOMAIN (or AUTH0_ISSUER_BASE_URL)."
        : "Auth0's tenant is set but AUTH0_AUDIENCE (your API's identifier) is not.",
    );
  }
  const auth0 =
    issuer && raw.AUTH0_AUDIENCE
      ? { issuer, audience: raw.AUTH0_AUDIENCE, rolesClaim: raw.AUTH0_ROLES_CLAIM }
      : undefined;

  if (raw.NODE_ENV === "production") {
    // Local stand-ins must be impossible to run by accident in production.
    const missing: string[] = [];
    if (!raw.DATABASE_URL) missing.push("DATABASE_URL");
    if (!hms) missing.push(...HMS_VARS.filter((k) => raw[k] === undefined));
    // Without it every webhook is refused and attendance and recordings never arrive.
    if (!raw.HMS_WEBHOOK_SECRET) missing.push("HMS_WEBHOOK_SECRET");
    if (!auth0) {
      if (!issuer) missing.push("AUTH0_DOMAIN (or AUTH0_ISSUER_BASE_URL)");
      if (!raw.AUTH0_AUDIENCE) missing.push("AUTH0_AUDIENCE");
    }
    if (!raw.AUTH0_CLIENT_ID || !raw.AUTH0_CLIENT_SECRET) {
      missing.push(...(["AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET"] as const).filter((k) => !raw[k]));
    }
    if (!raw.SESSION_SECRET) {
      missing.push("SESSION_SECRET");
    }
    if (!raw.APP_URL) missing.push("APP_URL");
    if (!raw.SMTP_URL) missing.push("SMTP_URL");
    if (!source.MAIL_FROM?.trim()) missing.push("MAIL_FROM");
    if (missing.length > 0) {
      problems.push(
        `NODE_ENV=production needs the real services; the local stand-ins never run in production. Missing: ${missing.join(", ")}.`,
      );
    }
    // Tokens, keys and the identity provider's keys travel on these: never in clear text.
    for (const name of ["AUTH0_ISSUER_BASE_URL", "HMS_API_BASE_URL"] as const) {
      const value = raw[name];
      if (value !== undefined && new URL(value).protocol !== "https:") {
        problems.push(`${name} must be an https:// URL in production (it is ${new URL(value).protocol}//…); credentials would cross the network in clear text.`);
      }
    }
  }
  if ((raw.AUTH0_CLIENT_ID === undefined) !== (raw.AUTH0_CLIENT_SECRET === undefined)) {
    problems.push("Web sign-in is partly configured: set both AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET.");
  } else if (raw.AUTH0_CLIENT_ID && !issuer) {
    problems.push("AUTH0_CLIENT_ID is set but the tenant is not: set AUTH0_DOMAIN (or AUTH0_ISSUER_BASE_URL).");
  }
  const webSignIn =
    issuer && raw.AUTH0_CLIENT_ID && raw.AUTH0_CLIENT_SECRET
      ? { issuer, clientId: raw.AUTH0_CLIENT_ID, clientSecret: raw.AUTH0_CLIENT_SECRET }
      : undefined;

  if ((raw.RAZORPAY_KEY_ID === undefined) !== (raw.RAZORPAY_KEY_SECRET === undefined)) {
    problems.push("Razorpay is partly configured: set both RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET.");
  }
  if (raw.STRIPE_PUBLISHABLE_KEY && !raw.STRIPE_SECRET_KEY) problems.push("STRIPE_PUBLISHABLE_KEY is set but STRIPE_SECRET_KEY is not.");
  const anyGatewayKey = Boolean(raw.STRIPE_SECRET_KEY || raw.RAZORPAY_KEY_ID || raw.RAZORPAY_KEY_SECRET);
  if (raw.LOCAL_PAYMENTS === "true" && (raw.NODE_ENV === "production" || anyGatewayKey)) {
    problems.push("LOCAL_PAYMENTS=true runs the local payment stand-ins, which never run in production or beside real gateway keys.");
  }
  const payments = {
    stripe: raw.STRIPE_SECRET_KEY ? { secretKey: raw.STRIPE_SECRET_KEY, publishableKey: raw.STRIPE_PUBLISHABLE_KEY } : undefined,
    razorpay: raw.RAZORPAY_KEY_ID && raw.RAZORPAY_KEY_SECRET ? { keyId: raw.RAZORPAY_KEY_ID, keySecret: raw.RAZORPAY_KEY_SECRET } : undefined,
    local: raw.NODE_ENV !== "production" && !anyGatewayKey && raw.LOCAL_PAYMENTS !== "false",
    timeoutMs: raw.PAYMENT_TIMEOUT_MS,
    razorpayCurrencies: raw.RAZORPAY_CURRENCIES,
  };

  if (raw.HEADERS_TIMEOUT_MS > raw.REQUEST_TIMEOUT_MS) {
    problems.push(`HEADERS_TIMEOUT_MS (${raw.HEADERS_TIMEOUT_MS}) must not exceed REQUEST_TIMEOUT_MS (${raw.REQUEST_TIMEOUT_MS}): the whole request includes its headers.`);
  }
  if (problems.length > 0) throw new EnvError(problems.join("\n"));

  return {
    ...raw,
    APP_URL: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    graphqlIntrospection: raw.GRAPHQL_INTROSPECTION === undefined ? raw.NODE_ENV !== "production" : raw.GRAPHQL_INTROSPECTION === "true",
    hms,
    auth0,
    webSignIn,
    payments,
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
