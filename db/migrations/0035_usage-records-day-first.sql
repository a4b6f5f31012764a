DROP INDEX "usage_records_bu_path_key_day_idx";--> statement-breakpoint
CREATE INDEX "usage_records_day_bu_path_key_idx" ON "usage_records" USING btree ("day","bu_path_key");
--> statement-breakpoint
-- A data source's last usage day, now that the records' indexes are day first: the days holding
-- any record are walked from the newest (one probe of the key each) until one holds this data
-- source's record, which the walk marks `found` (see 0034 on why not LIMIT 1). The walk needs
-- every day's records, not only the caller's: row-level security would filter each probe through
-- rows of other subtrees. So it runs as the owner, and answers only for a data source, and
-- records, in the caller's scope.
CREATE OR REPLACE FUNCTION scc_last_usage_day(p_data_source uuid)
RETURNS date
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  WITH RECURSIVE walk(day, found) AS (
    SELECT newest.day, EXISTS (SELECT 1 FROM usage_records r WHERE r.day = newest.day
        AND r.data_source_id = p_data_source
        AND r.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    FROM (SELECT max(day) AS day FROM usage_records) newest
    WHERE EXISTS (SELECT 1 FROM data_sources d WHERE d.id = p_data_source
      AND d.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    UNION ALL
    SELECT older.day, EXISTS (SELECT 1 FROM usage_records r WHERE r.day = older.day
        AND r.data_source_id = p_data_source
        AND r.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree)
    FROM walk, LATERAL (SELECT max(r.day) AS day FROM usage_records r WHERE r.day < walk.day) older
    WHERE NOT walk.found AND older.day IS NOT NULL)
  SELECT walk.day FROM walk WHERE walk.found
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_last_usage_day(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_last_usage_day(uuid) TO scc_app;
