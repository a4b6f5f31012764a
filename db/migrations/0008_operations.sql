CREATE TYPE "public"."operation_kind" AS ENUM('order', 'copy', 'decommission', 'restore');--> statement-breakpoint
CREATE TYPE "public"."operation_request_state" AS ENUM('requested', 'validated', 'queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."tenant_lifecycle_status" ADD VALUE 'deleted';--> statement-breakpoint
CREATE TABLE "operation_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"request_id" uuid,
	"tenant_id" uuid,
	"payload" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operation_request_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "operation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "operation_kind" NOT NULL,
	"state" "operation_request_state" DEFAULT 'requested' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"business_unit_id" uuid NOT NULL,
	"product_id" uuid,
	"tenant_id" uuid,
	"draft" jsonb NOT NULL,
	"determinations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"validations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chargeable" boolean DEFAULT false NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_by_email" text NOT NULL,
	"idempotency_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"lease_until" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"checkpoint" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" jsonb,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "operation_requests_idempotency" UNIQUE("requested_by_user_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "operation_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_archives_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
ALTER TABLE "tenant_archives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"url" text NOT NULL,
	"status_code" integer,
	"error" text,
	"succeeded" boolean NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_application_data" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_application_data_tenant_key" UNIQUE("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "tenant_application_data" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_solution_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_solution_profile_tenant_key" UNIQUE("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "tenant_solution_profile" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "retained_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operation_requests" ADD CONSTRAINT "operation_requests_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_requests" ADD CONSTRAINT "operation_requests_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_requests" ADD CONSTRAINT "operation_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_outbox_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outbox_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_application_data" ADD CONSTRAINT "tenant_application_data_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_solution_profile" ADD CONSTRAINT "tenant_solution_profile_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operation_request_events_bu_path_gist" ON "operation_request_events" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "operation_requests_bu_path_gist" ON "operation_requests" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "operation_requests_claim_idx" ON "operation_requests" USING btree ("state","run_after");--> statement-breakpoint
CREATE INDEX "operation_requests_tenant_idx" ON "operation_requests" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "operation_requests_bu_product_idx" ON "operation_requests" USING btree ("business_unit_id","product_id");--> statement-breakpoint
CREATE INDEX "outbox_events_bu_path_gist" ON "outbox_events" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("next_attempt_at") WHERE "outbox_events"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "tenant_archives_bu_path_gist" ON "tenant_archives" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "tenant_archives_tenant_idx" ON "tenant_archives" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_bu_path_gist" ON "webhook_deliveries" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "tenant_application_data_bu_path_gist" ON "tenant_application_data" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "tenant_solution_profile_bu_path_gist" ON "tenant_solution_profile" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "operation_request_events_subtree" ON "operation_request_events" AS PERMISSIVE FOR ALL TO "scc_app" USING ("operation_request_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("operation_request_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "operation_requests_subtree" ON "operation_requests" AS PERMISSIVE FOR ALL TO "scc_app" USING ("operation_requests"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("operation_requests"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "outbox_events_subtree" ON "outbox_events" AS PERMISSIVE FOR ALL TO "scc_app" USING ("outbox_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("outbox_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "tenant_archives_subtree" ON "tenant_archives" AS PERMISSIVE FOR ALL TO "scc_app" USING ("tenant_archives"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("tenant_archives"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "webhook_deliveries_subtree" ON "webhook_deliveries" AS PERMISSIVE FOR ALL TO "scc_app" USING ("webhook_deliveries"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("webhook_deliveries"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "tenant_application_data_subtree" ON "tenant_application_data" AS PERMISSIVE FOR ALL TO "scc_app" USING ("tenant_application_data"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("tenant_application_data"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "tenant_solution_profile_subtree" ON "tenant_solution_profile" AS PERMISSIVE FOR ALL TO "scc_app" USING ("tenant_solution_profile"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("tenant_solution_profile"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));