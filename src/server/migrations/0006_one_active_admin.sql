-- At least one active admin, kept by the database in the transaction that would break it. A check in the
-- application before the write let two admins demote each other at once (each saw the other still admin).
-- The trigger serialises every change that takes an active admin away on one transaction-level advisory
-- lock, then counts the others; in READ COMMITTED each statement of the function takes a fresh snapshot, so
-- the second of two racing transactions sees the first one's commit and is refused.
CREATE FUNCTION users_keep_an_active_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role = 'admin' AND NOT OLD.disabled AND (TG_OP = 'DELETE' OR NEW.role <> 'admin' OR NEW.disabled) THEN
    PERFORM pg_advisory_xact_lock(7402313);
    IF NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled AND id <> OLD.id) THEN
      RAISE EXCEPTION 'at least one active admin must remain' USING ERRCODE = 'check_violation', CONSTRAINT = 'users_one_active_admin';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER users_keep_an_active_admin BEFORE UPDATE OF role, disabled OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION users_keep_an_active_admin();
