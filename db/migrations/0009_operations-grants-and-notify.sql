-- New tables get the same data rights as the first slice's (drizzle-kit emits no grants);
-- the events table's bigserial needs its sequence too.
GRANT SELECT, INSERT, UPDATE, DELETE ON operation_requests, operation_request_events, tenant_archives,
  outbox_events, webhook_deliveries, tenant_application_data, tenant_solution_profile TO scc_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE operation_request_events_id_seq TO scc_app;
--> statement-breakpoint
-- Live progress: every event row wakes the cockpits' single LISTEN connection. The payload is
-- only the id (NOTIFY payloads are capped at 8000 bytes); listeners read the row once per process.
CREATE FUNCTION scc_notify_operation_event() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('scc_operation_events', NEW.id::text);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER operation_request_events_notify
AFTER INSERT ON operation_request_events
FOR EACH ROW EXECUTE FUNCTION scc_notify_operation_event();
--> statement-breakpoint
-- Entitlement rules read the contract of the unit or its nearest ancestor that holds one, which
-- lies above the caller's scope. Like scc_resolve_caller this runs with the owner's rights and
-- answers only dates and options of one (unit path, product), never the contract rows themselves.
CREATE FUNCTION scc_contract_for(p_bu_path ltree, p_product_id uuid)
RETURNS TABLE (starts_on date, ends_on date, options jsonb)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT c.starts_on, c.ends_on, c.options
  FROM contracts c
  WHERE c.product_id = p_product_id AND c.bu_path @> p_bu_path
  ORDER BY nlevel(c.bu_path) DESC, coalesce(c.ends_on, 'infinity'::date) DESC
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_contract_for(ltree, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_contract_for(ltree, uuid) TO scc_app;
