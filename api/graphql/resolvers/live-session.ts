import type { HmsDetailsResolvers, LiveSessionResolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway, SessionStatus, SessionType } from "../enum-values.js";
import type { SessionRow, UserRow } from "../../db/schema.js";
import type { Readers } from "../../domain/readers.js";
import { isFree } from "../../domain/sessions/session-rules.js";
import { freeSeats } from "../../domain/sessions/booking-rules.js";

/** The session's expert: at once when this request has read them already (a list's page comes with its experts). */
function expertOf(session: SessionRow, readers: Readers): UserRow | Promise<UserRow> {
  const loaded = readers.loadedUser(session.expertId);
  if (loaded) return loaded;
  return readers.user(session.expertId).then((expert) => {
    // The foreign key makes this impossible; if it happens, it is our bug, not the caller's.
    if (!expert) throw new Error(`session ${session.id} has no expert row ${session.expertId}`);
    return expert;
  });
}

/** `pick(expert)`, synchronously when the expert is already loaded. */
function fromExpert<T>(session: SessionRow, readers: Readers, pick: (expert: UserRow) => T): T | Promise<T> {
  const expert = expertOf(session, readers);
  return expert instanceof Promise ? expert.then(pick) : pick(expert);
}

export const LiveSession: LiveSessionResolvers = {
  sessionType: (s) => s.sessionType as SessionType,
  status: (s) => s.status as SessionStatus,
  expert: (s, _a, { readers }) => expertOf(s, readers),
  expertName: (s, _a, { readers }) => fromExpert(s, readers, (e) => e.name),
  expertAvatar: (s, _a, { readers }) => fromExpert(s, readers, (e) => e.avatarUrl),
  // Seats held for the waitlist's offers are not left for anyone else.
  seatsLeft: (s) => freeSeats(s),
  isFree: (s) => isFree(s),
  checkoutGateway: (s, _a, { services }) => services.checkoutGateway(s) as PaymentGateway | null,
  hmsDetails: (s, _a, { readers }) => readers.hostDetails(s),
  metadata: (s) => s.metadata ?? null,
  viewerEnrollment: (s, _a, { readers }) => readers.viewerEnrollment(s),
  viewerIsHost: (s, _a, { readers }) => readers.isHost(s),
  // The viewer's enrollment comes from the same batched reader as `viewerEnrollment`: a page of sessions costs one query for both.
  viewerCan: async (s, _a, { services, viewer, readers }) => {
    const [enrollment, waitlist] = await Promise.all([readers.viewerEnrollment(s), readers.viewerWaitlistEntry(s)]);
    return services.sessionPermissions(viewer, s, enrollment, waitlist);
  },
  viewerRefund: (s, _a, { readers }) => readers.viewerRefund(s),
  viewerWaitlist: (s, _a, { readers }) => readers.viewerWaitlistEntry(s),
  cancellationDeadline: (s, _a, { services }) => services.cancellationDeadline(s),
  cancellationPolicy: (_s, _a, { services }) => services.cancellationPolicy(),
  recordingS3Key: (s, _a, { readers }) => readers.recordingLocation(s),
  participants: (s, _a, { readers }) => readers.participants(s),
  participantsConnection: (s, args, { services, viewer }) => services.participantsConnection(viewer, s, args),
  canWatchRecording: (s, _a, { readers }) => readers.canWatchRecording(s),
  feedback: (s, _a, { readers }) => readers.feedback(s),
};

export const HmsDetails: HmsDetailsResolvers = {
  roomId: (s) => s.hmsRoomId!,
  roomCode: (s) => s.hmsRoomCode ?? "",
  sessionId: (s) => s.hmsSessionId,
  recordingId: (s) => s.hmsRecordingId,
};
