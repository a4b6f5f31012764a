-- Scope resolution is the one query that must look across the whole tree, before any scope
-- exists. It runs here with the rights of the function's owner (the migration role), so the
-- cockpit's own login can be a restricted role that is only a member of scc_app and can never
-- bypass row-level security itself. Operators create that login once per cluster:
--   CREATE ROLE scc_cockpit LOGIN PASSWORD '…' IN ROLE scc_app;
-- The rule: the acting business unit lies in the host's home subtree, and the user (by id if
-- given, else by e-mail) holds a role on the acting unit or an ancestor. No row means no caller.
CREATE FUNCTION scc_resolve_caller(
  p_user_id uuid,
  p_email text,
  p_business_unit_id uuid,
  p_home_business_unit_id uuid
)
RETURNS TABLE (
  user_id uuid,
  email text,
  display_name text,
  business_unit_id uuid,
  name text,
  kind text,
  path text,
  roles text[]
)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT u.id, u.email, u.display_name, bu.id, bu.name, bu.kind, bu.path::text,
         array_agg(DISTINCT ra.role::text ORDER BY ra.role::text)
  FROM users u
  JOIN business_units bu ON bu.id = p_business_unit_id
  JOIN business_units home ON home.id = p_home_business_unit_id AND bu.path <@ home.path
  JOIN role_assignments ra ON ra.user_id = u.id AND ra.bu_path @> bu.path
  WHERE u.id = p_user_id OR (p_user_id IS NULL AND u.email = p_email)
  GROUP BY u.id, bu.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_resolve_caller(uuid, text, uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_resolve_caller(uuid, text, uuid, uuid) TO scc_app;
