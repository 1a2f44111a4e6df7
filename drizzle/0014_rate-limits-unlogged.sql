-- The rate-limit counters are written on every anonymous read and every limited action. As
-- UNLOGGED tables their commits do not wait for a WAL flush (a transaction that wrote only
-- unlogged tables commits asynchronously), which took a flush out of every such request.
-- The price: after a database crash (not a clean restart) PostgreSQL empties them, so the
-- windows open again from zero, and replicas do not have them. A counter, not a record.
ALTER TABLE "rate_limits" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "address_rate_limits" SET UNLOGGED;
