import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffHarness, createBffHarness, expectValidationFields } from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';

/** The brand reaches the widget through a real BFF and the real cockpit on a seeded database. */
const contoso = seededBusinessUnit('contoso');
const globex = seededBusinessUnit('globex');
const msp = seededBusinessUnit('msp');

interface Session {
  businessUnit: { id: string };
  brand: { brand: { displayName?: string; logo?: { sha256: string; contentType: string } } } | null;
}

let h: BffHarness;
let caseyToken: string;
let mspToken: string;

beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, personaByKey('customer-admin').email, contoso.id);
  mspToken = await h.openSession(h.mspHost, personaByKey('msp-operator').email, msp.id);
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  h.app.request(`/v1/widget${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

async function sessionOf(token: string): Promise<Session> {
  const res = await get('/session', token);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Session;
}

describe('the widget session carries the effective brand', () => {
  it('a Contoso user gets Reseller One’s brand; the MSP keeps the default (none)', async () => {
    const contosoSession = await sessionOf(caseyToken);
    expect(contosoSession.businessUnit.id).toBe(contoso.id);
    expect(contosoSession.brand?.brand).toMatchObject({
      displayName: 'Reseller One',
      logo: { contentType: 'image/png' },
    });
    expect((await sessionOf(mspToken)).brand).toBeNull();
  });
});

describe('logos', () => {
  it('are served as the sniffed image type with headers that keep them from becoming a document', async () => {
    const sha256 = (await sessionOf(caseyToken)).brand?.brand.logo?.sha256 ?? '';
    const res = await get(`/business-units/${contoso.id}/logo?v=${sha256}`, caseyToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('etag')).toBe(`"${sha256}"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(new Uint8Array(await res.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));

    const unversioned = await get(`/business-units/${contoso.id}/logo`, caseyToken);
    expect(unversioned.headers.get('cache-control')).toBe('private, no-cache');
    const revalidated = await get(`/business-units/${contoso.id}/logo`, caseyToken, { 'if-none-match': `"${sha256}"` });
    expect(revalidated.status).toBe(304);
  });

  it('of a unit outside the caller’s subtree answer 404, as do units whose brand has none', async () => {
    expect((await get(`/business-units/${globex.id}/logo`, caseyToken)).status).toBe(404);
    expect((await get(`/business-units/${globex.id}/logo`, mspToken)).status).toBe(404);
    expect((await get(`/business-units/${contoso.id}/logo`, 'not-a-token')).status).toBe(401);
  });
});

describe('bad brands are refused by the BFF before they reach the cockpit', () => {
  it('names the field', async () => {
    const res = await h.app.request(`/v1/widget/business-units/${contoso.id}/brand`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${caseyToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ brand: { fontStack: 'x; y', logo: { data: btoa('<svg onload="alert(1)"/>') } } }),
    });
    expect(await expectValidationFields(res)).toEqual(['body.brand.fontStack', 'body.brand.logo.data']);
  });
});
