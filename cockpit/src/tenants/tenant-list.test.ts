import { defaultPermissions, type Validation } from '@scc/contracts/operations';
import { lifecycleStatuses, operationalStatuses, type Tenant, tenantSorts } from '@scc/contracts/tenants';
import { products, tenants } from '@scc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf, walkPages } from '../../../test/support/cockpit.js';
import {
  personaByKey,
  seededBusinessUnit,
  seededBusinessUnits,
  seededTenants,
  seedId,
  tenantsUnder,
} from '../../../test/support/seed-model.js';

type Page = { items: Tenant[]; nextCursor: string | null; total: number; totalCapped: boolean };

let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function list(persona: string, query: string): Promise<Page> {
  const response = await harness.get(`/v1/tenants${query}`, await harness.tokenFor(personaByKey(persona)));
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<Page>;
}

/** The databases compare text by code point (C collation), and so does this. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unitName = (id: string) => seededBusinessUnits().find((u) => u.id === id)?.name ?? '';
const seeded = seededTenants();

/** The expected order of each sort, computed from the seed's declarations. */
const expectedKeys: Record<(typeof tenantSorts)[number], (t: (typeof seeded)[number]) => (string | number)[]> = {
  name: (t) => [t.name, t.id],
  type: (t) => [t.type, t.name, t.id],
  lifecycle: (t) => [lifecycleStatuses.indexOf(t.lifecycleStatus as never), t.name, t.id],
  status: (t) => [operationalStatuses.indexOf(t.operationalStatus as never), t.name, t.id],
  businessUnit: (t) => [unitName(t.businessUnitId), t.businessUnitId, t.name, t.id],
};

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i] ?? '';
    const order = typeof x === 'number' ? x - Number(y) : byCodePoint(x, String(y));
    if (order !== 0) return order;
  }
  return 0;
}

describe('sorting', () => {
  describe.each(tenantSorts.flatMap((sort) => [[sort, 'asc'] as const, [sort, 'desc'] as const]))(
    'sort=%s order=%s',
    (sort, order) => {
      const key = expectedKeys[sort];
      const want = [...seeded]
        .sort((a, b) => compareKeys(key(a), key(b)) * (order === 'desc' ? -1 : 1))
        .map((t) => t.name);

      test('one page holds every tenant in the sort’s order, ties by name', async () => {
        const page = await list('msp-operator', `?sort=${sort}&order=${order}&limit=200`);
        expect(page.items.map((t) => t.name)).toEqual(want);
        expect(page).toMatchObject({ nextCursor: null, total: seeded.length, totalCapped: false });
      });

      test('pages of 3 walk the same order, each tenant once', async () => {
        const token = await harness.tokenFor(personaByKey('msp-operator'));
        const { items, pages } = await walkPages<Page['items'][number]>(
          harness,
          `/v1/tenants?sort=${sort}&order=${order}`,
          token,
          3,
        );
        expect(items.map((t) => t.name)).toEqual(want);
        expect(pages).toHaveLength(Math.ceil(seeded.length / 3));
        for (const page of pages) expect(page).toMatchObject({ total: seeded.length, totalCapped: false });
      });
    },
  );

  test('every item names its business unit', async () => {
    const page = await list('msp-operator', '?limit=200');
    for (const tenant of page.items) expect(tenant.businessUnitName).toBe(unitName(tenant.businessUnitId));
  });
});

describe('filters and search', () => {
  test('status, lifecycle and type filters return exactly the matching tenants', async () => {
    const names = async (query: string) => (await list('msp-operator', query)).items.map((t) => t.name).sort();
    expect(await names('?status=degraded')).toEqual(['EMEA Engineering backup']);
    expect(await names('?status=down')).toEqual(['North Logistics backup']);
    expect(await names('?lifecycle=provisioning')).toEqual(['Radiology imaging validation']);
    expect(await names('?type=validation&lifecycle=live')).toEqual([]);
    expect(await names('?type=test&status=up')).toEqual(
      ['Contoso ERP Test', 'Customer One ERP Test', 'North Finance restore test'].sort(),
    );
  });

  test('the search matches part of a name in any case, counts its matches and pages with them', async () => {
    const want = seeded.filter((t) => t.name.toLowerCase().includes('erp')).map((t) => t.name);
    const page = await list('msp-operator', '?q=eRp&limit=2');
    expect(page.total).toBe(want.length);
    const token = await harness.tokenFor(personaByKey('msp-operator'));
    const { items } = await walkPages<Tenant>(harness, '/v1/tenants?q=eRp', token, 2);
    expect(items.map((t) => t.name).sort()).toEqual(want.sort());
  });

  test('LIKE wildcards in a search are literal characters', async () => {
    for (const q of ['%', '_', '\\', 'E%P', 'North_Finance']) {
      const page = await list('msp-operator', `?q=${encodeURIComponent(q)}`);
      expect(page.items, q).toEqual([]);
      expect(page.total, q).toBe(0);
    }
  });

  test('a search never returns a tenant outside the caller’s subtree', async () => {
    for (const [persona, unit] of [
      ['customer-admin', 'contoso'],
      ['department-user', 'contoso/north/finance'],
      ['critical-systems-viewer', 'msp/internal/critical'],
    ] as const) {
      for (const q of ['ERP', 'backup', 'e', 'Customer One']) {
        const inside = tenantsUnder(unit).filter((t) => t.name.toLowerCase().includes(q.toLowerCase()));
        const page = await list(persona, `?q=${encodeURIComponent(q)}&limit=200`);
        expect(page.items.map((t) => t.id).sort(), `${persona} ${q}`).toEqual(inside.map((t) => t.id).sort());
        expect(page.total).toBe(inside.length);
      }
    }
  });

  test('a business unit outside the caller’s subtree answers 404', async () => {
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const response = await harness.get(`/v1/tenants?businessUnitId=${seededBusinessUnit('customer-one').id}`, token);
    expect(response.status).toBe(404);
    expect((await problemOf(response)).status).toBe(404);
  });
});

describe('bad input', () => {
  const fieldOf = async (query: string) => {
    const token = await harness.tokenFor(personaByKey('msp-operator'));
    const response = await harness.get(`/v1/tenants${query}`, token);
    expect(response.status, query).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await problemOf(response)).errors?.map((e) => e.field);
  };

  test.each([
    ['?sort=price', 'query.sort'],
    ['?order=up', 'query.order'],
    ['?limit=0', 'query.limit'],
    ['?limit=201', 'query.limit'],
    ['?limit=ten', 'query.limit'],
    ['?q=', 'query.q'],
    [`?q=${'x'.repeat(101)}`, 'query.q'],
    ['?status=sleeping', 'query.status'],
    ['?cursor=not-a-cursor', 'query.cursor'],
    ['?cursor=%2F%2F', 'query.cursor'],
  ])('%s names %s', async (query, field) => {
    expect(await fieldOf(query)).toEqual([field]);
  });

  test('a cursor of another sort, order or filter is refused, not misread', async () => {
    const first = await list('msp-operator', '?sort=type&limit=2&type=test');
    const cursor = first.nextCursor;
    expect(cursor).not.toBeNull();
    for (const other of [
      'sort=name&type=test',
      'sort=type&order=desc&type=test',
      'sort=type',
      'sort=type&type=test&q=a',
    ])
      expect(await fieldOf(`?${other}&cursor=${cursor}`), other).toEqual(['query.cursor']);
    expect((await list('msp-operator', `?sort=type&type=test&cursor=${cursor}`)).items.length).toBeGreaterThan(0);
  });
});

describe('allowedActions', () => {
  const actionsOf = async (persona: string, key: string) => {
    const page = await list(persona, '?limit=200&lifecycle=all');
    return page.items.find((t) => t.id === seedId('tenant', key))?.allowedActions;
  };
  const everything = ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'];

  test('a department user may do everything with its test tenant; with its productive one only order from and transport', async () => {
    // An operator may order every type of the product, so any live tenant can be a source, and may
    // transport into a test tenant; copying into, terminating or rolling back a productive tenant needs admin.
    expect(await actionsOf('department-user', 'contoso-finance-backup')).toEqual(['order-from', 'transport']);
    expect(await actionsOf('department-user', 'contoso-finance-test')).toEqual(everything);
  });

  test('a customer admin may do everything with the same productive tenant', async () => {
    expect(await actionsOf('customer-admin', 'contoso-finance-backup')).toEqual(everything);
    const one = await harness.get(
      `/v1/tenants/${seedId('tenant', 'contoso-finance-backup')}`,
      await harness.tokenFor(personaByKey('customer-admin')),
    );
    expect(((await one.json()) as Tenant).allowedActions).toEqual(everything);
  });

  test('order from follows the product’s order permission: none when only admins may order', async () => {
    const baas = seededTenants().find((t) => t.id === seedId('tenant', 'contoso-finance-test'))?.productId ?? '';
    const [product] = await harness.database.handle.db.select().from(products).where(eq(products.id, baas));
    if (!product) throw new Error('the seed has no BAAS product');
    await harness.database.handle.db
      .update(products)
      .set({ rules: { ...product.rules, permissions: { ...defaultPermissions, order: { '*': 'admin' } } } })
      .where(eq(products.id, baas));
    try {
      expect(await actionsOf('department-user', 'contoso-finance-test')).toEqual([
        'terminate',
        'copy-into',
        'transport',
        'profile-versions',
      ]);
      expect(await actionsOf('customer-admin', 'contoso-finance-test')).toContain('order-from');
    } finally {
      await harness.database.handle.db.update(products).set({ rules: product.rules }).where(eq(products.id, baas));
    }
  });

  test('copy into is offered exactly where a copy’s dry run passes the rules on its target', async () => {
    const source = seedId('tenant', 'contoso-finance-test');
    const outcomes = new Set<boolean>();
    for (const persona of ['department-user', 'customer-admin']) {
      const token = await harness.tokenFor(personaByKey(persona));
      const page = await list(persona, '?limit=200&lifecycle=all');
      const sourceProduct = page.items.find((t) => t.id === source)?.productId;
      for (const target of page.items.filter((t) => t.productId === sourceProduct && t.id !== source)) {
        const response = await harness.send('POST', '/v1/operation-requests/dry-run', token, {
          kind: 'copy',
          sourceTenantId: source,
          targetTenantId: target.id,
          parts: ['solutionProfile'],
        });
        expect(response.status, await response.clone().text()).toBe(200);
        const { validations } = (await response.json()) as { validations: Validation[] };
        const onTarget = validations.filter((v) => v.rule === 'permission' || v.field === 'body.targetTenantId');
        expect(
          onTarget.every((v) => v.passed),
          `${persona} → ${target.name}`,
        ).toBe(target.allowedActions.includes('copy-into'));
        outcomes.add(target.allowedActions.includes('copy-into'));
      }
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  test('a viewer may do nothing', async () => {
    const page = await list('critical-systems-viewer', '?limit=200');
    expect(page.items.length).toBeGreaterThan(0);
    for (const tenant of page.items) expect(tenant.allowedActions).toEqual([]);
  });

  test('an archived tenant offers restore, not terminate; a tenant on its way out offers neither', async () => {
    const archived = seedId('tenant', 'contoso-logistics-backup');
    const retained = seedId('tenant', 'contoso-stores-backup');
    await harness.database.handle.db
      .update(tenants)
      .set({ lifecycleStatus: 'archived' })
      .where(eq(tenants.id, archived));
    await harness.database.handle.db
      .update(tenants)
      .set({ lifecycleStatus: 'retained' })
      .where(eq(tenants.id, retained));
    try {
      expect(await actionsOf('customer-admin', 'contoso-logistics-backup')).toEqual(['restore']);
      expect(await actionsOf('customer-admin', 'contoso-stores-backup')).toEqual([]);
      expect(await actionsOf('critical-systems-viewer', 'contoso-logistics-backup')).toBeUndefined();
    } finally {
      await harness.database.handle.db.update(tenants).set({ lifecycleStatus: 'live' }).where(eq(tenants.id, archived));
      await harness.database.handle.db.update(tenants).set({ lifecycleStatus: 'live' }).where(eq(tenants.id, retained));
    }
  });
});
