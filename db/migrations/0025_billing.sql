CREATE TABLE "billing_accounts" (
	"business_unit_id" uuid PRIMARY KEY NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "billing_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "collector_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hash" text NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "collector_credentials_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "collector_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"seller_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"bu_path" "ltree" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoice_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"seller_name" text NOT NULL,
	"buyer_name" text NOT NULL,
	"period" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" integer,
	"currency" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	CONSTRAINT "invoices_seller_buyer_period" UNIQUE("seller_id","buyer_id","period"),
	CONSTRAINT "invoices_seller_number" UNIQUE("seller_id","number"),
	CONSTRAINT "invoices_status" CHECK ("invoices"."status" in ('draft', 'issued')),
	CONSTRAINT "invoices_issued_numbered" CHECK (("invoices"."status" = 'issued') = ("invoices"."number" is not null and "invoices"."issued_at" is not null)),
	CONSTRAINT "invoices_period_first_day" CHECK (extract(day from "invoices"."period") = 1)
);
--> statement-breakpoint
ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"buyer_id" uuid,
	"purpose" text NOT NULL,
	"currency" text NOT NULL,
	"entries" jsonb NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_seller_buyer_purpose" UNIQUE NULLS NOT DISTINCT("seller_id","buyer_id","purpose"),
	CONSTRAINT "price_lists_purpose" CHECK ("price_lists"."purpose" in ('sale', 'internal')),
	CONSTRAINT "price_lists_internal_has_no_buyer" CHECK ("price_lists"."purpose" = 'sale' or "price_lists"."buyer_id" is null)
);
--> statement-breakpoint
ALTER TABLE "price_lists" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_records" (
	"data_source_id" uuid NOT NULL,
	"day" date NOT NULL,
	"metrics" jsonb NOT NULL,
	"usage_class" text DEFAULT 'other' NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"bu_path_key" text COLLATE "C" GENERATED ALWAYS AS ("bu_path"::text) STORED NOT NULL,
	"billed_path" "ltree" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_records_pkey" PRIMARY KEY("data_source_id","day"),
	CONSTRAINT "usage_records_class" CHECK ("usage_records"."usage_class" in ('critical', 'other'))
);
--> statement-breakpoint
ALTER TABLE "usage_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collector_credentials" ADD CONSTRAINT "collector_credentials_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_counters" ADD CONSTRAINT "invoice_counters_seller_id_business_units_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_seller_id_business_units_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_buyer_id_business_units_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_accounts_bu_path_gist" ON "billing_accounts" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "collector_credentials_bu_path_gist" ON "collector_credentials" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "invoice_counters_bu_path_gist" ON "invoice_counters" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "invoices_bu_path_gist" ON "invoices" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "invoices_buyer_idx" ON "invoices" USING btree ("buyer_id","period");--> statement-breakpoint
CREATE INDEX "price_lists_bu_path_gist" ON "price_lists" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "usage_records_bu_path_key_day_idx" ON "usage_records" USING btree ("bu_path_key","day");--> statement-breakpoint
CREATE INDEX "usage_records_day_idx" ON "usage_records" USING btree ("day");--> statement-breakpoint
CREATE POLICY "billing_accounts_subtree" ON "billing_accounts" AS PERMISSIVE FOR ALL TO "scc_app" USING ("billing_accounts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("billing_accounts"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "collector_credentials_subtree" ON "collector_credentials" AS PERMISSIVE FOR ALL TO "scc_app" USING ("collector_credentials"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("collector_credentials"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "invoice_counters_subtree" ON "invoice_counters" AS PERMISSIVE FOR ALL TO "scc_app" USING ("invoice_counters"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("invoice_counters"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "invoices_subtree" ON "invoices" AS PERMISSIVE FOR ALL TO "scc_app" USING ("invoices"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("invoices"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "price_lists_subtree" ON "price_lists" AS PERMISSIVE FOR ALL TO "scc_app" USING ("price_lists"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("price_lists"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "usage_records_subtree" ON "usage_records" AS PERMISSIVE FOR ALL TO "scc_app" USING ("usage_records"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("usage_records"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002). Issued invoices are guarded by the trigger below; usage
-- rows are replaced by re-sends (upsert) and never deleted by the application.
GRANT SELECT, INSERT, UPDATE, DELETE ON collector_credentials, billing_accounts, price_lists TO scc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON usage_records, invoices, invoice_counters TO scc_app;
--> statement-breakpoint
GRANT DELETE ON invoices TO scc_app;
--> statement-breakpoint
-- An issued invoice is a document the buyer has received: nothing of it changes and it is never
-- deleted, for every role. Only a subtree move may rewrite its bu_path (the seller moved).
CREATE FUNCTION scc_guard_issued_invoice() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.id USING ERRCODE = 'SC409';
    END IF;
    IF (to_jsonb(NEW) - 'bu_path') IS DISTINCT FROM (to_jsonb(OLD) - 'bu_path') THEN
      RAISE EXCEPTION 'invoice % is issued and cannot change', OLD.id USING ERRCODE = 'SC409';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_immutable
  BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION scc_guard_issued_invoice();
--> statement-breakpoint
-- A collector presents only its secret; its hash finds the credential and the unit it reports
-- for, before any scope exists (as scc_resolve_caller does for users). Revoked ones are not found.
CREATE FUNCTION scc_collector_credential(p_hash text)
RETURNS TABLE (id uuid, business_unit_id uuid, bu_path ltree)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT c.id, c.business_unit_id, u.path
  FROM collector_credentials c JOIN business_units u ON u.id = c.business_unit_id
  WHERE c.hash = p_hash AND c.revoked_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_collector_credential(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_collector_credential(text) TO scc_app;
--> statement-breakpoint
-- The usage a seller bills for a period: every row whose billed_path (the path on the day it was
-- received, never rewritten) passes through the seller, wherever the data source is now. A buyer
-- that moved away mid-month is no longer in the seller's subtree, so row-level security would hide
-- its earlier usage; this reads it as the owner, for a seller inside the transaction's scope only.
-- Summed per path, class and metric: the invoice run needs no single row.
CREATE FUNCTION scc_billed_usage(p_seller uuid, p_from date, p_to date)
RETURNS TABLE (billed_path ltree, usage_class text, metric text, quantity numeric)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT r.billed_path, r.usage_class, m.key, sum(m.value::numeric)
  FROM usage_records r, jsonb_each_text(r.metrics) m
  WHERE EXISTS (
      SELECT 1 FROM business_units s
      WHERE s.id = p_seller
        AND s.path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    AND r.billed_path ~ ('*.' || replace(p_seller::text, '-', '') || '.*')::lquery
    AND r.day >= p_from AND r.day < p_to
  GROUP BY r.billed_path, r.usage_class, m.key
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_billed_usage(uuid, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_billed_usage(uuid, date, date) TO scc_app;
--> statement-breakpoint
-- Invoices are the seller's rows (bu_path is the seller's); the buyer reads the issued ones
-- addressed to it here, when the buyer lies in the transaction's scope. Its own subtree below
-- never does: a region's scope does not hold its customer, so a customer's cost stays its own.
CREATE FUNCTION scc_invoices_to(p_buyer uuid)
RETURNS SETOF invoices
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT i.* FROM invoices i
  WHERE i.buyer_id = p_buyer AND i.status = 'issued'
    AND EXISTS (
      SELECT 1 FROM business_units b
      WHERE b.id = p_buyer
        AND b.path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_invoices_to(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_invoices_to(uuid) TO scc_app;
--> statement-breakpoint
-- One invoice by id for its buyer: issued, addressed to a unit inside the transaction's scope.
CREATE FUNCTION scc_invoice_received(p_id uuid)
RETURNS SETOF invoices
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT i.* FROM invoices i
  WHERE i.id = p_id AND i.status = 'issued'
    AND EXISTS (
      SELECT 1 FROM business_units b
      WHERE b.id = i.buyer_id
        AND b.path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_invoice_received(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_invoice_received(uuid) TO scc_app;
--> statement-breakpoint
-- The parties on the chains of a seller's billed usage: name, whether it sells, whether it is an
-- account. A unit that moved out of the seller's subtree is hidden from its scope, yet its usage
-- before the move is the seller's to invoice; such a unit is answered only when some usage row
-- billed through the seller names it below the seller, so no unit is disclosed otherwise.
CREATE FUNCTION scc_billing_parties(p_seller uuid, p_ids jsonb)
RETURNS TABLE (id uuid, name text, is_seller boolean, is_account boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  WITH seller AS (
    SELECT s.path, replace(s.id::text, '-', '') AS label FROM business_units s
    WHERE s.id = p_seller AND s.path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
  SELECT u.id, u.name,
    EXISTS (SELECT 1 FROM price_lists l WHERE l.seller_id = u.id AND l.purpose = 'sale' AND l.buyer_id IS NULL),
    EXISTS (SELECT 1 FROM billing_accounts a WHERE a.business_unit_id = u.id)
  FROM seller, business_units u
  WHERE u.id IN (SELECT (jsonb_array_elements_text(p_ids))::uuid)
    AND (u.path <@ seller.path
      OR EXISTS (SELECT 1 FROM usage_records r
        WHERE r.billed_path ~ ('*.' || seller.label || '.*.' || replace(u.id::text, '-', '') || '.*')::lquery))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_billing_parties(uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_billing_parties(uuid, jsonb) TO scc_app;
