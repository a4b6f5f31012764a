-- Idempotency keys keep the sha256 of the canonical request they were first used with (a reuse with
-- another body is refused) and expire 24 hours after their first use by the cockpit's clock; the
-- sweep finds expired keys by that time.
ALTER TABLE "operation_requests" ADD COLUMN "idempotency_hash" text;--> statement-breakpoint
ALTER TABLE "operation_requests" ADD COLUMN "idempotency_key_used_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "operation_requests_idempotency_expiry" ON "operation_requests" USING btree ("idempotency_key_used_at") WHERE "operation_requests"."idempotency_key" is not null;
--> statement-breakpoint
UPDATE "operation_requests" SET "idempotency_key_used_at" = "created_at" WHERE "idempotency_key" IS NOT NULL;
