/**
 * Security headers (helmet). Pages get a Content-Security-Policy the web app actually
 * works with: its inline scripts (Remix's hydration context, scroll restoration, streamed
 * data) carry a fresh nonce per response (web/entry.server.tsx hands it to React), module
 * scripts come from our own origin, and the 100ms room SDK may reach 100ms over HTTPS and
 * WebSockets and play media from blob: URLs. The JSON APIs get a policy that allows nothing.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

export interface PageSecurityOptions {
  /** Served over HTTPS (production): HSTS, and plain-HTTP subresources are upgraded. */
  secure: boolean;
  /**
   * Origins a form may post to or be redirected to besides our own and any HTTPS origin:
   * the local stand-ins' sign-out and recording pages, which live on plain-HTTP loopback ports.
   */
  formActionOrigins?: string[];
  /**
   * More sources for a third party a page embeds, e.g. a payment gateway's browser checkout
   * (Stripe.js documents script-src and frame-src https://js.stripe.com, connect-src
   * https://api.stripe.com). Add them here, per directive, rather than loosening the defaults.
   */
  extraSources?: Partial<Record<"scriptSrc" | "frameSrc" | "connectSrc" | "imgSrc" | "styleSrc", string[]>>;
  /**
   * Where the video SDK may connect instead of 100ms's hosts: the local media plane, when
   * the app runs on it. Then nothing of the room leaves the machine, not even the SDK's
   * failure reports to 100ms (which carry the join token).
   */
  videoConnectSrc?: string[];
}

type ExtraSources = NonNullable<PageSecurityOptions["extraSources"]>;

/** Stripe.js and its Payment Element, as Stripe's security guide lists them. */
export const STRIPE_CHECKOUT_SOURCES: ExtraSources = {
  scriptSrc: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frameSrc: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connectSrc: ["https://api.stripe.com"],
};

/** Razorpay's Standard Checkout: its script, and the checkout frame it opens from api.razorpay.com. */
export const RAZORPAY_CHECKOUT_SOURCES: ExtraSources = {
  scriptSrc: ["https://checkout.razorpay.com"],
  frameSrc: ["https://api.razorpay.com", "https://checkout.razorpay.com"],
  connectSrc: ["https://api.razorpay.com", "https://lumberjack.razorpay.com"],
};

export function mergeSources(...all: ExtraSources[]): ExtraSources {
  const merged: Record<string, string[]> = {};
  for (const sources of all) for (const [directive, values] of Object.entries(sources)) merged[directive] = [...(merged[directive] ?? []), ...values];
  return merged;
}

/** Where 100ms's browser SDK connects: init, signalling (wss), events, diagnostics. */
const HMS_CONNECT = ["https://*.100ms.live", "wss://*.100ms.live"];

/** The nonce this response's inline scripts carry. */
export function cspNonceOf(res: ServerResponse): string {
  return String((res as ServerResponse & { locals?: { cspNonce?: string } }).locals?.cspNonce ?? "");
}

export function pageSecurityHeaders(opts: PageSecurityOptions): RequestHandler[] {
  const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${cspNonceOf(res)}'`;
  const extra = opts.extraSources ?? {};
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'", nonce, ...(extra.scriptSrc ?? [])],
          scriptSrcAttr: ["'none'"],
          // React's style attributes; no script can come through a style.
          styleSrc: ["'self'", "'unsafe-inline'", ...(extra.styleSrc ?? [])],
          // Session thumbnails and avatars are any HTTPS image (Auth0's, Gravatar's, a studio's).
          imgSrc: ["'self'", "data:", "blob:", "https:", ...(opts.secure ? [] : ["http:"]), ...(extra.imgSrc ?? [])],
          fontSrc: ["'self'", "data:"],
          mediaSrc: ["'self'", "blob:", "https://*.100ms.live", "https://100ms.live"],
          connectSrc: ["'self'", ...(opts.videoConnectSrc ?? HMS_CONNECT), ...(extra.connectSrc ?? [])],
          frameSrc: ["'self'", ...(extra.frameSrc ?? [])],
          // The SDK runs its audio and video helpers in workers built from blobs.
          workerSrc: ["'self'", "blob:"],
          frameAncestors: ["'none'"],
          // Sign-out redirects to the identity provider, "watch" to the recording's signed link.
          formAction: ["'self'", "https:", ...(opts.formActionOrigins ?? [])],
          upgradeInsecureRequests: opts.secure ? [] : null,
        },
      },
      strictTransportSecurity: opts.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      // Links to 100ms and the identity provider need no more than our origin.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
    (_req, res, next) => {
      // The room pages use the camera and microphone; nothing here needs anything else.
      res.setHeader("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(self)");
      next();
    },
  ];
}

/** JSON answers: nothing to run, frame or sniff. */
export function apiSecurityHeaders(opts: Pick<PageSecurityOptions, "secure">): RequestHandler {
  const headers = headersSetBy(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: opts.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  // The same for every answer, so helmet works them out once; running its dozen middlewares
  // on every API call cost about as much as answering a small JSON request.
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** The headers a request-independent middleware sets, found by running it once on a blank response. */
function headersSetBy(middleware: RequestHandler): [string, string][] {
  const headers = new Map<string, string>();
  const blank = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let finished = false;
  middleware({} as never, blank as never, () => {
    finished = true;
  });
  if (!finished) throw new Error("the security headers middleware did not finish synchronously");
  return [...headers];
}
