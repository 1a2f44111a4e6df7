import { RecordingStore } from "./recordings.js";
import { RoomCodeStore } from "./room-codes.js";
import { RoomStore } from "./rooms.js";
import { type EventSink, type InactiveRoomAnswer, SessionStore } from "./sessions.js";
import type { Logger } from "./types.js";
import { type WebhookOptions, WebhookSender } from "./webhooks.js";
import type { Workspace } from "./workspace.js";

/** Everything the emulator remembers; it lives in memory and dies with the process. */
export interface EmulatorState {
  ws: Workspace;
  rooms: RoomStore;
  codes: RoomCodeStore;
  sessions: SessionStore;
  recordings: RecordingStore;
  webhooks: WebhookSender;
  now(): Date;
}

export function createState(
  ws: Workspace,
  opts: {
    webhook?: WebhookOptions;
    inactiveRoomAnswer: InactiveRoomAnswer;
    autoRecord: boolean;
    /** The emulator's own origin, known once it listens; pre-signed URLs point there. */
    origin: () => string;
    now: () => Date;
    logger: Logger;
  },
): EmulatorState {
  const rooms = new RoomStore(ws);
  const webhooks = new WebhookSender(ws, opts.webhook, opts.logger);
  const emit: EventSink = (room, type, data) => webhooks.emit(room, type, data, opts.now());
  const sessions = new SessionStore(ws, rooms, emit, opts.inactiveRoomAnswer, {
    opened: (room, session, now) => recordings.sessionOpened(room, session, now),
    closed: (room, session, now) => recordings.sessionClosed(room, session, now),
  });
  const recordings = new RecordingStore(ws, rooms, sessions, emit, opts.origin, opts.autoRecord);
  return { ws, rooms, codes: new RoomCodeStore(ws, rooms), sessions, recordings, webhooks, now: opts.now };
}
