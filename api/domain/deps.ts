import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { Clock, RecordingMode, VideoProvider } from "./ports.js";

/** What every service needs; built once in the composition root. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  video: VideoProvider;
  /** Public base URL of the web app, for links such as the host room URL. */
  appUrl: string;
  logger: Logger;
  /** Who starts recordings: the 100ms template by itself (default), or we through the API. */
  recordingMode?: RecordingMode;
}
