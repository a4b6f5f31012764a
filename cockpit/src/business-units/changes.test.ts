import { randomUUID } from 'node:crypto';
import type { BusinessUnit } from '@scc/contracts/business-units';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparableBody } from '../../../test/support/answers.js';
import { type CockpitHarness, createCockpitHarness, problemOf, walkPages } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, subtreeOf } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';

let harness: CockpitHarness;
let casey: string;
let dana: string;

beforeAll(async () => {
  harness = await createCockpitHarness();
  casey = await harness.tokenFor(personaByKey('customer-admin'));
  dana = await harness.tokenFor(personaByKey('department-user'));
});
afterAll(async () => {
  await harness?.close();
});

const contoso = seededBusinessUnit('contoso');
const north = seededBusinessUnit('contoso/north');
const fabrikam = seededBusinessUnit('fabrikam');

async function countUnits(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await harness.database.handle.db.execute(sql`select count(*)::int as n from business_units`),
  );
  return row?.n ?? -1;
}

async function auditActions(entityId: string): Promise<string[]> {
  return rowsOf<{ action: string }>(
    await harness.database.handle.db.execute(
      sql`select action from audit_events where entity_id = ${entityId} order by occurred_at, action`,
    ),
  ).map((r) => r.action);
}

const create = (token: string, body: unknown) => harness.send('POST', '/v1/business-units', token, body);

describe('create, rename, annotate, delete', () => {
  test('an admin creates a child (name trimmed), renames it, relabels it and deletes it, each audited', async () => {
    const created = await create(casey, { parentId: north.id, name: '  Server room 7 ', kind: 'server group' });
    expect(created.status, await created.clone().text()).toBe(201);
    const unit = (await created.json()) as BusinessUnit;
    expect(unit).toEqual({
      id: expect.any(String),
      parentId: north.id,
      name: 'Server room 7',
      kind: 'server group',
      depth: 2,
      childCount: 0,
    });
    const parent = (await (await harness.get(`/v1/business-units/${north.id}`, casey)).json()) as BusinessUnit;
    expect(parent.childCount).toBe(subtreeOf('contoso/north').filter((u) => u.parentId === north.id).length + 1);

    const renamed = await harness.send('PATCH', `/v1/business-units/${unit.id}`, casey, { name: 'Server room 8' });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as BusinessUnit).name).toBe('Server room 8');
    const relabelled = await harness.send('PATCH', `/v1/business-units/${unit.id}`, casey, { kind: 'room' });
    expect(((await relabelled.json()) as BusinessUnit).kind).toBe('room');

    const crumbs = await harness.get(`/v1/business-units/${unit.id}/ancestors`, casey);
    expect(((await crumbs.json()) as { items: { name: string }[] }).items.map((i) => i.name)).toEqual([
      'Contoso Retail',
      'North',
      'Server room 8',
    ]);

    expect((await harness.send('DELETE', `/v1/business-units/${unit.id}`, casey)).status).toBe(204);
    expect((await harness.get(`/v1/business-units/${unit.id}`, casey)).status).toBe(404);
    expect(await auditActions(unit.id)).toEqual([
      'business-unit.created',
      'business-unit.renamed',
      'business-unit.updated',
      'business-unit.deleted',
    ]);
  });

  test.each([
    ['an empty name', { name: '' }, 'body.name'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['a 201-character name', { name: 'x'.repeat(201) }, 'body.name'],
    ['no parent', { parentId: undefined }, 'body.parentId'],
    ['a parent that is no uuid', { parentId: 'north' }, 'body.parentId'],
    ['a 51-character kind', { kind: 'k'.repeat(51) }, 'body.kind'],
    ['an unknown field', { colour: 'red' }, 'body.colour'],
  ])('creating with %s is a 400 naming the field; nothing written', async (_name, change, field) => {
    const before = await countUnits();
    const problem = await problemOf(await create(casey, { parentId: north.id, name: 'Fine', ...change }));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    expect(await countUnits()).toBe(before);
  });

  test('a 200-character name is accepted', async () => {
    const response = await create(casey, { parentId: north.id, name: 'n'.repeat(200) });
    expect(response.status).toBe(201);
    const unit = (await response.json()) as BusinessUnit;
    expect((await harness.send('DELETE', `/v1/business-units/${unit.id}`, casey)).status).toBe(204);
  });

  test('unknown and foreign parents are the same 404; a viewer or operator in scope gets 403', async () => {
    const before = await countUnits();
    const unknown = await create(casey, { parentId: randomUUID(), name: 'X' });
    const foreign = await create(casey, { parentId: fabrikam.id, name: 'X' });
    expect(unknown.status).toBe(404);
    expect(await comparableBody(foreign)).toBe(await comparableBody(unknown));
    const operator = await problemOf(
      await create(dana, { parentId: seededBusinessUnit('contoso/north/finance').id, name: 'X' }),
    );
    expect(operator.status).toBe(403);
    expect(operator.errors).toBeUndefined();
    expect(await countUnits()).toBe(before);
  });

  test('PATCH needs a field; foreign ids are 404', async () => {
    const empty = await problemOf(await harness.send('PATCH', `/v1/business-units/${north.id}`, casey, {}));
    expect(empty.status).toBe(400);
    expect(empty.errors?.map((e) => e.field)).toEqual(['body']);
    const foreign = await harness.send('PATCH', `/v1/business-units/${fabrikam.id}`, casey, { name: 'Mine' });
    expect(foreign.status).toBe(404);
  });

  test('deleting refuses a non-empty unit and the caller’s own, naming what is left', async () => {
    const full = await problemOf(await harness.send('DELETE', `/v1/business-units/${north.id}`, casey));
    expect(full.status).toBe(409);
    expect(full.detail).toMatch(/2 child business units/);
    const withTenants = await problemOf(
      await harness.send('DELETE', `/v1/business-units/${seededBusinessUnit('contoso/north/logistics').id}`, casey),
    );
    expect(withTenants.status).toBe(409);
    expect(withTenants.detail).toMatch(/1 child business unit, 1 tenant\b/);
    const own = await problemOf(await harness.send('DELETE', `/v1/business-units/${contoso.id}`, casey));
    expect(own.status).toBe(409);
    expect(own.errors?.map((e) => e.field)).toEqual(['path.id']);
    expect((await harness.get(`/v1/business-units/${north.id}`, casey)).status).toBe(200);
  });
});

describe('children by name and search', () => {
  test('children come sorted by name, page by page', async () => {
    const parent = (await (await create(casey, { parentId: north.id, name: 'Sorting' })).json()) as BusinessUnit;
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'alpha'];
    for (const name of names) expect((await create(casey, { parentId: parent.id, name })).status).toBe(201);
    const { items } = await walkPages<BusinessUnit>(harness, `/v1/business-units?parentId=${parent.id}`, casey, 2);
    expect(items.map((u) => u.name)).toEqual(
      rowsOf<{ name: string }>(
        await harness.database.handle.db.execute(
          sql`select name from business_units where parent_id = ${parent.id} order by name, id`,
        ),
      ).map((r) => r.name),
    );
    expect(items).toHaveLength(names.length);
  });

  test('search finds names case-insensitively inside the subtree only, with ancestors', async () => {
    const response = await harness.get('/v1/business-units?q=FINANCE', casey);
    const page = (await response.json()) as { items: BusinessUnit[] };
    expect(page.items.map((u) => u.id)).toEqual([seededBusinessUnit('contoso/north/finance').id]);
    expect(page.items[0]?.ancestors?.map((a) => a.name)).toEqual(['Contoso Retail', 'North']);
    // Customer One also has a Finance department, outside Contoso.
    const msp = await harness.tokenFor(personaByKey('msp-operator'));
    const all = (await (await harness.get('/v1/business-units?q=finance', msp)).json()) as { items: BusinessUnit[] };
    expect(all.items).toHaveLength(2);
    const literal = (await (await harness.get('/v1/business-units?q=%25', casey)).json()) as { items: BusinessUnit[] };
    expect(literal.items).toEqual([]);
    const tooLong = await problemOf(await harness.get(`/v1/business-units?q=${'x'.repeat(201)}`, casey));
    expect(tooLong.errors?.map((e) => e.field)).toEqual(['query.q']);
  });
});
