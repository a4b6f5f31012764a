-- Idempotency keys keep the sha256 of the canonical request they were first used with (a reuse with
-- another body is refused) and expire after 24 hours; the sweep finds expired keys by creation time.
ALTER TABLE "operation_requests" ADD COLUMN "idempotency_hash" text;--> statement-breakpoint
CREATE INDEX "operation_requests_idempotency_expiry" ON "operation_requests" USING btree ("created_at") WHERE "operation_requests"."idempotency_key" is not null;
