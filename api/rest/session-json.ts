/**
 * The seed's JSON shapes (`LiveSession`, `LiveSessionParticipant`), as zod schemas so the
 * OpenAPI document and the response tests use the very definitions the handlers format with.
 * Optional fields of the seed's models are left out when empty, as its examples do.
 */
import { z } from "zod";
import type { ParticipantRow, SessionRow, UserRow } from "../db/schema.js";
import type { Readers } from "../domain/readers.js";
import { isFree } from "../domain/sessions/session-rules.js";
import { PAYMENT_GATEWAYS, SESSION_STATUSES, SESSION_TYPES } from "../domain/sessions/session-values.js";

const isoDate = z.iso.datetime();

export const hmsDetailsJson = z.object({
  roomId: z.string(),
  roomCode: z.string(),
  sessionId: z.string().optional(),
  recordingId: z.string().optional(),
});

export const participantJson = z.object({
  id: z.string(),
  sessionId: z.string(),
  userId: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  userAvatar: z.string().optional(),
  enrolledAt: isoDate,
  attended: z.boolean(),
  joinedAt: isoDate.optional(),
  leftAt: isoDate.optional(),
  watchTime: z.number().int().optional(),
  paid: z.boolean(),
  paymentId: z.string().optional(),
  paymentGateway: z.enum(PAYMENT_GATEWAYS).optional(),
  amountPaid: z.number().optional(),
  chatMessages: z.number().int().optional(),
  feedbackRating: z.number().int().optional(),
  feedbackComment: z.string().optional(),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
});

export const sessionJson = z.object({
  id: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  expertAvatar: z.string().optional(),
  title: z.string(),
  description: z.string(),
  thumbnail: z.string().optional(),
  sessionType: z.enum(SESSION_TYPES),
  scheduledStartTime: isoDate,
  scheduledEndTime: isoDate,
  actualStartTime: isoDate.optional(),
  actualEndTime: isoDate.optional(),
  maxParticipants: z.number().int().optional(),
  currentViewers: z.number().int().optional(),
  price: z.number(),
  currency: z.string(),
  status: z.enum(SESSION_STATUSES),
  hmsDetails: hmsDetailsJson.optional().describe("The session's expert only"),
  recordingS3Key: z.string().optional().describe("The session's expert and admins only"),
  recordedLessonId: z.string().optional(),
  recordingAvailable: z.boolean().optional(),
  enrolledCount: z.number().int(),
  attendedCount: z.number().int(),
  metadata: z
    .object({
      tags: z.array(z.string()).optional(),
      difficulty: z.string().optional(),
      equipment: z.array(z.string()).optional(),
      category: z.string().optional(),
    })
    .optional(),
  featured: z.boolean().optional(),
  isFree: z.boolean().optional(),
  participants: z.array(participantJson).optional().describe("The session's expert only, on GET /sessions/:id"),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
});

export type SessionJson = z.infer<typeof sessionJson>;
export type ParticipantJson = z.infer<typeof participantJson>;

/** Leave out null values: the seed marks such fields optional rather than nullable. */
type Present<T> = { [K in keyof T]: Exclude<T[K], null> };
function present<T extends Record<string, unknown>>(obj: T): Present<T> {
  // Made undefined in place, which JSON leaves out as it does a missing key. Not deleted: this runs
  // for every session of every list page, and a deleted key turns the object into a slow
  // dictionary for everything after (building, serializing).
  for (const key in obj) if (obj[key] === null) obj[key] = undefined as T[typeof key];
  return obj as Present<T>;
}

const iso = (d: Date | null | undefined) => d?.toISOString();

export function toSessionJson(
  session: SessionRow,
  expert: UserRow,
  extra: { host?: boolean; participants?: ParticipantRow[] | null; recordingLocation?: string | null } = {},
): SessionJson {
  return present({
    id: session.id,
    expertId: session.expertId,
    expertName: expert.name,
    expertAvatar: expert.avatarUrl,
    title: session.title,
    description: session.description,
    thumbnail: session.thumbnail,
    sessionType: session.sessionType,
    scheduledStartTime: session.scheduledStartTime.toISOString(),
    scheduledEndTime: session.scheduledEndTime.toISOString(),
    actualStartTime: iso(session.actualStartTime),
    actualEndTime: iso(session.actualEndTime),
    maxParticipants: session.maxParticipants,
    currentViewers: session.currentViewers,
    price: Number(session.price),
    currency: session.currency,
    status: session.status,
    hmsDetails:
      extra.host && session.hmsRoomId
        ? present({
            roomId: session.hmsRoomId,
            roomCode: session.hmsRoomCode ?? "",
            sessionId: session.hmsSessionId,
            recordingId: session.hmsRecordingId,
          })
        : undefined,
    // Left out, as the seed leaves out an absent one, for those who may not see it (readers.ts).
    recordingS3Key: extra.recordingLocation,
    recordedLessonId: session.recordedLessonId,
    recordingAvailable: session.recordingAvailable,
    enrolledCount: session.enrolledCount,
    attendedCount: session.attendedCount,
    metadata: session.metadata ?? undefined,
    featured: session.featured,
    isFree: isFree(session),
    participants: extra.participants?.map(toParticipantJson),
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  });
}

export function toParticipantJson(p: ParticipantRow): ParticipantJson {
  return present({
    id: p.id,
    sessionId: p.sessionId,
    userId: p.userId,
    userName: p.userName,
    userEmail: p.userEmail ?? "",
    userAvatar: p.userAvatar,
    enrolledAt: p.enrolledAt.toISOString(),
    attended: p.attended,
    joinedAt: iso(p.joinedAt),
    leftAt: iso(p.leftAt),
    watchTime: p.watchTime,
    paid: p.paid,
    paymentId: p.paymentId,
    paymentGateway: p.paymentGateway ?? undefined,
    amountPaid: p.amountPaid == null ? undefined : Number(p.amountPaid),
    chatMessages: p.chatMessages,
    feedbackRating: p.feedbackRating,
    feedbackComment: p.feedbackComment,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  });
}

/** Format sessions with their experts, batched through the request's readers. */
export async function sessionsToJson(
  readers: Readers,
  sessions: SessionRow[],
  opts: { withParticipants?: boolean } = {},
): Promise<SessionJson[]> {
  return Promise.all(
    sessions.map(async (session) => {
      const expert = await readers.user(session.expertId);
      if (!expert) throw new Error(`session ${session.id} has no expert row ${session.expertId}`);
      return toSessionJson(session, expert, {
        host: readers.hostDetails(session) !== null,
        recordingLocation: readers.recordingLocation(session),
        participants: opts.withParticipants ? await readers.participants(session) : undefined,
      });
    }),
  );
}
