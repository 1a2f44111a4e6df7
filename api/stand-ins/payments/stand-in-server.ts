/**
 * The HTTP plumbing both payment-gateway stand-ins share: a loopback server with the
 * gateway's REST routes under `/v1`, a control API under `/_stand-in`, fault injection on
 * the REST routes, and a request log. Each stand-in supplies its routes, its credential
 * check and its gateway-shaped error bodies.
 *
 * Route matching and the fault registry are the 100ms emulator's (generic code): a fault
 * is addressed by `METHOD /pattern` relative to `/v1`, e.g. `GET /payment_intents/:intent`,
 * or `*` for every REST route; unknown keys are refused.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { closeNow, listenOnLoopback } from "../loopback-server.js";
import { type RequestRecord, RequestLog } from "../request-log.js";
import { type ActiveFault, applyFault, cancellableSleeps, FaultRegistry, type FaultSpec } from "../faults.js";
import { matchRoute, type Route, routeKey } from "../router.js";
import { refuseInProduction } from "../production-guard.js";
import { readBody } from "../read-body.js";

export type { Route };

export interface StandInLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Thrown by routes: answered with this status and body (already shaped like the gateway's). */
export class StandInHttpError extends Error {
  override readonly name = "StandInHttpError";
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * Thrown by a route that has done its work but must not answer: the connection is cut, as
 * when the network drops a gateway's answer. The caller cannot know what happened, which is
 * what idempotency keys are for.
 */
export class DropAnswer extends Error {
  override readonly name = "DropAnswer";
}

/**
 * "Lose the next answer" for one kind of call (the refunds): `dropNext()` arms it (tests, or
 * the control route it makes), and `answer(value)` hands back the call's answer, or throws
 * DropAnswer when armed, after the work is done.
 */
export function droppedAnswers(what: string) {
  let pending = 0;
  return {
    dropNext(): void {
      pending++;
    },
    answer<T>(value: T): T {
      if (pending === 0) return value;
      pending--;
      throw new DropAnswer(`${what} made, answer dropped`);
    },
    /** `POST <pattern>`: the control API's way to arm it. */
    controlRoute(pattern: string): Route {
      return {
        method: "POST",
        pattern,
        handler: () => {
          pending++;
          return { message: `the next ${what} will be made and its answer dropped` };
        },
      };
    },
  };
}

export interface StandInServerOptions {
  /** For the production guard and the startup line: "Stripe", "Razorpay". */
  gateway: string;
  api: Route[];
  /** The control routes; they get the fault registry and the request log to expose. */
  control(faults: FaultRegistry, requests: () => RequestRecord[]): Route[];
  /** Throws StandInHttpError(401, …) when the REST call's credentials are not the stand-in's. */
  authenticate(headers: IncomingHttpHeaders): void;
  /** The gateway's body for an injected (or internal) server error. */
  serverErrorBody(status: number, message: string): unknown;
  /** The gateway's body for an unknown REST route. */
  notFoundBody(method: string, path: string): unknown;
  /** Headers every REST answer carries (Stripe's `request-id`). */
  headers?(): Record<string, string>;
  port?: number;
  logger: StandInLogger;
  /** Extra fields for the startup line (keys to use, control URL is added). */
  announce: Record<string, unknown>;
}

export interface StandInServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  failNext(route: string, fault?: FaultSpec): void;
  setFault(route: string, fault: FaultSpec): void;
  clearFaults(): void;
  faults(): ActiveFault[];
  requests(): RequestRecord[];
  close(): Promise<void>;
}

export async function startStandInServer(opts: StandInServerOptions): Promise<StandInServer> {
  refuseInProduction(`Refusing to start the local ${opts.gateway} stand-in: NODE_ENV is "production". Production must verify payments with the real gateway (see docs/payments.md).`);
  const faults = new FaultRegistry(new Set(opts.api.map(routeKey)));
  const requestLog = new RequestLog();
  const control = opts.control(faults, () => requestLog.list());
  const { sleep, cancelAll: cancelSleeps } = cancellableSleeps();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const record = requestLog.start(method, url.pathname + url.search, new Date().toISOString());
    const isApi = url.pathname.startsWith("/v1/");
    const send = (status: number, body: unknown) => {
      record.status = status;
      const text = JSON.stringify(body);
      const extra = isApi && opts.headers ? opts.headers() : {};
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...extra });
      res.end(text);
    };
    try {
      const body = parseBody(await readBody(req, () => new StandInHttpError(413, { error: "request body too large" })), req.headers["content-type"]);
      const isControl = url.pathname.startsWith("/_stand-in/");
      const routes = isApi ? opts.api : isControl ? control : [];
      const relative = isApi ? url.pathname.slice("/v1".length) : url.pathname.slice("/_stand-in".length);
      const match = matchRoute(routes, method, relative);
      if (!match) throw new StandInHttpError(404, isApi ? opts.notFoundBody(method, url.pathname) : { error: `no control route ${method} ${url.pathname}` });
      if (isApi) {
        record.route = routeKey(match.route);
        const injected = (status: number, message: string) => new StandInHttpError(status, opts.serverErrorBody(status, message));
        if ((await applyFault(faults.take(record.route), record, sleep, injected)) === "hang") return;
        opts.authenticate(req.headers);
      }
      send(200, await match.route.handler({ params: match.params, query: url.searchParams, body, headers: req.headers, now: new Date() }));
    } catch (e) {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof DropAnswer) {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      if (e instanceof StandInHttpError) {
        send(e.status, e.body);
      } else {
        opts.logger.warn({ err: e instanceof Error ? e.message : String(e), path: record.path }, `local ${opts.gateway} stand-in: internal error`);
        send(500, opts.serverErrorBody(500, "internal stand-in error"));
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const { port, origin } = await listenOnLoopback(server, opts.port);
  opts.logger.info(
    { service: `${opts.gateway.toLowerCase()}-stand-in`, url: `${origin}/v1`, control: `${origin}/_stand-in`, ...opts.announce },
    `LOCAL ${opts.gateway} stand-in started: this is NOT ${opts.gateway} (in-memory test payments, no money moves)`,
  );

  let closed: Promise<void> | undefined;
  return {
    origin,
    port,
    failNext: (route, fault = {}) => void faults.add(route, fault, 1),
    setFault: (route, fault) => void faults.add(route, fault, Number.POSITIVE_INFINITY),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    requests: () => requestLog.list(),
    close() {
      cancelSleeps();
      closed ??= closeNow(server);
      return closed;
    },
  };
}

/** Stand-in ids look like the gateway's: a prefix and random letters and digits. */
export function gatewayId(prefix: string, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (const b of randomBytes(length)) out += alphabet[b % alphabet.length];
  return `${prefix}${out}`;
}

/** A fault body the control API accepts: `{route, status?, message?, delayMs?, hang?, times?}`. */
export function faultFromBody(body: unknown): { route: string; spec: FaultSpec } {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const int = (k: string) => (typeof b[k] === "number" && Number.isInteger(b[k]) ? (b[k] as number) : undefined);
  if (typeof b.route !== "string" || b.route === "") throw new StandInHttpError(400, { error: 'route is required, e.g. "GET /payments/:id" or "*"' });
  return {
    route: b.route,
    spec: {
      status: int("status"),
      message: typeof b.message === "string" ? b.message : undefined,
      delayMs: int("delayMs"),
      hang: b.hang === true ? true : undefined,
      times: int("times"),
    },
  };
}

/** The control routes both stand-ins share: health, faults, the request log. */
export function commonControlRoutes(gateway: string, faults: FaultRegistry, requests: () => RequestRecord[]): Route[] {
  return [
    { method: "GET", pattern: "/health", handler: () => ({ ok: true, service: `local ${gateway} stand-in (not ${gateway})` }) },
    { method: "GET", pattern: "/faults", handler: () => ({ data: faults.list() }) },
    {
      method: "POST",
      pattern: "/faults",
      handler: (c) => {
        const { route, spec } = faultFromBody(c.body);
        try {
          return faults.add(route, spec, 1);
        } catch (e) {
          throw new StandInHttpError(400, { error: e instanceof Error ? e.message : String(e) });
        }
      },
    },
    {
      method: "DELETE",
      pattern: "/faults",
      handler: () => {
        faults.clear();
        return { message: "faults cleared" };
      },
    },
    { method: "GET", pattern: "/requests", handler: () => ({ data: requests() }) },
  ];
}

/**
 * JSON (Razorpay, the control APIs) or form encoding (Stripe: `metadata[key]=v`,
 * `automatic_payment_methods[enabled]=true`, one level of brackets is all we need).
 */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === "") return undefined;
  if (contentType?.startsWith("application/x-www-form-urlencoded")) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      const nested = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
      if (nested) {
        const parent = (out[nested[1]!] ??= {}) as Record<string, unknown>;
        parent[nested[2]!] = value;
      } else {
        out[key] = value;
      }
    }
    return out;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new StandInHttpError(400, { error: "invalid JSON body" });
  }
}
