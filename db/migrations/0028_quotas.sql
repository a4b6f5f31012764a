CREATE TABLE "quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"soft_limit" numeric(21, 6),
	"hard_limit" numeric(21, 6),
	"set_by_unit_id" uuid NOT NULL,
	"soft_exceeded_since" timestamp with time zone,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_unit_metric" UNIQUE("business_unit_id","metric"),
	CONSTRAINT "quotas_metric" CHECK ("quotas"."metric" ~ '^(stored_gb|tenants\.[a-z][a-z0-9-]{0,39})$'),
	CONSTRAINT "quotas_some_limit" CHECK ("quotas"."soft_limit" is not null or "quotas"."hard_limit" is not null),
	CONSTRAINT "quotas_limits_order" CHECK ("quotas"."soft_limit" is null or "quotas"."hard_limit" is null or "quotas"."soft_limit" <= "quotas"."hard_limit"),
	CONSTRAINT "quotas_limits_positive" CHECK (coalesce("quotas"."soft_limit", 0) >= 0 and coalesce("quotas"."hard_limit", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "quotas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_set_by_unit_id_business_units_id_fk" FOREIGN KEY ("set_by_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quotas_bu_path_gist" ON "quotas" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "quotas_subtree" ON "quotas" AS PERMISSIVE FOR ALL TO "scc_app" USING ("quotas"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("quotas"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002).
GRANT SELECT, INSERT, UPDATE, DELETE ON quotas TO scc_app;
--> statement-breakpoint
-- What the subtree at p_path has of a quota's metric. `stored_gb`: the sum of the stored GB its data
-- sources reported on the latest day any of them reported (a level, not a sum over days).
-- `tenants.<type>`: its live tenants of the type (provisioning or live, no termination under way)
-- plus the open orders and restores that will add one, counted as the operations' limits count
-- (cockpit/src/operations/facts.ts), so an accepted order holds its slot from its submit on. An order
-- whose tenant exists already counts once, by its tenant. No grant: the functions below call it.
CREATE FUNCTION scc_quota_consumption_of(p_path ltree, p_metric text)
RETURNS numeric
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN p_metric = 'stored_gb' THEN (
    SELECT coalesce(sum((u.metrics->>'stored_gb')::numeric), 0) FROM usage_records u
    WHERE u.bu_path <@ p_path AND u.bu_path_key >= p_path::text AND u.bu_path_key < p_path::text || '/'
      AND u.day = (SELECT max(l.day) FROM usage_records l
        WHERE l.bu_path <@ p_path AND l.bu_path_key >= p_path::text AND l.bu_path_key < p_path::text || '/'
          AND l.metrics ? 'stored_gb')
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
REVOKE ALL ON FUNCTION scc_quota_consumption_of(ltree, text) FROM PUBLIC;
--> statement-breakpoint
-- A unit's own consumption, for a unit inside the transaction's scope only.
CREATE FUNCTION scc_quota_consumption(p_path ltree, p_metric text)
RETURNS numeric
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT scc_quota_consumption_of(p_path, p_metric)
  WHERE p_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_quota_consumption(ltree, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_quota_consumption(ltree, text) TO scc_app;
--> statement-breakpoint
-- The quotas on the path of a unit inside the transaction's scope, the unit's own included: a quota
-- of a unit above the caller's hidden by row-level security still holds. Per quota its unit's
-- consumption over that unit's whole subtree and whether its limits are reached; the unit and the
-- consumption are named only when the quota's unit lies inside the scope as well, so a customer
-- learns that its reseller's quota is used up, never how many tenants the reseller's other
-- customers hold. `p_metric` null: every metric, without consumption (what inherits to the unit).
CREATE FUNCTION scc_quota_chain(p_path ltree, p_metric text)
RETURNS TABLE (business_unit_id uuid, depth integer, metric text, soft_limit numeric, hard_limit numeric,
  consumption numeric, soft_exceeded boolean, hard_reached boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN c.visible THEN c.business_unit_id END, c.depth, c.metric, c.soft_limit, c.hard_limit,
    CASE WHEN c.visible THEN c.consumption END,
    c.consumption > c.soft_limit, c.consumption >= c.hard_limit
  FROM (
    SELECT q.business_unit_id, nlevel(q.bu_path) AS depth, q.metric, q.soft_limit, q.hard_limit,
      q.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree AS visible,
      CASE WHEN p_metric IS NOT NULL THEN scc_quota_consumption_of(q.bu_path, q.metric) END AS consumption
    FROM quotas q
    WHERE q.bu_path @> p_path AND (p_metric IS NULL OR q.metric = p_metric)
      AND p_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
  ) c
  ORDER BY c.depth
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_quota_chain(ltree, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_quota_chain(ltree, text) TO scc_app;
--> statement-breakpoint
-- The webhook endpoints an alert of the unit at p_path goes to: those registered on the unit or
-- above it for the kind. Alerts are also raised in a caller's transaction (an issued invoice), which
-- row-level security would show only the endpoints inside its subtree; this answers for a unit
-- inside the transaction's scope, and only with ids.
CREATE FUNCTION scc_alert_endpoints(p_path ltree, p_kind text)
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT e.id FROM webhook_endpoints e
  WHERE e.bu_path @> p_path AND (cardinality(e.kinds) = 0 OR p_kind = ANY (e.kinds))
    AND p_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_alert_endpoints(ltree, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_alert_endpoints(ltree, text) TO scc_app;
