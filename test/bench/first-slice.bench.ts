/**
 * `pnpm bench`: request-path costs of the first slice on a generated hierarchy, printed as
 * p50/p95 per operation. Runs on PGlite, or on the server named by DATABASE_URL (in a fresh
 * database it drops afterwards). Numbers go to BENCHMARKS.md; nothing here asserts timing.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolveCaller } from '@scc/cockpit';
import { signServiceToken } from '@scc/contracts/service-token';
import { businessUnits, childPath, roleAssignments, tenants, users } from '@scc/db';
import { seededBusinessUnit, seedId } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import { measure, printTable, type Row } from './support/measure.js';
import { BENCH_HOST_ID, benchServices } from './support/services.js';

const FANOUT = [8, 6, 5, 4]; // below the seeded "Reseller One": 8 customers × 6 regions × 5 departments × 4 server groups
const TENANTS_PER_UNIT = 3;
const ITERATIONS = 300;

const test = await createTestDatabase({ seed: true });
const { db, engine } = test.handle;
const reseller = seededBusinessUnit('reseller-one');

// A deterministic synthetic subtree under Reseller One, inserted in bulk.
const units: { id: string; parentId: string; name: string; kind: string; path: string }[] = [];
const kinds = ['customer', 'region', 'department', 'server group'];
const grow = (parent: { id: string; path: string }, level: number, prefix: string) => {
  const count = FANOUT[level];
  if (count === undefined) return;
  for (let i = 0; i < count; i++) {
    const key = `${prefix}/${i}`;
    const id = seedId('bench-unit', key);
    const unit = {
      id,
      parentId: parent.id,
      name: `${kinds[level]} ${key}`,
      kind: kinds[level] ?? 'unit',
      path: childPath(parent.path, id),
    };
    units.push(unit);
    grow(unit, level + 1, key);
  }
};
grow(reseller, 0, 'r1');
const productId = seedId('product', 'BAAS');
const tenantRows = units.flatMap((u, i) =>
  Array.from({ length: TENANTS_PER_UNIT }, (_, j) => ({
    id: seedId('bench-tenant', `${i}/${j}`),
    businessUnitId: u.id,
    productId,
    name: `Tenant ${i}-${j}`,
    type: j === 0 ? 'productive' : 'test',
    lifecycleStatus: 'live' as const,
    buPath: u.path,
  })),
);
const chunk = <T>(rows: T[], size = 1000) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
for (const part of chunk(units)) await db.insert(businessUnits).values(part);
for (const part of chunk(tenantRows)) await db.insert(tenants).values(part);

// A customer admin on the first synthetic customer and a user on one of its departments.
const customer = units[0];
const department = units.find((u) => u.kind === 'department');
if (!customer || !department) throw new Error('generated tree is empty');
for (const [key, unit] of [
  ['bench-customer', customer],
  ['bench-department', department],
] as const) {
  await db.insert(users).values({
    id: seedId('user', key),
    email: `${key}@bench.example`,
    displayName: key,
    businessUnitId: unit.id,
    buPath: unit.path,
  });
  await db.insert(roleAssignments).values({
    id: seedId('role-assignment', key),
    userId: seedId('user', key),
    businessUnitId: unit.id,
    role: 'admin',
    buPath: unit.path,
  });
}
const subtreeSize = units.filter((u) => u.path.startsWith(customer.path)).length;

const msp = seededBusinessUnit('msp');
const { serviceKey, cockpit, tokens, bff } = await benchServices(db);

const claims = {
  sub: seedId('user', 'bench-customer'),
  businessUnitId: customer.id,
  homeBusinessUnitId: msp.id,
  hostId: BENCH_HOST_ID,
};
const serviceToken = () => signServiceToken(serviceKey, claims);
const { token: widgetToken } = await tokens.issue({
  userId: claims.sub,
  businessUnitId: customer.id,
  hostId: BENCH_HOST_ID,
});
const departmentToken = (
  await tokens.issue({
    userId: seedId('user', 'bench-department'),
    businessUnitId: department.id,
    hostId: BENCH_HOST_ID,
  })
).token;

console.log(
  `\nengine: ${engine}; ${units.length + 40} business units, ${tenantRows.length + 18} tenants; customer subtree ${subtreeSize} units, ${subtreeSize * TENANTS_PER_UNIT} tenants; ${ITERATIONS} iterations\n`,
);
const rows: Row[] = [];
const cockpitGet = async (path: string) => {
  const res = await cockpit.request(path, { headers: { authorization: `Bearer ${await serviceToken()}` } });
  await res.arrayBuffer();
};
rows.push(await measure('scope check (resolve caller, one query)', ITERATIONS, () => resolveCaller(db, claims)));
rows.push(await measure('widget token verify (ES256)', ITERATIONS, () => tokens.verify(widgetToken)));
rows.push(await measure('service token sign (ES256)', ITERATIONS, serviceToken));
rows.push(
  await measure('cockpit: page of 100 tenants of a customer subtree', ITERATIONS, () =>
    cockpitGet('/v1/tenants?limit=100'),
  ),
);
rows.push(
  await measure('cockpit: children of one business unit', ITERATIONS, () =>
    cockpitGet(`/v1/business-units?parentId=${customer.id}`),
  ),
);
rows.push(
  await measure('BFF → cockpit: widget tenants of a department (whole list)', ITERATIONS, async () => {
    const res = await bff.request('/v1/widget/tenants', { headers: { authorization: `Bearer ${departmentToken}` } });
    await res.arrayBuffer();
  }),
);
printTable(rows);

const bundle = readFileSync(new URL('../../widget/dist/service-control-center.js', import.meta.url));
const gzip = gzipSync(bundle, { level: 9 }).length;
console.log(
  `\nwidget bundle: ${bundle.length} B raw, ${gzip} B gzip = ${(gzip / (6.3 * 1024)).toFixed(1)}× a minimal LitElement (6.3 KB gzip)`,
);
await test.drop();
