import type { BusinessUnit, Tenant } from '../api/types.js';

export interface TreeNode {
  unit: BusinessUnit;
  parent: TreeNode | undefined;
  children: TreeNode[];
  /** 1-based level, as used by `aria-level`. */
  level: number;
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
  for (const unit of items) byId.set(unit.id, { unit, parent: undefined, children: [], level: 1 });
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
