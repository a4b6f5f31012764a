CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"bu_path" "ltree" NOT NULL,
	CONSTRAINT "alert_deliveries_alert_endpoint" UNIQUE("alert_id","endpoint_id")
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alert_reads" (
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_reads_alert_id_user_id_pk" PRIMARY KEY("alert_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "alert_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"subject" jsonb NOT NULL,
	"summary" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_dedupe_key" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" text NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"url" text NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"sealed_secret" text NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_reads" ADD CONSTRAINT "alert_reads_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_reads" ADD CONSTRAINT "alert_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_pending_idx" ON "alert_deliveries" USING btree ("next_attempt_at") WHERE "alert_deliveries"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "alert_deliveries_bu_path_gist" ON "alert_deliveries" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "alert_reads_bu_path_gist" ON "alert_reads" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "alerts_bu_path_gist" ON "alerts" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "alerts_raised_idx" ON "alerts" USING btree ("raised_at","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_bu_path_gist" ON "webhook_endpoints" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_host_idx" ON "webhook_endpoints" USING btree ("host_id");--> statement-breakpoint
CREATE POLICY "alert_deliveries_subtree" ON "alert_deliveries" AS PERMISSIVE FOR ALL TO "scc_app" USING ("alert_deliveries"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("alert_deliveries"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "alert_reads_subtree" ON "alert_reads" AS PERMISSIVE FOR ALL TO "scc_app" USING ("alert_reads"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("alert_reads"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "alerts_subtree" ON "alerts" AS PERMISSIVE FOR ALL TO "scc_app" USING ("alerts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("alerts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "webhook_endpoints_subtree" ON "webhook_endpoints" AS PERMISSIVE FOR ALL TO "scc_app" USING ("webhook_endpoints"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("webhook_endpoints"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002). Alerts are raised inside whatever transaction saw the
-- cause, a caller's too; a subtree move rewrites `bu_path` everywhere as the application role.
-- Only endpoints are deleted by the application (their deliveries go with them).
GRANT SELECT, INSERT, UPDATE ON alerts TO scc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON alert_reads TO scc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO scc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON alert_deliveries TO scc_app;
