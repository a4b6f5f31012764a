import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isInSubtree, seededBusinessUnit, seededTenants } from '../../test/support/seed-model.js';
import { sqlErrorOf } from '../../test/support/sql.js';
import { createDatabase, type DatabaseHandle } from './client.js';
import { executeRows } from './rows.js';
import { ensureRuntimeLogin, rowSecurityBypasses, runtimeLoginName, runtimeLoginUrl } from './runtime-login.js';
import { createTestDatabase, dropTestRoles, type TestDatabase, testRolePrefix } from './testing.js';

/**
 * The login `pnpm start` creates for the cockpit from the owner connection: created once however
 * many starts race for it, exactly restricted, and bound by row-level security even for raw SQL
 * that never switches to scc_app.
 */

const sorted = (ids: string[]) => [...ids].sort();
const contoso = seededBusinessUnit('contoso');
const contosoTenants = sorted(
  seededTenants()
    .filter((t) => isInSubtree(t.businessUnitPath, contoso.path))
    .map((t) => t.id),
);

describe('the runtime login name', () => {
  test('is one per database, folded into an identifier of at most 63 characters', () => {
    expect(runtimeLoginName('postgres://postgres@db:5432/scc')).toBe('scc_cockpit_scc');
    expect(runtimeLoginName('postgres://postgres@db:5432/My-Db%20x')).toBe('scc_cockpit_my_db_x');
    expect(runtimeLoginName(`postgres://postgres@db/${'d'.repeat(80)}`)).toHaveLength(63);
    expect(
      runtimeLoginUrl('postgres://postgres:secret@db:5432/scc?sslmode=require', { name: 'x', password: 'p' }),
    ).toBe('postgres://x:p@db:5432/scc?sslmode=require');
  });

  test('refuses names and passwords it would have to quote', async () => {
    const owner = 'postgres://postgres@127.0.0.1:1/none';
    await expect(ensureRuntimeLogin(owner, { name: 'Robert"; drop' })).rejects.toThrow(/refusing login name/);
    await expect(ensureRuntimeLogin(owner, { name: 'ok', password: "x'; alter role" })).rejects.toThrow(
      /refusing the login password/,
    );
  });
});

describe('rowSecurityBypasses', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  test('names the superuser the tests connect as (PGlite has no other login)', async () => {
    const reasons = await rowSecurityBypasses(database.handle.db);
    expect(reasons).toEqual([expect.stringMatching(/^"[a-z_]+" is a superuser$/)]);
  });
});

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('ensureRuntimeLogin (server only)', () => {
  const url = serverUrl ?? '';
  const prefix = testRolePrefix('login');
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const databases: TestDatabase[] = [];
  let runtime: DatabaseHandle | undefined;

  beforeAll(async () => {
    databases.push(await createTestDatabase({ seed: true }), await createTestDatabase());
  });
  afterAll(async () => {
    try {
      await runtime?.close();
    } finally {
      try {
        await dropTestRoles(url, prefix);
      } finally {
        for (const database of databases) await database.drop();
      }
    }
  });

  test('several starts on two databases at once create one login, exactly restricted, a member of scc_app only', async () => {
    const owners = databases.map((d) => d.url ?? '');
    const urls = await Promise.all(
      [...owners, ...owners, ...owners].map((owner) => ensureRuntimeLogin(owner, { name, password })),
    );
    expect(new Set(urls.map((u) => new URL(u).username))).toEqual(new Set([name]));
    const [role] = await executeRows<Record<string, unknown>>(
      databases[0]?.handle.db ?? expect.unreachable(),
      sql`select r.rolcanlogin, r.rolsuper, r.rolbypassrls, r.rolcreatedb, r.rolcreaterole, r.rolreplication, r.rolinherit,
            (select array_agg(g.rolname::text) from pg_auth_members m join pg_roles g on g.oid = m.roleid
              where m.member = r.oid) as member_of
          from pg_roles r where r.rolname = ${name}`,
    );
    expect(role).toEqual({
      rolcanlogin: true,
      rolsuper: false,
      rolbypassrls: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolinherit: true,
      member_of: ['scc_app'],
    });
  });

  test('a later start takes back what an operator widened', async () => {
    const owner = databases[0]?.url ?? '';
    const admin = await createDatabase({ url: owner, maxConnections: 1 });
    try {
      await admin.db.execute(sql.raw(`alter role "${name}" bypassrls createdb`));
      await ensureRuntimeLogin(owner, { name, password });
      const [role] = await executeRows<{ rolbypassrls: boolean; rolcreatedb: boolean }>(
        admin.db,
        sql`select rolbypassrls, rolcreatedb from pg_roles where rolname = ${name}`,
      );
      expect(role).toEqual({ rolbypassrls: false, rolcreatedb: false });
    } finally {
      await admin.close();
    }
  });

  test('as the cockpit connects: raw SQL without withScope sees no rows, with only a scope only that subtree', async () => {
    const seeded = databases[0]?.url ?? '';
    runtime = await createDatabase({ url: runtimeLoginUrl(seeded, { name, password }), maxConnections: 1 });
    expect(await rowSecurityBypasses(runtime.db)).toEqual([]);
    // No scope set: row-level security alone decides, and it shows nothing.
    expect(await executeRows(runtime.db, sql`select id from tenants`)).toEqual([]);
    // A scope but no switch to scc_app (the bug withScope prevents): still only Contoso's subtree.
    const tenants = await runtime.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.scope_path', ${contoso.path}, true)`);
      return executeRows<{ id: string }>(tx, sql`select id from tenants`);
    });
    expect(sorted(tenants.map((t) => t.id))).toEqual(contosoTenants);
    expect(contosoTenants.length).toBeLessThan(seededTenants().length);
  });

  test('names a BYPASSRLS login, and a login that may act as the tables’ owner', async () => {
    const owner = databases[0]?.url ?? '';
    const admin = await createDatabase({ url: owner, maxConnections: 1 });
    const [tableOwner] = await executeRows<{ name: string }>(
      admin.db,
      sql`select pg_get_userbyid(relowner) as name from pg_class where relname = 'tenants'`,
    );
    const bypassing = `${prefix}bypass`;
    const ownerMember = `${prefix}owner`;
    await admin.db.execute(sql.raw(`create role "${bypassing}" login bypassrls in role scc_app`));
    await admin.db.execute(sql.raw(`create role "${ownerMember}" login in role "${tableOwner?.name}"`));
    await admin.close();
    const cases: [string, unknown[]][] = [
      [bypassing, [`"${bypassing}" has BYPASSRLS`]],
      [
        ownerMember,
        [
          `"${ownerMember}" owns (or is a member of the owner of) tables with row-level security`,
          `"${ownerMember}" can SET ROLE to "${tableOwner?.name}"`,
        ],
      ],
    ];
    for (const [name, expected] of cases) {
      const handle = await createDatabase({ url: runtimeLoginUrl(owner, { name }), maxConnections: 1 });
      try {
        expect(await rowSecurityBypasses(handle.db), name).toEqual(expected);
      } finally {
        await handle.close();
      }
    }
  });

  test.each([
    'set role postgres',
    'set session authorization postgres',
    'alter table tenants disable row level security',
  ])('as the cockpit connects, `%s` is refused', async (statement) => {
    const db = runtime?.db ?? expect.unreachable();
    const error = await sqlErrorOf(db.execute(sql.raw(statement)));
    expect(error.code).toBe('42501');
  });
});
