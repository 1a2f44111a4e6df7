/**
 * Development only: lets the expert's room page make pretend students walk in and out of
 * the local 100ms emulator's room, so attendance and live viewers can be seen moving
 * without real people. The pretend students are the session's real enrolled students
 * (the demo accounts once they enroll), joining under their own user ids: attendance
 * counts enrolled students only, so anyone else would not move the numbers.
 * Exists only when the emulator runs, which production refuses.
 */
import type { DbOrTx } from "../../db/client.js";
import { findSessionByRoomId } from "../../repositories/live-room.js";
import { listParticipantsOfSessions } from "../../repositories/participants.js";
import type { HmsEmulator } from "../hms-emulator/index.js";

export interface DevRoom {
  /** An enrolled student who is not in the room yet joins it; the emulator sends the usual webhooks. */
  addStudent(roomId: string): Promise<{ joined: string } | { problem: string }>;
  /** The pretend student who joined last leaves; false when none is in the room. */
  removeStudent(roomId: string): boolean;
}

/** Pretend peers carry this in their metadata, so only they are sent away by removeStudent. */
const PRETEND = JSON.stringify({ pretend: true });

export function createDevRoom(emulator: HmsEmulator, db: DbOrTx): DevRoom {
  const present = (roomId: string) => Object.values(emulator.activeSession(roomId)?.peers ?? {}).filter((p) => !p.left_at);
  return {
    async addStudent(roomId) {
      const session = await findSessionByRoomId(db, roomId);
      const enrolled = session ? await listParticipantsOfSessions(db, [session.id]) : [];
      const inRoom = new Set(present(roomId).map((p) => p.user_id));
      const next = enrolled.find((p) => !inRoom.has(p.userId));
      if (!next) {
        return {
          problem:
            enrolled.length === 0
              ? "Nobody is enrolled yet: sign in as a demo student (Priya, Tom or Lena) and enroll, then try again."
              : "Every enrolled student is already in the room.",
        };
      }
      emulator.joinPeer(roomId, { userId: next.userId, role: "guest", name: next.userName, metadata: PRETEND });
      return { joined: next.userName };
    },
    removeStudent(roomId) {
      const pretend = present(roomId)
        .filter((p) => p.metadata === PRETEND)
        .sort((a, b) => a.joined_at.localeCompare(b.joined_at));
      const last = pretend.at(-1);
      if (!last) return false;
      emulator.leavePeer(roomId, last.id);
      return true;
    },
  };
}
