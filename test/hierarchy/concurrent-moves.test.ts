import { randomUUID } from 'node:crypto';
import { businessUnits, childPath } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';
import { rowsOf } from '../support/sql.js';

/**
 * Two conflicting moves at once on a real server (A under B and B under A, on separate
 * connections): exactly one wins, the other is refused as a cycle, and the tree stays sound.
 */
describe.skipIf(!process.env.DATABASE_URL)('concurrent subtree moves (server only)', () => {
  let harness: CockpitHarness;
  let token: string;
  const resellers = seededBusinessUnit('msp/resellers');

  beforeAll(async () => {
    harness = await createCockpitHarness();
    token = await harness.tokenFor(personaByKey('msp-operator'));
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('A under B and B under A, 25 times: one succeeds, one is a 409 cycle, no cycle stored', async () => {
    const db = harness.database.handle.db;
    for (let round = 0; round < 25; round++) {
      const [a, b] = [randomUUID(), randomUUID()];
      await db.insert(businessUnits).values([
        { id: a, parentId: resellers.id, name: `A${round}`, path: childPath(resellers.path, a) },
        { id: b, parentId: resellers.id, name: `B${round}`, path: childPath(resellers.path, b) },
      ]);
      const responses = await Promise.all([
        harness.send('POST', `/v1/business-units/${a}/move`, token, { newParentId: b }),
        harness.send('POST', `/v1/business-units/${b}/move`, token, { newParentId: a }),
      ]);
      expect(responses.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 409]);
      const rows = rowsOf<{ id: string; parent_id: string; path: string }>(
        await db.execute(sql`select id, parent_id, path from business_units where id in (${a}, ${b})`),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const movedA = byId.get(a)?.parent_id === b;
      const [child, parent] = movedA ? [a, b] : [b, a];
      expect(byId.get(parent)?.parent_id).toBe(resellers.id);
      expect(byId.get(child)?.parent_id).toBe(parent);
      expect(byId.get(child)?.path).toBe(childPath(byId.get(parent)?.path ?? '', child));
    }
    const broken = rowsOf(
      await db.execute(sql`select c.id from business_units c join business_units p on p.id = c.parent_id
        where c.path <> p.path || replace(c.id::text, '-', '')::ltree`),
    );
    expect(broken).toEqual([]);
  });
  test('writes inside a subtree while it moves never land at a stale path', async () => {
    const db = harness.database.handle.db;
    for (let round = 0; round < 15; round++) {
      const [a, b] = [randomUUID(), randomUUID()];
      await db.insert(businessUnits).values([
        { id: a, parentId: resellers.id, name: `A${round}`, path: childPath(resellers.path, a) },
        { id: b, parentId: resellers.id, name: `B${round}`, path: childPath(resellers.path, b) },
      ]);
      const responses = await Promise.all([
        harness.send('POST', '/v1/business-units', token, { parentId: a, name: 'child' }),
        harness.send('POST', `/v1/business-units/${a}/move`, token, { newParentId: b }),
        harness.send('POST', `/v1/business-units/${a}/data-sources`, token, { kind: 'k', externalRef: 'r', name: 'n' }),
        harness.send('POST', '/v1/users', token, { email: `${a}@race.example`, displayName: 'R', businessUnitId: a }),
      ]);
      expect(
        responses.map((r) => r.status),
        `round ${round}`,
      ).toEqual([201, 200, 201, 201]);
      const stale = rowsOf(
        await db.execute(sql`select c.id from business_units c join business_units p on p.id = c.parent_id
            where c.path <> p.path || replace(c.id::text, '-', '')::ltree
          union all select d.id from data_sources d join business_units u on u.id = d.business_unit_id
            where d.bu_path <> u.path
          union all select s.id from users s join business_units u on u.id = s.business_unit_id
            where s.bu_path <> u.path`),
      );
      expect(stale, `round ${round}`).toEqual([]);
    }
  });
});
