import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf } from '../../test/support/sql.js';
import type { Database } from './client.js';
import { businessUnitOwnedTables } from './schema/owned-tables.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * A subtree move rewrites `bu_path` only in the tables of the registry, and isolation rests on
 * row-level security. A table added later with a `bu_path` but forgotten in either place would
 * silently stay behind on a move or leak: this test reads the live schema and names it.
 */
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
});
afterAll(async () => {
  await database?.drop();
});

describe('business-unit-owned tables', () => {
  test('every table with a bu_path column is in the registry, and the registry names only such tables', async () => {
    const rows = rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'bu_path' order by table_name`),
    );
    const withBuPath = rows.map((r) => r.table_name);
    expect(withBuPath.length).toBeGreaterThan(0);
    expect([...businessUnitOwnedTables.map((t) => t.name)].sort()).toEqual(withBuPath);
  });

  test('each of them (and business_units) has row-level security enabled and a policy for scc_app', async () => {
    const names = ['business_units', ...businessUnitOwnedTables.map((t) => t.name)];
    const rows = rowsOf<{ relname: string; relrowsecurity: boolean; policies: number }>(
      await db.execute(sql`select c.relname, c.relrowsecurity,
          (select count(*)::int from pg_policies p
            where p.schemaname = 'public' and p.tablename = c.relname and 'scc_app' = any(p.roles)) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    for (const name of names) {
      const row = rows.find((r) => r.relname === name);
      expect(row, name).toBeDefined();
      expect(row?.relrowsecurity, name).toBe(true);
      expect(row?.policies, name).toBeGreaterThan(0);
    }
  });

  test('bu_path is indexed in each of them (GiST, or a btree led by bu_path for ordered subtree pages)', async () => {
    const rows = rowsOf<{ tablename: string }>(
      await db.execute(sql`select distinct tablename from pg_indexes
        where schemaname = 'public'
          and (indexdef ilike '%using gist (bu_path)%' or indexdef ilike '%using btree (bu_path%')`),
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual(businessUnitOwnedTables.map((t) => t.name).sort());
  });
});
