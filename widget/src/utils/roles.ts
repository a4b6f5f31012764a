import type { BusinessUnitRef, RoleName, UserRole } from '../api/types.js';

/** Roles a role brings with it: admin implies operator implies viewer; billing stands alone. */
const implied: Record<RoleName, RoleName[]> = {
  admin: ['admin', 'operator', 'viewer'],
  operator: ['operator', 'viewer'],
  viewer: ['viewer'],
  billing: ['billing'],
};

/**
 * What the caller holds on the unit at the end of `path`: the roles of its session (held on its
 * own unit or above, so everywhere in its subtree), those assigned to it on any unit of the path
 * (they apply downwards), and everything each of them implies.
 */
export function rolesOn(
  path: readonly BusinessUnitRef[],
  sessionRoles: readonly string[],
  assignments: readonly Pick<UserRole, 'businessUnitId' | 'role'>[],
): RoleName[] {
  const onPath = new Set(path.map((u) => u.id));
  const held = [...sessionRoles, ...assignments.filter((a) => onPath.has(a.businessUnitId)).map((a) => a.role)];
  return [...new Set(held.flatMap((role) => implied[role as RoleName] ?? []))];
}
