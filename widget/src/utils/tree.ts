import type { BusinessUnit, BusinessUnitLevel } from '../api/types.js';

/**
 * A unit as the tree holds it: once its children are forgotten, the count that came with it may be
 * stale and is dropped, so the unit may have children until they are loaded again.
 */
export type TreeUnit = Omit<BusinessUnit, 'childCount'> & Partial<Pick<BusinessUnit, 'childCount'>>;

export interface TreeNode {
  unit: TreeUnit;
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

function node(unit: BusinessUnit, parent: TreeNode | undefined): TreeNode {
  return { unit, parent, children: [], level: parent ? parent.level + 1 : 1, loaded: false, nextCursor: null };
}

export function emptyIndex(): BusinessUnitIndex {
  return { roots: [], byId: new Map() };
}

/**
 * Adds one page of a level (`parentId` undefined: the roots) in the order the server sent it, which
 * is already by name: the index grows by the page and nothing else is touched or sorted again.
 * Units already known are skipped, so a page loaded twice does not duplicate them.
 */
export function addLevel(index: BusinessUnitIndex, parentId: string | undefined, page: BusinessUnitLevel): void {
  const parent = parentId === undefined ? undefined : index.byId.get(parentId);
  if (parentId !== undefined && !parent) return;
  const siblings = parent ? parent.children : index.roots;
  for (const unit of page.items) {
    if (index.byId.has(unit.id)) continue;
    const child = node(unit, parent);
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
