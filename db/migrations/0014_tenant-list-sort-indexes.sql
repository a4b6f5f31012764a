DROP INDEX "tenants_business_unit_idx";--> statement-breakpoint
CREATE INDEX "business_units_name_id_idx" ON "business_units" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "tenants_name_id_idx" ON "tenants" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "tenants_type_name_id_idx" ON "tenants" USING btree ("type","name","id");--> statement-breakpoint
CREATE INDEX "tenants_lifecycle_name_id_idx" ON "tenants" USING btree ("lifecycle_status","name","id");--> statement-breakpoint
CREATE INDEX "tenants_operational_name_id_idx" ON "tenants" USING btree ("operational_status","name","id");--> statement-breakpoint
CREATE INDEX "tenants_business_unit_name_id_idx" ON "tenants" USING btree ("business_unit_id","name","id");--> statement-breakpoint
-- The tenant list sorts by lifecycle and operational status, both enums, and its keyset cursor
-- compares them. Like ltree's in 0010, enum comparisons must be LEAKPROOF for row-level security
-- to let them drive an index scan; otherwise a deep page walks the index from its start. They
-- compare two values of one enum by their sort order and raise nothing for a stored value.
-- Only a superuser may declare that; a migration role without it keeps working, just slower.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION enum_lt(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_le(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_ge(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_gt(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_cmp(anyenum, anyenum) LEAKPROOF;
  END IF;
END
$$;
