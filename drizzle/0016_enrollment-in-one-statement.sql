-- Lets one statement refuse itself: an enrollment is written in one statement
-- (api/repositories/enrollment-write.ts), and when its participant row or its seat could not be
-- taken the whole statement must be undone, which only an error does. The reason is the message,
-- with SQLSTATE P0001 (raise_exception), for the caller to recognise.
CREATE FUNCTION live_sessions_require(ok boolean, reason text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT ok THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = reason;
  END IF;
  RETURN true;
END $$;
