-- audit_events is append-only. The application role may read and insert (policies in 0004) but
-- never update, delete or truncate; the guard trigger refuses those for every role, the owner
-- included, so a row once written keeps saying what happened.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM scc_app;
--> statement-breakpoint
-- The one exception: when a subtree moves, its events follow it (only `bu_path` changes), so
-- the moved subtree keeps reading its own history. Only scc_rebase_audit_events does that.
CREATE FUNCTION scc_audit_events_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('scc.audit_rebase', true) = 'on'
     AND (to_jsonb(NEW) - 'bu_path') = (to_jsonb(OLD) - 'bu_path') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION scc_audit_events_guard();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION scc_audit_events_guard();
--> statement-breakpoint
-- Rewrites the placement of a moved subtree's events. It runs with its owner's rights, so it
-- accepts only a move the caller could make and has already made in this transaction: both
-- places lie in the caller's scope below its own root, they name the same unit, and that unit
-- now lives at the new path and no longer at the old one.
CREATE FUNCTION scc_rebase_audit_events(p_old_path ltree, p_new_path ltree)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_scope ltree := nullif(current_setting('app.scope_path', true), '')::ltree;
  v_count integer;
BEGIN
  IF v_scope IS NULL
     OR NOT (p_old_path <@ v_scope AND p_new_path <@ v_scope)
     OR p_old_path = v_scope
     OR subpath(p_old_path, -1) <> subpath(p_new_path, -1)
     OR NOT EXISTS (SELECT 1 FROM business_units WHERE path = p_new_path)
     OR EXISTS (SELECT 1 FROM business_units WHERE path = p_old_path) THEN
    RAISE EXCEPTION 'not a completed subtree move inside the scope' USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('scc.audit_rebase', 'on', true);
  -- subpath(x, nlevel(x)) is an error rather than an empty path, hence the CASE.
  UPDATE audit_events
  SET bu_path = CASE WHEN bu_path = p_old_path THEN p_new_path
                     ELSE p_new_path || subpath(bu_path, nlevel(p_old_path)) END
  WHERE bu_path <@ p_old_path;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  PERFORM set_config('scc.audit_rebase', '', true);
  RETURN v_count;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_rebase_audit_events(ltree, ltree) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_rebase_audit_events(ltree, ltree) TO scc_app;
