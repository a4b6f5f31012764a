ALTER TYPE "public"."operation_kind" ADD VALUE 'transport';--> statement-breakpoint
ALTER TYPE "public"."operation_kind" ADD VALUE 'profile-restore';--> statement-breakpoint
CREATE TABLE "product_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"min_product_version" text NOT NULL,
	"max_product_version" text,
	"depends_on" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	CONSTRAINT "product_extensions_product_name_version" UNIQUE("product_id","name","version")
);
--> statement-breakpoint
ALTER TABLE "product_extensions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "solution_profile_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"created_by_request_id" uuid,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solution_profile_versions_tenant_version" UNIQUE("tenant_id","version"),
	CONSTRAINT "solution_profile_versions_tenant_request" UNIQUE("tenant_id","created_by_request_id"),
	CONSTRAINT "solution_profile_versions_positive" CHECK ("solution_profile_versions"."version" > 0),
	CONSTRAINT "solution_profile_versions_object" CHECK (jsonb_typeof("solution_profile_versions"."document") = 'object')
);
--> statement-breakpoint
ALTER TABLE "solution_profile_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"installed_by_request_id" uuid,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_extensions_tenant_name" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
ALTER TABLE "tenant_extensions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "transports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"source_tenant_id" uuid NOT NULL,
	"target_tenant_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"profile_mode" text,
	"source_version" integer,
	"baseline_version" integer,
	"target_version_before" integer,
	"target_version_after" integer,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transports_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "transports_mode" CHECK ("transports"."profile_mode" is null or "transports"."profile_mode" in ('full', 'delta'))
);
--> statement-breakpoint
ALTER TABLE "transports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "profile_schema" jsonb;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "product_version" text DEFAULT '1.0.0' NOT NULL;--> statement-breakpoint
ALTER TABLE "product_extensions" ADD CONSTRAINT "product_extensions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_profile_versions" ADD CONSTRAINT "solution_profile_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_extensions" ADD CONSTRAINT "tenant_extensions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transports" ADD CONSTRAINT "transports_request_id_operation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."operation_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_extensions_bu_path_gist" ON "product_extensions" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "solution_profile_versions_bu_path_gist" ON "solution_profile_versions" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "tenant_extensions_bu_path_gist" ON "tenant_extensions" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "transports_pair_idx" ON "transports" USING btree ("source_tenant_id","target_tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "transports_bu_path_gist" ON "transports" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "product_extensions_shared_read" ON "product_extensions" AS PERMISSIVE FOR SELECT TO "scc_app" USING ("product_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree) or "product_extensions"."bu_path" @> (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "product_extensions_subtree_insert" ON "product_extensions" AS PERMISSIVE FOR INSERT TO "scc_app" WITH CHECK ("product_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "product_extensions_subtree_update" ON "product_extensions" AS PERMISSIVE FOR UPDATE TO "scc_app" USING ("product_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("product_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "product_extensions_subtree_delete" ON "product_extensions" AS PERMISSIVE FOR DELETE TO "scc_app" USING ("product_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "solution_profile_versions_subtree" ON "solution_profile_versions" AS PERMISSIVE FOR ALL TO "scc_app" USING ("solution_profile_versions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("solution_profile_versions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "tenant_extensions_subtree" ON "tenant_extensions" AS PERMISSIVE FOR ALL TO "scc_app" USING ("tenant_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("tenant_extensions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "transports_subtree" ON "transports" AS PERMISSIVE FOR ALL TO "scc_app" USING ("transports"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("transports"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002).
GRANT SELECT, INSERT, UPDATE, DELETE ON solution_profile_versions, product_extensions, tenant_extensions, transports TO scc_app;
--> statement-breakpoint
-- Every tenant with profile rows gets them as its first version. The rows were flat keys such as
-- `backup.schedule`; the document nests them at their first dot (`{"backup": {"schedule": …}}`),
-- and the rows become the document's top-level sections, what they hold from now on
-- (docs/transports.md).
INSERT INTO solution_profile_versions (tenant_id, version, document, bu_path)
SELECT s.tenant_id, 1, jsonb_object_agg(s.section, s.value), t.bu_path
FROM (
  SELECT tenant_id, split_part(key, '.', 1) AS section,
    CASE WHEN bool_and(position('.' in key) = 0) THEN (array_agg(value))[1]
      ELSE jsonb_object_agg(substr(key, length(split_part(key, '.', 1)) + 2), value) END AS value
  FROM tenant_solution_profile
  GROUP BY tenant_id, split_part(key, '.', 1)
) s JOIN tenants t ON t.id = s.tenant_id
GROUP BY s.tenant_id, t.bu_path;
--> statement-breakpoint
DELETE FROM tenant_solution_profile;
--> statement-breakpoint
INSERT INTO tenant_solution_profile (tenant_id, key, value, bu_path)
SELECT v.tenant_id, e.key, e.value, v.bu_path
FROM solution_profile_versions v, jsonb_each(v.document) e;
--> statement-breakpoint
-- A tenant's customer is its nearest business unit (itself or above) of kind `customer`; tenants
-- under no customer unit belong to the tree's root (the MSP's own systems). The unit usually lies
-- above the caller's scope, so this runs with the owner's rights and answers only a path, whose
-- labels the argument already holds.
CREATE FUNCTION scc_customer_path(p_bu_path ltree)
RETURNS ltree
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT coalesce(
    (SELECT u.path FROM business_units u
      WHERE u.kind = 'customer' AND u.path @> p_bu_path
      ORDER BY nlevel(u.path) DESC LIMIT 1),
    subpath(p_bu_path, 0, 1))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_customer_path(ltree) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_customer_path(ltree) TO scc_app;
