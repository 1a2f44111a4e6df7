import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeNow, listenOnLoopback } from "../loopback-server.js";
import { apiRoutes } from "./api-routes.js";
import { controlRoutes } from "./control-routes.js";
import { badRequest, HmsApiError, notFound } from "./errors.js";
import { type RequestRecord, RequestLog } from "../request-log.js";
import { type ActiveFault, applyFault, cancellableSleeps, FaultRegistry, type FaultSpec } from "../faults.js";
import { objectId, rfc3339 } from "./ids.js";
import { matchRoute, type Route, routeKey } from "../router.js";
import type { InactiveRoomAnswer, SessionListener } from "./sessions.js";
import { createState } from "./state.js";
import { type AppTokenGrant, verifyAppToken, verifyManagementToken } from "./tokens.js";
import type {
  HmsRecording,
  HmsRecordingAsset,
  HmsRoom,
  HmsRoomCode,
  HmsSession,
  JoinPeerParams,
  Logger,
  WebhookEnvelope,
} from "./types.js";
import type { WebhookDelivery, WebhookOptions } from "./webhooks.js";
import type { Workspace } from "./workspace.js";
import { refuseInProduction } from "../production-guard.js";
import { readBody } from "../read-body.js";

export interface HmsEmulatorOptions {
  accessKey: string;
  secret: string;
  templateId: string;
  /** Roles of the one emulated template. Default `["host", "guest"]`. */
  roles?: string[];
  templateName?: string;
  /** Default 0: the OS picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  logger?: Logger;
  /** Workspace-level webhook; a room's own `webhook` replaces it, as on 100ms. */
  webhook?: WebhookOptions;
  /** See sessions.ts: how active-rooms endpoints answer a room with no live session. */
  inactiveRoomAnswer?: InactiveRoomAnswer;
  /** Clock for timestamps and token checks. */
  now?: () => Date;
  /** The template records every session by itself (its auto-start recording setting). Default false. */
  autoRecord?: boolean;
}

export interface HmsEmulator {
  /** Base URL of the REST API, ending in `/v2`: what HMS_API_BASE_URL points at. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`; the control API lives under `${origin}/_emulator`. */
  readonly origin: string;
  readonly workspace: Workspace;
  close(): Promise<void>;

  rooms(): HmsRoom[];
  room(id: string): HmsRoom | undefined;
  roomCodes(roomId: string): HmsRoomCode[];
  sessions(roomId?: string): HmsSession[];
  activeSession(roomId: string): HmsSession | undefined;

  /** A client joins: opens a session if none is live. Throws HmsApiError (404 room, 403 disabled, 400 role). */
  joinPeer(roomId: string, params: JoinPeerParams): string;
  /** A client leaves (default reason "client request"); the last leave closes the session. */
  leavePeer(roomId: string, peerId: string, reason?: string): void;
  /** A peer (or the REST API) ends the room: room.end.success, every peer leaves, `lock` disables the room. */
  endRoom(roomId: string, opts?: { reason?: string; lock?: boolean }): void;
  /** Checks a client's app token as 100ms's realtime side does; throws HmsApiError 401 saying why. */
  verifyAppToken(token: string): Promise<AppTokenGrant>;
  /** Leaves and REST messages as they happen (for the local media plane); answers an unsubscribe. */
  listenToSessions(listener: SessionListener): () => void;

  /** Recordings with their assets once completed. */
  recordings(roomId?: string): HmsRecording[];
  recordingAssets(): HmsRecordingAsset[];
  /** Post-processing finished: adds the assets and sends beam.recording.success. */
  completeRecording(recordingId: string, opts?: { durationSeconds?: number }): HmsRecording;
  /** The recorder failed: sends beam.failure. */
  failRecording(recordingId: string, message?: string): HmsRecording;

  /** The workspace webhook (the dashboard setting); undefined turns it off. */
  setWebhook(webhook: WebhookOptions | undefined): void;

  /** Fault for the next matching request(s) (`times` default 1). Route keys: see faults.ts. */
  failNext(route: string, fault?: FaultSpec): void;
  /** Fault for every matching request until cleared (unless `times` is given). */
  setFault(route: string, fault: FaultSpec): void;
  clearFaults(): void;
  faults(): ActiveFault[];
  /** Every route key that faults accept, besides `*`. */
  routeKeys(): string[];

  /** Every REST and control request received, in order. */
  requests(): RequestRecord[];
  /** Every webhook envelope produced, whether or not a webhook URL is configured. */
  events(): WebhookEnvelope[];
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when no webhook delivery or retry is pending. */
  webhooksSettled(): Promise<void>;
}

/** The request log is for tests and debugging; a long-running dev server keeps only the tail. */

/** Where a stand-in logs when the app hands it no logger (run on its own). */
export const consoleLogger: Logger = {
  info: (obj, msg) => console.log(JSON.stringify({ level: "info", ...obj, msg })),
  warn: (obj, msg) => console.warn(JSON.stringify({ level: "warn", ...obj, msg })),
};

/**
 * Starts the local stand-in for the 100ms REST API v2. It exists so that the real
 * adapter (and the server SDK under it) can be exercised offline; it must never be
 * mistaken for 100ms, hence the production guard and the loud startup line.
 */
export async function startHmsEmulator(opts: HmsEmulatorOptions): Promise<HmsEmulator> {
  refuseInProduction('Refusing to start the local 100ms emulator: NODE_ENV is "production". Production must talk to real 100ms (set HMS_APP_ACCESS_KEY, HMS_APP_SECRET and HMS_TEMPLATE_ID).');
  for (const field of ["accessKey", "secret", "templateId"] as const) {
    if (typeof opts[field] !== "string" || opts[field] === "") throw new Error(`startHmsEmulator: ${field} is required`);
  }
  const roles = opts.roles ?? ["host", "guest"];
  if (roles.length === 0 || new Set(roles).size !== roles.length) throw new Error("startHmsEmulator: roles must be non-empty and unique");

  if (opts.webhook && !/^https?:\/\//.test(opts.webhook.url)) throw new Error("startHmsEmulator: webhook.url must be an http(s) URL");
  const logger = opts.logger ?? consoleLogger;
  const now = opts.now ?? (() => new Date());
  const workspace: Workspace = Object.freeze({
    customerId: objectId(),
    appId: objectId(),
    templateId: opts.templateId,
    templateName: opts.templateName ?? "live-sessions",
    roles: Object.freeze([...roles]),
    region: "us",
  });
  let origin = "";
  const state = createState(workspace, {
    webhook: opts.webhook,
    inactiveRoomAnswer: opts.inactiveRoomAnswer ?? "not-found",
    autoRecord: opts.autoRecord ?? false,
    origin: () => origin,
    now,
    logger,
  });
  const api = apiRoutes(state);
  const faults = new FaultRegistry(new Set(api.map(routeKey)));
  const requestLog = new RequestLog();
  const control = controlRoutes(state, faults, () => requestLog.list());
  const { sleep, cancelAll: cancelSleeps } = cancellableSleeps();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const record = requestLog.start(method, url.pathname + url.search, rfc3339(now()));
    const send = (status: number, body: unknown) => {
      record.status = status;
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const raw = await readBody(req, () => badRequest("Request body too large"));
      const isApi = url.pathname === "/v2" || url.pathname.startsWith("/v2/");
      const isControl = url.pathname.startsWith("/_emulator/");
      const routes: Route[] = isApi ? api : isControl ? control : [];
      const relative = isApi ? url.pathname.slice("/v2".length) : url.pathname.slice("/_emulator".length);
      const match = matchRoute(routes, method, relative || "/");
      if (!match) throw notFound("route not found", `${method} ${url.pathname}`);
      if (isApi) {
        record.route = routeKey(match.route);
        const injected = (status: number, message: string) => new HmsApiError(status, message, ["injected by the emulator's fault injection"]);
        if ((await applyFault(faults.take(record.route), record, sleep, injected)) === "hang") return;
        await verifyManagementToken(req.headers.authorization, opts, now());
      }
      const result = await match.route.handler({
        params: match.params,
        query: url.searchParams,
        body: parseJson(raw),
        headers: req.headers,
        now: now(),
      });
      send(200, result);
    } catch (e) {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof HmsApiError) {
        send(e.status, e.body());
      } else {
        logger.warn({ err: e instanceof Error ? e.message : String(e), path: record.path }, "local 100ms emulator: internal error");
        send(500, { code: 500, message: "internal emulator error", details: [] });
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  ({ origin } = await listenOnLoopback(server, opts.port));
  const baseUrl = `${origin}/v2`;
  logger.info(
    { service: "hms-emulator", url: baseUrl, control: `${origin}/_emulator`, templateId: opts.templateId, roles },
    "LOCAL 100ms emulator started: this is NOT 100ms (in-memory rooms and sessions, no video)",
  );

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    origin,
    workspace,
    close() {
      state.webhooks.close();
      cancelSleeps();
      closed ??= closeNow(server);
      return closed;
    },
    rooms: () => structuredClone(state.rooms.all()),
    room: (id) => structuredClone(state.rooms.get(id)),
    roomCodes: (roomId) => structuredClone(state.codes.forRoom(roomId)),
    sessions: (roomId) => structuredClone(state.sessions.all().filter((s) => roomId === undefined || s.room_id === roomId)),
    activeSession: (roomId) => structuredClone(state.sessions.active(roomId)),
    joinPeer: (roomId, params) => state.sessions.join(roomId, params, now()).id,
    leavePeer: (roomId, peerId, reason) => void state.sessions.leave(roomId, peerId, now(), reason),
    endRoom: (roomId, o = {}) => void state.sessions.endRoom(roomId, { ...o }, now()),
    verifyAppToken: (token) => verifyAppToken(token, opts, now()),
    listenToSessions: (listener) => state.sessions.listen(listener),
    recordings: (roomId) =>
      structuredClone(state.recordings.all().filter((r) => roomId === undefined || r.room_id === roomId).map((r) => state.recordings.get(r.id))),
    recordingAssets: () => structuredClone(state.recordings.allAssets()),
    completeRecording: (id, o) => structuredClone(state.recordings.complete(id, now(), o)),
    failRecording: (id, message) => structuredClone(state.recordings.fail(id, now(), message)),
    setWebhook: (webhook) => {
      if (webhook && !/^https?:\/\//.test(webhook.url)) throw new Error("setWebhook: url must be an http(s) URL");
      state.webhooks.setWorkspaceHook(webhook);
    },
    failNext: (route, fault = {}) => void faults.add(route, fault, 1),
    setFault: (route, fault) => void faults.add(route, fault, Number.POSITIVE_INFINITY),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    routeKeys: () => api.map(routeKey),
    requests: () => requestLog.list(),
    events: () => state.webhooks.events(),
    webhookDeliveries: () => state.webhooks.deliveries(),
    webhooksSettled: () => state.webhooks.settled(),
  };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest("Invalid JSON body");
  }
}
