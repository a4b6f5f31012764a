import { type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isInSubtree,
  personas,
  seededBusinessUnit,
  seededBusinessUnits,
  seededTenants,
  seedId,
} from '../../test/support/seed-model.js';
import { sqlErrorOf } from '../../test/support/sql.js';
import { createDatabase, type Database, type DatabaseHandle } from './client.js';
import { childPath } from './paths.js';
import { executeRows } from './rows.js';
import * as schema from './schema/index.js';
import { businessUnits, tenants } from './schema/index.js';
import { withScope } from './scoped.js';
import {
  createTestDatabase,
  createTestLoginRole,
  dropTestRoles,
  type TestDatabase,
  type TestLoginRole,
  testRolePrefix,
} from './testing.js';

/**
 * The name searches (`scc_search_business_units`, `scc_search_tenants`, migration 0015) run with
 * their owner's rights, outside row-level security, so they are an isolation layer of their own:
 * they must apply the transaction's scope themselves and never take a wider one from anyone.
 * Expectations come from the seed declarations plus two units named with LIKE's special
 * characters, searched for as plain text.
 */
let database: TestDatabase;
let db: Database;

const msp = seededBusinessUnit('msp');
const contoso = seededBusinessUnit('contoso');
const fabrikam = seededBusinessUnit('fabrikam');
const sorted = (ids: string[]) => [...ids].sort();

/** Units whose names hold `%`, `_` and `\`: a search that treated them as patterns would find more or less. */
const specialUnits = [
  { id: seedId('bench-unit', 'search-special-1'), name: 'Promo 50% off_now \\ shop', parent: contoso },
  { id: seedId('bench-unit', 'search-special-2'), name: 'Promo 50 percent off now', parent: fabrikam },
].map((u) => ({ id: u.id, parentId: u.parent.id, name: u.name, kind: 'site', path: childPath(u.parent.path, u.id) }));

const allUnits = [...seededBusinessUnits().map((u) => ({ id: u.id, name: u.name, path: u.path })), ...specialUnits];
const allTenants = seededTenants().map((t) => ({ id: t.id, name: t.name, path: t.businessUnitPath }));

const contains = (name: string, q: string) => name.toLowerCase().includes(q.toLowerCase());
const expectedMatches = (rows: { id: string; name: string; path: string }[], under: string, q: string) =>
  sorted(rows.filter((r) => isInSubtree(r.path, under) && contains(r.name, q)).map((r) => r.id));

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.handle.db;
  await db.insert(businessUnits).values(specialUnits);
  await db.execute(sql`analyze`);
});
afterAll(async () => {
  await database?.drop();
});

const unitSearch = (q: string, under: string, limit = 1000, after?: { name: string; id: string }) =>
  sql`select business_unit_id as id, ancestors from scc_search_business_units(${q}, ${under}::ltree,
    ${after?.name ?? null}, ${after?.id ?? null}::uuid, ${limit})`;
const tenantSearch = (q: string, under: string) => sql`select id from scc_search_tenants(${q}, ${under}::ltree) id`;

async function idsIn(scopePath: string, query: SQL): Promise<string[]> {
  const rows = await withScope(db, scopePath, (tx) => executeRows<{ id: string }>(tx, query));
  return rows.map((r) => r.id);
}

/** Texts that cover the seed's names: whole names, pieces, one and two characters, patterns as text. */
const queries = ['Contoso', 'contoso retail', 'o', 'Co', 'er', 'North', 'systems', 'Tenant', '%', '_', '\\', 'ß', ' '];

describe('scc_search_business_units', () => {
  test('finds exactly the units of the caller’s subtree whose names contain the text, for every persona', async () => {
    for (const persona of personas) {
      const root = seededBusinessUnit(persona.businessUnit);
      for (const q of queries) {
        expect(sorted(await idsIn(root.path, unitSearch(q, root.path))), `${persona.key} ${q}`).toEqual(
          expectedMatches(allUnits, root.path, q),
        );
      }
    }
  });

  test('the caller’s own subtree is not nothing: Contoso finds its units and not Fabrikam’s', async () => {
    const found = await idsIn(contoso.path, unitSearch('Promo 50', contoso.path));
    expect(found).toEqual([specialUnits[0]?.id]);
    expect(await idsIn(contoso.path, unitSearch(fabrikam.name, contoso.path))).toEqual([]);
    expect(await idsIn(msp.path, unitSearch(fabrikam.name, msp.path))).toEqual([fabrikam.id]);
  });

  test.each([
    ['50% off', [0]],
    ['50%off', []],
    ['off_now', [0]],
    ['o_f', []],
    ['% off', [0]],
    ['\\ shop', [0]],
    ['\\', [0]],
    ['0 p', [1]],
  ])('"%s" is plain text, not a LIKE pattern', async (q, want) => {
    const found = await idsIn(msp.path, unitSearch(q, msp.path));
    expect(sorted(found)).toEqual(sorted(want.map((i) => specialUnits[i]?.id ?? '')));
  });

  test('a subtree passed as `under` outside or above the scope finds nothing', async () => {
    expect(await idsIn(contoso.path, unitSearch('o', msp.path))).toEqual([]);
    expect(await idsIn(contoso.path, unitSearch('o', fabrikam.path))).toEqual([]);
    expect(await idsIn(contoso.path, unitSearch('o', seededBusinessUnit('reseller-one').path))).toEqual([]);
    // Inside the scope it narrows the search.
    const north = seededBusinessUnit('contoso/north');
    expect(sorted(await idsIn(contoso.path, unitSearch('o', north.path)))).toEqual(
      expectedMatches(allUnits, north.path, 'o'),
    );
  });

  test('ancestors stop at the caller’s unit', async () => {
    const finance = seededBusinessUnit('contoso/north/finance');
    const rows = await withScope(db, contoso.path, (tx) =>
      executeRows<{ id: string; ancestors: { id: string; name: string }[] }>(
        tx,
        unitSearch(finance.name, contoso.path),
      ),
    );
    const row = rows.find((r) => r.id === finance.id);
    expect(row?.ancestors).toEqual([
      { id: contoso.id, name: contoso.name },
      { id: seededBusinessUnit('contoso/north').id, name: seededBusinessUnit('contoso/north').name },
    ]);
  });

  test('pages by name and id: every match once, in order', async () => {
    const q = 'o';
    const all = await withScope(db, msp.path, (tx) =>
      executeRows<{ id: string }>(
        tx,
        sql`select m.business_unit_id as id from scc_search_business_units(${q}, ${msp.path}::ltree, null, null, 1000) m`,
      ),
    );
    const names = new Map(allUnits.map((u) => [u.id, u.name]));
    const walked: string[] = [];
    let after: { name: string; id: string } | undefined;
    for (let page = 0; page < 100; page++) {
      const ids = await idsIn(msp.path, unitSearch(q, msp.path, 3, after));
      walked.push(...ids);
      const last = ids.at(-1);
      if (ids.length < 3 || !last) break;
      after = { name: names.get(last) ?? '', id: last };
    }
    expect(walked).toEqual(all.map((r) => r.id));
    expect(sorted(walked)).toEqual(expectedMatches(allUnits, msp.path, q));
  });
});

describe('scc_search_tenants', () => {
  test('finds exactly the tenants of the caller’s subtree whose names contain the text, for every persona', async () => {
    for (const persona of personas) {
      const root = seededBusinessUnit(persona.businessUnit);
      for (const q of queries) {
        expect(sorted(await idsIn(root.path, tenantSearch(q, root.path))), `${persona.key} ${q}`).toEqual(
          expectedMatches(allTenants, root.path, q),
        );
      }
    }
  });

  test('a subtree passed as `under` outside or above the scope finds nothing', async () => {
    expect(allTenants.filter((t) => !isInSubtree(t.path, contoso.path)).length).toBeGreaterThan(0);
    expect(await idsIn(contoso.path, tenantSearch('', msp.path))).toEqual([]);
    expect(await idsIn(contoso.path, tenantSearch('', fabrikam.path))).toEqual([]);
  });
});

describe('without a scope the searches find nothing', () => {
  const everything = [unitSearch('', msp.path), tenantSearch('', msp.path)];

  test.each(everything.map((query, i) => [i === 0 ? 'units' : 'tenants', query] as const))(
    '%s: empty scope, and app.scope_path never set',
    async (_, query) => {
      expect(await idsIn('', query)).toEqual([]);
      const unset = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'scc_app', true)`);
        return executeRows(tx, query);
      });
      expect(unset).toEqual([]);
    },
  );

  test.each(everything.map((query, i) => [i === 0 ? 'units' : 'tenants', query] as const))(
    '%s: a scope that is no path fails instead of finding anything',
    async (_, query) => {
      const error = await sqlErrorOf(idsIn('msp..', query));
      expect(error.code).toBe('42601');
    },
  );
});

describe('ownership and grants', () => {
  test('owned by the tables’ owner, SECURITY DEFINER with a fixed search_path, executable by scc_app and not by PUBLIC', async () => {
    const rows = await executeRows<{
      name: string;
      definer: boolean;
      config: string[];
      owner_owns_tables: boolean;
      app: boolean;
      public_grant: boolean;
    }>(
      db,
      sql`select p.proname as name, p.prosecdef as definer, p.proconfig as config,
          p.proowner = (select relowner from pg_class where oid = 'public.business_units'::regclass)
            and p.proowner = (select relowner from pg_class where oid = 'public.tenants'::regclass) as owner_owns_tables,
          has_function_privilege('scc_app', p.oid, 'execute') as app,
          exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0) as public_grant
        from pg_proc p
        where p.proname in ('scc_search_business_units', 'scc_search_tenants')
        order by p.proname`,
    );
    expect(rows.map((r) => r.name)).toEqual(['scc_search_business_units', 'scc_search_tenants']);
    for (const row of rows) {
      expect(row, row.name).toMatchObject({ definer: true, owner_owns_tables: true, app: true, public_grant: false });
      expect(row.config, row.name).toContain('search_path=public, pg_temp');
    }
  });
});

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('called by a restricted runtime login (server only)', () => {
  const url = serverUrl ?? '';
  let role: TestLoginRole;
  let runtime: DatabaseHandle;

  beforeAll(async () => {
    role = await createTestLoginRole(url, 'search');
    runtime = await createDatabase({ url: role.urlFor(database.url ?? ''), maxConnections: 2 });
  });
  afterAll(async () => {
    try {
      await runtime?.close();
    } finally {
      await role?.drop();
      await dropTestRoles(url, testRolePrefix('search'));
    }
  });

  test('finds only its scope’s matches, nothing without a scope, and cannot search as an owner', async () => {
    const rdb = runtime.db;
    const scoped = await withScope(rdb, contoso.path, (tx) =>
      executeRows<{ id: string }>(tx, unitSearch('', msp.path)),
    );
    expect(scoped).toEqual([]);
    const own = await withScope(rdb, contoso.path, (tx) =>
      executeRows<{ id: string }>(tx, unitSearch('', contoso.path)),
    );
    expect(sorted(own.map((r) => r.id))).toEqual(expectedMatches(allUnits, contoso.path, ''));
    // Straight from the login, without withScope's transaction: no scope, nothing.
    expect(await executeRows(rdb, unitSearch('', msp.path))).toEqual([]);
    expect(await executeRows(rdb, tenantSearch('', msp.path))).toEqual([]);
    expect(
      await executeRows(rdb, sql`select set_config('app.scope_path', '', false), count(*)::int as n from tenants`),
    ).toEqual([{ set_config: '', n: 0 }]);
    expect(await executeRows(rdb, tenantSearch('', msp.path))).toEqual([]);
  });

  test('cannot read the tables the functions read, except through row-level security', async () => {
    const error = await sqlErrorOf(executeRows(runtime.db, sql`set role postgres`));
    expect(error.code).toBe('42501');
    const all = await executeRows<{ n: number }>(runtime.db, sql`select count(*)::int as n from ${tenants}`);
    expect(all).toEqual([{ n: 0 }]);
  });
});

interface PlanNode {
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * With an owner that is no superuser nothing is LEAKPROOF, and the searches must not care: they
 * read as their owner, outside row-level security, so their own conditions (the text, the
 * subtree) still drive index scans. The plans inside the functions come from auto_explain, which
 * hands them to the session as notices; the session is the server's superuser, which the functions
 * do not run as (SECURITY DEFINER: as their owner).
 */
describe.skipIf(!serverUrl)(
  'owned by a role that is no superuser (server only: PGlite cannot load auto_explain)',
  () => {
    let owned: TestDatabase;
    let observer: postgres.Sql;
    let observed: Database;
    const notices: string[] = [];
    const seedUnits = seededBusinessUnits().map((u) => ({ id: u.id, name: u.name, path: u.path }));

    beforeAll(async () => {
      owned = await createTestDatabase({ seed: true, owner: 'non-superuser' });
      await owned.handle.db.execute(sql`analyze`);
      const url = new URL(owned.url ?? '');
      const server = new URL(serverUrl ?? '');
      url.username = server.username;
      url.password = server.password;
      observer = postgres(url.toString(), { max: 1, onnotice: (notice) => notices.push(notice.message ?? '') });
      observed = drizzle(observer, { schema }) as unknown as Database;
      await observer`load 'auto_explain'`;
      await observer.unsafe(`set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
      set auto_explain.log_format = json; set auto_explain.log_level = notice`);
    });
    afterAll(async () => {
      try {
        await observer?.end({ timeout: 5 });
      } finally {
        await owned?.drop();
      }
    });

    /** The plans of the statements inside the function that `query` calls, whose text contains `from`. */
    async function innerPlans(scopePath: string, query: SQL, from: string): Promise<PlanNode[]> {
      notices.length = 0;
      await withScope(observed, scopePath, (tx) => executeRows(tx, query));
      return notices
        .map((message) => JSON.parse(message.slice(message.indexOf('{'))) as { 'Query Text': string; Plan: PlanNode })
        .filter((logged) => logged['Query Text'].includes(from))
        .flatMap((logged) => nodesOf(logged.Plan));
    }

    const conditionsOn = (nodes: PlanNode[], table: string) =>
      nodes
        .filter((n) => n['Relation Name'] === table)
        .flatMap((n) => [n['Index Cond'], n['Recheck Cond']])
        .filter((c): c is string => c !== undefined);

    test('the owner is no superuser and owns the functions', async () => {
      const [row] = await executeRows<{ superuser: boolean; owners: string[] }>(
        owned.handle.db,
        sql`select (select rolsuper from pg_roles where rolname = current_user) as superuser,
        array(select distinct pg_get_userbyid(proowner) from pg_proc
          where proname in ('scc_search_business_units', 'scc_search_tenants')) as owners`,
      );
      expect(row?.superuser).toBe(false);
      expect(row?.owners).toEqual([new URL(owned.url ?? '').username]);
    });

    test.each([
      { what: 'units', search: unitSearch, from: 'FROM business_units bu', table: 'business_units', rows: seedUnits },
      { what: 'tenants', search: tenantSearch, from: 'FROM tenants t', table: 'tenants', rows: allTenants },
    ])(
      'the search for $what finds them through an index condition of its own, and only the scope’s',
      async (search) => {
        const nodes = await innerPlans(contoso.path, search.search('servers', contoso.path), search.from);
        const conditions = conditionsOn(nodes, search.table);
        expect(
          conditions.filter((c) => c.includes('~~*') || c.includes(contoso.path)),
          conditions.join('; '),
        ).not.toEqual([]);
        const found = (scopePath: string, under: string) =>
          withScope(owned.handle.db, scopePath, (tx) => executeRows<{ id: string }>(tx, search.search('e', under)));
        for (const persona of personas) {
          const root = seededBusinessUnit(persona.businessUnit);
          const wide = root.path === msp.path ? expectedMatches(search.rows, msp.path, 'e') : [];
          expect(sorted((await found(root.path, msp.path)).map((r) => r.id)), persona.key).toEqual(wide);
          expect(sorted((await found(root.path, root.path)).map((r) => r.id)), persona.key).toEqual(
            expectedMatches(search.rows, root.path, 'e'),
          );
        }
      },
    );
  },
);
