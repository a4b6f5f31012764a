CREATE TYPE "public"."tenant_lifecycle_status" AS ENUM('provisioning', 'live', 'decommissioning', 'retained', 'archived');--> statement-breakpoint
CREATE TYPE "public"."tenant_operational_status" AS ENUM('up', 'degraded', 'down', 'maintenance');--> statement-breakpoint
CREATE TYPE "public"."role_name" AS ENUM('viewer', 'operator', 'admin', 'billing');--> statement-breakpoint
CREATE TABLE "business_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_units_path_unique" UNIQUE("path")
);
--> statement-breakpoint
ALTER TABLE "business_units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_ref" text NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sla" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_external_ref_unique" UNIQUE("external_ref")
);
--> statement-breakpoint
ALTER TABLE "contracts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"tenant_types" text[] NOT NULL,
	"owner_business_unit_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"lifecycle_status" "tenant_lifecycle_status" DEFAULT 'provisioning' NOT NULL,
	"operational_status" "tenant_operational_status" DEFAULT 'up' NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"role" "role_name" NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_unique" UNIQUE("user_id","business_unit_id","role")
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "business_units" ADD CONSTRAINT "business_units_parent_id_business_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_owner_business_unit_id_business_units_id_fk" FOREIGN KEY ("owner_business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_units_path_gist" ON "business_units" USING gist ("path");--> statement-breakpoint
CREATE INDEX "business_units_parent_idx" ON "business_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "contracts_bu_path_gist" ON "contracts" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "products_bu_path_gist" ON "products" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "tenants_bu_path_gist" ON "tenants" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "tenants_business_unit_idx" ON "tenants" USING btree ("business_unit_id");--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_assignments_bu_path_gist" ON "role_assignments" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "users_bu_path_gist" ON "users" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "business_units_subtree" ON "business_units" AS PERMISSIVE FOR ALL TO "scc_app" USING ("business_units"."path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("business_units"."path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "contracts_subtree" ON "contracts" AS PERMISSIVE FOR ALL TO "scc_app" USING ("contracts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("contracts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "products_shared_read" ON "products" AS PERMISSIVE FOR SELECT TO "scc_app" USING ("products"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree) or "products"."bu_path" @> (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "products_subtree_insert" ON "products" AS PERMISSIVE FOR INSERT TO "scc_app" WITH CHECK ("products"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "products_subtree_update" ON "products" AS PERMISSIVE FOR UPDATE TO "scc_app" USING ("products"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("products"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "products_subtree_delete" ON "products" AS PERMISSIVE FOR DELETE TO "scc_app" USING ("products"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "tenants_subtree" ON "tenants" AS PERMISSIVE FOR ALL TO "scc_app" USING ("tenants"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("tenants"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "role_assignments_subtree" ON "role_assignments" AS PERMISSIVE FOR ALL TO "scc_app" USING ("role_assignments"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("role_assignments"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "users_subtree" ON "users" AS PERMISSIVE FOR ALL TO "scc_app" USING ("users"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("users"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));