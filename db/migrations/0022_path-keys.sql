-- Pages of a subtree bounded their ltree path as a btree range, which row-level security lets
-- drive an index scan only if ltree's comparisons are LEAKPROOF; migration 0010 declares that
-- only when a superuser migrates, so with any other owner (a managed PostgreSQL: RDS, Cloud SQL,
-- Azure) the tenant count scanned the table and a page of units walked every unit before the
-- subtree. Text comparisons are LEAKPROOF for every owner: the paths' text, compared byte by byte,
-- carries the same range (`inSubtree`). The policies stay as they are: a range in them would make
-- the planner guess every scoped table nearly empty and join through whole subtrees (BENCHMARKS.md).
DROP INDEX "tenants_bu_path_id_idx";--> statement-breakpoint
ALTER TABLE "business_units" ADD COLUMN "path_key" text COLLATE "C" GENERATED ALWAYS AS ("path"::text) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "bu_path_key" text COLLATE "C" GENERATED ALWAYS AS ("bu_path"::text) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "business_units_path_key_idx" ON "business_units" USING btree ("path_key");--> statement-breakpoint
CREATE INDEX "tenants_bu_path_key_id_idx" ON "tenants" USING btree ("bu_path_key","id");