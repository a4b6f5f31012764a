import type { BusinessUnit } from '@scc/contracts/business-units';
import type { MovePreview } from '@scc/contracts/hierarchy';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, subtreeOf, tenantsUnder } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';

let harness: CockpitHarness;
let msp: string;
let reseller: string;

beforeAll(async () => {
  harness = await createCockpitHarness();
  msp = await harness.tokenFor(personaByKey('msp-operator'));
  reseller = await harness.tokenFor(personaByKey('reseller-admin'));
});
afterAll(async () => {
  await harness?.close();
});

const move = (token: string, id: string, newParentId: string, preview = false) =>
  harness.send('POST', `/v1/business-units/${id}/${preview ? 'move-preview' : 'move'}`, token, { newParentId });

/** Every path equals its parent's path plus its own label, and every bu_path its unit's path. */
async function expectConsistentTree() {
  const db = harness.database.handle.db;
  const broken = rowsOf(
    await db.execute(sql`select c.id from business_units c left join business_units p on p.id = c.parent_id
      where (c.parent_id is null and nlevel(c.path) <> 1)
         or (c.parent_id is not null and (p.id is null or c.path <> p.path || replace(c.id::text, '-', '')::ltree))`),
  );
  expect(broken).toEqual([]);
  for (const table of ['tenants', 'users', 'role_assignments', 'data_sources', 'contracts']) {
    const stale = rowsOf(
      await db.execute(
        sql`select t.id from ${sql.identifier(table)} t join business_units b on b.id = t.business_unit_id where t.bu_path <> b.path`,
      ),
    );
    expect(stale, table).toEqual([]);
  }
}

describe('move preview and move', () => {
  const contoso = seededBusinessUnit('contoso');
  const fabrikam = seededBusinessUnit('fabrikam');
  const north = seededBusinessUnit('contoso/north');

  test('the preview counts what moves and changes nothing', async () => {
    const response = await move(msp, north.id, fabrikam.id, true);
    expect(response.status, await response.clone().text()).toBe(200);
    const preview = (await response.json()) as MovePreview;
    expect(preview.businessUnit).toEqual({ id: north.id, name: north.name });
    expect(preview.counts).toEqual({
      businessUnits: subtreeOf('contoso/north').length,
      tenants: tenantsUnder('contoso/north').length,
      users: 1,
      roleAssignments: 1,
      dataSources: 0,
    });
    expect(preview.from).toEqual({
      parentId: contoso.id,
      path: ['Northstar MSP', 'Resellers', 'Reseller One', 'Contoso Retail'],
    });
    expect(preview.to).toEqual({
      parentId: fabrikam.id,
      path: ['Northstar MSP', 'Resellers', 'Reseller One', 'Fabrikam Health'],
    });
    // Casey (Contoso admin) loses admin on North by the move.
    expect(preview.inheritedRoles).toEqual([
      {
        userId: expect.any(String),
        email: personaByKey('customer-admin').email,
        before: ['admin', 'operator', 'viewer'],
        after: [],
      },
    ]);
    // Both parents show the seeded brand of Reseller One.
    expect(preview.brand).toMatchObject({
      before: { name: 'Reseller One' },
      after: { name: 'Reseller One' },
      changes: false,
    });
    const unit = (await (await harness.get(`/v1/business-units/${north.id}`, msp)).json()) as BusinessUnit;
    expect(unit.parentId).toBe(contoso.id);
  });

  test('moves the subtree with tenants, users and assignments; paths stay consistent', async () => {
    const response = await move(reseller, north.id, fabrikam.id);
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { businessUnit: BusinessUnit; counts: MovePreview['counts'] };
    expect(body.businessUnit.parentId).toBe(fabrikam.id);
    expect(body.counts.tenants).toBe(tenantsUnder('contoso/north').length);
    await expectConsistentTree();
    // The Contoso admin no longer sees North; the department user still sees its own unit as root.
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    expect((await harness.get(`/v1/business-units/${north.id}`, casey)).status).toBe(404);
    const dana = await harness.tokenFor(personaByKey('department-user'));
    expect((await harness.get('/v1/tenants', dana)).status).toBe(200);
    // And back.
    expect((await move(reseller, north.id, contoso.id)).status).toBe(200);
    await expectConsistentTree();
  });

  test('refusals: cycle, own root, unchanged parent, out of scope; nothing half-moved', async () => {
    const finance = seededBusinessUnit('contoso/north/finance');
    const cycle = await problemOf(await move(msp, contoso.id, finance.id));
    expect(cycle.status).toBe(409);
    expect(cycle.errors?.map((e) => e.field)).toEqual(['body.newParentId']);
    const self = await problemOf(await move(msp, contoso.id, contoso.id));
    expect(self.status).toBe(409);
    const ownRoot = await problemOf(await move(reseller, seededBusinessUnit('reseller-one').id, fabrikam.id));
    expect(ownRoot.status).toBe(409);
    const unchanged = await problemOf(await move(msp, north.id, contoso.id));
    expect(unchanged.status).toBe(409);
    const outside = await problemOf(await move(reseller, north.id, seededBusinessUnit('globex').id));
    expect(outside.status).toBe(404);
    await expectConsistentTree();
  });
});

describe('brands', () => {
  const contoso = seededBusinessUnit('contoso');
  const fabrikam = seededBusinessUnit('fabrikam');
  const north = seededBusinessUnit('contoso/north');
  const resellerOne = seededBusinessUnit('reseller-one');
  const putBrand = (token: string, id: string, brand: unknown) =>
    harness.send('PUT', `/v1/business-units/${id}/brand`, token, { brand });

  test('a brand is inherited down the tree, also from above the caller’s unit, without naming that unit', async () => {
    const set = await putBrand(reseller, resellerOne.id, {
      displayName: 'Reseller One',
      light: { primary: '#aa0000' },
    });
    expect(set.status, await set.clone().text()).toBe(200);
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const shown = await (await harness.get(`/v1/business-units/${north.id}/brand`, casey)).json();
    expect(shown).toEqual({
      own: null,
      effective: {
        sourceBusinessUnitId: null,
        name: null,
        brand: { displayName: 'Reseller One', light: { primary: '#aa0000' } },
      },
      warnings: [],
    });
    const asReseller = await (await harness.get(`/v1/business-units/${north.id}/brand`, reseller)).json();
    expect(asReseller).toMatchObject({ effective: { sourceBusinessUnitId: resellerOne.id, name: 'Reseller One' } });
    // Casey may not change the reseller's brand: it lies above Casey's unit.
    expect((await putBrand(casey, resellerOne.id, null)).status).toBe(404);
  });

  test('bad brands are refused naming the field', async () => {
    for (const [brand, field] of [
      [{ light: { primary: 'red' } }, 'body.brand.light.primary'],
      [{ logoUrl: 'https://example.com/logo.png' }, 'body.brand.logoUrl'],
      [{ displayName: '' }, 'body.brand.displayName'],
      [{ font: 'Comic Sans' }, 'body.brand.font'],
    ] as const) {
      const problem = await problemOf(await putBrand(reseller, fabrikam.id, brand));
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  test('the move preview tells which brand the unit shows before and after', async () => {
    expect((await putBrand(reseller, fabrikam.id, { displayName: 'Fabrikam' })).status).toBe(200);
    const preview = (await (await move(reseller, north.id, fabrikam.id, true)).json()) as MovePreview;
    expect(preview.brand).toEqual({
      before: {
        sourceBusinessUnitId: resellerOne.id,
        name: 'Reseller One',
        brand: { displayName: 'Reseller One', light: { primary: '#aa0000' } },
      },
      after: { sourceBusinessUnitId: fabrikam.id, name: 'Fabrikam Health', brand: { displayName: 'Fabrikam' } },
      changes: true,
    });
    const toContoso = (await (
      await move(reseller, seededBusinessUnit('contoso/north/finance').id, contoso.id, true)
    ).json()) as MovePreview;
    expect(toContoso.brand.changes).toBe(false);
    expect((await putBrand(reseller, fabrikam.id, null)).status).toBe(200);
  });
});
