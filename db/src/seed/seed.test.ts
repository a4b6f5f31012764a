import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personas, seedCatalog, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import type { Database } from '../client.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { seed, seededBusinessUnits } from './index.js';

const tables = [
  'business_units',
  'users',
  'role_assignments',
  'products',
  'contracts',
  'tenants',
  'tenant_application_data',
  'tenant_solution_profile',
] as const;
type Table = (typeof tables)[number];

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  db = database.handle.db;
});
afterAll(async () => {
  await database?.drop();
});

async function counts(): Promise<Record<Table, number>> {
  const out = {} as Record<Table, number>;
  for (const table of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
    out[table] = row?.n ?? -1;
  }
  return out;
}

/** Every row of every seeded table, in a stable order, as JSON text. */
async function snapshot(): Promise<Record<Table, string[]>> {
  const out = {} as Record<Table, string[]>;
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(
      await db.execute(sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t order by id`),
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  path: string;
}

async function units(): Promise<UnitRow[]> {
  return rowsOf<UnitRow>(
    await db.execute(sql`select id, parent_id, name, kind, path::text as path from business_units`),
  );
}

describe('seed', () => {
  test('starts from an empty migrated database', async () => {
    expect(Object.values(await counts())).toEqual(tables.map(() => 0));
  });

  test('loads exactly the catalog, and a second run changes nothing', async () => {
    await seed(db);
    const first = await counts();
    expect(first).toEqual({
      business_units: seededBusinessUnits().length,
      users: personas.length,
      role_assignments: personas.length,
      products: seedCatalog.products.length,
      contracts: seedCatalog.contracts.length,
      tenants: seedCatalog.tenants.length,
      tenant_application_data: seedCatalog.tenants.length * seedCatalog.applicationDataRowsPerTenant,
      tenant_solution_profile: seedCatalog.tenants.length * 3,
    });
    const before = await snapshot();
    await seed(db);
    expect(await counts()).toEqual(first);
    expect(await snapshot()).toEqual(before);
  });

  test('does not overwrite data users changed since', async () => {
    const id = seedId('tenant', 'contoso-erp-test');
    await db.execute(sql`update tenants set name = 'Renamed by a user' where id = ${id}`);
    await seed(db);
    const [row] = rowsOf<{ name: string }>(await db.execute(sql`select name from tenants where id = ${id}`));
    expect(row?.name).toBe('Renamed by a user');
  });
});

describe('seeded hierarchy', () => {
  let all: UnitRow[];
  const byId = () => new Map(all.map((u) => [u.id, u]));
  const childrenOf = (unit: UnitRow) => all.filter((u) => u.parent_id === unit.id);
  const childNamed = (unit: UnitRow, name: string): UnitRow => {
    const found = childrenOf(unit).filter((u) => u.name === name);
    expect(found, `${unit.name} › ${name}`).toHaveLength(1);
    return found[0] as UnitRow;
  };
  const childrenOfKind = (unit: UnitRow, kind: string): UnitRow[] => {
    const found = childrenOf(unit);
    expect(found.length, `${unit.name} has children`).toBeGreaterThan(0);
    for (const child of found) expect(child.kind, `${unit.name} › ${child.name}`).toBe(kind);
    return found;
  };
  /** customer ── regions ── departments ── server groups, each level non-empty, server groups are leaves. */
  const expectCustomerStructure = (customer: UnitRow) => {
    for (const region of childrenOfKind(customer, 'region')) {
      for (const department of childrenOfKind(region, 'department')) {
        for (const group of childrenOfKind(department, 'server group')) expect(childrenOf(group)).toEqual([]);
      }
    }
  };

  beforeAll(async () => {
    all = await units();
  });

  test('has a single root, the MSP, with the brief’s three branches', () => {
    const roots = all.filter((u) => u.parent_id === null);
    expect(roots.map((u) => u.kind)).toEqual(['msp']);
    const msp = roots[0] as UnitRow;
    expect(
      childrenOf(msp)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['External customers', 'Internal systems', 'Resellers']);
  });

  test('MSP › Internal systems › Critical systems / Other systems › server groups', () => {
    const msp = all.find((u) => u.parent_id === null) as UnitRow;
    const internal = childNamed(msp, 'Internal systems');
    expect(
      childrenOf(internal)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Critical systems', 'Other systems']);
    for (const division of childrenOf(internal)) {
      for (const group of childrenOfKind(division, 'server group')) expect(childrenOf(group)).toEqual([]);
    }
  });

  test('MSP › External customers › On-premise customers › External customer One › regions › departments › server groups', () => {
    const msp = all.find((u) => u.parent_id === null) as UnitRow;
    const external = childNamed(msp, 'External customers');
    childNamed(external, 'Other customers');
    const customerOne = childNamed(childNamed(external, 'On-premise customers'), 'External customer One');
    expectCustomerStructure(customerOne);
  });

  test('MSP › Resellers › Reseller One › customers › regions › departments › server groups', () => {
    const msp = all.find((u) => u.parent_id === null) as UnitRow;
    const resellerOne = childNamed(childNamed(msp, 'Resellers'), 'Reseller One');
    expect(resellerOne.kind).toBe('reseller');
    const customers = childrenOfKind(resellerOne, 'customer');
    expect(customers.length).toBeGreaterThanOrEqual(1);
    for (const customer of customers) expectCustomerStructure(customer);
  });

  test('every path is the parent’s path plus the unit’s own label', () => {
    const index = byId();
    for (const unit of all) {
      const label = unit.id.replaceAll('-', '');
      const parent = unit.parent_id ? index.get(unit.parent_id) : undefined;
      if (unit.parent_id) expect(parent, `parent of ${unit.name}`).toBeDefined();
      expect(unit.path, unit.name).toBe(parent ? `${parent.path}.${label}` : label);
    }
  });

  test('every bu_path equals the path of the row’s business unit', async () => {
    const checks = [
      ['users', 'business_unit_id'],
      ['tenants', 'business_unit_id'],
      ['contracts', 'business_unit_id'],
      ['role_assignments', 'business_unit_id'],
      ['products', 'owner_business_unit_id'],
    ] as const;
    for (const [table, column] of checks) {
      const [row] = rowsOf<{ total: number; matching: number }>(
        await db.execute(sql`select count(*)::int as total,
            count(*) filter (where b.path = t.bu_path)::int as matching
          from ${sql.identifier(table)} t join business_units b on b.id = t.${sql.identifier(column)}`),
      );
      expect(row?.total, table).toBeGreaterThan(0);
      expect(row?.matching, table).toBe(row?.total);
    }
  });

  test('every persona has a user and a role on its home business unit', async () => {
    const rows = rowsOf<{ email: string; role: string; name: string }>(
      await db.execute(sql`select u.email, r.role::text as role, b.name from users u
        join role_assignments r on r.user_id = u.id and r.business_unit_id = u.business_unit_id
        join business_units b on b.id = u.business_unit_id`),
    );
    const units = new Map(seededBusinessUnits().map((u) => [u.key, u.name]));
    expect(rows.map((r) => `${r.email} ${r.role} ${r.name}`).sort()).toEqual(
      personas.map((p) => `${p.email} ${p.role} ${units.get(p.businessUnit)}`).sort(),
    );
  });
});
