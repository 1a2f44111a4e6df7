-- Keeps session_counts exact: every insert, delete, truncate and change of status, expert or
-- featured on live_sessions adjusts the counts in the same transaction. Inserts and deletes
-- are counted per statement (a bulk insert is one grouped upsert, not one per row); a change
-- moves one session from its old key to its new one. Counter rows are taken in key order so
-- two bulk statements cannot deadlock on them.
CREATE FUNCTION session_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO session_counts AS c (status, expert_id, featured, sessions)
  SELECT status, expert_id, featured, count(*) FROM added_sessions
  GROUP BY status, expert_id, featured ORDER BY status, expert_id, featured
  ON CONFLICT (status, expert_id, featured) DO UPDATE SET sessions = c.sessions + excluded.sessions;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION session_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE session_counts AS c SET sessions = c.sessions - r.sessions
  FROM (SELECT status, expert_id, featured, count(*)::int AS sessions FROM removed_sessions GROUP BY status, expert_id, featured) AS r
  WHERE c.status = r.status AND c.expert_id = r.expert_id AND c.featured = r.featured;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION session_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE session_counts SET sessions = sessions - 1
  WHERE status = OLD.status AND expert_id = OLD.expert_id AND featured = OLD.featured;
  INSERT INTO session_counts AS c (status, expert_id, featured, sessions) VALUES (NEW.status, NEW.expert_id, NEW.featured, 1)
  ON CONFLICT (status, expert_id, featured) DO UPDATE SET sessions = c.sessions + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION session_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM session_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER live_sessions_count_inserts AFTER INSERT ON live_sessions
  REFERENCING NEW TABLE AS added_sessions FOR EACH STATEMENT EXECUTE FUNCTION session_counts_add();
--> statement-breakpoint
CREATE TRIGGER live_sessions_count_deletes AFTER DELETE ON live_sessions
  REFERENCING OLD TABLE AS removed_sessions FOR EACH STATEMENT EXECUTE FUNCTION session_counts_remove();
--> statement-breakpoint
CREATE TRIGGER live_sessions_count_moves AFTER UPDATE OF status, expert_id, featured ON live_sessions FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.expert_id IS DISTINCT FROM NEW.expert_id OR OLD.featured IS DISTINCT FROM NEW.featured)
  EXECUTE FUNCTION session_counts_move();
--> statement-breakpoint
CREATE TRIGGER live_sessions_count_truncates AFTER TRUNCATE ON live_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION session_counts_clear();
--> statement-breakpoint
-- The sessions that exist already; the triggers above hold live_sessions locked until this
-- migration commits, so nothing is written between them and this count.
INSERT INTO session_counts (status, expert_id, featured, sessions)
SELECT status, expert_id, featured, count(*) FROM live_sessions GROUP BY status, expert_id, featured;
