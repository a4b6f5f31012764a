import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BffHarness,
  createBffHarness,
  expectProblem,
  expectValidationFields,
  widgetRequest,
} from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seededBusinessUnits } from '../../../test/support/seed-model.js';

/** The widget's hierarchy routes through a real BFF to the real cockpit on a seeded database. */
const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const south = seededBusinessUnit('contoso/south');
const finance = seededBusinessUnit('contoso/north/finance');
const fabrikam = seededBusinessUnit('fabrikam');

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  depth: number;
  childCount: number;
  ancestors?: { id: string; name: string }[];
}
interface Level {
  items: Unit[];
  nextCursor: string | null;
}

let h: BffHarness;
let caseyToken: string;
let danaToken: string;

beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, casey.email, contoso.id);
  danaToken = await h.openSession(h.mspHost, dana.email, finance.id);
});
afterAll(async () => {
  await h?.close();
});

const call = (method: string, path: string, token: string, body?: unknown) =>
  widgetRequest(h.app, method, path, token, body);

async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const inSubtree = (root: string) => {
  const base = seededBusinessUnit(root).path;
  return seededBusinessUnits().filter((u) => u.path === base || u.path.startsWith(`${base}.`));
};

describe('the lazy tree', () => {
  it('starts with the caller’s own unit only, then one level per call, each sorted by name', async () => {
    const roots = await ok<Level>(await call('GET', '/business-units', caseyToken));
    expect(roots).toEqual({
      items: [expect.objectContaining({ id: contoso.id, parentId: null, depth: 0, name: contoso.name })],
      nextCursor: null,
    });
    const seen: Unit[] = [...roots.items];
    for (let i = 0; i < seen.length; i++) {
      const unit = seen[i] as Unit;
      const level = await ok<Level>(await call('GET', `/business-units?parentId=${unit.id}`, caseyToken));
      expect(level.items.length, unit.name).toBe(unit.childCount);
      expect(level.items.every((child) => child.parentId === unit.id && child.depth === unit.depth + 1)).toBe(true);
      const names = level.items.map((u) => u.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      seen.push(...level.items);
    }
    expect(seen.map((u) => u.id).sort()).toEqual(
      inSubtree('contoso')
        .map((u) => u.id)
        .sort(),
    );
  });

  it('answers a parent outside the subtree exactly like one that does not exist', async () => {
    const unknown = await expectProblem(await call('GET', `/business-units?parentId=${randomUUID()}`, caseyToken), 404);
    const outside = await expectProblem(await call('GET', `/business-units?parentId=${fabrikam.id}`, caseyToken), 404);
    expect(outside).toEqual(unknown);
    await expectProblem(await call('GET', `/business-units/${fabrikam.id}/ancestors`, caseyToken), 404);
    await expectProblem(await call('GET', `/business-units/${fabrikam.id}`, caseyToken), 404);
  });

  it('finds units by name with their ancestors, and only inside the subtree', async () => {
    const found = await ok<Level>(await call('GET', '/business-units?q=finance', caseyToken));
    expect(found.items.map((u) => u.id)).toEqual([finance.id]);
    expect(found.items[0]?.ancestors?.map((a) => a.id)).toEqual([contoso.id, north.id]);
    const other = await ok<Level>(await call('GET', `/business-units?q=${encodeURIComponent('Fabrikam')}`, caseyToken));
    expect(other.items).toEqual([]);
  });

  it('gives breadcrumbs from the caller’s unit down', async () => {
    const crumbs = await ok<{ items: { id: string; name: string }[] }>(
      await call('GET', `/business-units/${finance.id}/ancestors`, caseyToken),
    );
    expect(crumbs.items.map((u) => u.id)).toEqual([contoso.id, north.id, finance.id]);
  });

  it('names bad query parameters', async () => {
    expect(await expectValidationFields(await call('GET', '/business-units?cursor=abc', caseyToken))).toEqual([
      'query.cursor',
    ]);
    expect(await expectValidationFields(await call('GET', '/business-units?parentId=north', caseyToken))).toEqual([
      'query.parentId',
    ]);
    // A NUL would fail in PostgreSQL (a 503): the search names the field instead.
    expect(await expectValidationFields(await call('GET', '/business-units?q=fin%00ance', caseyToken))).toEqual([
      'query.q',
    ]);
  });
});

describe('administering the hierarchy', () => {
  it('creates, renames, previews and makes a move, and deletes a unit, as an admin', async () => {
    const created = await ok<Unit>(
      await call('POST', '/business-units', caseyToken, { parentId: north.id, name: '  Audit  ', kind: 'department' }),
      201,
    );
    expect(created).toMatchObject({ parentId: north.id, name: 'Audit', kind: 'department', childCount: 0 });

    const renamed = await ok<Unit>(
      await call('PATCH', `/business-units/${created.id}`, caseyToken, { name: 'Audit & Risk' }),
    );
    expect(renamed).toMatchObject({ id: created.id, name: 'Audit & Risk' });

    const preview = await ok<{
      counts: { businessUnits: number };
      from: { parentId: string };
      to: { parentId: string };
    }>(await call('POST', `/business-units/${created.id}/move-preview`, caseyToken, { newParentId: south.id }));
    expect(preview).toMatchObject({ from: { parentId: north.id }, to: { parentId: south.id } });
    expect(preview.counts.businessUnits).toBe(1);
    // A preview changes nothing.
    const stillNorth = await ok<{ items: { id: string }[] }>(
      await call('GET', `/business-units/${created.id}/ancestors`, caseyToken),
    );
    expect(stillNorth.items.map((u) => u.id)).toEqual([contoso.id, north.id, created.id]);

    const moved = await ok<{ businessUnit: Unit }>(
      await call('POST', `/business-units/${created.id}/move`, caseyToken, { newParentId: south.id }),
    );
    expect(moved.businessUnit).toMatchObject({ id: created.id, parentId: south.id });

    expect((await call('DELETE', `/business-units/${created.id}`, caseyToken)).status).toBe(204);
    await expectProblem(await call('GET', `/business-units/${created.id}`, caseyToken), 404);
  });

  it('passes the cockpit’s refusals through: 409 for a unit that is not empty, 400 naming the field', async () => {
    const notEmpty = await expectProblem(await call('DELETE', `/business-units/${north.id}`, caseyToken), 409);
    expect(notEmpty.detail ?? '').not.toBe('');
    expect(
      await expectValidationFields(
        await call('POST', '/business-units', caseyToken, { parentId: north.id, name: ' ' }),
      ),
    ).toContain('body.name');
    const cycle = await expectProblem(
      await call('POST', `/business-units/${north.id}/move-preview`, caseyToken, { newParentId: finance.id }),
      409,
    );
    expect(cycle.errors?.map((e) => e.field)).toContain('body.newParentId');
  });

  it('sets a brand that the units below show, and clears it again', async () => {
    const put = await ok<{ own: { displayName: string } | null }>(
      await call('PUT', `/business-units/${north.id}/brand`, caseyToken, {
        brand: { displayName: 'Contoso North', light: { primary: '#12733a' } },
      }),
    );
    expect(put.own).toEqual({ displayName: 'Contoso North', light: { primary: '#12733a' } });
    type Shown = { own: unknown; effective: { sourceBusinessUnitId: string | null; brand: { displayName: string } } };
    const below = await ok<Shown>(await call('GET', `/business-units/${finance.id}/brand`, caseyToken));
    expect(below.own).toBeNull();
    expect(below.effective).toMatchObject({ sourceBusinessUnitId: north.id, brand: { displayName: 'Contoso North' } });
    // From below, the brand shows, but not where above the caller's own unit it comes from.
    const fromDana = await ok<Shown>(await call('GET', `/business-units/${finance.id}/brand`, danaToken));
    expect(fromDana.effective).toMatchObject({ sourceBusinessUnitId: null, brand: { displayName: 'Contoso North' } });
    await expectProblem(await call('PUT', `/business-units/${finance.id}/brand`, danaToken, { brand: null }), 403);
    const bad = await expectProblem(
      await call('PUT', `/business-units/${north.id}/brand`, caseyToken, { brand: { light: { primary: 'green' } } }),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['body.brand.light.primary']);
    await ok(await call('PUT', `/business-units/${north.id}/brand`, caseyToken, { brand: null }));
    await expectProblem(await call('GET', `/business-units/${fabrikam.id}/brand`, caseyToken), 404);
  });

  it('refuses an operator (403) and never reaches outside the subtree (404)', async () => {
    await expectProblem(await call('POST', '/business-units', danaToken, { parentId: finance.id, name: 'Sub' }), 403);
    await expectProblem(await call('POST', '/business-units', caseyToken, { parentId: fabrikam.id, name: 'Sub' }), 404);
    await expectProblem(
      await call('POST', `/business-units/${finance.id}/move`, caseyToken, { newParentId: fabrikam.id }),
      404,
    );
  });

  it('lets a registered origin PATCH, PUT and DELETE across origins', async () => {
    const res = await h.app.request('/v1/widget/business-units/x', {
      method: 'OPTIONS',
      headers: { origin: h.mspHost.origin, 'access-control-request-method': 'PATCH' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});

describe('the OpenAPI document', () => {
  it('describes every widget route of the hierarchy, users, data sources and audit log', async () => {
    const doc = await ok<{ paths: Record<string, Record<string, unknown>> }>(await h.app.request('/openapi.json'));
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /v1/widget/business-units',
        'POST /v1/widget/business-units',
        'GET /v1/widget/business-units/{id}',
        'PATCH /v1/widget/business-units/{id}',
        'DELETE /v1/widget/business-units/{id}',
        'GET /v1/widget/business-units/{id}/ancestors',
        'POST /v1/widget/business-units/{id}/move-preview',
        'POST /v1/widget/business-units/{id}/move',
        'GET /v1/widget/business-units/{id}/brand',
        'PUT /v1/widget/business-units/{id}/brand',
        'GET /v1/widget/business-units/{id}/data-sources',
        'POST /v1/widget/business-units/{id}/data-sources',
        'PATCH /v1/widget/data-sources/{id}',
        'DELETE /v1/widget/data-sources/{id}',
        'GET /v1/widget/users',
        'POST /v1/widget/users',
        'GET /v1/widget/users/{id}',
        'PATCH /v1/widget/users/{id}',
        'DELETE /v1/widget/users/{id}',
        'POST /v1/widget/role-assignments',
        'DELETE /v1/widget/role-assignments/{id}',
        'GET /v1/widget/audit-events',
      ]),
    );
  });
});
