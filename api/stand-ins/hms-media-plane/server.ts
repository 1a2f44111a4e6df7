/**
 * The local stand-in for 100ms's realtime side: the init endpoint the SDK calls first,
 * the signalling WebSocket it opens next, and (through werift) the SFU its peer
 * connections talk to. It serves the rooms and tokens of a running local 100ms emulator,
 * whose session records and webhooks follow the real joins. Never in production.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { HmsApiError } from "../hms-emulator/errors.js";
import { consoleLogger } from "../hms-emulator/server.js";
import type { AppTokenGrant, HmsEmulator, Logger } from "../hms-emulator/index.js";
import { closeNow, listenOnLoopback } from "../loopback-server.js";
import { type DropTarget, JoinRefusals, LostPeers, type MediaPlaneFaults } from "./faults.js";
import { ConnectedPeer, MediaRooms } from "./room.js";
import { type RemovalRequest, SignallingClient, type SignallingContext } from "./signalling.js";
import { refuseInProduction } from "../production-guard.js";

export interface HmsMediaPlaneOptions {
  /** The emulator whose rooms, tokens and session records this plane serves. */
  emulator: HmsEmulator;
  /** Default 0: any free port. Always bound to 127.0.0.1. */
  port?: number;
  logger?: Logger;
}

export interface HmsMediaPlane {
  /** `http://127.0.0.1:<port>`: `/init` lives here, the socket at `/v2/ws`. */
  readonly origin: string;
  /**
   * What the web app passes to the SDK as `initEndpoint`. The SDK splits it on
   * `https://` to pick its environment and fails on a plain http URL, so the
   * `https://` goes in the fragment, which `new URL('/init', …)` drops (docs/100ms-media-plane.md#the-init-endpoint).
   */
  readonly initEndpoint: string;
  /** Peers whose signalling socket is open, joined or still in preview. */
  connectedPeers(roomId?: string): { peerId: string; roomId: string; role: string; userId: string; joined: boolean }[];
  /** Forced failures, for tests of the room page's recovery (also at `POST /_media-plane/faults`). */
  readonly faults: MediaPlaneFaults;
  close(): Promise<void>;
}

const WS_PATH = "/v2/ws";
const FAULTS_PATH = "/_media-plane/faults";


export async function startHmsMediaPlane(opts: HmsMediaPlaneOptions): Promise<HmsMediaPlane> {
  refuseInProduction('Refusing to start the local 100ms media plane: NODE_ENV is "production". Production must talk to real 100ms (set HMS_APP_ACCESS_KEY, HMS_APP_SECRET and HMS_TEMPLATE_ID).');
  const { emulator } = opts;
  const logger = opts.logger ?? consoleLogger;
  const rooms = new MediaRooms();
  const clients = new Map<string, SignallingClient>();
  const lostPeers = new LostPeers();
  const ctx: SignallingContext = { emulator, rooms, logger, sfuNodeId: randomUUID(), removals: new Map<string, RemovalRequest>(), joinRefusals: new JoinRefusals() };
  let origin = "";

  /** Token, then room and role: the checks 100ms makes before a client may join. */
  async function admit(token: string): Promise<AppTokenGrant> {
    const grant = await emulator.verifyAppToken(token);
    const room = emulator.room(grant.roomId);
    // Not 404: the SDK reads a 404 from init as "endpoint unreachable" and says nothing useful.
    if (!room) throw new HmsApiError(400, "room not found", [`no room with id ${grant.roomId}`]);
    if (!room.enabled) throw new HmsApiError(403, "Room is disabled", ["a disabled room refuses new joins"]);
    if (!emulator.workspace.roles.includes(grant.role)) throw new HmsApiError(400, "role not allowed", [`role ${grant.role} is not in the template`]);
    return grant;
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // The room page is on another origin (the app's port) and sends an Authorization header: CORS with a preflight.
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "authorization", "access-control-allow-methods": "GET, OPTIONS" };
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { ...cors, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "access-control-max-age": "600" });
      res.end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/health") return send(200, { ok: true, service: "local 100ms media plane (not 100ms)" });
    if (req.method === "POST" && url.pathname === FAULTS_PATH) return send(...(await faultRequest(req)));
    if (req.method !== "GET" || url.pathname !== "/init") return send(404, { code: 404, message: "not found" });
    try {
      await admit(bearer(req.headers.authorization));
      const peerId = url.searchParams.get("peer_id") ?? "";
      if (lostPeers.has(peerId)) {
        logger.info({ peerId }, "local media plane: refused to resume a lost connection (not supported locally)");
        throw new HmsApiError(410, "Connection lost", ["the local media plane cannot resume a dropped connection; join again"]);
      }
      send(200, {
        endpoint: `${origin.replace(/^http/, "ws")}${WS_PATH}`,
        rtcConfiguration: { ice_servers: [] },
        // No flags: `simulcast` would change what browsers send, `onDemandTracks` the SDK's track handling.
        config: { enabledFlags: [] },
      });
    } catch (e) {
      const error = asApiError(e, logger);
      send(error.status, { code: error.status, message: [error.message, ...error.details].join(": ") });
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const peerId = url.searchParams.get("peer") ?? "";
    const token = url.searchParams.get("token") ?? "";
    let grant: AppTokenGrant;
    try {
      if (url.pathname !== WS_PATH) throw new HmsApiError(404, "not found");
      if (peerId === "") throw new HmsApiError(400, "the peer query parameter is required");
      grant = await admit(token);
    } catch (e) {
      const error = asApiError(e, logger);
      const body = JSON.stringify({ code: error.status, message: [error.message, ...error.details].join(": ") });
      socket.end(`HTTP/1.1 ${error.status} ${error.status === 401 ? "Unauthorized" : "Refused"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    if (clients.has(peerId)) {
      // A reconnect with the same peer id: 100ms resumes the session; this stand-in cannot (docs/100ms-media-plane.md#reconnects).
      socket.end("HTTP/1.1 409 Conflict\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer = new ConnectedPeer(peerId, grant.roomId, grant.role, grant.userId ?? peerId, ws);
      const client = new SignallingClient(ctx, ws, peer, token);
      rooms.add(peer);
      clients.set(peerId, client);
      ws.on("close", () => {
        lostPeers.add(peerId);
        if (clients.get(peerId) === client) clients.delete(peerId);
      });
      client.start();
    });
  }

  const stopListening = emulator.listenToSessions({
    peerLeft: (event) => {
      const client = clients.get(event.peerId);
      if (!client || client.peer.roomId !== event.roomId) return;
      client.removedByServer(event, ctx.removals.get(event.peerId) ?? ctx.removals.get(`room:${event.roomId}`));
    },
    messageSent: (event) => {
      for (const peer of rooms.joined(event.roomId)) {
        if (event.peerId !== undefined && peer.id !== event.peerId) continue;
        if (event.peerId === undefined && event.role !== undefined && peer.role !== event.role) continue;
        // No `peer`: the SDK shows it as a message from nobody in particular, as 100ms does for the REST API.
        peer.send("on-broadcast", {
          roles: event.role ? [event.role] : [],
          private: event.peerId !== undefined,
          timestamp: Date.now(),
          message_id: randomUUID(),
          info: { message: event.message, type: event.type },
        });
      }
    },
  });

  const faults: MediaPlaneFaults = {
    refuseNextJoin: (refusal) => ctx.joinRefusals.add(refusal),
    dropConnections(target: DropTarget) {
      const cut = [...clients.values()].filter(
        (c) => c.peer.state === "joined" && (target.roomId === undefined || c.peer.roomId === target.roomId) && (target.userId === undefined || c.peer.userId === target.userId),
      );
      for (const c of cut) c.drop();
      if (cut.length > 0) logger.info({ peers: cut.map((c) => c.peer.id) }, "local media plane: dropped connections (injected fault)");
      return cut.length;
    },
  };

  /** `POST /_media-plane/faults` with `{refuseNextJoin: {userId?, code?}}` or `{drop: {roomId?, userId?}}`. */
  async function faultRequest(req: IncomingMessage): Promise<[number, unknown]> {
    let body: { refuseNextJoin?: Partial<{ userId: string; code: number }>; drop?: DropTarget };
    // JSON only: a cross-site page cannot send it without a preflight, which allows GET alone.
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return [415, { code: 415, message: "send application/json" }];
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return [400, { code: 400, message: "the body must be JSON" }];
    }
    if (body.refuseNextJoin) {
      faults.refuseNextJoin(body.refuseNextJoin);
      return [200, { refused: "next join" }];
    }
    if (body.drop) return [200, { dropped: faults.dropConnections(body.drop) }];
    return [400, { code: 400, message: "expected refuseNextJoin or drop" }];
  }

  const server = createServer((req, res) => void handleHttp(req, res));
  server.on("upgrade", (req, socket, head) => void handleUpgrade(req, socket, head));
  try {
    ({ origin } = await listenOnLoopback(server, opts.port));
  } catch (e) {
    stopListening();
    throw e;
  }
  logger.info(
    { service: "hms-media-plane", init: `${origin}/init`, signalling: `${origin.replace(/^http/, "ws")}${WS_PATH}` },
    "LOCAL STAND-IN: 100ms media plane (init, signalling and a werift forwarder on this machine): this is NOT 100ms",
  );

  let closed: Promise<void> | undefined;
  return {
    origin,
    initEndpoint: `${origin}/#https://local-media-plane`,
    connectedPeers: (roomId) =>
      rooms
        .all()
        .filter((p) => roomId === undefined || p.roomId === roomId)
        .map((p) => ({ peerId: p.id, roomId: p.roomId, role: p.role, userId: p.userId, joined: p.state === "joined" })),
    faults,
    close() {
      closed ??= (async () => {
        stopListening();
        for (const ws of wss.clients) ws.terminate();
        await Promise.allSettled(rooms.all().map((p) => p.media?.close()));
        wss.close();
        await closeNow(server);
      })();
      return closed;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 10_000) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function bearer(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new HmsApiError(401, "Authentication error", ["missing bearer token"]);
  return match[1];
}

function asApiError(e: unknown, logger: Logger): HmsApiError {
  if (e instanceof HmsApiError) return e;
  logger.warn({ err: e instanceof Error ? e.message : String(e) }, "local media plane: internal error");
  return new HmsApiError(500, "internal error in the local media plane");
}
