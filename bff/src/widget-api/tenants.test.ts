import type { Tenant } from '@scc/contracts/tenants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffHarness, createBffHarness, expectValidationFields } from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId, tenantsUnder } from '../../../test/support/seed-model.js';

/** The widget's tenant list through a real BFF to the real cockpit on a seeded database: one page per call. */
const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');

interface TenantPage {
  items: Tenant[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
}

let h: BffHarness;
let caseyToken: string;

beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, casey.email, contoso.id);
});
afterAll(async () => {
  await h?.close();
});

const get = (query: string, token = caseyToken) =>
  h.app.request(`/v1/widget/tenants${query}`, { headers: { authorization: `Bearer ${token}` } });

async function page(query: string, token = caseyToken): Promise<TenantPage> {
  const res = await get(query, token);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as TenantPage;
}

describe('GET /v1/widget/tenants', () => {
  it('forwards one sorted page with its count and a cursor to the next, until the last', async () => {
    const want = tenantsUnder('contoso')
      .map((t) => t.name)
      .sort()
      .reverse();
    const first = await page('?sort=name&order=desc&limit=4');
    expect(first.items.map((t) => t.name)).toEqual(want.slice(0, 4));
    expect(first).toMatchObject({ total: want.length, totalCapped: false });
    expect(first.nextCursor).not.toBeNull();
    const second = await page(`?sort=name&order=desc&limit=4&cursor=${first.nextCursor}`);
    expect(second.items.map((t) => t.name)).toEqual(want.slice(4, 8));
    expect(second.nextCursor).toBeNull();
  });

  it('carries unit names and the caller’s allowed actions on each tenant', async () => {
    const everything = ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'];
    const { items } = await page(`?businessUnitId=${finance.id}&sort=type`);
    expect(items.map((t) => [t.name, t.businessUnitName, t.allowedActions])).toEqual([
      ['North Finance backup', finance.name, everything],
      ['North Finance restore test', finance.name, everything],
    ]);
    const danaToken = await h.openSession(h.mspHost, dana.email, finance.id);
    const asDana = await page('?q=north%20finance', danaToken);
    expect(asDana.items.map((t) => [t.id, t.allowedActions])).toEqual([
      [seedId('tenant', 'contoso-finance-backup'), ['order-from', 'transport']],
      [seedId('tenant', 'contoso-finance-test'), everything],
    ]);
  });

  it('validates the query itself before it calls the cockpit, naming each field', async () => {
    for (const [query, field] of [
      ['?sort=price', 'query.sort'],
      ['?order=sideways', 'query.order'],
      ['?limit=0', 'query.limit'],
      ['?limit=201', 'query.limit'],
      ['?q=', 'query.q'],
      // PostgreSQL refuses NUL in text: the BFF says which field, instead of a 503 from the cockpit.
      ['?q=a%00b', 'query.q'],
      ['?type=test%00', 'query.type'],
      ['?status=asleep', 'query.status'],
      ['?cursor=%24%24', 'query.cursor'],
    ] as const) {
      expect(await expectValidationFields(await get(query)), query).toEqual([field]);
    }
  });

  it('passes the cockpit’s refusal of a cursor from another list through as a 400 naming query.cursor', async () => {
    const first = await page('?sort=status&limit=2');
    expect(await expectValidationFields(await get(`?sort=name&limit=2&cursor=${first.nextCursor}`))).toEqual([
      'query.cursor',
    ]);
  });
});
