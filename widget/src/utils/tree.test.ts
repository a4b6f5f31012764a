import { assert, assertDeepEqual, assertEqual, businessUnits, levelOf } from '../../test/helpers.js';
import type { BusinessUnit } from '../api/types.js';
import { addLevel, emptyIndex, forgetChildren, mayHaveChildren, subtreeIds, visibleNodes } from './tree.js';

/** The fixture's level under `parentId` as the server sends it: by name, with child counts. */
const level = (parentId?: string) => levelOf(businessUnits, new URLSearchParams(parentId ? { parentId } : {}));

function loaded(...parents: string[]) {
  const index = emptyIndex();
  addLevel(index, undefined, level());
  for (const parent of parents) addLevel(index, parent, level(parent));
  return index;
}

describe('tree index', () => {
  it('grows level by level, in the order given, with levels', () => {
    const index = loaded('msp', 'internal');
    assertDeepEqual(
      index.roots.map((n) => n.unit.id),
      ['msp'],
    );
    assertDeepEqual(
      index.byId.get('msp')?.children.map((n) => n.unit.id),
      ['external', 'internal', 'resellers'],
    );
    assertEqual(index.byId.get('critical')?.level, 3);
    assertEqual(index.byId.get('critical')?.parent?.unit.id, 'internal');
    assertEqual(index.byId.get('msp')?.loaded, true);
    assertEqual(index.byId.get('external')?.loaded, false);
  });

  it('keeps the server’s order and never duplicates a unit loaded twice', () => {
    const index = loaded();
    const reversed = { items: [...level('msp').items].reverse(), nextCursor: 'more' };
    addLevel(index, 'msp', reversed);
    addLevel(index, 'msp', { items: level('msp').items, nextCursor: null });
    assertDeepEqual(
      index.byId.get('msp')?.children.map((n) => n.unit.id),
      ['resellers', 'internal', 'external'],
    );
    assertEqual(index.byId.get('msp')?.nextCursor, null);
  });

  it('ignores a level of a unit it does not know', () => {
    const index = loaded();
    addLevel(index, 'nowhere', level('internal'));
    assertEqual(index.byId.has('critical'), false);
  });

  it('knows which units may have children', () => {
    const index = loaded('msp', 'internal');
    const may = (id: string) => {
      const node = index.byId.get(id);
      assert(node, id);
      return mayHaveChildren(node);
    };
    assertEqual(may('msp'), true, 'loaded children');
    assertEqual(may('external'), true, 'not loaded, childCount 1');
    assertEqual(may('critical'), false, 'childCount 0');
    const counted: BusinessUnit = { id: 'x', parentId: null, name: 'X', kind: '', depth: 0, childCount: 1 };
    const other = emptyIndex();
    addLevel(other, undefined, { items: [counted], nextCursor: null });
    assertEqual(mayHaveChildren(other.roots[0] as never), true, 'a count of 1');
    addLevel(other, 'x', { items: [], nextCursor: null });
    assertEqual(mayHaveChildren(other.roots[0] as never), false, 'loaded and empty: the count was stale');
  });

  it('forgets a level and everything below it', () => {
    const index = loaded('msp', 'internal');
    forgetChildren(index, 'msp');
    assertDeepEqual([...index.byId.keys()], ['msp']);
    const msp = index.byId.get('msp');
    assertEqual(msp?.loaded, false);
    assertEqual(msp?.unit.childCount, undefined, 'the stale count is dropped');
    assertEqual(msp && mayHaveChildren(msp), true, 'until the level loads again, it may have children');
  });

  it('subtree ids and visible nodes follow what is loaded and expanded', () => {
    const index = loaded('msp', 'internal');
    assertDeepEqual([...subtreeIds(index, 'internal')].sort(), ['critical', 'internal', 'other-systems']);
    assertDeepEqual(
      visibleNodes(index, new Set(['msp'])).map((n) => n.unit.id),
      ['msp', 'external', 'internal', 'resellers'],
    );
    assertDeepEqual(
      visibleNodes(index, new Set(['msp', 'internal'])).map((n) => n.unit.id),
      ['msp', 'external', 'internal', 'critical', 'other-systems', 'resellers'],
    );
    assertDeepEqual(
      visibleNodes(index, new Set()).map((n) => n.unit.id),
      ['msp'],
    );
  });
});
