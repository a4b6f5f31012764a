-- A unit without its own brand shows its nearest ancestor's, and ancestors share their brand
-- with the subtree on purpose, even above the caller's scope. Row-level security hides those
-- ancestors, so the lookup runs with its owner's rights; it answers only for a unit inside the
-- caller's scope, and names the source unit only when that lies inside the scope as well.
CREATE FUNCTION scc_effective_brand(p_business_unit_id uuid)
RETURNS TABLE (source_business_unit_id uuid, source_name text, brand jsonb)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN a.path <@ scope.path THEN a.id END,
         CASE WHEN a.path <@ scope.path THEN a.name END,
         a.brand
  FROM (SELECT nullif(current_setting('app.scope_path', true), '')::ltree AS path) scope
  JOIN business_units u ON u.id = p_business_unit_id AND u.path <@ scope.path
  JOIN business_units a ON a.path @> u.path AND a.brand IS NOT NULL
  ORDER BY nlevel(a.path) DESC
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_effective_brand(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_effective_brand(uuid) TO scc_app;
