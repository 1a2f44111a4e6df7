/**
 * Recording mode `api`: when a room session opens, ask 100ms to record it. Done after the
 * webhook is answered, so 100ms never waits on (or retries because of) this call; a
 * failure is logged and the session is simply not recorded.
 */
import type { ServiceDeps } from "../deps.js";

export function startRecordingSoon(deps: ServiceDeps, roomId: string, providerSessionId: string): void {
  void deps.video.startRecording(roomId).then(
    () => deps.logger.info({ roomId, providerSessionId }, "recording started"),
    (error: unknown) =>
      deps.logger.warn(
        { roomId, providerSessionId, err: error instanceof Error ? error.message : String(error) },
        "starting the recording failed; this room session will not be recorded",
      ),
  );
}
