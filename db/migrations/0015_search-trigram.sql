-- Name search at scale. A trigram index finds names containing a text without reading every
-- name, but not under row-level security: ILIKE is not LEAKPROOF, so PostgreSQL evaluates it
-- only after the policies, row by row over the caller's whole subtree. So the searches run in
-- these functions with their owner's rights (no policies apply to the owner) and apply the
-- caller's scope themselves. The scope is the transaction's `app.scope_path`, the setting the
-- policies read, never an argument: a caller cannot pass a wider one, and an unset or empty
-- scope finds nothing. `p_under` only narrows the search to a subtree inside the scope.
-- Trusted extension: the database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "business_units_name_trgm_idx" ON "business_units" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tenants_name_trgm_idx" ON "tenants" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
-- `%`, `_` and `\` in a search are themselves, not patterns.
CREATE FUNCTION scc_contains_pattern(p_text text)
RETURNS text
LANGUAGE sql
IMMUTABLE
STRICT
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT '%' || replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;
--> statement-breakpoint
-- Plan settings, per call: GIN indexes are read only through bitmap scans, which withScope turns
-- off for the policies' sake; and a plan made for the actual text and subtree (custom plan) lets
-- the planner choose between the trigram index (a rare text in a big subtree) and walking the
-- subtree (a short or common text), which a generic plan cannot.
CREATE FUNCTION scc_search_business_units(
  p_query text,
  p_under ltree,
  p_after_name text,
  p_after_id uuid,
  p_limit integer
)
RETURNS TABLE (
  business_unit_id uuid,
  parent_id uuid,
  name text,
  kind text,
  path ltree,
  child_count integer,
  ancestors json
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
SET enable_bitmapscan = on
SET plan_cache_mode = force_custom_plan
ROWS 100
AS $$
DECLARE
  v_scope ltree := nullif(current_setting('app.scope_path', true), '')::ltree;
BEGIN
  IF v_scope IS NULL OR p_under IS NULL OR NOT p_under <@ v_scope THEN
    RETURN;
  END IF;
  -- Whole rows, not ids for the caller to join: under row-level security the planner guesses a
  -- subtree tiny and would read all of it to join a page of matches. A unit's children lie in
  -- the scope with it; its ancestors are named only inside the scope (the caller may not learn
  -- what lies above its own unit).
  RETURN QUERY
  SELECT bu.id, bu.parent_id, bu.name, bu.kind, bu.path,
    (SELECT count(*)::int FROM business_units c WHERE c.parent_id = bu.id),
    (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY nlevel(a.path)), '[]'::json)
     FROM business_units a
     WHERE a.path @> bu.path AND a.path <@ v_scope AND a.id <> bu.id)
  FROM business_units bu
  WHERE bu.path <@ p_under AND bu.path >= p_under AND bu.path < (p_under::text || 'z')::ltree
    AND bu.name ILIKE scc_contains_pattern(p_query)
    AND (p_after_name IS NULL OR (bu.name, bu.id) > (p_after_name, p_after_id))
  ORDER BY bu.name, bu.id
  LIMIT p_limit;
END
$$;
--> statement-breakpoint
-- Every tenant below `p_under` whose name contains `p_query`: the list's other filters, sort,
-- keyset and count apply to these under row-level security as before.
CREATE FUNCTION scc_search_tenants(p_query text, p_under ltree)
RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
SET enable_bitmapscan = on
SET plan_cache_mode = force_custom_plan
ROWS 1000
AS $$
DECLARE
  v_scope ltree := nullif(current_setting('app.scope_path', true), '')::ltree;
BEGIN
  IF v_scope IS NULL OR p_under IS NULL OR NOT p_under <@ v_scope THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT t.id
  FROM tenants t
  WHERE t.bu_path <@ p_under AND t.bu_path >= p_under AND t.bu_path < (p_under::text || 'z')::ltree
    AND t.name ILIKE scc_contains_pattern(p_query);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_search_business_units(text, ltree, text, uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_search_business_units(text, ltree, text, uuid, integer) TO scc_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_search_tenants(text, ltree) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_search_tenants(text, ltree) TO scc_app;
