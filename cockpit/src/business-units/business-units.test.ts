import { randomUUID } from 'node:crypto';
import type { BusinessUnit } from '@scc/contracts/business-units';
import type { SeededBusinessUnit } from '@scc/db/seed';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CockpitHarness,
  createCockpitHarness,
  observable,
  type Page,
  problemOf,
  walkPages,
} from '../../../test/support/cockpit.js';
import {
  isInSubtree,
  personaByKey,
  personas,
  seededBusinessUnit,
  seededBusinessUnits,
  subtreeOf,
} from '../../../test/support/seed-model.js';

let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

const levels = (path: string) => path.split('.').length;

/** What the API must show a caller rooted at `root` for `unit`. */
function expectedView(unit: SeededBusinessUnit, root: SeededBusinessUnit): BusinessUnit {
  return {
    id: unit.id,
    parentId: unit.id === root.id ? null : unit.parentId,
    name: unit.name,
    kind: unit.kind,
    depth: levels(unit.path) - levels(root.path),
    childCount: seededBusinessUnits().filter((u) => u.parentId === unit.id).length,
  };
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

async function list(token: string, query = ''): Promise<Page<BusinessUnit>> {
  const response = await harness.get(`/v1/business-units${query}`, token);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json() as Promise<Page<BusinessUnit>>;
}

/** Parents come before children and every unit's descendants follow it as one contiguous block. */
function expectPreOrder(items: BusinessUnit[]) {
  const all = new Map(seededBusinessUnits().map((u) => [u.id, u]));
  const pathOf = (id: string) => all.get(id)?.path ?? '';
  items.forEach((item, index) => {
    let end = index + 1;
    while (end < items.length && isInSubtree(pathOf(items[end]?.id ?? ''), pathOf(item.id))) end++;
    const inBlock = items.slice(index + 1, end).length;
    const descendants = items.filter((other) => other.id !== item.id && isInSubtree(pathOf(other.id), pathOf(item.id)));
    expect(inBlock, `descendants of ${item.name} follow it contiguously`).toBe(descendants.length);
  });
}

describe.each(personas.map((p) => [p.key, p] as const))('GET /v1/business-units as %s', (_key, persona) => {
  const root = seededBusinessUnit(persona.businessUnit);
  const subtree = subtreeOf(persona.businessUnit);
  const inside = new Set(subtree.map((u) => u.id));

  test('lists exactly the persona’s subtree, parents before children', async () => {
    const token = await harness.tokenFor(persona);
    const page = await list(token);
    expect(page.nextCursor).toBeNull();
    expect([...page.items].sort(byId)).toEqual(subtree.map((u) => expectedView(u, root)).sort(byId));
    expect(page.items[0]).toEqual({ ...expectedView(root, root), parentId: null, depth: 0 });
    expectPreOrder(page.items);
  });

  test('GET /{id} answers 200 inside the subtree and an indistinguishable 404 outside', async () => {
    const token = await harness.tokenFor(persona);
    const unknown = await observable(await harness.get(`/v1/business-units/${randomUUID()}`, token));
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toBe('application/problem+json');
    for (const unit of seededBusinessUnits()) {
      const response = await harness.get(`/v1/business-units/${unit.id}`, token);
      if (inside.has(unit.id)) {
        expect(response.status, unit.key).toBe(200);
        expect(await response.json()).toEqual(expectedView(unit, root));
      } else {
        expect(await observable(response), unit.key).toEqual(unknown);
      }
    }
  });

  test('parentId lists exactly the direct children, and is a 404 outside the subtree', async () => {
    const token = await harness.tokenFor(persona);
    for (const unit of subtree) {
      const page = await list(token, `?parentId=${unit.id}`);
      const children = subtree.filter((u) => u.parentId === unit.id);
      expect(page.items.map((u) => u.id).sort(), unit.key).toEqual(children.map((u) => u.id).sort());
      expect(
        page.items.every((u) => u.parentId === unit.id && u.depth === levels(unit.path) - levels(root.path) + 1),
      ).toBe(true);
    }
    const unknown = await observable(await harness.get(`/v1/business-units?parentId=${randomUUID()}`, token));
    expect(unknown.status).toBe(404);
    for (const unit of seededBusinessUnits().filter((u) => !inside.has(u.id))) {
      expect(await observable(await harness.get(`/v1/business-units?parentId=${unit.id}`, token)), unit.key).toEqual(
        unknown,
      );
    }
  });
});

describe('pagination', () => {
  const msp = personaByKey('msp-operator');
  const everything = seededBusinessUnits();

  test.each([1, 2, 5, everything.length - 1, everything.length, everything.length + 1])(
    'limit=%i walks the whole tree exactly once, in the same order as one big page',
    async (limit) => {
      const token = await harness.tokenFor(msp);
      const whole = await list(token, '?limit=1000');
      const { items, pages } = await walkPages<BusinessUnit>(harness, '/v1/business-units', token, limit);
      expect(items).toEqual(whole.items);
      expect(new Set(items.map((u) => u.id)).size).toBe(everything.length);
      expect(pages.length).toBe(Math.ceil(everything.length / limit));
      for (const page of pages.slice(0, -1)) {
        expect(page.items).toHaveLength(limit);
        expect(page.nextCursor).toEqual(expect.any(String));
      }
      expect(pages.at(-1)?.nextCursor).toBeNull();
    },
  );

  test('pages of a parent’s children', async () => {
    const token = await harness.tokenFor(msp);
    const parent = seededBusinessUnit('msp');
    const { items } = await walkPages<BusinessUnit>(harness, `/v1/business-units?parentId=${parent.id}`, token, 1);
    expect(items.map((u) => u.id).sort()).toEqual(
      everything
        .filter((u) => u.parentId === parent.id)
        .map((u) => u.id)
        .sort(),
    );
  });

  test('a narrower caller’s pages stay inside its subtree', async () => {
    const persona = personaByKey('customer-admin');
    const token = await harness.tokenFor(persona);
    const { items } = await walkPages<BusinessUnit>(harness, '/v1/business-units', token, 2);
    expect(items.map((u) => u.id).sort()).toEqual(
      subtreeOf(persona.businessUnit)
        .map((u) => u.id)
        .sort(),
    );
  });

  test('a cursor crafted from a path outside the subtree reveals nothing outside it', async () => {
    const persona = personaByKey('customer-admin');
    const token = await harness.tokenFor(persona);
    const inside = new Set(subtreeOf(persona.businessUnit).map((u) => u.id));
    for (const unit of everything) {
      const cursor = Buffer.from(unit.path).toString('base64url');
      const page = await list(token, `?cursor=${cursor}`);
      for (const item of page.items) expect(inside.has(item.id), `after ${unit.key}`).toBe(true);
    }
  });

  test('the default page size covers the seed and the maximum is enforced', async () => {
    const token = await harness.tokenFor(msp);
    expect((await list(token)).items).toHaveLength(everything.length);
    expect((await list(token, '?limit=1000')).items).toHaveLength(everything.length);
    const tooMany = await problemOf(await harness.get('/v1/business-units?limit=1001', token));
    expect(tooMany.errors?.map((e) => e.field)).toEqual(['query.limit']);
  });
});

describe('acting on a business unit below one’s home', () => {
  test('an MSP operator acting on Contoso sees Contoso as root, with depth 0 and no parent', async () => {
    const contoso = seededBusinessUnit('contoso');
    const token = await harness.tokenFor(personaByKey('msp-operator'), { actingOn: contoso.id });
    const page = await list(token);
    expect([...page.items].sort(byId)).toEqual(
      subtreeOf('contoso')
        .map((u) => expectedView(u, contoso))
        .sort(byId),
    );
    const reseller = seededBusinessUnit('reseller-one');
    expect((await harness.get(`/v1/business-units/${reseller.id}`, token)).status).toBe(404);
  });
});
