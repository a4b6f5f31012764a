import { randomUUID } from 'node:crypto';
import { businessUnits, childPath, roleAssignments, users } from '@scc/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, TEST_HOST_ID, walkPages } from '../support/cockpit.js';
import { seededBusinessUnit } from '../support/seed-model.js';
import { rowsOf } from '../support/sql.js';

/**
 * Random trees, users with roles and random sequences of moves (valid and invalid), through the
 * real cockpit. After every step each user's visible set equals the subtree the plain model below
 * computes, and the stored tree has no cycle and no broken path.
 */
let harness: CockpitHarness;
const msp = seededBusinessUnit('msp');

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The model: parent index per node (node 0 is the tree's root, parent -1). */
class TreeModel {
  constructor(readonly parents: number[]) {}
  subtree(node: number): Set<number> {
    const out = new Set([node]);
    let grew = true;
    while (grew) {
      grew = false;
      this.parents.forEach((parent, child) => {
        if (out.has(parent) && !out.has(child)) {
          out.add(child);
          grew = true;
        }
      });
    }
    return out;
  }
  /** The same rules the API applies, for a mover whose own unit is the tree's root. */
  canMove(unit: number, newParent: number): boolean {
    return unit !== 0 && !this.subtree(unit).has(newParent) && this.parents[unit] !== newParent;
  }
}

async function expectSoundTree() {
  const broken = rowsOf(
    await harness.database.handle.db.execute(sql`select c.id from business_units c
      left join business_units p on p.id = c.parent_id
      where (c.parent_id is null and nlevel(c.path) <> 1)
         or (c.parent_id is not null and (p.id is null or c.path <> p.path || replace(c.id::text, '-', '')::ltree))`),
  );
  expect(broken).toEqual([]);
  const stale = rowsOf(
    await harness.database.handle.db.execute(sql`select u.id from users u
      join business_units b on b.id = u.business_unit_id where u.bu_path <> b.path
      union all select r.id from role_assignments r
      join business_units b on b.id = r.business_unit_id where r.bu_path <> b.path`),
  );
  expect(stale).toEqual([]);
}

const treeShape = fc.array(fc.nat(), { minLength: 1, maxLength: 9 });
const userHomes = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });
const moves = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });

test('visible sets follow every move; no cycle or broken path ever', async () => {
  await fc.assert(
    fc.asyncProperty(treeShape, userHomes, moves, async (shape, homes, steps) => {
      const parents = [-1, ...shape.map((v, i) => v % (i + 1))];
      const model = new TreeModel(parents);
      const n = parents.length;
      const db = harness.database.handle.db;
      // The tree hangs under the MSP root, so its root is an ordinary unit of the seed's tree.
      const ids = parents.map(() => randomUUID());
      const paths: string[] = [];
      parents.forEach((parent, i) => {
        paths[i] = childPath(parent < 0 ? msp.path : (paths[parent] ?? ''), ids[i] ?? '');
      });
      await db.insert(businessUnits).values(
        parents.map((parent, i) => ({
          id: ids[i] ?? '',
          parentId: parent < 0 ? msp.id : (ids[parent] ?? ''),
          name: `n${i}`,
          path: paths[i] ?? '',
        })),
      );
      const people = [0, ...homes.map((h) => h % n)].map((home) => ({ id: randomUUID(), home }));
      await db.insert(users).values(
        people.map((p) => ({
          id: p.id,
          email: `${p.id}@prop.example`,
          displayName: 'P',
          businessUnitId: ids[p.home] ?? '',
          buPath: paths[p.home] ?? '',
        })),
      );
      await db.insert(roleAssignments).values(
        people.map((p) => ({
          userId: p.id,
          businessUnitId: ids[p.home] ?? '',
          role: 'admin' as const,
          buPath: paths[p.home] ?? '',
        })),
      );
      const tokenOf = (person: { id: string; home: number }) =>
        harness.keys.sign({
          sub: person.id,
          businessUnitId: ids[person.home] ?? '',
          homeBusinessUnitId: msp.id,
          hostId: TEST_HOST_ID,
        });
      const mover = await tokenOf(people[0] ?? { id: '', home: 0 });

      const checkVisibility = async () => {
        for (const person of people) {
          const { items } = await walkPages<{ id: string }>(harness, '/v1/business-units', await tokenOf(person), 3);
          const expected = [...model.subtree(person.home)].map((i) => ids[i]).sort();
          expect(items.map((u) => u.id).sort()).toEqual(expected);
        }
        await expectSoundTree();
      };

      await checkVisibility();
      for (const [a, b] of steps) {
        const unit = a % n;
        const newParent = b % n;
        const response = await harness.send('POST', `/v1/business-units/${ids[unit]}/move`, mover, {
          newParentId: ids[newParent],
        });
        if (model.canMove(unit, newParent)) {
          expect(response.status, await response.clone().text()).toBe(200);
          model.parents[unit] = newParent;
        } else {
          expect(response.status).toBe(409);
        }
        await checkVisibility();
      }
    }),
    { numRuns: 20 },
  );
});
