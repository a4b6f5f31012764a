-- The live feed's order is the commit order. Event ids are taken at insert, but transactions
-- commit in another order, so a reader that has sent id 7 could later meet id 6. Instead each
-- event gets its feed position when its transaction commits: a deferred trigger takes one
-- transaction-scoped lock, numbers the transaction's events and NOTIFYs. The lock is held until
-- the commit is visible, so the next transaction numbers its events only afterwards: whoever
-- sees a position has already been able to see every lower one.
CREATE SEQUENCE "operation_request_events_position_seq" AS bigint;
--> statement-breakpoint
UPDATE "operation_request_events" SET "position" = "id" WHERE "position" IS NULL;
--> statement-breakpoint
SELECT setval('operation_request_events_position_seq', coalesce((SELECT max("position") FROM "operation_request_events"), 0) + 1, false);
--> statement-breakpoint
DROP TRIGGER "operation_request_events_notify" ON "operation_request_events";
--> statement-breakpoint
DROP FUNCTION scc_notify_operation_event();
--> statement-breakpoint
CREATE FUNCTION scc_sequence_operation_event() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  assigned bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('scc-operation-feed'), 0);
  UPDATE operation_request_events SET "position" = nextval('operation_request_events_position_seq')
    WHERE id = NEW.id
    RETURNING "position" INTO assigned;
  -- The payload is only the position (NOTIFY payloads are capped at 8000 bytes); listeners read
  -- the rows after the last position they delivered, so a lost notification loses nothing.
  PERFORM pg_notify('scc_operation_events', assigned::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_sequence_operation_event() FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "operation_request_events_sequence"
AFTER INSERT ON "operation_request_events"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION scc_sequence_operation_event();
--> statement-breakpoint
-- "At most maxLiveProductive (default 1) productive tenants per business unit and product that
-- are provisioning or live and have no open termination": the submit checks it under the same
-- advisory lock and answers with the rule; these triggers hold it for every other writer too —
-- a cancelled termination, a restore, a provisioner activating a tenant.
CREATE FUNCTION scc_assert_live_productive_limit(p_business_unit_id uuid, p_product_id uuid) RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  counted integer;
  allowed integer;
BEGIN
  -- The key of lockUnitProduct (cockpit/src/operations/assess.ts): submits and this check take turns.
  PERFORM pg_advisory_xact_lock(hashtext('scc-operation-limits'), hashtext(p_business_unit_id::text || '/' || p_product_id::text));
  SELECT coalesce((p.rules->>'maxLiveProductive')::integer, 1) INTO allowed FROM products p WHERE p.id = p_product_id;
  SELECT count(*) INTO counted FROM tenants t
  WHERE t.business_unit_id = p_business_unit_id AND t.product_id = p_product_id AND t.type = 'productive'
    AND t.lifecycle_status IN ('provisioning', 'live')
    AND NOT EXISTS (
      SELECT 1 FROM operation_requests r
      WHERE r.tenant_id = t.id AND r.kind = 'decommission' AND r.state IN ('requested', 'validated', 'queued', 'running'));
  IF counted > coalesce(allowed, 1) THEN
    RAISE EXCEPTION 'the business unit would have % live productive tenants of the product (at most %)', counted, coalesce(allowed, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tenants_live_productive_limit';
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_assert_live_productive_limit(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
-- A tenant starts to count when it is created, activated or restored as productive (not when it
-- goes from provisioning to live: it counted already).
CREATE FUNCTION scc_check_tenant_live_productive() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF NEW.type = 'productive' AND NEW.lifecycle_status IN ('provisioning', 'live')
    AND NOT (TG_OP = 'UPDATE' AND OLD.type = 'productive' AND OLD.lifecycle_status IN ('provisioning', 'live')
      AND OLD.business_unit_id = NEW.business_unit_id AND OLD.product_id = NEW.product_id) THEN
    PERFORM scc_assert_live_productive_limit(NEW.business_unit_id, NEW.product_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_check_tenant_live_productive() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER "tenants_live_productive_limit"
AFTER INSERT OR UPDATE OF "lifecycle_status", "type", "business_unit_id", "product_id" ON "tenants"
FOR EACH ROW EXECUTE FUNCTION scc_check_tenant_live_productive();
--> statement-breakpoint
-- A tenant counts again when its termination ends without archiving it (cancelled or failed).
CREATE FUNCTION scc_check_termination_end() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  tenant record;
BEGIN
  IF OLD.state IN ('requested', 'validated', 'queued', 'running')
    AND NEW.state NOT IN ('requested', 'validated', 'queued', 'running') AND NEW.tenant_id IS NOT NULL THEN
    SELECT t.business_unit_id, t.product_id, t.type, t.lifecycle_status INTO tenant FROM tenants t WHERE t.id = NEW.tenant_id;
    IF FOUND AND tenant.type = 'productive' AND tenant.lifecycle_status IN ('provisioning', 'live') THEN
      PERFORM scc_assert_live_productive_limit(tenant.business_unit_id, tenant.product_id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_check_termination_end() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER "operation_requests_termination_end"
AFTER UPDATE OF "state" ON "operation_requests"
FOR EACH ROW WHEN (OLD.kind = 'decommission')
EXECUTE FUNCTION scc_check_termination_end();
