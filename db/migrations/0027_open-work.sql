-- Whether an open order, copy, restore or transport reads or writes a tenant. A request lives at
-- the unit it writes to, so under row-level security a copy from Finance into Stores is invisible
-- to a Finance-only caller, who could then terminate the copy's source while it waits (for a
-- worker, or for four eyes). This answers across the tree, but only for a tenant inside the
-- transaction's scope, and only yes or no.
CREATE FUNCTION scc_tenant_has_open_work(p_tenant uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM tenants t
    WHERE t.id = p_tenant
      AND t.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
  ) AND EXISTS (
    SELECT 1 FROM operation_requests r
    -- As text: migrations run in one transaction, which may not use 0024's new enum value yet.
    WHERE r.state::text IN ('requested', 'validated', 'awaiting-approval', 'queued', 'running')
      AND r.kind <> 'decommission'
      AND (r.tenant_id = p_tenant
        OR p_tenant::text IN (r.checkpoint->>'newTenantId', r.checkpoint->>'sourceTenantId',
          r.checkpoint->>'applicationDataSourceTenantId', r.checkpoint->>'solutionProfileSourceTenantId'))
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_tenant_has_open_work(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_tenant_has_open_work(uuid) TO scc_app;
