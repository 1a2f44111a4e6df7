CREATE TABLE "notification_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"session_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"details" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_jobs_status_check" CHECK ("notification_jobs"."status" in ('pending', 'sent', 'skipped', 'failed')),
	CONSTRAINT "notification_jobs_kind_check" CHECK ("notification_jobs"."kind" in ('enrollment_confirmed', 'session_rescheduled', 'reminder_24h', 'reminder_15m', 'session_cancelled', 'booking_cancelled', 'recording_ready', 'expert_new_enrollments'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notices" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_jobs" ADD CONSTRAINT "notification_jobs_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_jobs" ADD CONSTRAINT "notification_jobs_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_jobs_dedupe_key" ON "notification_jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_jobs_due_idx" ON "notification_jobs" USING btree ("next_attempt_at") WHERE "notification_jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_jobs_session_idx" ON "notification_jobs" USING btree ("session_id");