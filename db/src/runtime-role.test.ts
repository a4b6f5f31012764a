import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isInSubtree,
  personaByKey,
  personas,
  seededBusinessUnit,
  seededBusinessUnits,
  seededTenants,
  seedId,
} from '../../test/support/seed-model.js';
import { sqlErrorOf } from '../../test/support/sql.js';
import { createDatabase, type Database, type DatabaseHandle } from './client.js';
import { queryResolvedCaller, type ResolvedCallerRow } from './resolve-caller.js';
import { executeRows } from './rows.js';
import { withScope } from './scoped.js';
import type { SeedPersona } from './seed/index.js';
import {
  createTestDatabase,
  createTestLoginRole,
  dropTestRoles,
  type TestDatabase,
  type TestLoginRole,
  testRolePrefix,
} from './testing.js';

/**
 * The cockpit's runtime connection on a server is a login that is only a member of scc_app. Scope
 * resolution, the one query across the tree, runs through the SECURITY DEFINER function
 * `scc_resolve_caller` (migration 0003); everything else runs under row-level security, and
 * nothing the login runs can switch back to an owner. The function's own rules are checked on
 * both engines; everything that needs a second login only on a server.
 */

const sorted = (ids: string[]) => [...ids].sort();
const msp = seededBusinessUnit('msp');
const contoso = seededBusinessUnit('contoso');

function resolve(
  db: Pick<Database, 'execute'>,
  args: { userId?: string | null; email?: string | null; actingOn: string; home?: string },
): Promise<ResolvedCallerRow[]> {
  return queryResolvedCaller(db, {
    userId: args.userId,
    email: args.email,
    businessUnitId: args.actingOn,
    homeBusinessUnitId: args.home ?? msp.id,
  });
}

/** What the function must return for a seeded persona acting on a unit in its subtree. */
function expectedRow(persona: SeedPersona, actingOnKey = persona.businessUnit): ResolvedCallerRow {
  const unit = seededBusinessUnit(actingOnKey);
  return {
    user_id: seedId('user', persona.key),
    email: persona.email,
    display_name: persona.displayName,
    business_unit_id: unit.id,
    name: unit.name,
    kind: unit.kind,
    path: unit.path,
    roles: [persona.role],
  };
}

class Rollback extends Error {}

describe('scc_resolve_caller (owner connection, both engines)', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    db = database.handle.db;
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('is SECURITY DEFINER, STABLE, pins its search_path, and only scc_app may execute it', async () => {
    const [fn] = await executeRows<{ prosecdef: boolean; provolatile: string; proconfig: string[] }>(
      db,
      sql`select prosecdef, provolatile, proconfig from pg_proc
        where oid = 'scc_resolve_caller(uuid, text, uuid, uuid)'::regprocedure`,
    );
    expect(fn).toEqual({ prosecdef: true, provolatile: 's', proconfig: ['search_path=public, pg_temp'] });
    const grantees = await executeRows<{ grantee: string }>(
      db,
      sql`select case when a.grantee = 0 then 'PUBLIC' else a.grantee::regrole::text end as grantee
        from pg_proc p, aclexplode(p.proacl) a
        where p.oid = 'scc_resolve_caller(uuid, text, uuid, uuid)'::regprocedure and a.privilege_type = 'EXECUTE'`,
    );
    const names = grantees.map((g) => g.grantee);
    expect(names).toContain('scc_app');
    expect(names).not.toContain('PUBLIC');
  });

  test('resolves every persona on its own unit, by id and by e-mail', async () => {
    for (const p of personas) {
      const unit = seededBusinessUnit(p.businessUnit);
      expect(await resolve(db, { userId: seedId('user', p.key), actingOn: unit.id }), p.key).toEqual([expectedRow(p)]);
      expect(await resolve(db, { email: p.email, actingOn: unit.id }), p.key).toEqual([expectedRow(p)]);
    }
  });

  test('a role on an ancestor covers a descendant', async () => {
    const reseller = personaByKey('reseller-admin');
    const fabrikam = seededBusinessUnit('fabrikam');
    expect(await resolve(db, { userId: seedId('user', reseller.key), actingOn: fabrikam.id })).toEqual([
      expectedRow(reseller, 'fabrikam'),
    ]);
  });

  test('nothing resolves upwards, outside the home subtree, or for an unknown user', async () => {
    const casey = seedId('user', 'customer-admin');
    const resellerOne = seededBusinessUnit('reseller-one');
    // A role on Contoso does not reach its parent.
    expect(await resolve(db, { userId: casey, actingOn: resellerOne.id })).toEqual([]);
    // The acting unit lies outside the host's home subtree, although the user holds a role there.
    expect(await resolve(db, { userId: casey, actingOn: contoso.id, home: seededBusinessUnit('fabrikam').id })).toEqual(
      [],
    );
    // The home unit is below the acting unit.
    expect(
      await resolve(db, { userId: casey, actingOn: contoso.id, home: seededBusinessUnit('contoso/north').id }),
    ).toEqual([]);
    expect(await resolve(db, { userId: '00000000-0000-4000-8000-000000000000', actingOn: contoso.id })).toEqual([]);
    expect(await resolve(db, { email: 'nobody@example.invalid', actingOn: contoso.id })).toEqual([]);
    expect(await resolve(db, { actingOn: contoso.id })).toEqual([]);
    expect(await resolve(db, { userId: casey, actingOn: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  test('the id decides when given: an e-mail beside it is ignored', async () => {
    const casey = personaByKey('customer-admin');
    const morgan = personaByKey('msp-operator');
    expect(await resolve(db, { userId: seedId('user', casey.key), email: morgan.email, actingOn: contoso.id })).toEqual(
      [expectedRow(casey)],
    );
    // Morgan's e-mail alone would resolve Morgan (control).
    expect((await resolve(db, { email: morgan.email, actingOn: contoso.id }))[0]?.user_id).toBe(
      seedId('user', morgan.key),
    );
  });

  test('roles are the distinct roles held on the unit and its ancestors, sorted; roles below do not count', async () => {
    const casey = seedId('user', 'customer-admin');
    const north = seededBusinessUnit('contoso/north');
    const finance = seededBusinessUnit('contoso/north/finance');
    const resellerOne = seededBusinessUnit('reseller-one');
    const grant = (unit: { id: string; path: string }, role: string) =>
      sql`insert into role_assignments (user_id, business_unit_id, role, bu_path)
        values (${casey}, ${unit.id}, ${role}::role_name, ${unit.path}::ltree)`;
    let rows: ResolvedCallerRow[] = [];
    await db
      .transaction(async (tx) => {
        await tx.execute(grant(msp, 'operator'));
        await tx.execute(grant(resellerOne, 'operator'));
        await tx.execute(grant(resellerOne, 'billing'));
        await tx.execute(grant(north, 'operator'));
        await tx.execute(grant(finance, 'viewer'));
        rows = await resolve(tx, { userId: casey, actingOn: north.id });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(rows.map((r) => r.roles)).toEqual([['admin', 'billing', 'operator']]);
  });

  test('resolves as scc_app with no scope at all, where a plain select sees nothing', async () => {
    const casey = personaByKey('customer-admin');
    const [users, resolved] = await withScope(db, '', async (tx) => [
      await executeRows(tx, sql`select id from users`),
      await resolve(tx, { userId: seedId('user', casey.key), actingOn: contoso.id }),
    ]);
    expect(users).toEqual([]);
    expect(resolved).toEqual([expectedRow(casey)]);
  });
});

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('a restricted runtime login (LOGIN IN ROLE scc_app, server only)', () => {
  const url = serverUrl ?? '';
  let database: TestDatabase;
  let role: TestLoginRole;
  let runtime: DatabaseHandle;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    role = await createTestLoginRole(url, 'db');
    runtime = await createDatabase({ url: role.urlFor(database.url ?? ''), maxConnections: 2 });
    db = runtime.db;
  });
  afterAll(async () => {
    try {
      await runtime?.close();
    } finally {
      try {
        await role?.drop();
        // Anything of this file's prefix that a failed setup left behind.
        await dropTestRoles(url, testRolePrefix('db'));
      } finally {
        await database?.drop();
      }
    }
  });

  test('logs in as itself: no superuser, no BYPASSRLS, not a member of any powerful role', async () => {
    const [session] = await executeRows<Record<string, unknown>>(
      db,
      sql`select current_user as "user", session_user as "session", r.rolsuper, r.rolbypassrls,
        pg_has_role(current_user, 'scc_app', 'member') as app_member,
        exists (select 1 from pg_roles p where (p.rolsuper or p.rolbypassrls)
          and pg_has_role(current_user, p.oid, 'member')) as powerful
        from pg_roles r where r.rolname = current_user`,
    );
    expect(session).toEqual({
      user: role.name,
      session: role.name,
      rolsuper: false,
      rolbypassrls: false,
      app_member: true,
      powerful: false,
    });
  });

  test('withScope shows exactly the scope’s subtree for every persona', async () => {
    for (const p of personas) {
      const root = seededBusinessUnit(p.businessUnit);
      const [units, tenants] = await withScope(db, root.path, async (tx) => [
        await executeRows<{ id: string }>(tx, sql`select id from business_units`),
        await executeRows<{ id: string }>(tx, sql`select id from tenants`),
      ]);
      expect(sorted(units.map((u) => u.id)), p.key).toEqual(
        sorted(
          seededBusinessUnits()
            .filter((u) => isInSubtree(u.path, root.path))
            .map((u) => u.id),
        ),
      );
      expect(sorted(tenants.map((t) => t.id)), p.key).toEqual(
        sorted(
          seededTenants()
            .filter((t) => isInSubtree(t.businessUnitPath, root.path))
            .map((t) => t.id),
        ),
      );
    }
  });

  test.each([
    'set role postgres',
    'set local role postgres',
    "select set_config('role', 'postgres', true)",
    'set session authorization postgres',
  ])('inside withScope, `%s` is refused', async (statement) => {
    const error = await sqlErrorOf(
      withScope(db, contoso.path, async (tx) => {
        await tx.execute(sql.raw(statement));
        return tx.execute(sql`select id from tenants`);
      }),
    );
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/permission denied/);
  });

  test('`reset role` inside withScope falls back to the login itself, which is still filtered', async () => {
    const [who, tenants] = await withScope(db, contoso.path, async (tx) => {
      await tx.execute(sql`reset role`);
      return [
        await executeRows<{ user: string }>(tx, sql`select current_user as "user"`),
        await executeRows<{ id: string }>(tx, sql`select id from tenants`),
      ];
    });
    expect(who).toEqual([{ user: role.name }]);
    expect(sorted(tenants.map((t) => t.id))).toEqual(
      sorted(
        seededTenants()
          .filter((t) => isInSubtree(t.businessUnitPath, contoso.path))
          .map((t) => t.id),
      ),
    );
  });

  test('outside withScope every business-unit-owned table looks empty and nothing can be written', async () => {
    for (const table of ['business_units', 'tenants', 'users', 'role_assignments', 'contracts', 'products']) {
      expect(await executeRows(db, sql`select id from ${sql.identifier(table)}`), table).toEqual([]);
    }
    const error = await sqlErrorOf(
      db.execute(sql`insert into tenants (business_unit_id, product_id, name, type, bu_path)
        values (${contoso.id}, ${seedId('product', 'ERP')}, 'Smuggled', 'test', ${contoso.path}::ltree)`),
    );
    expect(error.code).toBe('42501');
  });

  test('cannot turn row-level security off, change the schema or read the migrations journal', async () => {
    const attempts = [
      sql`alter table tenants disable row level security`,
      sql`drop policy tenants_subtree on tenants`,
      sql`create table public.leak (id int)`,
      sql`select * from drizzle.__drizzle_migrations`,
    ];
    for (const attempt of attempts) {
      const error = await sqlErrorOf(db.execute(attempt));
      expect(error.code).toBe('42501');
    }
  });

  test('resolves every persona through scc_resolve_caller exactly as the owner connection does', async () => {
    for (const p of personas) {
      const args = { userId: seedId('user', p.key), actingOn: seededBusinessUnit(p.businessUnit).id };
      const asOwner = await resolve(database.handle.db, args);
      expect(asOwner, p.key).toEqual([expectedRow(p)]);
      expect(await resolve(db, args), p.key).toEqual(asOwner);
      expect(await resolve(db, { email: p.email, actingOn: args.actingOn }), p.key).toEqual(asOwner);
    }
    expect(await resolve(db, { userId: seedId('user', 'customer-admin'), actingOn: msp.id })).toEqual([]);
  });
});
