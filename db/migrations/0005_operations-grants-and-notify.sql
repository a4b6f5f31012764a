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
