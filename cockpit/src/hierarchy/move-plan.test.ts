import { describe, expect, test } from 'vitest';
import { brandAfterMove, inheritedRoleChanges, isInSubtree, moveRefusal, rebasePath } from './move-plan.js';

describe('moveRefusal', () => {
  const unit = { id: 'u', parentId: 'p', path: 'r.p.u' };
  test.each([
    ['moving the caller’s own root', { unit, newParent: { id: 'x', path: 'r.x' }, callerRootId: 'u' }, 'own-root'],
    ['under itself', { unit, newParent: { id: 'u', path: 'r.p.u' }, callerRootId: 'r' }, 'cycle'],
    ['under a child', { unit, newParent: { id: 'c', path: 'r.p.u.c' }, callerRootId: 'r' }, 'cycle'],
    ['under a deep descendant', { unit, newParent: { id: 'd', path: 'r.p.u.c.d' }, callerRootId: 'r' }, 'cycle'],
    ['under its own parent', { unit, newParent: { id: 'p', path: 'r.p' }, callerRootId: 'r' }, 'unchanged'],
    ['under a sibling', { unit, newParent: { id: 's', path: 'r.p.s' }, callerRootId: 'r' }, undefined],
    [
      'under a sibling whose label starts like its own',
      { unit, newParent: { id: 'uu', path: 'r.p.uu' }, callerRootId: 'r' },
      undefined,
    ],
    ['up to the root', { unit, newParent: { id: 'r', path: 'r' }, callerRootId: 'r' }, undefined],
  ] as const)('%s', (_name, request, expected) => {
    expect(moveRefusal(request)).toBe(expected);
  });
});

describe('rebasePath', () => {
  test('the unit itself and its descendants keep their labels from the unit on', () => {
    expect(rebasePath('r.p.u', 'r.p.u', 'r.x')).toBe('r.x.u');
    expect(rebasePath('r.p.u.c.d', 'r.p.u', 'r.x.y')).toBe('r.x.y.u.c.d');
    expect(rebasePath('r.p.u.c', 'r.p.u', 'r')).toBe('r.u.c');
  });
  test('refuses paths outside the subtree, including look-alike prefixes', () => {
    expect(() => rebasePath('r.p.uu', 'r.p.u', 'r.x')).toThrow();
    expect(isInSubtree('r.p.uu', 'r.p.u')).toBe(false);
  });
});

describe('brandAfterMove', () => {
  const shown = { sourceBusinessUnitId: 'r', name: 'R', brand: { displayName: 'R' } };
  test('own brand travels with the unit; otherwise the new parent’s shown brand, or none', () => {
    const own = { id: 'u', name: 'U', brand: { light: { primary: '#123456' } } };
    expect(brandAfterMove(own, shown)).toEqual({ sourceBusinessUnitId: 'u', name: 'U', brand: own.brand });
    expect(brandAfterMove(undefined, shown)).toBe(shown);
    expect(brandAfterMove(undefined, null)).toBeNull();
  });
});

describe('inheritedRoleChanges', () => {
  const ann = { userId: 'a', email: 'ann@x' };
  const bob = { userId: 'b', email: 'bob@x' };
  test('reports only users whose effective roles differ, with implied roles', () => {
    const before = [
      { ...ann, role: 'admin' as const },
      { ...bob, role: 'viewer' as const },
    ];
    const after = [
      { ...ann, role: 'operator' as const },
      { ...bob, role: 'viewer' as const },
      { ...bob, role: 'billing' as const },
    ];
    expect(inheritedRoleChanges(before, after)).toEqual([
      { ...ann, before: ['admin', 'operator', 'viewer'], after: ['operator', 'viewer'] },
      { ...bob, before: ['viewer'], after: ['viewer', 'billing'] },
    ]);
  });
  test('an admin that also gains viewer changes nothing', () => {
    expect(
      inheritedRoleChanges(
        [{ ...ann, role: 'admin' }],
        [
          { ...ann, role: 'admin' },
          { ...ann, role: 'viewer' },
        ],
      ),
    ).toEqual([]);
  });
  test('losing every role shows up as an empty after', () => {
    expect(inheritedRoleChanges([{ ...bob, role: 'operator' }], [])).toEqual([
      { ...bob, before: ['operator', 'viewer'], after: [] },
    ]);
  });
});
