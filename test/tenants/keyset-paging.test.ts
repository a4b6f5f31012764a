/**
 * The issue's paging guarantee: walking a subtree of 300,000 tenants page by page returns every
 * tenant that existed before the walk began exactly once, and no tenant twice, while another
 * connection keeps inserting tenants whose names fall between and inside the pages already read.
 * On PGlite (one connection, so the inserts interleave with the pages) with 20,000 tenants.
 */
import type { Tenant } from '@scc/contracts/tenants';
import { executeRows, tenants } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, type Page } from '../support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../support/seed-model.js';

const onServer = Boolean(process.env.DATABASE_URL);
const COUNT = onServer ? 300_000 : 20_000;
const PAGE = 200;
const INSERT_BATCH = 25;

let harness: CockpitHarness;
const unit = seededBusinessUnit('customer-one/emea/finance');
const scope = seededBusinessUnit('customer-one');

/**
 * `count` development tenants on `unit` in one set-based statement. `name` says where they land in
 * the name order: numbered in order for the bulk, a hash for late ones, which then scatter across
 * the pages already read and those still to come.
 */
function insertTenants(count: number, name: SQL) {
  return sql`insert into ${tenants} (business_unit_id, product_id, name, type, lifecycle_status, bu_path)
    select ${unit.id}::uuid, ${seedId('product', 'BAAS')}::uuid, ${name}, 'development', 'live', ${unit.path}::ltree
    from generate_series(1, ${count}) as i`;
}

beforeAll(async () => {
  harness = await createCockpitHarness();
  await harness.database.handle.db.execute(insertTenants(COUNT, sql`'bulk ' || lpad(i::text, 6, '0')`));
  await harness.database.handle.db.execute(sql`analyze ${tenants}`);
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

test(`paging through ${COUNT.toLocaleString('en')} tenants returns each exactly once under concurrent inserts`, async () => {
  const owner = harness.database.handle.db;
  const before = await executeRows<{ id: string }>(
    owner,
    sql`select id from ${tenants} where bu_path <@ ${scope.path}::ltree and lifecycle_status in ('provisioning', 'live')`,
  );
  expect(before.length).toBeGreaterThan(COUNT);

  let paging = true;
  let inserted = 0;
  let batches = 0;
  // Another connection (on PGlite: the same one, between pages) adds tenants all through the walk.
  const inserter = (async () => {
    while (paging && batches < 5_000) {
      batches += 1;
      await owner.execute(insertTenants(INSERT_BATCH, sql`'bulk ' || md5(${`late ${batches} `} || i::text)`));
      inserted += INSERT_BATCH;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();

  const seen = new Map<string, number>();
  let cursor: string | null = null;
  let pages = 0;
  try {
    do {
      const response = await harness.get(
        `/v1/tenants?sort=name&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`,
        // A service token lives a minute; the walk may take longer.
        await harness.tokenFor(personaByKey('customer-one-admin')),
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page<Tenant>;
      for (const tenant of page.items) seen.set(tenant.id, (seen.get(tenant.id) ?? 0) + 1);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
  } finally {
    paging = false;
    await inserter;
  }

  expect(inserted).toBeGreaterThan(0);
  const twice = [...seen].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const missing = before.filter(({ id }) => !seen.has(id));
  expect(missing).toEqual([]);
  expect(pages).toBeGreaterThanOrEqual(Math.ceil(before.length / PAGE));
}, 180_000);
