CREATE TABLE "live_session_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"user_email" text,
	"user_avatar" text,
	"enrolled_at" timestamp with time zone NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"watch_time" integer DEFAULT 0 NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"payment_id" text,
	"payment_gateway" text,
	"amount_paid" numeric(12, 2),
	"chat_messages" integer DEFAULT 0 NOT NULL,
	"feedback_rating" smallint,
	"feedback_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_session_participants_gateway_check" CHECK ("live_session_participants"."payment_gateway" is null or "live_session_participants"."payment_gateway" in ('stripe', 'razorpay')),
	CONSTRAINT "live_session_participants_rating_check" CHECK ("live_session_participants"."feedback_rating" is null or "live_session_participants"."feedback_rating" between 1 and 5),
	CONSTRAINT "live_session_participants_watch_time_check" CHECK ("live_session_participants"."watch_time" >= 0)
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expert_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"thumbnail" text,
	"session_type" text NOT NULL,
	"scheduled_start_time" timestamp with time zone NOT NULL,
	"scheduled_end_time" timestamp with time zone NOT NULL,
	"actual_start_time" timestamp with time zone,
	"actual_end_time" timestamp with time zone,
	"max_participants" integer,
	"current_viewers" integer DEFAULT 0 NOT NULL,
	"price" numeric(12, 2) DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"hms_room_id" text,
	"hms_room_code" text,
	"hms_session_id" text,
	"hms_recording_id" text,
	"recording_s3_key" text,
	"recorded_lesson_id" text,
	"recording_available" boolean DEFAULT false NOT NULL,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	"attended_count" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb,
	"featured" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_sessions_session_type_check" CHECK ("live_sessions"."session_type" in ('1-on-1', 'group', 'workshop')),
	CONSTRAINT "live_sessions_status_check" CHECK ("live_sessions"."status" in ('scheduled', 'live', 'ended', 'cancelled')),
	CONSTRAINT "live_sessions_schedule_check" CHECK ("live_sessions"."scheduled_end_time" > "live_sessions"."scheduled_start_time"),
	CONSTRAINT "live_sessions_max_participants_check" CHECK ("live_sessions"."max_participants" is null or "live_sessions"."max_participants" > 0),
	CONSTRAINT "live_sessions_enrolled_count_check" CHECK ("live_sessions"."enrolled_count" >= 0 and ("live_sessions"."max_participants" is null or "live_sessions"."enrolled_count" <= "live_sessions"."max_participants")),
	CONSTRAINT "live_sessions_counts_check" CHECK ("live_sessions"."attended_count" >= 0 and "live_sessions"."current_viewers" >= 0),
	CONSTRAINT "live_sessions_price_check" CHECK ("live_sessions"."price" >= 0),
	CONSTRAINT "live_sessions_currency_check" CHECK ("live_sessions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "live_sessions_live_has_room_check" CHECK ("live_sessions"."status" <> 'live' or "live_sessions"."hms_room_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "room_cleanups" (
	"room_id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"reason" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"auth_subject" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"avatar_url" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_session_participants" ADD CONSTRAINT "live_session_participants_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session_participants" ADD CONSTRAINT "live_session_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_cleanups" ADD CONSTRAINT "room_cleanups_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "live_session_participants_session_user_key" ON "live_session_participants" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "live_session_participants_user_idx" ON "live_session_participants" USING btree ("user_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "live_sessions_status_start_idx" ON "live_sessions" USING btree ("status","scheduled_start_time","id");--> statement-breakpoint
CREATE INDEX "live_sessions_expert_start_idx" ON "live_sessions" USING btree ("expert_id","scheduled_start_time","id");--> statement-breakpoint
CREATE INDEX "live_sessions_featured_start_idx" ON "live_sessions" USING btree ("scheduled_start_time","id") WHERE "live_sessions"."featured";--> statement-breakpoint
CREATE UNIQUE INDEX "live_sessions_hms_room_id_key" ON "live_sessions" USING btree ("hms_room_id");--> statement-breakpoint
CREATE INDEX "room_cleanups_pending_idx" ON "room_cleanups" USING btree ("next_attempt_at") WHERE "room_cleanups"."completed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_auth_subject_key" ON "users" USING btree ("auth_subject");