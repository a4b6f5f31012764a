DROP INDEX "business_units_parent_idx";--> statement-breakpoint
DROP INDEX "tenants_bu_path_gist";--> statement-breakpoint
CREATE INDEX "tenants_bu_path_id_idx" ON "tenants" USING btree ("bu_path","id");