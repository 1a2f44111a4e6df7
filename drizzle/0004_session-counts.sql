CREATE TABLE "session_counts" (
	"status" text NOT NULL,
	"expert_id" text NOT NULL,
	"featured" boolean NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "session_counts_status_expert_id_featured_pk" PRIMARY KEY("status","expert_id","featured"),
	CONSTRAINT "session_counts_sessions_check" CHECK ("session_counts"."sessions" >= 0)
);
