import { getTableName, is, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, PgDialect, type PgPolicy, PgRole, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf } from '../../test/support/sql.js';
import type { Database } from './client.js';
import { businessUnits } from './schema/business-units.js';
import { businessUnitOwnedTables } from './schema/owned-tables.js';
import { type SubtreeAccess, subtreePolicies } from './schema/scope.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * A subtree move rewrites `bu_path` only in the tables of the registry, and isolation rests on
 * row-level security. A table added later with a `bu_path` but forgotten in either place would
 * silently stay behind on a move or leak: this test reads the live schema and names it. Their
 * policies have one definition, `subtreePolicies`, and the migrated database must hold exactly it.
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

/** Every table under row-level security, with the column that places its rows in the tree. */
const scopedTables: { table: PgTable; path: string }[] = [
  { table: businessUnits, path: 'path' },
  ...businessUnitOwnedTables.map(({ table }) => ({ table, path: 'bu_path' })),
];

/** The tables whose access differs from plain `subtree`; a change here is a change of isolation. */
const accessExceptions: Record<string, SubtreeAccess> = {
  products: 'shared-read',
  // A unit's subtree shows its brand, so its logo too.
  brand_logos: 'shared-read',
  // A product's extension catalogue is shared like the product.
  product_extensions: 'shared-read',
  audit_events: 'append-only',
};

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

  test('each of them (and business_units) has row-level security enabled, not forced, and a policy for scc_app', async () => {
    const names = scopedTables.map(({ table }) => getTableName(table));
    const rows = rowsOf<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(
      await db.execute(sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity,
          (select count(*)::int from pg_policies p
            where p.schemaname = 'public' and p.tablename = c.relname and 'scc_app' = any(p.roles)) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    for (const name of names) {
      const row = rows.find((r) => r.relname === name);
      expect(row, name).toBeDefined();
      expect(row?.relrowsecurity, name).toBe(true);
      // Not forced on purpose: the owner (the migration role, not necessarily a superuser) must
      // bypass the policies, which are written for scc_app only. The seed, the sales integration
      // and the SECURITY DEFINER functions (scc_resolve_caller, scc_effective_brand, …) run as the
      // owner and would see and write nothing if row-level security applied to it.
      expect(row?.relforcerowsecurity, name).toBe(false);
      expect(row?.policies, name).toBeGreaterThan(0);
    }
  });

  test('bu_path is indexed in each of them (GiST, or a btree led by its text bu_path_key, or by day then it, for subtree ranges)', async () => {
    const rows = rowsOf<{ tablename: string }>(
      await db.execute(sql`select distinct tablename from pg_indexes
        where schemaname = 'public'
          and (indexdef ilike '%using gist (bu_path)%' or indexdef ilike '%using btree (bu_path_key%'
            or indexdef ilike '%using btree (day, bu_path_key%')`),
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual(businessUnitOwnedTables.map((t) => t.name).sort());
  });
});

const dialect = new PgDialect();
function roleNames(to: PgPolicy['to']): string[] {
  if (to === undefined) return [];
  if (Array.isArray(to)) return to.flatMap(roleNames);
  return [is(to, PgRole) ? to.name : to];
}

/** A policy as drizzle-kit writes it into a migration. */
const described = (policy: PgPolicy) => ({
  name: policy.name,
  as: policy.as,
  for: policy.for,
  to: roleNames(policy.to),
  using: policy.using && dialect.sqlToQuery(policy.using).sql,
  withCheck: policy.withCheck && dialect.sqlToQuery(policy.withCheck).sql,
});

const commands = { all: sql`all`, select: sql`select`, insert: sql`insert`, update: sql`update`, delete: sql`delete` };

function createPolicy(schema: string, table: string, policy: PgPolicy): SQL {
  return sql`create policy ${sql.identifier(policy.name)} on ${sql.identifier(schema)}.${sql.identifier(table)}
    as ${policy.as === 'restrictive' ? sql`restrictive` : sql`permissive`} for ${commands[policy.for ?? 'all']}
    to ${sql.join(
      roleNames(policy.to).map((role) => sql.identifier(role)),
      sql`, `,
    )}
    ${policy.using ? sql`using (${policy.using})` : sql.empty()}
    ${policy.withCheck ? sql`with check (${policy.withCheck})` : sql.empty()}`;
}

interface PolicyRow {
  tablename: string;
  policyname: string;
  permissive: string;
  roles: string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}

class Rollback extends Error {}

describe('row-level security has one definition (subtreePolicies)', () => {
  test('each table declares exactly the policies subtreePolicies gives for its path column and access', () => {
    for (const { table, path } of scopedTables) {
      const config = getTableConfig(table);
      const column = config.columns.find((c) => c.name === path);
      if (!column) throw new Error(`${config.name} has no column ${path}`);
      const expected = subtreePolicies(column, accessExceptions[config.name] ?? 'subtree');
      expect(config.policies.map(described), config.name).toEqual(expected.map(described));
    }
  });

  test('the migrated database holds exactly the declared policies', async () => {
    // Postgres compares what it stores: the declared policies are created on empty copies of the
    // tables in a scratch schema, and both sides are read back from pg_policies as Postgres
    // prints them, in a transaction that is rolled back.
    const scratch = 'scc_declared_policies';
    const policiesIn = async (tx: Pick<Database, 'execute'>, schema: string) =>
      rowsOf<PolicyRow>(
        await tx.execute(sql`select tablename, policyname, permissive, array_to_string(roles, ',') as roles, cmd,
            qual, with_check
          from pg_policies where schemaname = ${schema} order by tablename, policyname`),
      );
    let compared: { migrated: PolicyRow[]; declared: PolicyRow[] } | undefined;
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`create schema ${sql.identifier(scratch)}`);
        for (const { table } of scopedTables) {
          const { name, policies } = getTableConfig(table);
          await tx.execute(
            sql`create table ${sql.identifier(scratch)}.${sql.identifier(name)} (like public.${sql.identifier(name)})`,
          );
          for (const policy of policies) await tx.execute(createPolicy(scratch, name, policy));
        }
        compared = { migrated: await policiesIn(tx, 'public'), declared: await policiesIn(tx, scratch) };
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(compared?.declared.length).toBeGreaterThan(0);
    expect(compared?.migrated).toEqual(compared?.declared);
  });
});
