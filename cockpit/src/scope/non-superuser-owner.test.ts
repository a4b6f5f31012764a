import type { BusinessUnit } from '@scc/contracts/business-units';
import type { Tenant } from '@scc/contracts/tenants';
import { executeRows, type Transaction, withScope } from '@scc/db';
import { openRuntimeConnection, type RecordedStatement, recordingStatements } from '@scc/db/testing';
import { param, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import {
  isInSubtree,
  personaByKey,
  seededBusinessUnit,
  seededBusinessUnits,
  tenantsUnder,
} from '../../../test/support/seed-model.js';

/**
 * On a managed PostgreSQL (RDS, Cloud SQL, Azure) the database's owner is no superuser, so
 * migrations 0010 and 0014 cannot declare ltree's and the enums' comparisons LEAKPROOF, and
 * row-level security keeps a query's own conditions with them out of index scans. The tenant and
 * unit pages and the name searches must still be answered from their indexes. The cockpit's own
 * statements are recorded as it answers and explained (FORMAT JSON) in the same scope: plan
 * shapes, never timings. Runs on both engines: PGlite switches its one session to the owner role.
 */
let harness: CockpitHarness;
let recorded: RecordedStatement[];

const reseller = seededBusinessUnit('reseller-one');
const resellerAdmin = personaByKey('reseller-admin');

beforeAll(async () => {
  harness = await createCockpitHarness({
    owner: 'non-superuser',
    // The cockpit's statements recorded on the connection it runs on: on a server the restricted
    // runtime login, as in production; on PGlite the owner's one session.
    connect: async (database) => {
      const login = await openRuntimeConnection(database, 'nosu');
      const { db, statements } = recordingStatements(login?.handle ?? database.handle);
      recorded = statements;
      return {
        db,
        engine: database.handle.engine,
        migrate: async () => {},
        close: async () => login?.close(),
      };
    },
  });
  await harness.database.handle.db.execute(sql`analyze`);
});
afterAll(async () => {
  await harness?.close();
});

interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  Output?: string[];
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

type ExplainRow = { 'QUERY PLAN': unknown };

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** A recorded statement as drizzle SQL again, its values as parameters. */
function replayed({ text, params }: RecordedStatement): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${param(params[Number(part) - 1])}`)),
    sql``,
  );
}

/** A statement that only changes the transaction's settings (the page's plan depends on them). */
const onlySettings = (text: string) => /^\s*select set_config\(/i.test(text) && !/\bfrom\b/i.test(text);

/**
 * The plan of one statement; `generic`: the plan made without its values, which a prepared
 * statement switches to after five executions when it is no more expensive (plan_cache_mode auto).
 */
async function explainStatement(tx: Transaction, statement: RecordedStatement, generic: boolean) {
  if (!generic) return executeRows<ExplainRow>(tx, sql`explain (format json) ${replayed(statement)}`);
  await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
  await tx.execute(sql.raw(`prepare scc_explained as ${statement.text}`));
  // EXECUTE takes its values as literals: bound parameters would belong to the EXPLAIN.
  const values = statement.params
    .map((value) =>
      value === null || typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`,
    )
    .join(', ');
  const rows = await executeRows<ExplainRow>(
    tx,
    sql.raw(`explain (format json, verbose) execute scc_explained(${values})`),
  );
  await tx.execute(sql`deallocate scc_explained`);
  return rows;
}

/**
 * What `request` made the cockpit run on the tables of the tree, each statement explained in the
 * caller's scope after the settings statements before it, as the cockpit ran them.
 */
async function plansOf(scopePath: string, request: () => Promise<Response>, { generic = false } = {}) {
  const from = recorded.length;
  const response = await request();
  expect(response.status, await response.clone().text()).toBe(200);
  const statements = recorded.slice(from);
  const owner = harness.database.handle.db;
  const plans = await withScope(owner, scopePath, async (tx) => {
    const explained: { text: string; nodes: PlanNode[] }[] = [];
    for (const statement of statements) {
      if (onlySettings(statement.text)) {
        await tx.execute(replayed(statement));
      } else if (/business_units|tenants|scc_search_/.test(statement.text)) {
        const [row] = await explainStatement(tx, statement, generic);
        const plan = typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
        explained.push({ text: statement.text, nodes: nodesOf((plan as { Plan: PlanNode }[])[0]?.Plan as PlanNode) });
      }
    }
    return explained;
  });
  expect(plans.length, 'the request read the tree').toBeGreaterThan(0);
  return { plans, body: await response.json() };
}

const scansOf = (nodes: PlanNode[], table: string) => nodes.filter((n) => n['Relation Name'] === table);

function expectNoSequentialScan(plans: { text: string; nodes: PlanNode[] }[]) {
  for (const { text, nodes } of plans) {
    const sequential = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(sequential, text).toEqual([]);
  }
}

const get = async (path: string) => harness.get(path, await harness.tokenFor(resellerAdmin));

test('the owner is no superuser and ltree’s and the enums’ comparisons are not LEAKPROOF', async () => {
  const [row] = await executeRows<{ superuser: boolean; leakproof: boolean[] }>(
    harness.database.handle.db,
    sql`select (select rolsuper from pg_roles where rolname = current_user) as superuser,
      array(select proleakproof from pg_proc where proname in ('ltree_lt', 'ltree_ge', 'enum_lt', 'enum_gt')) as leakproof`,
  );
  expect(row).toEqual({ superuser: false, leakproof: [false, false, false, false] });
});

describe('tenant list', () => {
  test('counts the subtree as one range of tenants_bu_path_key_id_idx and pages it without scanning a table', async () => {
    const { plans, body } = await plansOf(reseller.path, () => get('/v1/tenants?limit=2'));
    const counted = plans.find((p) => p.text.includes('count(*)'));
    const tenantScans = scansOf(counted?.nodes ?? [], 'tenants');
    expect(tenantScans.map((n) => [n['Node Type'], n['Index Name']])).toEqual([
      ['Index Scan', 'tenants_bu_path_key_id_idx'],
    ]);
    expect(tenantScans[0]?.['Index Cond']).toMatch(/bu_path_key >= .* AND \(bu_path_key < /);
    expectNoSequentialScan(plans);
    const visible = tenantsUnder('reseller-one').filter((t) => !['archived', 'deleted'].includes(t.lifecycleStatus));
    expect((body as { total: number }).total).toBeLessThanOrEqual(visible.length);
    for (const tenant of (body as { items: Tenant[] }).items) expect(visible.map((t) => t.id)).toContain(tenant.id);
  });

  test.each(['name', 'lifecycle', 'businessUnit'])('a later page sorted by %s scans no table', async (sort) => {
    const first = (await (await get(`/v1/tenants?sort=${sort}&limit=2`)).json()) as { nextCursor: string };
    const { plans } = await plansOf(reseller.path, () =>
      get(`/v1/tenants?sort=${sort}&limit=2&cursor=${first.nextCursor}`),
    );
    expectNoSequentialScan(plans);
  });

  test('the name search q runs once per statement, in an InitPlan, also in a generic plan', async () => {
    // Where the plan calls the search: under an InitPlan (once per statement) or not.
    const calls = (node: PlanNode, once = false): boolean[] => {
      const inInitPlan = once || node['Parent Relationship'] === 'InitPlan';
      const here = (node.Output ?? []).some((o) => o.includes('scc_search_tenants')) ? [inInitPlan] : [];
      return [...here, ...(node.Plans ?? []).flatMap((child) => calls(child, inInitPlan))];
    };
    const { plans } = await plansOf(reseller.path, () => get('/v1/tenants?q=e&limit=2'), { generic: true });
    const searching = plans.filter((p) => p.text.includes('scc_search_tenants'));
    expect(searching.length).toBe(2);
    for (const { text, nodes } of searching) {
      const [root] = nodes;
      expect(root && calls(root), text).toEqual([true]);
    }
  });

  test('the name search q scans no table and finds only the subtree’s tenants', async () => {
    const { plans, body } = await plansOf(reseller.path, () => get('/v1/tenants?q=e&lifecycle=all&limit=100'));
    expect(plans.some((p) => p.text.includes('scc_search_tenants'))).toBe(true);
    expectNoSequentialScan(plans);
    const want = tenantsUnder('reseller-one').filter((t) => t.name.toLowerCase().includes('e'));
    expect((body as { items: Tenant[] }).items.map((t) => t.id).sort()).toEqual(want.map((t) => t.id).sort());
  });
});

describe('business units', () => {
  test('a page of the subtree and the next one walk business_units_path_key_idx from their start', async () => {
    const first = await plansOf(reseller.path, () => get('/v1/business-units?limit=2'));
    const { nextCursor } = first.body as { nextCursor: string };
    const next = await plansOf(reseller.path, () => get(`/v1/business-units?limit=2&cursor=${nextCursor}`));
    for (const { plans } of [first, next]) {
      const page = plans.find((p) => /order by "business_units"\."path/.test(p.text));
      const [scan] = scansOf(page?.nodes ?? [], 'business_units');
      expect([scan?.['Node Type'], scan?.['Index Name']]).toEqual(['Index Scan', 'business_units_path_key_idx']);
      expect(scan?.['Index Cond']).toMatch(/path_key >= /);
      expectNoSequentialScan(plans);
    }
  });

  test('the name search scans no table and finds only the subtree’s units', async () => {
    const { plans, body } = await plansOf(reseller.path, () => get('/v1/business-units?q=servers&limit=100'));
    expect(plans.some((p) => p.text.includes('scc_search_business_units'))).toBe(true);
    expectNoSequentialScan(plans);
    const want = seededBusinessUnits().filter((u) => isInSubtree(u.path, reseller.path) && u.name.includes('servers'));
    expect(want.length).toBeGreaterThan(0);
    expect((body as { items: BusinessUnit[] }).items.map((u) => u.id).sort()).toEqual(want.map((u) => u.id).sort());
  });
});
