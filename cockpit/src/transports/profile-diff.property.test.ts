import { describe, expect, test } from 'vitest';
import { fc } from '../../../test/support/fast-check.js';
import {
  applyDiff,
  deepEqual,
  diffDocuments,
  type Json,
  type JsonObject,
  pathOfPointer,
  pointerOf,
  resolveMerge,
  threeWayMerge,
  valueAt,
} from './profile-diff.js';

/** Keys include the dangerous ones on purpose: they must stay ordinary data. */
const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c', 'mail', 'retryCount', 'x/y', 'til~de') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
  { weight: 2, arbitrary: fc.string({ maxLength: 4 }) },
);
const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }));

/** Builds an object from entries with own properties only (`{}[k] = v` would hit `__proto__`'s setter). */
function objectOf(entries: [string, Json][]): JsonObject {
  const out = Object.create(null) as JsonObject;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const { document: documentArb } = fc.letrec<{ value: Json; document: JsonObject }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    tie('document'),
  ),
  document: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(objectOf),
}));

const runs = { numRuns: 300 };

describe('diffDocuments and applyDiff', () => {
  test('applying diff(a, b) to a gives b, for random documents', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        expect(deepEqual(applyDiff(a, diffDocuments(a, b)), b)).toBe(true);
      }),
      runs,
    );
  });

  test('a document has no diff with itself, and applying leaves the original untouched', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        expect(diffDocuments(a, structuredClone(a))).toEqual([]);
        const before = JSON.stringify(a);
        applyDiff(a, diffDocuments(a, b));
        expect(JSON.stringify(a)).toBe(before);
      }),
      runs,
    );
  });

  test('arrays are values: a changed array is one change replacing it whole', () => {
    expect(diffDocuments({ steps: ['draft', 'post'] }, { steps: ['draft', 'review', 'post'] })).toEqual([
      { path: ['steps'], op: 'changed', old: ['draft', 'post'], new: ['draft', 'review', 'post'] },
    ]);
  });

  test('changes name the smallest path with old and new values', () => {
    const a = { mail: { retryCount: 3, sender: 'x' }, gone: 1 };
    const b = { mail: { retryCount: 5, sender: 'x', templates: { invoice: 'std' } } };
    expect(diffDocuments(a, b)).toEqual([
      { path: ['mail', 'retryCount'], op: 'changed', old: 3, new: 5 },
      { path: ['mail', 'templates'], op: 'added', new: { invoice: 'std' } },
      { path: ['gone'], op: 'removed', old: 1 },
    ]);
  });

  test('__proto__ and constructor keys are data: no prototype is polluted', () => {
    const a = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}') as JsonObject;
    const b = JSON.parse('{"__proto__": {"polluted": 3}, "constructor": {"prototype": {"polluted": 4}}}') as JsonObject;
    const diff = diffDocuments(a, b);
    expect(diff.map((d) => d.path)).toEqual([
      ['__proto__', 'polluted'],
      ['constructor', 'prototype', 'polluted'],
    ]);
    const result = applyDiff({}, [
      ...diff,
      { path: ['__proto__', 'isAdmin'], op: 'added', new: true },
      { path: ['toString'], op: 'added', new: 'x' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(
      JSON.parse(
        '{"__proto__": {"polluted": 3, "isAdmin": true}, "constructor": {"prototype": {"polluted": 4}}, "toString": "x"}',
      ),
    );
    expect(Object.getPrototypeOf(result)).toBeNull();
    // A merge over such keys is just as harmless.
    const merged = threeWayMerge(a, b, a);
    expect(merged.conflicts).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('JSON Pointers escape ~ and / and read back', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 4 }), (path) => {
        expect(pathOfPointer(pointerOf(path))).toEqual(path);
      }),
      runs,
    );
    expect(pointerOf(['x/y', 'til~de'])).toBe('/x~1y/til~0de');
  });
});

/** A base document and two edits of it, each on its own set of top-level keys. */
const distinctKeys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 8 });

describe('threeWayMerge', () => {
  test('changes on disjoint keys never conflict, and the merge holds both sides’ changes', () => {
    fc.assert(
      fc.property(
        distinctKeys,
        fc.array(fc.tuple(documentArb, documentArb, documentArb)),
        fc.nat(),
        (keys, values, split) => {
          const cut = 1 + (split % (keys.length - 1));
          const entries = keys.map((k, i) => {
            const triple = values[i] ?? [{}, { changed: i }, {}];
            return { k, base: triple[0], edit: triple[1] };
          });
          const base = objectOf(entries.map((e) => [e.k, e.base]));
          // The source edits the keys before the cut, the target those after it.
          const source = objectOf(entries.map((e, i) => [e.k, i < cut ? e.edit : e.base]));
          const target = objectOf(entries.map((e, i) => [e.k, i >= cut ? e.edit : e.base]));
          const merge = threeWayMerge(base, source, target);
          expect(merge.conflicts).toEqual([]);
          const expected = objectOf(entries.map((e) => [e.k, e.edit]));
          expect(deepEqual(resolveMerge(source, target, merge, new Map()), expected)).toBe(true);
        },
      ),
      runs,
    );
  });

  test('a path both sides changed to different values always conflicts', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(key, { minLength: 1, maxLength: 3 }),
        scalar,
        scalar,
        documentArb,
        (base, path, ours, theirs, elsewhere) => {
          const before = valueAt(base, path);
          // Each side really changes the path: to a value neither the base nor the other side has.
          fc.pre(!deepEqual(ours, theirs) && !deepEqual(before, ours) && !deepEqual(before, theirs));
          const set = (document: JsonObject, value: Json) => applyDiff(document, [{ path, op: 'changed', new: value }]);
          // Unrelated changes besides, under a key the overlapping path does not use.
          const source = set(applyDiff(base, [{ path: ['\u0000other'], op: 'added', new: elsewhere }]), ours);
          const target = set(base, theirs);
          const merge = threeWayMerge(base, source, target);
          expect(merge.conflicts.length).toBeGreaterThan(0);
          const conflict = merge.conflicts.find((c) => path.join('\u0001').startsWith(c.path.join('\u0001')));
          expect(conflict).toBeDefined();
          // Resolved either way, the result takes that side's value there.
          const bySource = resolveMerge(
            source,
            target,
            merge,
            new Map(merge.conflicts.map((c) => [pointerOf(c.path), 'source'])),
          );
          const byTarget = resolveMerge(
            source,
            target,
            merge,
            new Map(merge.conflicts.map((c) => [pointerOf(c.path), 'target'])),
          );
          expect(valueAt(bySource, path)).toEqual(ours);
          expect(valueAt(byTarget, path)).toEqual(theirs);
        },
      ),
      runs,
    );
  });

  test('the same change on both sides is no conflict', () => {
    const base = { mail: { retryCount: 3 } };
    const both = { mail: { retryCount: 5 } };
    expect(threeWayMerge(base, both, both)).toEqual({ changes: [], conflicts: [] });
  });

  test('a conflict shows base, source and target side by side; a removal leaves its side out', () => {
    const base = { mail: { retryCount: 3, sender: 'a' } };
    const source = { mail: { retryCount: 5, sender: 'a' } };
    const target = { other: 1 };
    const merge = threeWayMerge(base, source, target);
    expect(merge.conflicts).toEqual([{ path: ['mail'], base: base.mail, source: source.mail }]);
    expect(merge.changes).toEqual([]);
  });
});
