CREATE TABLE "usage_daily_totals" (
	"day" date NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"bu_path_key" text COLLATE "C" GENERATED ALWAYS AS ("bu_path"::text) STORED NOT NULL,
	"billed_path" "ltree" NOT NULL,
	"usage_class" text NOT NULL,
	"metric" text NOT NULL,
	"quantity" numeric NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "usage_daily_totals_class" CHECK ("usage_daily_totals"."usage_class" in ('critical', 'other'))
);
--> statement-breakpoint
ALTER TABLE "usage_daily_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_daily_totals_key" ON "usage_daily_totals" USING btree ("bu_path_key","day","billed_path","usage_class","metric");--> statement-breakpoint
CREATE INDEX "usage_daily_totals_day_idx" ON "usage_daily_totals" USING btree ("day");--> statement-breakpoint
CREATE POLICY "usage_daily_totals_subtree" ON "usage_daily_totals" AS PERMISSIVE FOR ALL TO "scc_app" USING ("usage_daily_totals"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("usage_daily_totals"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- Day first in the records' key: a collector's upload is a day of every data source, which now
-- lands at the end of the index instead of on one page per data source. Sums by day come from
-- the totals, so the index on day alone goes.
DROP INDEX "usage_records_day_idx";--> statement-breakpoint
ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_pkey";
--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_pkey" PRIMARY KEY("day","data_source_id");
--> statement-breakpoint
-- Ingest adds to and subtracts from the totals in its own transaction; nothing deletes them.
GRANT SELECT, INSERT, UPDATE ON usage_daily_totals TO scc_app;
--> statement-breakpoint
INSERT INTO usage_daily_totals (day, bu_path, billed_path, usage_class, metric, quantity, records)
SELECT r.day, r.bu_path, r.billed_path, r.usage_class, m.key, sum(m.value::numeric), count(*)
FROM usage_records r, jsonb_each_text(r.metrics) m
GROUP BY r.day, r.bu_path, r.billed_path, r.usage_class, m.key;
--> statement-breakpoint
-- As in 0025, summed per billed path, class and metric, now from the daily totals: a month of a
-- seller's usage is a few rows per unit and day instead of one per data source and day.
CREATE OR REPLACE FUNCTION scc_billed_usage(p_seller uuid, p_from date, p_to date)
RETURNS TABLE (billed_path ltree, usage_class text, metric text, quantity numeric)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT t.billed_path, t.usage_class, t.metric, sum(t.quantity)
  FROM usage_daily_totals t
  WHERE EXISTS (
      SELECT 1 FROM business_units s
      WHERE s.id = p_seller
        AND s.path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    AND t.billed_path ~ ('*.' || replace(p_seller::text, '-', '') || '.*')::lquery
    AND t.day >= p_from AND t.day < p_to
  GROUP BY t.billed_path, t.usage_class, t.metric
  HAVING sum(t.records) > 0
$$;
--> statement-breakpoint
-- As in 0025; a billed path names a unit below the seller exactly when some daily total carries it.
CREATE OR REPLACE FUNCTION scc_billing_parties(p_seller uuid, p_ids jsonb)
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
      OR EXISTS (SELECT 1 FROM usage_daily_totals t
        WHERE t.billed_path ~ ('*.' || seller.label || '.*.' || replace(u.id::text, '-', '') || '.*')::lquery))
$$;
