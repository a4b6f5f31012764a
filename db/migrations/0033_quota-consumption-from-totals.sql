-- A subtree's stored GB from the daily totals (0029) instead of every usage record: the same level
-- (its data sources' stored GB on the latest day any of them reported), read from a few rows per
-- unit and day, since every upload checks the soft quotas on its collector's path.
CREATE OR REPLACE FUNCTION scc_quota_consumption_of(p_path ltree, p_metric text)
RETURNS numeric
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN p_metric = 'stored_gb' THEN (
    SELECT coalesce(sum(d.quantity), 0) FROM usage_daily_totals d
    WHERE d.bu_path <@ p_path AND d.bu_path_key >= p_path::text AND d.bu_path_key < p_path::text || '/'
      AND d.metric = 'stored_gb' AND d.records > 0
      AND d.day = (SELECT max(l.day) FROM usage_daily_totals l
        WHERE l.bu_path <@ p_path AND l.bu_path_key >= p_path::text AND l.bu_path_key < p_path::text || '/'
          AND l.metric = 'stored_gb' AND l.records > 0)
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
