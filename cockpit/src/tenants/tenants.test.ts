import { randomUUID } from 'node:crypto';
import type { Tenant } from '@scc/contracts/tenants';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CockpitHarness,
  createCockpitHarness,
  observable,
  type Page,
  walkPages,
} from '../../../test/support/cockpit.js';
import {
  type ExpectedTenant,
  isInSubtree,
  personaByKey,
  personas,
  seededBusinessUnit,
  seededBusinessUnits,
  seededTenants,
  subtreeOf,
  tenantsUnder,
} from '../../../test/support/seed-model.js';
import { tenantCursor } from './queries.js';

let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Compared = Omit<Tenant, 'createdAt' | 'allowedActions'>;

/** The API view of a seeded tenant, apart from `createdAt`, which the database assigns, and the caller's actions (tenant-list.test.ts). */
function view(t: ExpectedTenant): Compared {
  return {
    id: t.id,
    name: t.name,
    type: t.type,
    lifecycleStatus: t.lifecycleStatus as Tenant['lifecycleStatus'],
    operationalStatus: t.operationalStatus as Tenant['operationalStatus'],
    businessUnitId: t.businessUnitId,
    businessUnitName: seededBusinessUnits().find((u) => u.id === t.businessUnitId)?.name ?? '',
    productId: t.productId,
    productName: t.productName,
    retainedUntil: null,
  };
}

function withoutCreatedAt(tenant: Tenant): Compared {
  expect(tenant.createdAt).toMatch(ISO_UTC);
  expect(Number.isNaN(Date.parse(tenant.createdAt))).toBe(false);
  const { createdAt: _createdAt, allowedActions: _allowedActions, ...rest } = tenant;
  return rest;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

async function list(token: string, query = ''): Promise<Page<Tenant>> {
  const response = await harness.get(`/v1/tenants${query}`, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<Page<Tenant>>;
}

describe.each(personas.map((p) => [p.key, p] as const))('GET /v1/tenants as %s', (_key, persona) => {
  const expected = tenantsUnder(persona.businessUnit);
  const inside = new Set(expected.map((t) => t.id));

  test('lists exactly the seed’s tenants of the persona’s subtree', async () => {
    const token = await harness.tokenFor(persona);
    const page = await list(token);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map(withoutCreatedAt).sort(byId)).toEqual(expected.map(view).sort(byId));
  });

  test('GET /{id} answers 200 inside the subtree and an indistinguishable 404 outside', async () => {
    const token = await harness.tokenFor(persona);
    const unknown = await observable(await harness.get(`/v1/tenants/${randomUUID()}`, token));
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toBe('application/problem+json');
    for (const tenant of seededTenants()) {
      const response = await harness.get(`/v1/tenants/${tenant.id}`, token);
      if (inside.has(tenant.id)) {
        expect(response.status, tenant.key).toBe(200);
        expect(withoutCreatedAt((await response.json()) as Tenant)).toEqual(view(tenant));
      } else {
        expect(await observable(response), tenant.key).toEqual(unknown);
      }
    }
  });

  test('businessUnitId narrows to that unit’s subtree; units outside answer like unknown ones', async () => {
    const token = await harness.tokenFor(persona);
    const subtree = new Set(subtreeOf(persona.businessUnit).map((u) => u.id));
    const unknown = await observable(await harness.get(`/v1/tenants?businessUnitId=${randomUUID()}`, token));
    expect(unknown.status).toBe(404);
    for (const unit of seededBusinessUnits()) {
      const response = await harness.get(`/v1/tenants?businessUnitId=${unit.id}`, token);
      if (subtree.has(unit.id)) {
        expect(response.status, unit.key).toBe(200);
        const page = (await response.json()) as Page<Tenant>;
        expect(page.items.map((t) => t.id).sort(), unit.key).toEqual(
          seededTenants()
            .filter((t) => isInSubtree(t.businessUnitPath, unit.path))
            .map((t) => t.id)
            .sort(),
        );
      } else {
        expect(await observable(response), unit.key).toEqual(unknown);
      }
    }
  });
});

describe('filters and pagination', () => {
  const msp = personaByKey('msp-operator');
  const all = seededTenants();

  test.each(['productive', 'test', 'validation', 'development', 'no-such-type'])('type=%s', async (type) => {
    const token = await harness.tokenFor(msp);
    const page = await list(token, `?type=${type}`);
    expect(page.items.map((t) => t.id).sort()).toEqual(
      all
        .filter((t) => t.type === type)
        .map((t) => t.id)
        .sort(),
    );
  });

  test('type and businessUnitId combine', async () => {
    const persona = personaByKey('customer-admin');
    const token = await harness.tokenFor(persona);
    const north = seededBusinessUnit('contoso/north');
    const page = await list(token, `?businessUnitId=${north.id}&type=test`);
    const want = all.filter((t) => isInSubtree(t.businessUnitPath, north.path) && t.type === 'test');
    expect(want.length).toBeGreaterThan(0);
    expect(page.items.map((t) => t.id).sort()).toEqual(want.map((t) => t.id).sort());
  });

  test.each([1, 2, 3, 7, all.length - 1, all.length, all.length + 1])(
    'limit=%i walks every tenant exactly once, in the same order as one big page',
    async (limit) => {
      const token = await harness.tokenFor(msp);
      const whole = await list(token, '?limit=200');
      const { items, pages } = await walkPages<Tenant>(harness, '/v1/tenants', token, limit);
      expect(items).toEqual(whole.items);
      expect(new Set(items.map((t) => t.id)).size).toBe(all.length);
      expect(pages.length).toBe(Math.ceil(all.length / limit));
      for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(limit);
      expect(pages.at(-1)?.nextCursor).toBeNull();
    },
  );

  test('several tenants on one business unit are paged without loss (ties on the path)', async () => {
    // Two Contoso tenants share contoso/north/finance and two share contoso itself.
    const persona = personaByKey('customer-admin');
    const token = await harness.tokenFor(persona);
    const { items } = await walkPages<Tenant>(harness, '/v1/tenants', token, 1);
    expect(items.map((t) => t.id).sort()).toEqual(
      tenantsUnder('contoso')
        .map((t) => t.id)
        .sort(),
    );
  });

  test('filtered pagination keeps the filter on every page', async () => {
    const token = await harness.tokenFor(msp);
    const { items } = await walkPages<Tenant>(harness, '/v1/tenants?type=productive', token, 2);
    expect(items.map((t) => t.id).sort()).toEqual(
      all
        .filter((t) => t.type === 'productive')
        .map((t) => t.id)
        .sort(),
    );
  });

  test('a crafted cursor at any tenant outside the subtree reveals nothing outside it', async () => {
    const persona = personaByKey('department-user');
    const token = await harness.tokenFor(persona);
    const inside = new Set(tenantsUnder(persona.businessUnit).map((t) => t.id));
    for (const tenant of all) {
      const cursor = tenantCursor({ sort: 'name', order: 'asc' }, 1, { ...view(tenant), createdAt: '', buPath: '' });
      const page = await list(token, `?cursor=${cursor}`);
      for (const item of page.items) expect(inside.has(item.id)).toBe(true);
    }
  });
});
