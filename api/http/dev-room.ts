/**
 * Development only: lets the expert's room page make pretend students walk in and out of
 * the local 100ms emulator's room, so attendance and live viewers can be seen moving
 * without real people. Exists only when the emulator runs, which production refuses.
 */
import type { HmsEmulator } from "../video/hms-emulator/index.js";

export interface DevRoom {
  /** A pretend student joins the room; the emulator sends the usual webhooks. */
  addStudent(roomId: string): string;
  /** The pretend student who joined last leaves; false when none is in the room. */
  removeStudent(roomId: string): boolean;
}

const PREFIX = "demo-student-";

export function createDevRoom(emulator: HmsEmulator): DevRoom {
  let next = 1;
  return {
    addStudent(roomId) {
      const n = next++;
      return emulator.joinPeer(roomId, { userId: `${PREFIX}${n}`, role: "guest", name: `Demo student ${n}` });
    },
    removeStudent(roomId) {
      const peers = Object.values(emulator.activeSession(roomId)?.peers ?? {});
      const present = peers.filter((p) => p.user_id.startsWith(PREFIX) && !p.left_at).sort((a, b) => a.joined_at.localeCompare(b.joined_at));
      const last = present.at(-1);
      if (!last) return false;
      emulator.leavePeer(roomId, last.id);
      return true;
    },
  };
}
