DROP INDEX "usage_daily_totals_day_idx";--> statement-breakpoint
DROP INDEX "usage_daily_totals_key";--> statement-breakpoint
CREATE UNIQUE INDEX "usage_daily_totals_key" ON "usage_daily_totals" USING btree ("day","bu_path_key","billed_path","usage_class","metric");
--> statement-breakpoint
-- The daily totals' key is day first now: the latest day the subtree reported stored GB is found
-- walking the days that hold any totals from the newest (one probe of the key each, and one of that
-- day's range of the subtree's paths). A subtree that never reported walks every day once, instead
-- of the whole key. The walk stops at the day it finds and marks it `found`: picking it with LIMIT 1
-- from the walked days would depend on the order rows come in, which no plan promises.
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
