-- Databases written before these indexes may hold several open terminations (or restores) of one
-- tenant; every one but the oldest is cancelled first, so the unique indexes can be built.
UPDATE "operation_requests" r SET "state" = 'cancelled', "step" = 'Cancelled: duplicate of an earlier request',
  "claimed_by" = NULL, "lease_until" = NULL, "finished_at" = now(), "updated_at" = now()
WHERE r."kind" IN ('decommission', 'restore') AND r."state" IN ('requested', 'validated', 'queued', 'running')
  AND EXISTS (SELECT 1 FROM "operation_requests" o WHERE o."tenant_id" = r."tenant_id" AND o."kind" = r."kind"
    AND o."state" IN ('requested', 'validated', 'queued', 'running') AND (o."created_at", o."id") < (r."created_at", r."id"));--> statement-breakpoint
ALTER TABLE "operation_request_events" ADD COLUMN "position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "operation_request_events_position_idx" ON "operation_request_events" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "operation_requests_one_open_termination" ON "operation_requests" USING btree ("tenant_id") WHERE "operation_requests"."kind" = 'decommission' and "operation_requests"."state" in ('requested', 'validated', 'queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "operation_requests_one_open_restore" ON "operation_requests" USING btree ("tenant_id") WHERE "operation_requests"."kind" = 'restore' and "operation_requests"."state" in ('requested', 'validated', 'queued', 'running');