import { createHash } from 'node:crypto';
import type { BusinessUnit, BusinessUnitBrandSchema } from '@scc/contracts/business-units';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';

type UnitBrand = z.infer<typeof BusinessUnitBrandSchema>;

/** Smallest files that start like each type; the server tells the type from these bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const GIF = Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1');
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const resellerOne = seededBusinessUnit('reseller-one');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const globex = seededBusinessUnit('globex');
const resellers = seededBusinessUnit('msp/resellers');

let harness: CockpitHarness;
let msp: string;
let reseller: string;
let casey: string;

beforeAll(async () => {
  harness = await createCockpitHarness();
  msp = await harness.tokenFor(personaByKey('msp-operator'));
  reseller = await harness.tokenFor(personaByKey('reseller-admin'));
  casey = await harness.tokenFor(personaByKey('customer-admin'));
});
afterAll(async () => {
  await harness?.close();
});

const brandOf = async (token: string, id: string) => {
  const response = await harness.get(`/v1/business-units/${id}/brand`, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as UnitBrand;
};
const putBrand = (token: string, id: string, brand: unknown) =>
  harness.send('PUT', `/v1/business-units/${id}/brand`, token, { brand });
const logoOf = (token: string, id: string) => harness.get(`/v1/business-units/${id}/brand/logo`, token);

describe('inheritance stays inside the reseller’s subtree', () => {
  test('Contoso, below Reseller One, shows the seeded Reseller One brand; its logo is served by the unit', async () => {
    const shown = await brandOf(casey, north.id);
    expect(shown.own).toBeNull();
    // Reseller One lies above Casey's unit: its brand is shared, its id and name are not.
    expect(shown.effective).toMatchObject({
      sourceBusinessUnitId: null,
      name: null,
      brand: { displayName: 'Reseller One', light: { primary: '#c2410c' } },
    });
    const logo = await logoOf(casey, north.id);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await logo.arrayBuffer());
    expect(sha256(bytes)).toBe(shown.effective?.brand.logo?.sha256);
    expect(logo.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
  });

  test('a unit of the MSP or of another reseller shows no Reseller One brand, and no logo', async () => {
    expect((await brandOf(msp, globex.id)).effective).toBeNull();
    expect((await logoOf(msp, globex.id)).status).toBe(404);
    const created = await harness.send('POST', '/v1/business-units', msp, {
      parentId: resellers.id,
      name: 'Reseller Two',
      kind: 'reseller',
    });
    const two = (await created.json()) as BusinessUnit;
    const customer = (await (
      await harness.send('POST', '/v1/business-units', msp, { parentId: two.id, name: 'Two’s customer' })
    ).json()) as BusinessUnit;
    expect((await brandOf(msp, customer.id)).effective).toBeNull();
    expect((await logoOf(msp, customer.id)).status).toBe(404);
  });

  test('a unit outside the caller’s subtree answers 404 for its brand and logo, like one that does not exist', async () => {
    for (const path of [`/v1/business-units/${globex.id}/brand`, `/v1/business-units/${globex.id}/brand/logo`]) {
      expect((await problemOf(await harness.get(path, reseller))).status).toBe(404);
    }
    expect((await problemOf(await logoOf(casey, resellerOne.id))).status).toBe(404);
  });
});

describe('setting a brand', () => {
  test('a new logo is typed from its bytes and replaces the old; sha256 keeps it; contrast below AA warns', async () => {
    const set = await putBrand(reseller, contoso.id, {
      displayName: 'Contoso',
      fontStack: "'Segoe UI', Inter, sans-serif",
      radius: 12,
      light: { primary: '#e06010', onPrimary: '#ffffff' },
      dark: { primary: '#fb923c', onPrimary: '#1c1917', surface: '#1c1917', text: '#f5f5f4' },
      logo: { data: base64(GIF) },
    });
    expect(set.status, await set.clone().text()).toBe(200);
    const body = (await set.json()) as UnitBrand;
    expect(body.own?.logo).toEqual({ sha256: sha256(GIF), contentType: 'image/gif', byteSize: GIF.length });
    expect(body.effective).toMatchObject({ sourceBusinessUnitId: contoso.id, name: 'Contoso Retail' });
    expect(body.warnings.map((w) => w.field)).toEqual(['light.primary']);
    const logo = await logoOf(casey, north.id);
    expect(logo.headers.get('content-type')).toBe('image/gif');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(GIF);

    const kept = await putBrand(reseller, contoso.id, { displayName: 'Contoso', logo: { sha256: sha256(GIF) } });
    expect(((await kept.json()) as UnitBrand).own?.logo?.sha256).toBe(sha256(GIF));
    const replaced = await putBrand(reseller, contoso.id, { displayName: 'Contoso', logo: { data: base64(PNG) } });
    expect(((await replaced.json()) as UnitBrand).own?.logo?.contentType).toBe('image/png');
    // A logo that is no longer the unit's cannot be claimed back by its hash.
    const claimed = await problemOf(await putBrand(reseller, contoso.id, { logo: { sha256: sha256(GIF) } }));
    expect(claimed.errors?.map((e) => e.field)).toEqual(['body.brand.logo.sha256']);

    expect((await putBrand(reseller, contoso.id, null)).status).toBe(200);
    expect((await brandOf(casey, north.id)).effective?.brand.displayName).toBe('Reseller One');
  });

  test('only an admin of the unit may set it', async () => {
    const dana = await harness.tokenFor(personaByKey('department-user'));
    const finance = seededBusinessUnit('contoso/north/finance');
    expect((await problemOf(await putBrand(dana, finance.id, { displayName: 'Mine' }))).status).toBe(403);
  });

  test('bad input is refused naming the field, and the old brand and logo stay', async () => {
    const before = await brandOf(reseller, resellerOne.id);
    const logoBefore = Buffer.from(await (await logoOf(reseller, resellerOne.id)).arrayBuffer());
    const svg = (body: string) => base64(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`);
    const cases: [unknown, string][] = [
      [{ logo: { data: base64(Buffer.concat([PNG, Buffer.alloc(33 * 1024)])) } }, 'body.brand.logo.data'],
      [{ logo: { data: base64('plain text, no image') } }, 'body.brand.logo.data'],
      [{ logo: { data: svg('<script>alert(1)</script>') } }, 'body.brand.logo.data'],
      [{ logo: { data: svg('<image href="https://evil.example/x.png"/>') } }, 'body.brand.logo.data'],
      [{ logo: { data: 'data:image/png;base64,AAAA' } }, 'body.brand.logo.data'],
      [{ light: { primary: 'red' } }, 'body.brand.light.primary'],
      [{ dark: { primary: '#c2410c', accent: 'rgb(0,0,0)' } }, 'body.brand.dark.accent'],
      [{ light: { primary: '#ffffff' } }, 'body.brand.light.primary'],
      [{ light: { primary: '#777777', onPrimary: '#888888' } }, 'body.brand.light.primary'],
      [{ light: { primary: '#c2410c', surface: '#ffffff', text: '#eeeeee' } }, 'body.brand.light.text'],
      [{ fontStack: 'Inter, url(https://evil.example/f.woff)' }, 'body.brand.fontStack'],
      [{ fontStack: 'Inter; background: red' }, 'body.brand.fontStack'],
      [{ fontStack: "'Inter\\'}" }, 'body.brand.fontStack'],
      [{ radius: 33 }, 'body.brand.radius'],
      [{ displayName: 'Two\nlines' }, 'body.brand.displayName'],
      [{ logoUrl: 'https://example.com/logo.png' }, 'body.brand.logoUrl'],
    ];
    for (const [brand, field] of cases) {
      const problem = await problemOf(await putBrand(reseller, resellerOne.id, brand));
      expect(problem.status, JSON.stringify(brand)).toBe(400);
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
    expect(await brandOf(reseller, resellerOne.id)).toEqual(before);
    expect(Buffer.from(await (await logoOf(reseller, resellerOne.id)).arrayBuffer())).toEqual(logoBefore);
  });

  test('twenty saves at once each land whole: the brand shown, its logo and the audit trail agree', async () => {
    // Each save brings its own logo (a GIF differing in one byte) and names it in displayName.
    const gif = (i: number) => Buffer.concat([GIF.subarray(0, GIF.length - 1), Buffer.from([i]), Buffer.from(';')]);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putBrand(reseller, contoso.id, { displayName: `Save ${i}`, logo: { data: base64(gif(i)) } }),
      ),
    );
    expect(saves.map((r) => r.status)).toEqual(Array(20).fill(200));
    const shown = await brandOf(casey, north.id);
    const winner = Number(shown.effective?.brand.displayName?.split(' ')[1]);
    expect(shown.effective?.brand.logo?.sha256).toBe(sha256(gif(winner)));
    expect(Buffer.from(await (await logoOf(casey, north.id)).arrayBuffer())).toEqual(gif(winner));
    const audit = await harness.get(
      `/v1/audit-events?businessUnitId=${contoso.id}&action=business-unit.updated&limit=50`,
      reseller,
    );
    const names = ((await audit.json()) as { items: { after: { brand?: { displayName?: string } } | null }[] }).items
      .map((e) => e.after?.brand?.displayName)
      .filter((name) => name?.startsWith('Save '));
    // Every save is audited (their times are each transaction's start, not the order of commits).
    expect([...names].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Save ${i}`).sort());
    expect((await putBrand(reseller, contoso.id, null)).status).toBe(200);
  });
});
