import type { BusinessUnit, Page, Tenant } from '../api/types.js';

export interface TreeNode {
  unit: BusinessUnit;
  parent: TreeNode | undefined;
  /** The children loaded so far, in the order they are shown. */
  children: TreeNode[];
  /** 1-based level, as used by `aria-level`. */
  level: number;
  /** Whether the first page of children has arrived. */
  loaded: boolean;
  /** Where the next page of children starts; null when all are loaded. */
  nextCursor: string | null;
}

export interface BusinessUnitIndex {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
}

/**
 * Builds the hierarchy from the BFF's flat list. A node whose parent is not in the list (the
 * caller's own root, `parentId: null`, or a parent outside the caller's scope) becomes a root.
 * Siblings are sorted by name (the BFF orders by position in the tree, not alphabetically).
 */
export function indexBusinessUnits(items: readonly BusinessUnit[], locale?: string): BusinessUnitIndex {
  const byId = new Map<string, TreeNode>();
  for (const unit of items) byId.set(unit.id, node(unit, undefined, true));
  const roots: TreeNode[] = [];
  for (const unit of items) {
    const node = byId.get(unit.id);
    if (!node || node.parent || roots.includes(node)) continue;
    const parent = unit.parentId !== null ? byId.get(unit.parentId) : undefined;
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const setLevels = (nodes: TreeNode[], level: number, seen: Set<TreeNode>): void => {
    for (const node of nodes) {
      if (seen.has(node)) continue;
      seen.add(node);
      node.level = level;
      setLevels(node.children, level + 1, seen);
    }
  };
  setLevels(roots, 1, new Set());
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const byName = (a: TreeNode, b: TreeNode) => collator.compare(a.unit.name, b.unit.name);
  roots.sort(byName);
  for (const node of byId.values()) node.children.sort(byName);
  return { roots, byId };
}

function node(unit: BusinessUnit, parent: TreeNode | undefined, loaded: boolean): TreeNode {
  return { unit, parent, children: [], level: parent ? parent.level + 1 : 1, loaded, nextCursor: null };
}

export function emptyIndex(): BusinessUnitIndex {
  return { roots: [], byId: new Map() };
}

/**
 * Adds one page of a level (`parentId` undefined: the roots) in the order the server sent it, which
 * is already by name: the index grows by the page and nothing else is touched or sorted again.
 * Units already known are skipped, so a page loaded twice does not duplicate them.
 */
export function addLevel(index: BusinessUnitIndex, parentId: string | undefined, page: Page<BusinessUnit>): void {
  const parent = parentId === undefined ? undefined : index.byId.get(parentId);
  if (parentId !== undefined && !parent) return;
  const siblings = parent ? parent.children : index.roots;
  for (const unit of page.items) {
    if (index.byId.has(unit.id)) continue;
    const child = node(unit, parent, false);
    index.byId.set(unit.id, child);
    siblings.push(child);
  }
  if (parent) {
    parent.loaded = true;
    parent.nextCursor = page.nextCursor;
  }
}

/** Drops the loaded children of `id` and everything below them, so that level loads afresh. */
export function forgetChildren(index: BusinessUnitIndex, id: string): void {
  const start = index.byId.get(id);
  if (!start) return;
  for (const descendant of subtreeIds(index, id)) if (descendant !== id) index.byId.delete(descendant);
  start.children = [];
  start.loaded = false;
  start.nextCursor = null;
  // The count came with the old answer; until the level is loaded again it may have children.
  const { childCount: _stale, ...unit } = start.unit;
  start.unit = unit;
}

/** Whether a node can be expanded: it has children, more to load, or is not loaded and not known to be a leaf. */
export function mayHaveChildren(node: TreeNode): boolean {
  if (node.children.length > 0 || node.nextCursor !== null) return true;
  return !node.loaded && (node.unit.childCount ?? 1) > 0;
}

/** Ids of `id` and all its descendants. */
export function subtreeIds(index: BusinessUnitIndex, id: string): Set<string> {
  const ids = new Set<string>();
  const start = index.byId.get(id);
  if (!start) return ids;
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (ids.has(node.unit.id)) continue;
    ids.add(node.unit.id);
    stack.push(...node.children);
  }
  return ids;
}

/** Number of tenants per business unit, counting each node's whole subtree. */
export function subtreeTenantCounts(index: BusinessUnitIndex, tenants: readonly Tenant[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of index.byId.keys()) counts.set(id, 0);
  for (const tenant of tenants) {
    const seen = new Set<TreeNode>();
    for (let node = index.byId.get(tenant.businessUnitId); node && !seen.has(node); node = node.parent) {
      seen.add(node);
      counts.set(node.unit.id, (counts.get(node.unit.id) ?? 0) + 1);
    }
  }
  return counts;
}

/** Nodes in visible (pre-)order given the set of expanded ids. */
export function visibleNodes(index: BusinessUnitIndex, expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: TreeNode[]): void => {
    for (const node of nodes) {
      out.push(node);
      if (node.children.length > 0 && expanded.has(node.unit.id)) walk(node.children);
    }
  };
  walk(index.roots);
  return out;
}
