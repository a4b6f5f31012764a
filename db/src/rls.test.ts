import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isInSubtree,
  personas,
  seedCatalog,
  seededBusinessUnit,
  seededBusinessUnits,
  seededTenants,
  seedId,
} from '../../test/support/seed-model.js';
import { rowsOf, sqlErrorOf } from '../../test/support/sql.js';
import type { Database } from './client.js';
import { type Transaction, withScope } from './scoped.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * Row-level security is the last line of isolation: these queries deliberately forget every
 * WHERE clause and rely on withScope alone. Expectations come from the seed declarations.
 */
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.handle.db;
});
afterAll(async () => {
  await database?.drop();
});

const contoso = seededBusinessUnit('contoso');
const msp = seededBusinessUnit('msp');
const sorted = (ids: string[]) => [...ids].sort();
const idsOf = (result: unknown) => sorted(rowsOf<{ id: string }>(result).map((r) => r.id));

class Rollback extends Error {}

/** Runs `work` inside withScope and rolls the transaction back, returning what `work` returned. */
async function scopedThenRolledBack<T>(scopePath: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  let out: { value: T } | undefined;
  await withScope(db, scopePath, async (tx) => {
    out = { value: await work(tx) };
    throw new Rollback();
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error;
  });
  if (!out) throw new Error('work did not run');
  return out.value;
}

function expectedIn(rootPath: string) {
  const units = seededBusinessUnits().filter((u) => isInSubtree(u.path, rootPath));
  const unitKeys = new Set(units.map((u) => u.key));
  const inScopeKeys = (key: string) => unitKeys.has(key);
  const scopedPersonas = personas.filter((p) => inScopeKeys(p.businessUnit));
  return {
    businessUnits: sorted(units.map((u) => u.id)),
    tenants: sorted(
      seededTenants()
        .filter((t) => isInSubtree(t.businessUnitPath, rootPath))
        .map((t) => t.id),
    ),
    users: sorted(scopedPersonas.map((p) => seedId('user', p.key))),
    roleAssignments: sorted(scopedPersonas.map((p) => seedId('role-assignment', p.key))),
    contracts: sorted(
      seedCatalog.contracts.filter((c) => inScopeKeys(c.businessUnit)).map((c) => seedId('contract', c.externalRef)),
    ),
  };
}

describe('the seed is fully visible to the owner (control for every test below)', () => {
  test('unscoped reads see every seeded row', async () => {
    const all = expectedIn(msp.path);
    expect(idsOf(await db.execute(sql`select id from business_units`))).toEqual(all.businessUnits);
    expect(idsOf(await db.execute(sql`select id from tenants`))).toEqual(all.tenants);
    expect(idsOf(await db.execute(sql`select id from users`))).toEqual(all.users);
    expect(idsOf(await db.execute(sql`select id from role_assignments`))).toEqual(all.roleAssignments);
    expect(idsOf(await db.execute(sql`select id from contracts`))).toEqual(all.contracts);
    expect(all.tenants.length).toBe(seedCatalog.tenants.length);
  });
});

describe('a query without WHERE under withScope sees only the scope’s subtree', () => {
  const expected = expectedIn(contoso.path);

  test('the Contoso expectation is neither empty nor everything', () => {
    const all = expectedIn(msp.path);
    for (const table of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(expected[table].length, table).toBeGreaterThan(0);
      expect(expected[table].length, table).toBeLessThan(all[table].length);
    }
  });

  test.each([
    ['business_units', 'businessUnits'],
    ['tenants', 'tenants'],
    ['users', 'users'],
    ['role_assignments', 'roleAssignments'],
    ['contracts', 'contracts'],
  ] as const)('%s', async (table, key) => {
    const rows = await withScope(db, contoso.path, (tx) => tx.execute(sql`select id from ${sql.identifier(table)}`));
    expect(idsOf(rows)).toEqual(expected[key]);
  });

  test('every persona’s scope sees exactly its own subtree of tenants and business units', async () => {
    for (const persona of personas) {
      const root = seededBusinessUnit(persona.businessUnit);
      const want = expectedIn(root.path);
      const [units, tenantRows] = await withScope(db, root.path, async (tx) => [
        await tx.execute(sql`select id from business_units`),
        await tx.execute(sql`select id from tenants`),
      ]);
      expect(idsOf(units), persona.key).toEqual(want.businessUnits);
      expect(idsOf(tenantRows), persona.key).toEqual(want.tenants);
    }
  });

  test('joins cannot reach across the boundary either', async () => {
    const rows = await withScope(db, contoso.path, (tx) =>
      tx.execute(sql`select t.id from tenants t join business_units b on b.id = t.business_unit_id`),
    );
    expect(idsOf(rows)).toEqual(expected.tenants);
    const parent = await withScope(db, contoso.path, (tx) =>
      tx.execute(sql`select p.id from business_units c join business_units p on p.id = c.parent_id`),
    );
    // Contoso's own parent (Reseller One) is outside the scope, so it never appears as a parent.
    expect(idsOf(parent)).not.toContain(seededBusinessUnit('reseller-one').id);
  });

  test('updates and deletes without WHERE touch only the subtree', async () => {
    const updated = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`update tenants set name = name || ' (renamed)' returning id`),
    );
    expect(idsOf(updated)).toEqual(expected.tenants);
    const deleted = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`delete from contracts returning id`),
    );
    expect(idsOf(deleted)).toEqual(expected.contracts);
    // Rolled back: everything is still there.
    expect(idsOf(await db.execute(sql`select id from contracts`))).toEqual(expectedIn(msp.path).contracts);
  });
});

describe('products are shared down the tree but changed only inside the owner’s subtree', () => {
  const productIds = sorted(seedCatalog.products.map((p) => seedId('product', p.code)));

  test('a customer scope reads the MSP’s products', async () => {
    const rows = await withScope(db, contoso.path, (tx) => tx.execute(sql`select id from products`));
    expect(idsOf(rows)).toEqual(productIds);
  });

  test('a customer scope cannot update or delete them: zero rows affected', async () => {
    const updated = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`update products set name = 'hijacked' returning id`),
    );
    expect(rowsOf(updated)).toEqual([]);
    const deleted = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`delete from products returning id`),
    );
    expect(rowsOf(deleted)).toEqual([]);
    const names = rowsOf<{ name: string }>(await db.execute(sql`select name from products order by code`));
    expect(names.map((r) => r.name)).toEqual(
      [...seedCatalog.products].sort((a, b) => a.code.localeCompare(b.code)).map((p) => p.name),
    );
  });

  test('a customer scope cannot insert a product owned by the MSP', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`insert into products (code, name, tenant_types, owner_business_unit_id, bu_path)
          values ('EVIL', 'Evil', ${sql`array['productive']`}, ${msp.id}, ${msp.path}::ltree)`),
      ),
    );
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/row-level security/);
  });

  test('moving an own product up to the MSP is rejected by WITH CHECK', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, async (tx) => {
        await tx.execute(sql`insert into products (code, name, tenant_types, owner_business_unit_id, bu_path)
          values ('OWN', 'Own', ${sql`array['test']`}, ${contoso.id}, ${contoso.path}::ltree)`);
        await tx.execute(sql`update products set bu_path = ${msp.path}::ltree where code = 'OWN'`);
      }),
    );
    expect(error.code).toBe('42501');
  });

  test('a product inside the scope can be inserted (control)', async () => {
    const inserted = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`insert into products (code, name, tenant_types, owner_business_unit_id, bu_path)
        values ('OWN', 'Own', ${sql`array['test']`}, ${contoso.id}, ${contoso.path}::ltree) returning id`),
    );
    expect(rowsOf(inserted)).toHaveLength(1);
  });
});

describe('writes outside the scope are rejected', () => {
  const fabrikam = seededBusinessUnit('fabrikam');
  const erp = seedId('product', 'ERP');

  test('inserting a tenant with a bu_path outside the scope fails with an RLS error', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`insert into tenants (business_unit_id, product_id, name, type, bu_path)
          values (${fabrikam.id}, ${erp}, 'Smuggled', 'test', ${fabrikam.path}::ltree)`),
      ),
    );
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/row-level security/);
    expect(
      rowsOf(await db.execute(sql`select id from tenants where name = 'Smuggled'`)),
      'nothing half-done left',
    ).toEqual([]);
  });

  test('moving an own tenant out of the scope fails', async () => {
    const tenant = seedId('tenant', 'contoso-erp-test');
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`update tenants set bu_path = ${fabrikam.path}::ltree, business_unit_id = ${fabrikam.id}
          where id = ${tenant}`),
      ),
    );
    expect(error.code).toBe('42501');
  });

  test('inserting a tenant inside the scope works (control)', async () => {
    const inserted = await scopedThenRolledBack(contoso.path, (tx) =>
      tx.execute(sql`insert into tenants (business_unit_id, product_id, name, type, bu_path)
        values (${contoso.id}, ${erp}, 'Allowed', 'test', ${contoso.path}::ltree) returning id`),
    );
    expect(rowsOf(inserted)).toHaveLength(1);
  });

  test('a business unit cannot be created under a foreign parent', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) =>
        tx.execute(sql`insert into business_units (parent_id, name, path)
          values (${fabrikam.id}, 'Smuggled', ${`${fabrikam.path}.smuggled`}::ltree)`),
      ),
    );
    expect(error.code).toBe('42501');
  });
});

describe('without a scope nothing is visible', () => {
  const tables = [
    'business_units',
    'tenants',
    'users',
    'role_assignments',
    'contracts',
    'products',
    'operation_requests',
    'operation_request_events',
    'tenant_application_data',
    'tenant_solution_profile',
    'tenant_archives',
    'outbox_events',
    'webhook_deliveries',
    'solution_profile_versions',
    'product_extensions',
    'tenant_extensions',
    'transports',
  ];

  test.each(tables)('%s with an empty scope', async (table) => {
    const rows = await withScope(db, '', (tx) => tx.execute(sql`select id from ${sql.identifier(table)}`));
    expect(rowsOf(rows)).toEqual([]);
  });

  test.each(tables)('%s with the role but app.scope_path never set in the transaction', async (table) => {
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'scc_app', true)`);
      return tx.execute(sql`select id from ${sql.identifier(table)}`);
    });
    expect(rowsOf(rows)).toEqual([]);
  });
});

describe('the application role', () => {
  test('is current_user inside withScope, and both settings end with the transaction', async () => {
    const inside = await withScope(db, contoso.path, (tx) =>
      tx.execute(sql`select current_user as "user", current_setting('app.scope_path', true) as scope`),
    );
    expect(rowsOf(inside)).toEqual([{ user: 'scc_app', scope: contoso.path }]);
    // On a pool the next statement may use another connection; on every connection the role
    // and scope must be gone once the transaction ended.
    for (let i = 0; i < 4; i++) {
      const after = rowsOf<{ user: string; scope: string | null }>(
        await db.execute(sql`select current_user as "user", current_setting('app.scope_path', true) as scope`),
      );
      expect(after[0]?.user).not.toBe('scc_app');
      expect(after[0]?.scope ?? '').toBe('');
    }
  });

  test('cannot bypass row-level security: no superuser, no BYPASSRLS, owns no table, inherits no such role', async () => {
    const [role] = rowsOf<Record<string, boolean>>(
      await db.execute(sql`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin
        from pg_roles where rolname = 'scc_app'`),
    );
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolcanlogin: false,
    });
    const owned = rowsOf(
      await db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tableowner = 'scc_app'`),
    );
    expect(owned).toEqual([]);
    const powerful = rowsOf(
      await db.execute(sql`select rolname from pg_roles
        where (rolsuper or rolbypassrls) and pg_has_role('scc_app', oid, 'member')`),
    );
    expect(powerful).toEqual([]);
  });

  test('row-level security is enabled on every business-unit-owned table', async () => {
    const rows = rowsOf<{ relname: string; relrowsecurity: boolean }>(
      await db.execute(sql`select c.relname, c.relrowsecurity from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname`),
    );
    const tables = rows.map((r) => r.relname).filter((name) => !name.startsWith('__'));
    expect(tables).toEqual(
      expect.arrayContaining(['business_units', 'contracts', 'products', 'role_assignments', 'tenants', 'users']),
    );
    for (const row of rows.filter((r) => tables.includes(r.relname))) {
      expect(row.relrowsecurity, row.relname).toBe(true);
    }
  });

  test('cannot change the schema', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, (tx) => tx.execute(sql`alter table tenants add column leaked text`)),
    );
    expect(error.code).toBe('42501');
    const dropError = await sqlErrorOf(withScope(db, contoso.path, (tx) => tx.execute(sql`drop table contracts`)));
    expect(dropError.code).toBe('42501');
  });

  test('turning row_security off makes filtered queries fail instead of leaking rows', async () => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, async (tx) => {
        await tx.execute(sql`set local row_security = off`);
        return tx.execute(sql`select id from tenants`);
      }),
    );
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/row-level security/);
  });
});
