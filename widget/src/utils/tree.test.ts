import { assertDeepEqual, assertEqual, businessUnits, tenants } from '../../test/helpers.js';
import type { BusinessUnit } from '../api/types.js';
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

  it('sorts siblings by name whatever order the list has', () => {
    const sorted = indexBusinessUnits([
      { id: 'root', parentId: null, name: 'Contoso', kind: 'customer', depth: 0 },
      { id: 's', parentId: 'root', name: 'South', kind: 'region', depth: 1 },
      { id: 'n10', parentId: 'root', name: 'North 10', kind: 'region', depth: 1 },
      { id: 'n2', parentId: 'root', name: 'north 2', kind: 'region', depth: 1 },
    ]);
    assertDeepEqual(
      sorted.byId.get('root')?.children.map((n) => n.unit.id),
      ['n2', 'n10', 's'],
    );
  });

  it('sorts roots too, and by the rules of the given locale', () => {
    const units: BusinessUnit[] = [
      { id: 'z', parentId: null, name: 'Zeta', kind: 'customer', depth: 0 },
      { id: 'ae', parentId: null, name: 'Ärlig', kind: 'customer', depth: 0 },
      { id: 'a', parentId: null, name: 'Alpha', kind: 'customer', depth: 0 },
    ];
    const roots = (locale: string) => indexBusinessUnits(units, locale).roots.map((n) => n.unit.id);
    assertDeepEqual(roots('de'), ['a', 'ae', 'z'], 'German: Ä with A');
    assertDeepEqual(roots('sv'), ['a', 'z', 'ae'], 'Swedish: Ä after Z');
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
