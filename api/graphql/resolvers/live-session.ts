import type { HmsDetailsResolvers, LiveSessionResolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway, SessionStatus, SessionType } from "../enum-values.js";
import type { SessionRow, UserRow } from "../../db/schema.js";
import type { Readers } from "../../domain/readers.js";
import { isFree } from "../../domain/sessions/session-rules.js";

async function expertOf(session: SessionRow, readers: Readers): Promise<UserRow> {
  const expert = await readers.user(session.expertId);
  // The foreign key makes this impossible; if it happens, it is our bug, not the caller's.
  if (!expert) throw new Error(`session ${session.id} has no expert row ${session.expertId}`);
  return expert;
}

export const LiveSession: LiveSessionResolvers = {
  sessionType: (s) => s.sessionType as SessionType,
  status: (s) => s.status as SessionStatus,
  expert: (s, _a, { readers }) => expertOf(s, readers),
  expertName: async (s, _a, { readers }) => (await expertOf(s, readers)).name,
  expertAvatar: async (s, _a, { readers }) => (await expertOf(s, readers)).avatarUrl,
  seatsLeft: (s) => (s.maxParticipants == null ? null : Math.max(0, s.maxParticipants - s.enrolledCount)),
  isFree: (s) => isFree(s),
  checkoutGateway: (s, _a, { services }) => services.checkoutGateway(s) as PaymentGateway | null,
  hmsDetails: (s, _a, { readers }) => readers.hostDetails(s),
  metadata: (s) => s.metadata ?? null,
  viewerEnrollment: (s, _a, { readers }) => readers.viewerEnrollment(s),
  viewerIsHost: (s, _a, { readers }) => readers.isHost(s),
  participants: (s, _a, { readers }) => readers.participants(s),
  canWatchRecording: (s, _a, { readers }) => readers.canWatchRecording(s),
  feedback: (s, _a, { readers }) => readers.feedback(s),
};

export const HmsDetails: HmsDetailsResolvers = {
  roomId: (s) => s.hmsRoomId!,
  roomCode: (s) => s.hmsRoomCode ?? "",
  sessionId: (s) => s.hmsSessionId,
  recordingId: (s) => s.hmsRecordingId,
};
