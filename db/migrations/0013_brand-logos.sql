CREATE TABLE "brand_logos" (
	"business_unit_id" uuid PRIMARY KEY NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brand_logos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "brand_logos" ADD CONSTRAINT "brand_logos_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brand_logos_bu_path_gist" ON "brand_logos" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "brand_logos_shared_read" ON "brand_logos" AS PERMISSIVE FOR SELECT TO "scc_app" USING ("brand_logos"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree) or "brand_logos"."bu_path" @> (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "brand_logos_subtree_insert" ON "brand_logos" AS PERMISSIVE FOR INSERT TO "scc_app" WITH CHECK ("brand_logos"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "brand_logos_subtree_update" ON "brand_logos" AS PERMISSIVE FOR UPDATE TO "scc_app" USING ("brand_logos"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("brand_logos"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "brand_logos_subtree_delete" ON "brand_logos" AS PERMISSIVE FOR DELETE TO "scc_app" USING ("brand_logos"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002).
GRANT SELECT, INSERT, UPDATE, DELETE ON brand_logos TO scc_app;
--> statement-breakpoint
-- Brands of the first shape: the colour becomes the light palette's primary, and a logo URL is
-- dropped, since the widget loads no image from another origin (logos are uploaded now).
UPDATE business_units
SET brand = nullif(
  jsonb_strip_nulls(jsonb_build_object(
    'displayName', brand -> 'displayName',
    'light', CASE WHEN brand ? 'primaryColor' THEN jsonb_build_object('primary', brand -> 'primaryColor') END
  )),
  '{}'::jsonb
)
WHERE brand ? 'primaryColor' OR brand ? 'logoUrl';
