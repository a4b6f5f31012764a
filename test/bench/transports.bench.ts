/**
 * `pnpm bench transports`: the transports issue's target, diff and three-way merge of
 * 10,000-key solution profiles under 50 ms (pure functions, no database). Two shapes: 100
 * sections of 100 settings (how profiles look) and 10,000 top-level keys. Each side changes
 * 5 % of the settings, a fifth of them the same ones, so the merge finds real conflicts.
 * Prints p50/p95/max in ms; nothing here asserts timing.
 */
import {
  applyDiff,
  diffDocuments,
  type JsonObject,
  resolveMerge,
  threeWayMerge,
} from '../../cockpit/src/transports/profile-diff.js';
import { measure, printTable, type Row } from './support/measure.js';

const KEYS = 10_000;
const ITERATIONS = 50;

/** A deterministic pseudo-random sequence (the same documents on every run). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function profile(sections: number): JsonObject {
  const perSection = KEYS / sections;
  const document: JsonObject = {};
  for (let s = 0; s < sections; s++) {
    const section: JsonObject = {};
    for (let k = 0; k < perSection; k++) section[`setting${k}`] = k % 3 === 0 ? `value ${k}` : k;
    if (sections === 1) return section;
    document[`section${s}`] = section;
  }
  return document;
}

/** A copy with `share` of its settings changed, chosen by `seed`. */
function edited(base: JsonObject, share: number, seed: number, label: string): JsonObject {
  const next = random(seed);
  const copy = structuredClone(base);
  const change = (object: JsonObject) => {
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) change(value as JsonObject);
      else if (next() < share) object[key] = `${label} ${key}`;
    }
  };
  change(copy);
  return copy;
}

const rows: Row[] = [];
for (const [shape, sections] of [
  ['100 sections × 100', 100],
  ['10,000 top-level keys', 1],
] as const) {
  const base = profile(sections);
  // Same seed prefix for both sides: about a fifth of each side's changes hit the other's keys.
  const source = edited(base, 0.05, 7, 'source');
  const target = edited(edited(base, 0.04, 11, 'target'), 0.01, 7, 'target');
  const merge = threeWayMerge(base, source, target);
  console.log(
    `${shape}: ${diffDocuments(base, source).length} source changes, ${merge.changes.length} to apply, ` +
      `${merge.conflicts.length} conflicts`,
  );
  rows.push(await measure(`diff (${shape})`, ITERATIONS, async () => diffDocuments(base, source)));
  rows.push(await measure(`three-way merge (${shape})`, ITERATIONS, async () => threeWayMerge(base, source, target)));
  rows.push(
    await measure(`merge + resolve + diff of result (${shape})`, ITERATIONS, async () => {
      const merged = threeWayMerge(base, source, target);
      const result = resolveMerge(source, target, merged, new Map());
      return diffDocuments(target, result);
    }),
  );
  rows.push(await measure(`apply diff (${shape})`, ITERATIONS, async () => applyDiff(base, merge.changes)));
}
printTable(rows);
