/**
 * Diffs and merges of solution-profile documents: pure functions, no I/O.
 *
 * A document is a JSON tree. Objects are compared key by key, recursively; everything else
 * (strings, numbers, booleans, null and arrays) is a value: an array that differs is one change
 * that replaces it whole. Configuration arrays are ordered lists (workflow steps), where an
 * element-wise merge of two edits would produce a list neither side wrote.
 *
 * Keys are data, never property names of our own objects: documents are built on null-prototype
 * objects and read with own-property checks, so a key `__proto__` or `constructor` is an ordinary
 * key and cannot reach any prototype.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export type ChangeOp = 'added' | 'changed' | 'removed';

export interface Change {
  /** The keys from the root to the changed value. */
  path: string[];
  op: ChangeOp;
  /** The value before; absent when added. */
  old?: Json;
  /** The value after; absent when removed. */
  new?: Json;
}

export interface Conflict {
  /** Where both sides changed: the shorter of the two paths when one lies inside the other. */
  path: string[];
  base?: Json;
  source?: Json;
  target?: Json;
}

export interface Merge {
  /** The source's changes that the target did not touch: applied to the target as they are. */
  changes: Change[];
  /** Paths both sides changed, to different results; someone must choose. */
  conflicts: Conflict[];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const has = (object: JsonObject, key: string) => Object.hasOwn(object, key);

function emptyObject(): JsonObject {
  return Object.create(null) as JsonObject;
}

/** Structural equality of two JSON values (key order does not matter). */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index] as Json));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => has(b, key) && deepEqual(a[key] as Json, b[key] as Json));
  }
  return false;
}

/** A deep copy on null-prototype objects. */
export function cloneJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isObject(value)) {
    const copy = emptyObject();
    for (const key of Object.keys(value)) copy[key] = cloneJson(value[key] as Json);
    return copy;
  }
  return value;
}

/**
 * Walks both objects once. `prefix` is one array pushed and popped on the way down: paths are
 * copied only for the changes found, not for every key (10,000-key profiles, BENCHMARKS.md).
 */
function collect(a: JsonObject, b: JsonObject, prefix: string[], out: Change[]): void {
  for (const key of Object.keys(a)) {
    const before = a[key] as Json;
    if (!has(b, key)) {
      out.push({ path: [...prefix, key], op: 'removed', old: before });
      continue;
    }
    const after = b[key] as Json;
    if (before === after) continue;
    if (isObject(before) && isObject(after)) {
      prefix.push(key);
      collect(before, after, prefix, out);
      prefix.pop();
    } else if (!deepEqual(before, after)) out.push({ path: [...prefix, key], op: 'changed', old: before, new: after });
  }
  for (const key of Object.keys(b)) {
    if (!has(a, key)) out.push({ path: [...prefix, key], op: 'added', new: b[key] as Json });
  }
}

/** What turns `a` into `b`: the smallest changed paths, objects compared key by key. */
export function diffDocuments(a: JsonObject, b: JsonObject): Change[] {
  const out: Change[] = [];
  collect(a, b, [], out);
  return out;
}

/** The value at `path`, or undefined when the path does not exist. */
export function valueAt(document: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = document;
  for (const key of path) {
    if (!isObject(node) || !has(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets (or with `undefined` removes) the value at `path` in place, creating objects on the way. */
function place(root: JsonObject, path: readonly string[], value: Json | undefined): void {
  if (path.length === 0) return;
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = has(node, key) ? node[key] : undefined;
    if (isObject(next)) node = next;
    else {
      if (value === undefined) return;
      const created = emptyObject();
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = cloneJson(value);
}

/** `a` with the changes applied (a new document; `a` stays as it is). */
export function applyDiff(a: JsonObject, diff: readonly Change[]): JsonObject {
  const result = cloneJson(a) as JsonObject;
  for (const change of diff) place(result, change.path, change.op === 'removed' ? undefined : change.new);
  return result;
}

const escapeKey = (key: string) =>
  key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;

export const pointerOf = (path: readonly string[]): string => path.map((key) => `/${escapeKey(key)}`).join('');

export function pathOfPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The source's changes since `base`, merged onto `target`, which may have changed since `base`
 * too. A conflict is a path both changed (the same path, or one inside the other) where the two
 * results differ; the same change made on both sides is none. Every other source change is in
 * `changes`, to be applied to the target.
 */
export function threeWayMerge(base: JsonObject, source: JsonObject, target: JsonObject): Merge {
  const ours = diffDocuments(base, source);
  const theirs = diffDocuments(base, target);
  // The target's changes by their pointer, and under every pointer above them: a source change
  // overlaps those at its own path or above it (exact) and those below it (under), found without
  // comparing every pair.
  const exact = new Map<string, Change>();
  const under = new Map<string, Change[]>();
  for (const change of theirs) {
    const prefixes = pointerPrefixes(change.path);
    exact.set(prefixes[prefixes.length - 1] as string, change);
    for (const prefix of prefixes.slice(0, -1)) {
      const list = under.get(prefix);
      if (list) list.push(change);
      else under.set(prefix, [change]);
    }
  }
  const changes: Change[] = [];
  const conflicts = new Map<string, Conflict>();
  for (const change of ours) {
    const prefixes = pointerPrefixes(change.path);
    const touching = [
      ...prefixes.flatMap((prefix) => {
        const found = exact.get(prefix);
        return found ? [found] : [];
      }),
      ...(under.get(prefixes[prefixes.length - 1] as string) ?? []),
    ];
    if (touching.length === 0) {
      changes.push(change);
      continue;
    }
    for (const other of touching) {
      const path = other.path.length < change.path.length ? other.path : change.path;
      const pointer = pointerOf(path);
      if (conflicts.has(pointer) || deepEqual(valueAt(source, path), valueAt(target, path))) continue;
      const conflict: Conflict = { path };
      const at = (document: JsonObject) => valueAt(document, path);
      if (at(base) !== undefined) conflict.base = at(base) as Json;
      if (at(source) !== undefined) conflict.source = at(source) as Json;
      if (at(target) !== undefined) conflict.target = at(target) as Json;
      conflicts.set(pointer, conflict);
    }
  }
  // A conflict on a parent governs every change beneath it: those wait for its resolution too.
  const governed = (change: Change) => pointerPrefixes(change.path).some((prefix) => conflicts.has(prefix));
  return { changes: changes.filter((change) => !governed(change)), conflicts: [...conflicts.values()] };
}

/** The pointers of every path from the first key down to `path` itself. */
function pointerPrefixes(path: readonly string[]): string[] {
  const out: string[] = [];
  let pointer = '';
  for (const key of path) {
    pointer += pointerOf([key]);
    out.push(pointer);
  }
  return out;
}

/**
 * The target after a delta: the merge's changes, and for each conflict the side the resolution
 * chose (`source`: the source's value, or its absence, replaces the target's at that path).
 */
export function resolveMerge(
  source: JsonObject,
  target: JsonObject,
  merge: Merge,
  resolutions: ReadonlyMap<string, 'source' | 'target'>,
): JsonObject {
  const result = applyDiff(target, merge.changes);
  for (const conflict of merge.conflicts) {
    if (resolutions.get(pointerOf(conflict.path)) !== 'source') continue;
    place(result, conflict.path, valueAt(source, conflict.path));
  }
  return result;
}
