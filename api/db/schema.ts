/**
 * Tables. Rules that must hold under any concurrency (one enrollment per person,
 * never more enrollments than seats, valid statuses) are CHECK and UNIQUE constraints
 * here as well as domain rules: the database is the last line of defence.
 *
 * Enumerations are text + CHECK rather than pg enums: adding a value to a pg enum
 * cannot share a migration transaction with its first use on PostgreSQL 15.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** The identity provider's `sub`, e.g. `auth0|64f…`. Opaque. */
    authSubject: text("auth_subject").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    avatarUrl: text("avatar_url"),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /**
     * When the identity provider issued the claims the profile was last taken from (the
     * token's `iat`). A profile is never overwritten with claims older than these: a copied
     * old token must not bring back a role the provider has since removed.
     */
    identityIssuedAt: timestamp("identity_issued_at", { withTimezone: true }),
    /** IANA zone (`Europe/Berlin`) emails show times in; taken from the browser at first sign-in, editable. Null: UTC. */
    timeZone: text("time_zone"),
    /** The reminders before a class (24 hours and 15 minutes): off when the user turned them off. */
    emailReminders: boolean("email_reminders").notNull().default(true),
    /** The other notices (confirmations, cancellations, recordings, new enrollments): off when the user turned them off. */
    emailNotices: boolean("email_notices").notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_auth_subject_key").on(t.authSubject)],
);

export interface SessionMetadata {
  category?: string;
  difficulty?: string;
  equipment?: string[];
  tags?: string[];
}

/**
 * Sessions. One column is not declared here: `search_vector`, the text search's words,
 * kept by triggers (drizzle/0009_sessions-search.sql) and read only by the list's search
 * condition in SQL, so that selecting a session never carries it.
 */
export const liveSessions = pgTable(
  "live_sessions",
  {
    id: text("id").primaryKey(),
    expertId: text("expert_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    thumbnail: text("thumbnail"),
    sessionType: text("session_type").notNull().$type<"1-on-1" | "group" | "workshop">(),
    scheduledStartTime: timestamp("scheduled_start_time", { withTimezone: true }).notNull(),
    scheduledEndTime: timestamp("scheduled_end_time", { withTimezone: true }).notNull(),
    actualStartTime: timestamp("actual_start_time", { withTimezone: true }),
    actualEndTime: timestamp("actual_end_time", { withTimezone: true }),
    maxParticipants: integer("max_participants"),
    currentViewers: integer("current_viewers").notNull().default(0),
    price: numeric("price", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    currency: text("currency").notNull(),
    status: text("status")
      .notNull()
      .default("scheduled")
      .$type<"scheduled" | "live" | "ended" | "cancelled">(),
    hmsRoomId: text("hms_room_id"),
    hmsRoomCode: text("hms_room_code"),
    hmsSessionId: text("hms_session_id"),
    hmsRecordingId: text("hms_recording_id"),
    recordingS3Key: text("recording_s3_key"),
    recordedLessonId: text("recorded_lesson_id"),
    recordingAvailable: boolean("recording_available").notNull().default(false),
    enrolledCount: integer("enrolled_count").notNull().default(0),
    /**
     * Seats of a paid class held for students on its waitlist who were offered them and have
     * until their `offered_until` to pay. Free seats are `max_participants - enrolled_count - held_seats`.
     */
    heldSeats: integer("held_seats").notNull().default(0),
    attendedCount: integer("attended_count").notNull().default(0),
    metadata: jsonb("metadata").$type<SessionMetadata>(),
    featured: boolean("featured").notNull().default(false),
    /** When the session was cancelled, and why, in words shown to its students; null unless cancelled. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancellationReason: text("cancellation_reason"),
    ...timestamps,
  },
  (t) => [
    check("live_sessions_session_type_check", sql`${t.sessionType} in ('1-on-1', 'group', 'workshop')`),
    check("live_sessions_status_check", sql`${t.status} in ('scheduled', 'live', 'ended', 'cancelled')`),
    check("live_sessions_schedule_check", sql`${t.scheduledEndTime} > ${t.scheduledStartTime}`),
    check("live_sessions_max_participants_check", sql`${t.maxParticipants} is null or ${t.maxParticipants} > 0`),
    check(
      "live_sessions_enrolled_count_check",
      sql`${t.enrolledCount} >= 0 and (${t.maxParticipants} is null or ${t.enrolledCount} <= ${t.maxParticipants})`,
    ),
    check("live_sessions_counts_check", sql`${t.attendedCount} >= 0 and ${t.currentViewers} >= 0`),
    check(
      "live_sessions_held_seats_check",
      sql`${t.heldSeats} >= 0 and (${t.maxParticipants} is null or ${t.enrolledCount} + ${t.heldSeats} <= ${t.maxParticipants})`,
    ),
    check("live_sessions_price_check", sql`${t.price} >= 0`),
    check("live_sessions_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("live_sessions_live_has_room_check", sql`${t.status} <> 'live' or ${t.hmsRoomId} is not null`),
    // The list's filters and its stable order (scheduled start, then id).
    index("live_sessions_status_start_idx").on(t.status, t.scheduledStartTime, t.id),
    index("live_sessions_expert_start_idx").on(t.expertId, t.scheduledStartTime, t.id),
    index("live_sessions_featured_start_idx")
      .on(t.scheduledStartTime, t.id)
      .where(sql`${t.featured}`),
    uniqueIndex("live_sessions_hms_room_id_key").on(t.hmsRoomId),
  ],
);

export const liveSessionParticipants = pgTable(
  "live_session_participants",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    userName: text("user_name").notNull(),
    userEmail: text("user_email"),
    userAvatar: text("user_avatar"),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull(),
    attended: boolean("attended").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    watchTime: integer("watch_time").notNull().default(0),
    paid: boolean("paid").notNull().default(false),
    paymentId: text("payment_id"),
    paymentGateway: text("payment_gateway").$type<"stripe" | "razorpay">(),
    amountPaid: numeric("amount_paid", { precision: 12, scale: 2, mode: "number" }),
    chatMessages: integer("chat_messages").notNull().default(0),
    feedbackRating: smallint("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    /** When the rating was last given or changed; null while there is none. */
    feedbackAt: timestamp("feedback_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("live_session_participants_session_user_key").on(t.sessionId, t.userId),
    // A payment reference pays for one seat, ever (nulls, free seats, never collide).
    uniqueIndex("live_session_participants_payment_key").on(t.paymentGateway, t.paymentId),
    index("live_session_participants_user_idx").on(t.userId, t.enrolledAt),
    check(
      "live_session_participants_gateway_check",
      sql`${t.paymentGateway} is null or ${t.paymentGateway} in ('stripe', 'razorpay')`,
    ),
    check(
      "live_session_participants_rating_check",
      sql`${t.feedbackRating} is null or ${t.feedbackRating} between 1 and 5`,
    ),
    check("live_session_participants_watch_time_check", sql`${t.watchTime} >= 0`),
    check(
      "live_session_participants_feedback_comment_check",
      sql`${t.feedbackComment} is null or char_length(${t.feedbackComment}) <= 2000`,
    ),
  ],
);

/**
 * Rooms that must still be closed at 100ms. Written in the same transaction that ends a
 * session (an outbox), so a crash or a 100ms outage can never leave a room open forever;
 * a sweeper retries until 100ms confirms.
 */
export const roomCleanups = pgTable(
  "room_cleanups",
  {
    roomId: text("room_id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    reason: text("reason").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("room_cleanups_pending_idx").on(t.nextAttemptAt).where(sql`${t.completedAt} is null`)],
);

/**
 * The 100ms webhook deliveries already applied, by envelope id. 100ms delivers at least
 * once; the id is inserted in the same transaction as the delivery's effect, so a
 * repeated delivery finds it and changes nothing.
 */
export const hmsWebhookEvents = pgTable(
  "hms_webhook_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("hms_webhook_events_received_idx").on(t.receivedAt)],
);

/**
 * The 100ms sessions of a live session's room: 100ms opens one when the first peer joins
 * and closes it when the last leaves, so a room can hold several. Facts as 100ms reported
 * them, merged whatever order they arrive in; the session's counts are derived from them.
 */
export const hmsRoomSessions = pgTable(
  "hms_room_sessions",
  {
    /** 100ms's session id. */
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    /** Set by session.close.success: nobody was in the room any more. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    recordingId: text("recording_id"),
    recordingPath: text("recording_path"),
    recordingCompletedAt: timestamp("recording_completed_at", { withTimezone: true }),
    recordingError: text("recording_error"),
  },
  (t) => [index("hms_room_sessions_session_idx").on(t.sessionId)],
);

/**
 * One row per 100ms peer: one browser tab's stay in the room. A person reconnecting or
 * joining from two devices has several. `joinedAt`/`leftAt` come from peer.join.success
 * and peer.leave.success (the leave carries the join time too, so either alone may fill
 * both); a peer without `leftAt` left when its 100ms session closed, if it has.
 */
export const peerPresences = pgTable(
  "peer_presences",
  {
    peerId: text("peer_id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    hmsSessionId: text("hms_session_id").notNull(),
    /** Our user id: join tokens carry it as 100ms's user_id. */
    userId: text("user_id").notNull(),
    role: text("role"),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [index("peer_presences_session_user_idx").on(t.sessionId, t.userId)],
);

/**
 * Per-user counters of the rate-limited actions (createSession, enroll, joinToken): one row
 * per user and action with the start of its current window and the attempts seen in it.
 * In the database rather than in a process's memory, so every instance counts against the
 * same limit; one atomic upsert per attempt (api/repositories/rate-limits.ts).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.action] })],
);

/**
 * Web sign-in sessions, kept on the server so they can be ended: the `__session` cookie
 * carries only a random id, and this row is found by the id's SHA-256 (a copy of the table
 * does not hand out working cookies). Sign-out deletes the row; the server enforces the
 * absolute lifetime (`expires_at`) and the idle timeout (`last_seen_at`), and renews the
 * identity from the provider with the refresh token at most every few minutes.
 */
export const signInSessions = pgTable(
  "sign_in_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The identity as last verified (ID token claims mapped by identityFromClaims). */
    identity: jsonb("identity").notNull(),
    /** The provider's refresh token, sealed with SESSION_SECRET; null when the provider gave none. */
    refreshToken: text("refresh_token"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    identityRefreshedAt: timestamp("identity_refreshed_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_sessions_user_idx").on(t.userId), index("sign_in_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Per-address counters for requests nobody is signed in for (anonymous reads, the sign-in
 * routes): like rate_limits, but keyed by the client's address, which has no user row.
 */
export const addressRateLimits = pgTable(
  "address_rate_limits",
  {
    address: text("address").notNull(),
    action: text("action").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.action] }), index("address_rate_limits_window_idx").on(t.windowStart)],
);

/**
 * How many sessions there are per (status, expert, featured), so a list's `total` is a sum
 * over a few rows instead of counting every matching session (at 100,000 sessions the exact
 * count cost more than the whole page). Kept exact by triggers on live_sessions, in the
 * same transaction as each change (migration 0005_session-count-triggers), never by the app.
 * A filter the counts cannot answer (category, difficulty) still counts the sessions.
 */
export const sessionCounts = pgTable(
  "session_counts",
  {
    status: text("status").notNull(),
    expertId: text("expert_id").notNull(),
    featured: boolean("featured").notNull(),
    sessions: integer("sessions").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.expertId, t.featured] }), check("session_counts_sessions_check", sql`${t.sessions} >= 0`)],
);

/**
 * Money owed back to students: one row per paid enrollment to refund, written in the same
 * transaction as the cancellation that owes it (an outbox), so a crash or a gateway outage
 * can never lose one. A worker on every instance claims due rows (`FOR UPDATE SKIP LOCKED`),
 * asks the gateway with an idempotency key derived from the enrollment, and retries with
 * backoff until the gateway confirms or the attempts run out (`failed`, for an admin).
 *
 * `participant_id` has no foreign key: a student cancelling their own booking frees the
 * seat by deleting the enrollment row, and its refund must outlive it.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    participantId: text("participant_id").notNull(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    gateway: text("gateway").notNull().$type<"stripe" | "razorpay">(),
    paymentId: text("payment_id").notNull(),
    /** The full amount paid, in major units (as amount_paid). */
    amount: numeric("amount", { precision: 12, scale: 2, mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** Why it is owed: the expert or an admin cancelled, the student cancelled, the class never started. */
    cause: text("cause").notNull().$type<"session_cancelled" | "booking_cancelled" | "not_started">(),
    status: text("status").notNull().default("pending").$type<"pending" | "refunded" | "failed">(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** The last gateway error; after the attempts ran out, why it failed. */
    lastError: text("last_error"),
    gatewayRefundId: text("gateway_refund_id"),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // One refund per enrollment, and a payment is refunded once, whatever races.
    uniqueIndex("refunds_participant_key").on(t.participantId),
    uniqueIndex("refunds_payment_key").on(t.gateway, t.paymentId),
    index("refunds_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("refunds_user_idx").on(t.userId, t.createdAt),
    index("refunds_session_idx").on(t.sessionId),
    check("refunds_status_check", sql`${t.status} in ('pending', 'refunded', 'failed')`),
    check("refunds_cause_check", sql`${t.cause} in ('session_cancelled', 'booking_cancelled', 'not_started')`),
    check("refunds_gateway_check", sql`${t.gateway} in ('stripe', 'razorpay')`),
    check("refunds_amount_check", sql`${t.amount} > 0`),
  ],
);

/**
 * Students waiting for a seat in a full session, first come first served (`joined_at`, then
 * id). A freed seat goes to the first `waiting` entry at once, in the transaction that
 * freed it: a free class enrolls them (and the entry goes), a paid class offers the seat
 * (`offered`, held in live_sessions.held_seats until `offered_until`). An entry leaves when
 * its student enrolls, leaves, or lets an offer lapse.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("waiting").$type<"waiting" | "offered">(),
    offeredUntil: timestamp("offered_until", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("waitlist_entries_session_user_key").on(t.sessionId, t.userId),
    index("waitlist_entries_queue_idx").on(t.sessionId, t.joinedAt, t.id),
    index("waitlist_entries_offers_idx").on(t.offeredUntil).where(sql`${t.status} = 'offered'`),
    index("waitlist_entries_user_idx").on(t.userId),
    check("waitlist_entries_status_check", sql`${t.status} in ('waiting', 'offered')`),
    check("waitlist_entries_offer_check", sql`(${t.status} = 'offered') = (${t.offeredUntil} is not null)`),
  ],
);

/**
 * Emails to send (an outbox): each row is written in the same transaction as its cause (an
 * enrollment, a cancellation, a recording) or by the reminder sweeper, and a worker on every
 * instance claims due rows (`FOR UPDATE SKIP LOCKED`), sends them, and retries with backoff
 * while the mail server is away. `dedupe_key` says what the message is about (kind, session,
 * recipient, and the calendar sequence or time window where one cause can repeat): a message
 * is queued once, whoever queues it and however often.
 */
export const notificationJobs = pgTable(
  "notification_jobs",
  {
    id: text("id").primaryKey(),
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind")
      .notNull()
      .$type<
        "enrollment_confirmed" | "session_rescheduled" | "reminder_24h" | "reminder_15m" | "session_cancelled" | "booking_cancelled" | "recording_ready" | "expert_new_enrollments" | "webhook_endpoint_disabled"
      >(),
    /** The class the message is about; null for messages about no class (a webhook endpoint disabled). */
    sessionId: text("session_id").references(() => liveSessions.id),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id),
    /** The calendar invitation's SEQUENCE (RFC 5545), raised by each change the student is told of. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** What the cause knew that the send cannot read back (the refund owed; the enrollments' window). */
    details: jsonb("details").$type<Record<string, unknown>>(),
    status: text("status").notNull().default("pending").$type<"pending" | "sent" | "skipped" | "failed">(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    lastError: text("last_error"),
    /** The mail server's message id once it accepted the message. */
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("notification_jobs_dedupe_key").on(t.dedupeKey),
    index("notification_jobs_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    // Leading with the session, it serves per-session lookups too; with the recipient, a
    // student's calendar sequence is one index probe, not a scan of a big class's jobs.
    index("notification_jobs_session_recipient_idx").on(t.sessionId, t.recipientId),
    check("notification_jobs_status_check", sql`${t.status} in ('pending', 'sent', 'skipped', 'failed')`),
    // Only a message about no class (an endpoint disabled) may leave the session out.
    check("notification_jobs_session_check", sql`${t.sessionId} is not null or ${t.kind} = 'webhook_endpoint_disabled'`),
    check(
      "notification_jobs_kind_check",
      sql`${t.kind} in ('enrollment_confirmed', 'session_rescheduled', 'reminder_24h', 'reminder_15m', 'session_cancelled', 'booking_cancelled', 'recording_ready', 'expert_new_enrollments', 'webhook_endpoint_disabled')`,
    ),
  ],
);


/**
 * Outbound webhooks (api/domain/webhooks-out/): endpoints integrators register, the events
 * written in the same transaction as the change they describe, one delivery per event and
 * endpoint (its id is the `webhook-id` every retry repeats), and the log of attempts.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    /** An admin's endpoint hears every session; an expert's only their own. */
    allSessions: boolean("all_sessions").notNull().default(false),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    /** `whsec_` + base64: Standard Webhooks' form. Shown once, at creation and rotation. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Since when every delivery has failed; null after a success. Three days of it disables the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    ...timestamps,
  },
  (t) => [index("webhook_endpoints_owner_idx").on(t.ownerId, t.createdAt)],
);

export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** The session the event is about (every event has one); its expert decides whose endpoints hear it. */
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id),
    expertId: text("expert_id").notNull(),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** Throttled events (attendance.updated) wait until here, taking newer figures meanwhile. */
    deliverAfter: timestamp("deliver_after", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_events_session_type_idx").on(t.sessionId, t.type, t.deliverAfter)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** The `webhook-id` header: the same on every attempt and on a resend. */
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending").$type<"pending" | "delivered" | "failed">(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** Retries stop 24 hours after this (a resend starts it again). */
    firstAttemptDueAt: timestamp("first_attempt_due_at", { withTimezone: true }).notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_key").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    check("webhook_deliveries_status_check", sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    /** The receiver's HTTP status; null when none came (refused address, timeout, connection error). */
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_delivery_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

/**
 * Idempotency keys of POSTs and GraphQL mutations (api/domain/idempotency): the first request
 * with a key claims its row (`in_progress`), and its answer is kept (`done`) for 24 hours, so a
 * retry with the same key and body gets that answer without acting again. Keyed by the user as
 * well, so one user's key never reaches another's answer. The primary key makes a claim atomic
 * across instances: two identical requests at once insert one row, and the second waits.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of the method, path and canonical JSON body: another request under the same key is refused. */
    requestHash: text("request_hash").notNull(),
    status: text("status").notNull().$type<"in_progress" | "done">(),
    responseStatus: integer("response_status"),
    responseType: text("response_type"),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the request holding the key claimed it: a claim held far longer belongs to a crashed instance. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
    check("idempotency_keys_status_check", sql`${t.status} in ('in_progress', 'done')`),
    check("idempotency_keys_response_check", sql`(${t.status} = 'done') = (${t.responseStatus} is not null)`),
  ],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type SignInSessionRow = typeof signInSessions.$inferSelect;
export type SessionRow = typeof liveSessions.$inferSelect;
export type ParticipantRow = typeof liveSessionParticipants.$inferSelect;
export type RoomCleanupRow = typeof roomCleanups.$inferSelect;
export type HmsRoomSessionRow = typeof hmsRoomSessions.$inferSelect;
export type PeerPresenceRow = typeof peerPresences.$inferSelect;
export type NotificationJobRow = typeof notificationJobs.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;
