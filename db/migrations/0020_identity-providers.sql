CREATE TABLE "identity_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"issuer" text NOT NULL,
	"audience" text NOT NULL,
	"jwks_uri" text,
	"jwks" jsonb,
	"algorithms" text[] NOT NULL,
	"email_claim" text DEFAULT 'email' NOT NULL,
	"require_verified_email" boolean DEFAULT true NOT NULL,
	"name_claim" text,
	"provisioning_role" "role_name",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_providers_unit_issuer_unique" UNIQUE("business_unit_id","issuer"),
	CONSTRAINT "identity_providers_one_key_source" CHECK (("identity_providers"."jwks_uri" is null) <> ("identity_providers"."jwks" is null))
);
--> statement-breakpoint
ALTER TABLE "identity_providers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_providers_bu_path_gist" ON "identity_providers" USING gist ("bu_path");--> statement-breakpoint
CREATE POLICY "identity_providers_subtree" ON "identity_providers" AS PERMISSIVE FOR ALL TO "scc_app" USING ("identity_providers"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("identity_providers"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002). A registration is removed when a unit stops trusting
-- its issuer; the audit log keeps the record.
GRANT SELECT, INSERT, UPDATE, DELETE ON identity_providers TO scc_app;
