import type { Brand, RoleName } from '@scc/db';
import { effectiveRoles } from '../scope/roles.js';

/** ltree containment in plain code: `path` is `root` or lies below it. */
export function isInSubtree(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

export type MoveRefusal = 'own-root' | 'cycle' | 'unchanged';

export interface MoveRequest {
  unit: { id: string; parentId: string | null; path: string };
  newParent: { id: string; path: string };
  /** The caller's own business unit: the root of everything it may touch. */
  callerRootId: string;
}

/** Why a move must not happen, or undefined when it may. Checked again after the move lock is held. */
export function moveRefusal({ unit, newParent, callerRootId }: MoveRequest): MoveRefusal | undefined {
  if (unit.id === callerRootId) return 'own-root';
  if (isInSubtree(newParent.path, unit.path)) return 'cycle';
  if (unit.parentId === newParent.id) return 'unchanged';
  return undefined;
}

/**
 * Where a path of the moved subtree lands: the new parent's path followed by everything from the
 * moved unit's own label on. The database does the same with ltree operators.
 */
export function rebasePath(path: string, oldUnitPath: string, newParentPath: string): string {
  if (!isInSubtree(path, oldUnitPath)) throw new Error(`${path} is not in the moved subtree ${oldUnitPath}`);
  const ownLevel = oldUnitPath.split('.').length - 1;
  return [newParentPath, ...path.split('.').slice(ownLevel)].join('.');
}

export interface BrandShown {
  sourceBusinessUnitId: string | null;
  name: string | null;
  brand: Brand;
}

/** A unit keeps its own brand wherever it goes; without one it shows what its new parent shows. */
export function brandAfterMove(
  own: { id: string; name: string; brand: Brand } | undefined,
  shownByNewParent: BrandShown | null,
): BrandShown | null {
  return own ? { sourceBusinessUnitId: own.id, name: own.name, brand: own.brand } : shownByNewParent;
}

export interface HeldRole {
  userId: string;
  email: string;
  role: RoleName;
}

export interface InheritedRoleChange {
  userId: string;
  email: string;
  before: RoleName[];
  after: RoleName[];
}

/**
 * Users whose effective roles on the moved unit change: `before` holds the assignments on the
 * unit and its ancestors at the old place, `after` those on the unit and its ancestors at the new
 * place. Assignments above the caller's root apply at both places and may be left out of both.
 */
export function inheritedRoleChanges(before: readonly HeldRole[], after: readonly HeldRole[]): InheritedRoleChange[] {
  const users = new Map<string, string>();
  for (const held of [...before, ...after]) users.set(held.userId, held.email);
  const rolesOf = (list: readonly HeldRole[], userId: string) =>
    effectiveRoles(list.filter((h) => h.userId === userId).map((h) => h.role));
  const changes: InheritedRoleChange[] = [];
  for (const [userId, email] of users) {
    const was = rolesOf(before, userId);
    const will = rolesOf(after, userId);
    if (was.join() !== will.join()) changes.push({ userId, email, before: was, after: will });
  }
  return changes.sort((a, b) => a.email.localeCompare(b.email) || a.userId.localeCompare(b.userId));
}
