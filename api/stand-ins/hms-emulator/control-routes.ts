import { p } from "./api-routes.js";
import { badRequest } from "./errors.js";
import type { FaultRegistry, FaultSpec } from "../faults.js";
import { asBody, optionalBoolean, optionalInteger, optionalString } from "./params.js";
import type { Route } from "../router.js";
import type { EmulatorState } from "./state.js";

/**
 * The emulator's own control API under `/_emulator`, so a separate process (the dev
 * server, a browser test) can do what in-process tests do through the HmsEmulator
 * object. No token: it only ever listens on 127.0.0.1 and never runs in production.
 *
 *   GET    /_emulator/health
 *   GET    /_emulator/rooms                       {data: Room[]}
 *   GET    /_emulator/rooms/:id                   {room, room_codes, sessions}
 *   POST   /_emulator/rooms/:id/peers             {user_id, role, name, metadata?} → peer
 *   DELETE /_emulator/rooms/:id/peers/:peerId     ?reason=… (default "client request") → peer
 *   GET    /_emulator/recordings                  {data: Recording[]} (with their assets)
 *   POST   /_emulator/recordings/:id/complete     {duration?} → post-processing done: assets + beam.recording.success
 *   POST   /_emulator/recordings/:id/fail         {message?} → beam.failure
 *   GET    /_emulator/recording-files/:assetId    ?expires&signature — where pre-signed URLs lead (403 once expired)
 *   GET    /_emulator/faults                      {data: ActiveFault[]}
 *   POST   /_emulator/faults                      {route, status?, message?, delayMs?, hang?, times?} (times default 1)
 *   DELETE /_emulator/faults                      clears every fault
 *   GET    /_emulator/events                      {data: WebhookEnvelope[]} (sent or not)
 *   GET    /_emulator/webhook-deliveries          {data: WebhookDelivery[]}
 *   GET    /_emulator/requests                    {data: RequestRecord[]}
 */
export function controlRoutes(s: EmulatorState, faults: FaultRegistry, requests: () => unknown[]): Route[] {
  return [
    { method: "GET", pattern: "/health", handler: () => ({ ok: true, service: "local 100ms emulator (not 100ms)" }) },
    { method: "GET", pattern: "/rooms", handler: () => ({ data: s.rooms.all() }) },
    {
      method: "GET",
      pattern: "/rooms/:id",
      handler: (c) => {
        const room = s.rooms.require(p(c.params, "id"));
        return {
          room,
          room_codes: s.codes.forRoom(room.id),
          sessions: s.sessions.all().filter((x) => x.room_id === room.id),
        };
      },
    },
    {
      method: "POST",
      pattern: "/rooms/:id/peers",
      handler: (c) => {
        const body = asBody(c.body);
        return s.sessions.join(
          p(c.params, "id"),
          {
            userId: optionalString(body, "user_id") ?? "",
            role: optionalString(body, "role") ?? "",
            name: optionalString(body, "name") ?? "",
            metadata: optionalString(body, "metadata"),
          },
          c.now,
        );
      },
    },
    {
      method: "DELETE",
      pattern: "/rooms/:id/peers/:peerId",
      handler: (c) => s.sessions.leave(p(c.params, "id"), p(c.params, "peerId"), c.now, c.query.get("reason") ?? undefined),
    },
    { method: "GET", pattern: "/recordings", handler: () => ({ data: s.recordings.all().map((r) => s.recordings.get(r.id)) }) },
    {
      method: "POST",
      pattern: "/recordings/:id/complete",
      handler: (c) => s.recordings.complete(p(c.params, "id"), c.now, { durationSeconds: optionalInteger(asBody(c.body), "duration") }),
    },
    {
      method: "POST",
      pattern: "/recordings/:id/fail",
      handler: (c) => s.recordings.fail(p(c.params, "id"), c.now, optionalString(asBody(c.body), "message")),
    },
    {
      method: "GET",
      pattern: "/recording-files/:assetId",
      handler: (c) => s.recordings.openSignedUrl(p(c.params, "assetId"), c.query, c.now),
    },
    { method: "GET", pattern: "/faults", handler: () => ({ data: faults.list() }) },
    {
      method: "POST",
      pattern: "/faults",
      handler: (c) => {
        const body = asBody(c.body);
        const route = optionalString(body, "route");
        if (!route) throw badRequest("Invalid body param: route", 'route is required, e.g. "POST /rooms" or "*"');
        const spec: FaultSpec = {
          status: optionalInteger(body, "status"),
          message: optionalString(body, "message"),
          delayMs: optionalInteger(body, "delayMs"),
          hang: optionalBoolean(body, "hang"),
          times: optionalInteger(body, "times"),
        };
        try {
          return faults.add(route, spec, 1);
        } catch (e) {
          throw badRequest("Invalid fault", e instanceof Error ? e.message : String(e));
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
    { method: "GET", pattern: "/events", handler: () => ({ data: s.webhooks.events() }) },
    { method: "GET", pattern: "/webhook-deliveries", handler: () => ({ data: s.webhooks.deliveries() }) },
    { method: "GET", pattern: "/requests", handler: () => ({ data: requests() }) },
  ];
}
