CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"bu_path" "ltree" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"external_ref" text NOT NULL,
	"name" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sources_unit_kind_ref_unique" UNIQUE("business_unit_id","kind","external_ref")
);
--> statement-breakpoint
ALTER TABLE "data_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "business_units" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "business_units" ADD COLUMN "brand" jsonb;--> statement-breakpoint
ALTER TABLE "business_units" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_bu_path_gist" ON "audit_events" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "audit_events_newest_idx" ON "audit_events" USING btree ("occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "data_sources_bu_path_gist" ON "data_sources" USING gist ("bu_path");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_units_parent_name_idx" ON "business_units" USING btree ("parent_id","name","id");--> statement-breakpoint
ALTER TABLE "business_units" ADD CONSTRAINT "business_units_external_ref_unique" UNIQUE("external_ref");--> statement-breakpoint
CREATE POLICY "audit_events_subtree_read" ON "audit_events" AS PERMISSIVE FOR SELECT TO "scc_app" USING ("audit_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "audit_events_subtree_append" ON "audit_events" AS PERMISSIVE FOR INSERT TO "scc_app" WITH CHECK ("audit_events"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "data_sources_subtree" ON "data_sources" AS PERMISSIVE FOR ALL TO "scc_app" USING ("data_sources"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("data_sources"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));