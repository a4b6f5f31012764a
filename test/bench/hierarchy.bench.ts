/**
 * `pnpm bench` (hierarchy part): the hierarchy issue's targets at scale. On the server named by
 * DATABASE_URL: about 100,000 business units up to 12 levels deep with 300,000 tenants; on PGlite
 * a tenth of that. Prints p50/p95 per operation; nothing here asserts timing.
 *
 * Two databases with the same generated tree, one owned and migrated by the superuser, one by a
 * login that is no superuser, as on a managed PostgreSQL (RDS, Cloud SQL, Azure), where ltree's and
 * the enums' comparisons stay non-LEAKPROOF (migrations 0010, 0014). Every operation is measured on
 * one and then the other, so both see the same load, and the table shows them side by side with
 * the plans of the unit page and the tenant count. `SCC_BENCH_OWNER=superuser` or `=non-superuser`
 * runs only that one.
 */
import { resolveCaller } from '@scc/cockpit';
import { signServiceToken } from '@scc/contracts/service-token';
import { businessUnits, executeRows, inSubtree, tenants, withScope } from '@scc/db';
import { seededBusinessUnit } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { generateHierarchy } from './support/generate-hierarchy.js';
import { measure, printSideBySide, type Row } from './support/measure.js';
import { BENCH_HOST_ID, benchServices } from './support/services.js';

type Owner = 'superuser' | 'non-superuser';
const chosen = process.env.SCC_BENCH_OWNER;
if (chosen !== undefined && chosen !== 'superuser' && chosen !== 'non-superuser')
  throw new Error('SCC_BENCH_OWNER is superuser or non-superuser (unset: both)');
const owners: Owner[] = chosen ? [chosen] : ['superuser', 'non-superuser'];

const onServer = Boolean(process.env.DATABASE_URL);
const shape = onServer
  ? { fanout: [7, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1], moverSize: 10_000, tenantsPerUnit: 3 }
  : { fanout: [4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1], moverSize: 1_000, tenantsPerUnit: 3 };
const ITERATIONS = 300;
const TENANT_PAGE_CALLS = 100;
const MOVES = onServer ? 10 : 6;
// The reseller holds 42,078 tenants on the server, about 5,700 on PGlite.
const DEEP = onServer ? 10_000 : 2_000;

const msp = seededBusinessUnit('msp');

/** One generated database with the cockpit and BFF on it, and the callers the operations use. */
async function benchDatabase(owner: Owner) {
  const test = await createTestDatabase({ seed: true, owner });
  const { db, engine } = test.handle;
  const started = performance.now();
  const tree = await generateHierarchy(db, shape);
  const generatedIn = performance.now() - started;
  await db.execute('analyze');
  const { serviceKey, cockpit, tokens, bff } = await benchServices(db);

  const claimsOf = (userId: string, businessUnitId: string) => ({
    sub: userId,
    businessUnitId,
    homeBusinessUnitId: msp.id,
    hostId: BENCH_HOST_ID,
  });
  const reseller = claimsOf(tree.resellerUser.id, tree.resellerUser.unit.id);
  const deep = claimsOf(tree.deepUser.id, tree.deepUser.unit.id);
  const admin = claimsOf(tree.adminUserId, msp.id);
  const cockpitCall = async (claims: ReturnType<typeof claimsOf>, path: string, body?: unknown) => {
    const res = await cockpit.request(path, {
      ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
      headers: {
        authorization: `Bearer ${await signServiceToken(serviceKey, claims)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // A widget token lives 10 minutes; on a busy machine the benchmark runs longer, so it is renewed
  // after five, as the widget does before expiry.
  let widgetToken = { token: '', issuedAt: Number.NEGATIVE_INFINITY };
  const resellerWidgetToken = async () => {
    if (performance.now() - widgetToken.issuedAt > 5 * 60_000) {
      const { token } = await tokens.issue({
        userId: tree.resellerUser.id,
        businessUnitId: tree.resellerUser.unit.id,
        hostId: BENCH_HOST_ID,
      });
      widgetToken = { token, issuedAt: performance.now() };
    }
    return widgetToken.token;
  };
  const bffGet = async (path: string) => {
    const res = await bff.request(path, { headers: { authorization: `Bearer ${await resellerWidgetToken()}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const customer = tree.units.find((u) => u.parentId === tree.resellerUser.unit.id);
  if (!customer) throw new Error('the reseller has no customers');
  // A page of 50 deep in a sorted list (after 10,000 tenants, 2,000 on PGlite), reached with a
  // cursor from a walk of pages of 200.
  const deepCursor = async (query: string) => {
    let cursor = '';
    for (let page = 0; page < DEEP / 200; page++) {
      const body = (await cockpitCall(reseller, `/v1/tenants?${query}&limit=200${cursor}`)) as {
        nextCursor: string | null;
      };
      if (!body.nextCursor) throw new Error(`${query}: the list ends before ${DEEP} tenants`);
      cursor = `&cursor=${body.nextCursor}`;
    }
    return cursor;
  };
  // The plans behind the page and search rows, as the reseller runs them (index ranges or not).
  const explain = async (title: string, query: ReturnType<typeof sql>) => {
    const plan = await withScope(db, tree.resellerUser.unit.path, async (tx) => {
      await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
      return executeRows<{ 'QUERY PLAN': string }>(tx, sql`explain (costs off) ${query}`);
    });
    return `${title}:\n${plan.map((line) => `    ${line['QUERY PLAN']}`).join('\n')}`;
  };
  const resellerPath = tree.resellerUser.unit.path;
  const plans = async () => [
    await explain(
      'page of 100 business units',
      sql`select ${businessUnits.id} from ${businessUnits}
        where ${inSubtree(businessUnits.path, resellerPath, businessUnits.pathKey)} order by ${businessUnits.pathKey} limit 101`,
    ),
    await explain(
      'count of the subtree’s tenants (the tenant list’s first page)',
      sql`select count(*) from (select 1 from ${tenants}
        where ${inSubtree(tenants.buPath, resellerPath, tenants.buPathKey)} limit 10001) matches`,
    ),
  ];
  let moves = 0;
  const move = () => {
    moves += 1;
    const newParent = tree.moveParents[moves % 2 === 1 ? 1 : 0];
    return cockpitCall(admin, `/v1/business-units/${tree.mover.id}/move`, { newParentId: newParent.id });
  };
  const resellerSubtree = tree.units.filter((u) => u.path.startsWith(tree.resellerUser.unit.path)).length;
  const summary =
    `${owner} owner (${engine}): ${(tree.units.length + 40).toLocaleString('en')} business units (deepest at level ${tree.maxDepth}), ` +
    `${(tree.tenantCount + 18).toLocaleString('en')} tenants, generated in ${(generatedIn / 1000).toFixed(1)} s; ` +
    `reseller subtree ${resellerSubtree.toLocaleString('en')} units`;
  return {
    owner,
    test,
    tree,
    reseller,
    deep,
    admin,
    cockpitCall,
    bffGet,
    customer,
    deepCursor,
    plans,
    move,
    summary,
  };
}

type Bench = Awaited<ReturnType<typeof benchDatabase>>;

// One after the other: generated at once, the superuser's took 400 s instead of 60.
const benches: Bench[] = [];
for (const owner of owners) benches.push(await benchDatabase(owner));
const table: { name: string; rows: Row[] }[] = [];
/** One operation on every database in turn, each with its own setup (a cursor, say). */
async function row(
  name: string,
  calls: number,
  prepare: (bench: Bench) => Promise<() => Promise<unknown>>,
  warmup?: number,
) {
  const rows: Row[] = [];
  for (const bench of benches) {
    const op = await prepare(bench);
    rows.push(await measure(name, calls, op, warmup === undefined ? {} : { warmup }));
  }
  table.push({ name, rows });
}

await row(
  'scope check, caller 12 levels deep (one statement)',
  ITERATIONS,
  async (b) => () => resolveCaller(b.test.handle.db, b.deep),
);
await row('scope check, reseller caller', ITERATIONS, async (b) => () => resolveCaller(b.test.handle.db, b.reseller));
// The tenant list: a page of 50 in each sort, first and deep, and a name search; each as the reseller viewer.
for (const sort of ['name', 'type', 'lifecycle', 'status', 'businessUnit']) {
  await row(
    `cockpit: page of 50 tenants sorted by ${sort}, first page`,
    TENANT_PAGE_CALLS,
    async (b) => () => b.cockpitCall(b.reseller, `/v1/tenants?sort=${sort}&limit=50`),
  );
  await row(
    `cockpit: page of 50 tenants sorted by ${sort}, after ${DEEP.toLocaleString('en')}`,
    TENANT_PAGE_CALLS,
    async (b) => {
      const cursor = await b.deepCursor(`sort=${sort}`);
      return () => b.cockpitCall(b.reseller, `/v1/tenants?sort=${sort}&limit=50${cursor}`);
    },
  );
}
await row(
  'cockpit: tenant name search q over the reseller subtree',
  TENANT_PAGE_CALLS,
  async (b) => () => b.cockpitCall(b.reseller, `/v1/tenants?q=${encodeURIComponent('department g.0.1')}&limit=50`),
);
await row(
  'widget endpoint (BFF → cockpit): tenant name search q',
  TENANT_PAGE_CALLS,
  async (b) => () => b.bffGet(`/v1/widget/tenants?q=${encodeURIComponent('department g.0.1')}&limit=50`),
);
await row(
  'widget endpoint (BFF → cockpit): page of 50 tenants by unit',
  TENANT_PAGE_CALLS,
  async (b) => () => b.bffGet('/v1/widget/tenants?sort=businessUnit&limit=50'),
);
await row(
  'cockpit: page of 100 business units of a reseller subtree',
  ITERATIONS,
  async (b) => () => b.cockpitCall(b.reseller, '/v1/business-units?limit=100'),
);
await row(
  'widget endpoint (BFF → cockpit): one tree level',
  ITERATIONS,
  async (b) => () => b.bffGet(`/v1/widget/business-units?parentId=${b.customer.id}`),
);
await row(
  'widget endpoint (BFF → cockpit): name search',
  ITERATIONS,
  async (b) => () => b.bffGet(`/v1/widget/business-units?q=${encodeURIComponent('department g.0.1')}`),
);
await row(
  'widget endpoint (BFF → cockpit): name search, 2 characters',
  ITERATIONS,
  async (b) => () => b.bffGet(`/v1/widget/business-units?q=${encodeURIComponent('.3')}`),
);
await row(
  'cockpit: name search of one unit over the whole tree (MSP admin)',
  ITERATIONS,
  async (b) => () => b.cockpitCall(b.admin, `/v1/business-units?q=${encodeURIComponent(b.customer.name)}`),
);
const plans = await Promise.all(benches.map(async (b) => `${b.owner} owner:\n${(await b.plans()).join('\n')}`));
await row(
  'cockpit: move preview of the mover block',
  10,
  async (b) => () =>
    b.cockpitCall(b.admin, `/v1/business-units/${b.tree.mover.id}/move-preview`, {
      newParentId: b.tree.moveParents[1].id,
    }),
);
await row(
  `cockpit: move a ${shape.moverSize.toLocaleString('en')}-unit subtree (${shape.moverSize * shape.tenantsPerUnit} tenants)`,
  MOVES,
  async (b) => b.move,
  0,
);

console.log(`\n${benches.map((b) => b.summary).join('\n')}\n`);
printSideBySide(
  benches.map((b) => b.owner),
  table,
);
console.log(`\n${plans.join('\n')}`);
for (const bench of benches) await bench.test.drop();
