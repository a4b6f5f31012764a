import { assertDeepEqual, assertEqual, businessUnits, tenants } from '../../test/helpers.js';
import { indexBusinessUnits, subtreeIds, subtreeTenantCounts, visibleNodes } from './tree.js';

describe('tree helpers', () => {
  const index = indexBusinessUnits(businessUnits);

  it('builds the hierarchy with levels', () => {
    assertDeepEqual(
      index.roots.map((n) => n.unit.id),
      ['msp'],
    );
    assertEqual(index.byId.get('critical')?.level, 3);
    assertEqual(index.byId.get('critical')?.parent?.unit.id, 'internal');
  });

  it('subtree ids and counts include descendants', () => {
    assertDeepEqual([...subtreeIds(index, 'internal')].sort(), ['critical', 'internal', 'other-systems']);
    const counts = subtreeTenantCounts(index, tenants);
    assertEqual(counts.get('msp'), 6);
    assertEqual(counts.get('internal'), 3);
    assertEqual(counts.get('critical'), 2);
    assertEqual(counts.get('resellers'), 1);
  });

  it('units whose parent is out of scope become roots', () => {
    const scoped = indexBusinessUnits([
      { id: 'a', parentId: 'hidden', name: 'A', kind: 'customer', depth: 0 },
      { id: 'b', parentId: 'a', name: 'B', kind: 'region', depth: 1 },
    ]);
    assertDeepEqual(
      scoped.roots.map((n) => n.unit.id),
      ['a'],
    );
    assertDeepEqual(
      visibleNodes(scoped, new Set(['a'])).map((n) => n.unit.id),
      ['a', 'b'],
    );
    assertDeepEqual(
      visibleNodes(scoped, new Set()).map((n) => n.unit.id),
      ['a'],
    );
  });
});
