import { RoomCodeStore } from "./room-codes.js";
import { RoomStore } from "./rooms.js";
import { type InactiveRoomAnswer, SessionStore } from "./sessions.js";
import type { Logger } from "./types.js";
import { type WebhookOptions, WebhookSender } from "./webhooks.js";
import type { Workspace } from "./workspace.js";

/** Everything the emulator remembers; it lives in memory and dies with the process. */
export interface EmulatorState {
  ws: Workspace;
  rooms: RoomStore;
  codes: RoomCodeStore;
  sessions: SessionStore;
  webhooks: WebhookSender;
  now(): Date;
}

export function createState(
  ws: Workspace,
  opts: { webhook?: WebhookOptions; inactiveRoomAnswer: InactiveRoomAnswer; now: () => Date; logger: Logger },
): EmulatorState {
  const rooms = new RoomStore(ws);
  const webhooks = new WebhookSender(ws, opts.webhook, opts.logger);
  const sessions = new SessionStore(
    ws,
    rooms,
    (room, type, data) => webhooks.emit(room, type, data, opts.now()),
    opts.inactiveRoomAnswer,
  );
  return { ws, rooms, codes: new RoomCodeStore(ws, rooms), sessions, webhooks, now: opts.now };
}
