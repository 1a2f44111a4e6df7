-- Text search over a session's title, description and its expert's name (the browse page's
-- search box, GraphQL `sessions(search:)`, REST `?search=`). One tsvector per session, kept
-- by triggers so the list's query can use a GIN index: the expert's name lives in `users`,
-- which an expression index on live_sessions could not reach.
--
-- The column is deliberately not declared in api/db/schema.ts: every `select()` of a session
-- would otherwise carry it to the application, which never reads it.
--
-- The 'simple' configuration: no stemming and no stop words, so Sanskrit pose names and
-- people's names are words like any other; the query side matches each word as a prefix.
ALTER TABLE live_sessions ADD COLUMN search_vector tsvector;
--> statement-breakpoint
CREATE FUNCTION live_sessions_search_text(title text, description text, expert_name text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(expert_name, ''))
$$;
--> statement-breakpoint
CREATE FUNCTION live_sessions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := live_sessions_search_text(NEW.title, NEW.description, (SELECT name FROM users WHERE id = NEW.expert_id));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER live_sessions_search_vector BEFORE INSERT OR UPDATE OF title, description, expert_id ON live_sessions
FOR EACH ROW EXECUTE FUNCTION live_sessions_search_vector();
--> statement-breakpoint
-- An expert who changes their name is found under the new one.
CREATE FUNCTION users_name_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE live_sessions SET search_vector = live_sessions_search_text(title, description, NEW.name) WHERE expert_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_name_search_vector AFTER UPDATE OF name ON users
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION users_name_search_vector();
--> statement-breakpoint
UPDATE live_sessions AS s SET search_vector = live_sessions_search_text(s.title, s.description, u.name) FROM users AS u WHERE u.id = s.expert_id;
--> statement-breakpoint
CREATE INDEX live_sessions_search_idx ON live_sessions USING gin (search_vector);
