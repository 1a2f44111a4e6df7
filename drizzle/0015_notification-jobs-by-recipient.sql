-- A student's calendar SEQUENCE is read on every enrollment (notification-queue.ts): by session
-- and recipient. With the session alone indexed it scanned every job of the class, so enrolling
-- slowed as a class filled. The two-column index serves the per-session lookups as well.
DROP INDEX "notification_jobs_session_idx";--> statement-breakpoint
CREATE INDEX "notification_jobs_session_recipient_idx" ON "notification_jobs" USING btree ("session_id","recipient_id");
