-- The walks of 0034 and 0035 took the first of the walked days that held the subtree's (or the data
-- source's) usage with `LIMIT 1`, which promised no order: the planner may join the rows to the
-- days in key order, oldest first. The demo showed a data source's first day as its last. Now the
-- walk itself stops at the first day that holds it, newest first, and marks it `found`; no order
-- is needed to pick it.
CREATE OR REPLACE FUNCTION scc_quota_consumption_of(p_path ltree, p_metric text)
RETURNS numeric
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN p_metric = 'stored_gb' THEN (
    WITH RECURSIVE walk(day, found) AS (
      SELECT newest.day, EXISTS (SELECT 1 FROM usage_daily_totals l
          WHERE l.day = newest.day AND l.bu_path_key >= p_path::text AND l.bu_path_key < p_path::text || '/'
            AND l.bu_path <@ p_path AND l.metric = 'stored_gb' AND l.records > 0)
      FROM (SELECT max(day) AS day FROM usage_daily_totals) newest
      UNION ALL
      SELECT older.day, EXISTS (SELECT 1 FROM usage_daily_totals l
          WHERE l.day = older.day AND l.bu_path_key >= p_path::text AND l.bu_path_key < p_path::text || '/'
            AND l.bu_path <@ p_path AND l.metric = 'stored_gb' AND l.records > 0)
      FROM walk, LATERAL (SELECT max(t.day) AS day FROM usage_daily_totals t WHERE t.day < walk.day) older
      WHERE NOT walk.found AND older.day IS NOT NULL)
    SELECT coalesce(sum(d.quantity), 0) FROM usage_daily_totals d
    WHERE d.day = (SELECT walk.day FROM walk WHERE walk.found)
      AND d.bu_path_key >= p_path::text AND d.bu_path_key < p_path::text || '/' AND d.bu_path <@ p_path
      AND d.metric = 'stored_gb' AND d.records > 0
  ) ELSE (
    (SELECT count(*) FROM tenants t
      WHERE t.bu_path <@ p_path AND t.bu_path_key >= p_path::text AND t.bu_path_key < p_path::text || '/'
        AND t.type = substr(p_metric, 9) AND t.lifecycle_status IN ('provisioning', 'live')
        AND NOT EXISTS (SELECT 1 FROM operation_requests r WHERE r.tenant_id = t.id AND r.kind = 'decommission'
          AND r.state::text IN ('requested', 'validated', 'queued', 'running')))
    + (SELECT count(*) FROM operation_requests o
      WHERE o.bu_path <@ p_path AND o.kind = 'order' AND o.draft->>'type' = substr(p_metric, 9)
        AND o.state::text IN ('requested', 'validated', 'awaiting-approval', 'queued', 'running')
        AND o.tenant_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM tenants n WHERE n.id::text = o.checkpoint->>'newTenantId'))
    + (SELECT count(*) FROM operation_requests o
      WHERE o.bu_path <@ p_path AND o.kind = 'restore' AND o.checkpoint->>'type' = substr(p_metric, 9)
        AND o.state::text IN ('requested', 'validated', 'awaiting-approval', 'queued', 'running')
        AND NOT ('restore' = ANY (o.completed_steps)))
  )::numeric END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION scc_last_usage_day(p_data_source uuid)
RETURNS date
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  WITH RECURSIVE walk(day, found) AS (
    SELECT newest.day, EXISTS (SELECT 1 FROM usage_records r WHERE r.day = newest.day
        AND r.data_source_id = p_data_source
        AND r.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    FROM (SELECT max(day) AS day FROM usage_records) newest
    WHERE EXISTS (SELECT 1 FROM data_sources d WHERE d.id = p_data_source
      AND d.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    UNION ALL
    SELECT older.day, EXISTS (SELECT 1 FROM usage_records r WHERE r.day = older.day
        AND r.data_source_id = p_data_source
        AND r.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    FROM walk, LATERAL (SELECT max(r.day) AS day FROM usage_records r WHERE r.day < walk.day) older
    WHERE NOT walk.found AND older.day IS NOT NULL)
  SELECT walk.day FROM walk WHERE walk.found
$$;
