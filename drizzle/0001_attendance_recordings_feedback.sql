CREATE TABLE "hms_room_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"recording_id" text,
	"recording_path" text,
	"recording_completed_at" timestamp with time zone,
	"recording_error" text
);
--> statement-breakpoint
CREATE TABLE "hms_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"session_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_presences" (
	"peer_id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"hms_session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "live_session_participants" ADD COLUMN "feedback_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hms_room_sessions" ADD CONSTRAINT "hms_room_sessions_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hms_webhook_events" ADD CONSTRAINT "hms_webhook_events_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_presences" ADD CONSTRAINT "peer_presences_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hms_room_sessions_session_idx" ON "hms_room_sessions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "hms_webhook_events_received_idx" ON "hms_webhook_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "peer_presences_session_user_idx" ON "peer_presences" USING btree ("session_id","user_id");--> statement-breakpoint
ALTER TABLE "live_session_participants" ADD CONSTRAINT "live_session_participants_feedback_comment_check" CHECK ("live_session_participants"."feedback_comment" is null or char_length("live_session_participants"."feedback_comment") <= 2000);