/**
 * `pnpm bench` (hierarchy part): the hierarchy issue's targets at scale. On the server named by
 * DATABASE_URL: about 100,000 business units up to 12 levels deep with 300,000 tenants; on PGlite
 * a tenth of that. Prints p50/p95 per operation; nothing here asserts timing.
 *
 * `SCC_BENCH_OWNER=non-superuser` (server only): the database is owned and migrated by a login
 * that is no superuser, as on a managed PostgreSQL, where ltree's comparisons stay non-LEAKPROOF;
 * the plans of the subtree page and the searches are printed too.
 */
import { resolveCaller } from '@scc/cockpit';
import { signServiceToken } from '@scc/contracts/service-token';
import { businessUnits, executeRows, inSubtree, withScope } from '@scc/db';
import { seededBusinessUnit } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { generateHierarchy } from './support/generate-hierarchy.js';
import { measure, printTable, type Row } from './support/measure.js';
import { createNonSuperuserOwnedDatabase } from './support/non-superuser-owner.js';
import { BENCH_HOST_ID, benchServices } from './support/services.js';

const serverUrl = process.env.DATABASE_URL;
const onServer = Boolean(serverUrl);
const nonSuperuserOwner = process.env.SCC_BENCH_OWNER === 'non-superuser';
if (nonSuperuserOwner && !serverUrl) throw new Error('SCC_BENCH_OWNER=non-superuser needs DATABASE_URL');
const shape = onServer
  ? { fanout: [7, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1], moverSize: 10_000, tenantsPerUnit: 3 }
  : { fanout: [4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1], moverSize: 1_000, tenantsPerUnit: 3 };
const ITERATIONS = 300;
const MOVES = onServer ? 10 : 6;

const test =
  nonSuperuserOwner && serverUrl
    ? await createNonSuperuserOwnedDatabase(serverUrl)
    : await createTestDatabase({ seed: true });
const { db, engine } = test.handle;
const started = performance.now();
const tree = await generateHierarchy(db, shape);
const generatedIn = performance.now() - started;
await db.execute('analyze');

const msp = seededBusinessUnit('msp');
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
const cockpitGet = async (claims: ReturnType<typeof claimsOf>, path: string) => {
  const res = await cockpit.request(path, {
    headers: { authorization: `Bearer ${await signServiceToken(serviceKey, claims)}` },
  });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const cockpitPost = async (claims: ReturnType<typeof claimsOf>, path: string, body: unknown) => {
  const res = await cockpit.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await signServiceToken(serviceKey, claims)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
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

const resellerSubtree = tree.units.filter((u) => u.path.startsWith(tree.resellerUser.unit.path)).length;
const customer = tree.units.find((u) => u.parentId === tree.resellerUser.unit.id);
if (!customer) throw new Error('the reseller has no customers');

const rows: Row[] = [];
rows.push(
  await measure('scope check, caller 12 levels deep (one statement)', ITERATIONS, () => resolveCaller(db, deep)),
);
rows.push(await measure('scope check, reseller caller', ITERATIONS, () => resolveCaller(db, reseller)));
// The tenant list: a page of 50 in each sort, first and deep (after 10,000 tenants, 2,000 on PGlite, reached with
// a cursor from a walk of pages of 200), and a name search; each as the reseller viewer.
const TENANT_PAGE_CALLS = 100;
// The reseller holds 42,078 tenants on the server, about 5,700 on PGlite.
const DEEP = onServer ? 10_000 : 2_000;
const deepCursor = async (query: string) => {
  let cursor = '';
  for (let page = 0; page < DEEP / 200; page++) {
    const body = (await cockpitGet(reseller, `/v1/tenants?${query}&limit=200${cursor}`)) as {
      nextCursor: string | null;
    };
    if (!body.nextCursor) throw new Error(`${query}: the list ends before ${DEEP} tenants`);
    cursor = `&cursor=${body.nextCursor}`;
  }
  return cursor;
};
for (const sort of ['name', 'type', 'lifecycle', 'status', 'businessUnit']) {
  rows.push(
    await measure(`cockpit: page of 50 tenants sorted by ${sort}, first page`, TENANT_PAGE_CALLS, () =>
      cockpitGet(reseller, `/v1/tenants?sort=${sort}&limit=50`),
    ),
  );
  const cursor = await deepCursor(`sort=${sort}`);
  rows.push(
    await measure(
      `cockpit: page of 50 tenants sorted by ${sort}, after ${DEEP.toLocaleString('en')}`,
      TENANT_PAGE_CALLS,
      () => cockpitGet(reseller, `/v1/tenants?sort=${sort}&limit=50${cursor}`),
    ),
  );
}
rows.push(
  await measure('cockpit: tenant name search q over the reseller subtree', TENANT_PAGE_CALLS, () =>
    cockpitGet(reseller, `/v1/tenants?q=${encodeURIComponent('department g.0.1')}&limit=50`),
  ),
);
rows.push(
  await measure('widget endpoint (BFF → cockpit): tenant name search q', TENANT_PAGE_CALLS, () =>
    bffGet(`/v1/widget/tenants?q=${encodeURIComponent('department g.0.1')}&limit=50`),
  ),
);
rows.push(
  await measure('widget endpoint (BFF → cockpit): page of 50 tenants by unit', TENANT_PAGE_CALLS, () =>
    bffGet('/v1/widget/tenants?sort=businessUnit&limit=50'),
  ),
);
rows.push(
  await measure('cockpit: page of 100 business units of a reseller subtree', ITERATIONS, () =>
    cockpitGet(reseller, '/v1/business-units?limit=100'),
  ),
);
rows.push(
  await measure('widget endpoint (BFF → cockpit): one tree level', ITERATIONS, () =>
    bffGet(`/v1/widget/business-units?parentId=${customer.id}`),
  ),
);
rows.push(
  await measure('widget endpoint (BFF → cockpit): name search', ITERATIONS, () =>
    bffGet(`/v1/widget/business-units?q=${encodeURIComponent('department g.0.1')}`),
  ),
);
rows.push(
  await measure('widget endpoint (BFF → cockpit): name search, 2 characters', ITERATIONS, () =>
    bffGet(`/v1/widget/business-units?q=${encodeURIComponent('.3')}`),
  ),
);
rows.push(
  await measure('cockpit: name search of one unit over the whole tree (MSP admin)', ITERATIONS, () =>
    cockpitGet(admin, `/v1/business-units?q=${encodeURIComponent(customer.name)}`),
  ),
);
// The plans behind the page and search rows, as the reseller runs them (index ranges or not).
const explain = async (title: string, query: ReturnType<typeof sql>) => {
  const plan = await withScope(db, tree.resellerUser.unit.path, async (tx) => {
    await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
    return executeRows<{ 'QUERY PLAN': string }>(tx, sql`explain (costs off) ${query}`);
  });
  return `${title}:\n${plan.map((line) => `    ${line['QUERY PLAN']}`).join('\n')}`;
};
const resellerPath = tree.resellerUser.unit.path;
const plans = [
  await explain(
    'page of 100 business units',
    sql`select ${businessUnits.id} from ${businessUnits} where ${inSubtree(businessUnits.path, resellerPath)} order by ${businessUnits.path} limit 101`,
  ),
  await explain(
    'unit name search',
    sql`select * from scc_search_business_units(${'department g.0.1'}, ${resellerPath}::ltree, null, null, 101)`,
  ),
];
rows.push(
  await measure('cockpit: move preview of the mover block', 10, () =>
    cockpitPost(admin, `/v1/business-units/${tree.mover.id}/move-preview`, { newParentId: tree.moveParents[1].id }),
  ),
);
let moves = 0;
rows.push(
  await measure(
    `cockpit: move a ${tree.moverSize.toLocaleString('en')}-unit subtree (${tree.moverSize * shape.tenantsPerUnit} tenants)`,
    MOVES,
    () => {
      moves += 1;
      const newParent = tree.moveParents[moves % 2 === 1 ? 1 : 0];
      return cockpitPost(admin, `/v1/business-units/${tree.mover.id}/move`, { newParentId: newParent.id });
    },
    { warmup: 0 },
  ),
);

console.log(
  `\nengine: ${engine}; owner: ${nonSuperuserOwner ? 'no superuser (ltree comparisons not LEAKPROOF)' : 'superuser'}; ${(tree.units.length + 40).toLocaleString('en')} business units (deepest at level ${tree.maxDepth}), ` +
    `${(tree.tenantCount + 18).toLocaleString('en')} tenants, generated in ${(generatedIn / 1000).toFixed(1)} s; ` +
    `reseller subtree ${resellerSubtree.toLocaleString('en')} units\n`,
);
printTable(rows);
console.log(`\n${plans.join('\n')}`);
await test.drop();
