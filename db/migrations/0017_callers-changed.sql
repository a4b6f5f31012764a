-- The cockpit keeps each resolved caller (user, acting unit, scope path, roles) for a few seconds
-- instead of asking scc_resolve_caller on every request. Whatever can change an answer of that
-- function announces itself on one channel, and every cockpit process drops its callers at once:
-- roles granted or removed, users changed or removed, units renamed, moved or deleted. Per
-- statement, not per row, so a subtree move of thousands of units sends one notification, and
-- PostgreSQL folds equal notifications of one transaction into one, sent at commit.
CREATE FUNCTION scc_announce_callers_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  PERFORM pg_notify('scc_callers_changed', '');
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER role_assignments_callers_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION scc_announce_callers_changed();--> statement-breakpoint
CREATE TRIGGER users_callers_changed
  AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION scc_announce_callers_changed();--> statement-breakpoint
CREATE TRIGGER business_units_callers_changed
  AFTER UPDATE OR DELETE OR TRUNCATE ON business_units
  FOR EACH STATEMENT EXECUTE FUNCTION scc_announce_callers_changed();
