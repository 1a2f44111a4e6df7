import { asBody } from "./params.js";
import type { Route } from "../router.js";
import type { EmulatorState } from "./state.js";

/**
 * The 100ms REST v2 surface the emulator implements, relative to `/v2` (docs/100ms.md#rest-api).
 * The patterns double as fault route keys (see faults.ts), so keep them as 100ms
 * spells its paths.
 */
export function apiRoutes(s: EmulatorState): Route[] {
  return [
    { method: "POST", pattern: "/rooms", handler: (c) => s.rooms.createOrUpdate(asBody(c.body), c.now) },
    { method: "GET", pattern: "/rooms", handler: (c) => s.rooms.list(c.query) },
    { method: "GET", pattern: "/rooms/:id", handler: (c) => s.rooms.require(p(c.params, "id")) },
    { method: "POST", pattern: "/rooms/:id", handler: (c) => s.rooms.update(p(c.params, "id"), asBody(c.body), c.now) },

    { method: "POST", pattern: "/room-codes/room/:id", handler: (c) => ({ data: s.codes.createAll(p(c.params, "id"), c.now) }) },
    {
      method: "POST",
      pattern: "/room-codes/room/:id/role/:role",
      handler: (c) => s.codes.createForRole(p(c.params, "id"), p(c.params, "role"), c.now),
    },
    { method: "GET", pattern: "/room-codes/room/:id", handler: (c) => s.codes.list(p(c.params, "id"), c.query) },
    { method: "POST", pattern: "/room-codes/code", handler: (c) => s.codes.setEnabled(asBody(c.body), c.now) },

    { method: "GET", pattern: "/active-rooms/:id", handler: (c) => s.sessions.activeRoom(p(c.params, "id")) },
    { method: "GET", pattern: "/active-rooms/:id/peers", handler: (c) => s.sessions.activePeers(p(c.params, "id"), c.query) },
    {
      method: "GET",
      pattern: "/active-rooms/:id/peers/:peerId",
      handler: (c) => s.sessions.activePeer(p(c.params, "id"), p(c.params, "peerId")),
    },
    {
      method: "POST",
      pattern: "/active-rooms/:id/peers/:peerId",
      handler: (c) => s.sessions.updatePeer(p(c.params, "id"), p(c.params, "peerId"), asBody(c.body), c.now),
    },
    {
      method: "POST",
      pattern: "/active-rooms/:id/send-message",
      handler: (c) => s.sessions.sendMessage(p(c.params, "id"), asBody(c.body)),
    },
    {
      method: "POST",
      pattern: "/active-rooms/:id/remove-peers",
      handler: (c) => s.sessions.removePeers(p(c.params, "id"), asBody(c.body), c.now),
    },
    {
      method: "POST",
      pattern: "/active-rooms/:id/end-room",
      handler: (c) => s.sessions.endRoom(p(c.params, "id"), asBody(c.body), c.now),
    },

    { method: "GET", pattern: "/sessions", handler: (c) => s.sessions.list(c.query) },
    { method: "GET", pattern: "/sessions/:id", handler: (c) => s.sessions.require(p(c.params, "id")) },

    {
      method: "POST",
      pattern: "/recordings/room/:id/start",
      handler: (c) => s.recordings.start(p(c.params, "id"), asBody(c.body), c.now),
    },
    { method: "POST", pattern: "/recordings/room/:id/stop", handler: (c) => s.recordings.stopRoom(p(c.params, "id"), c.now) },
    { method: "POST", pattern: "/recordings/:id/stop", handler: (c) => s.recordings.stop(p(c.params, "id"), c.now) },
    { method: "GET", pattern: "/recordings/:id", handler: (c) => s.recordings.get(p(c.params, "id")) },
    { method: "GET", pattern: "/recordings", handler: (c) => s.recordings.list(c.query) },

    { method: "GET", pattern: "/recording-assets", handler: (c) => s.recordings.listAssets(c.query) },
    { method: "GET", pattern: "/recording-assets/:id", handler: (c) => s.recordings.asset(p(c.params, "id")) },
    {
      method: "GET",
      pattern: "/recording-assets/:id/presigned-url",
      handler: (c) => s.recordings.presign(p(c.params, "id"), c.query, c.now),
    },
  ];
}

/** Route params always exist when the pattern matched; this keeps strict indexing quiet. */
export function p(params: Record<string, string>, name: string): string {
  return params[name] ?? "";
}
