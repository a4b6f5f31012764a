import type { RoleName } from '@scc/db';

/** What each role includes: admin may do what an operator may, an operator what a viewer may. Billing stands apart. */
const implied: Record<RoleName, readonly RoleName[]> = {
  admin: ['admin', 'operator', 'viewer'],
  operator: ['operator', 'viewer'],
  viewer: ['viewer'],
  billing: ['billing'],
};

const order: readonly RoleName[] = ['admin', 'operator', 'viewer', 'billing'];

/** Every role the held roles include, in a stable order. */
export function effectiveRoles(held: Iterable<RoleName>): RoleName[] {
  const out = new Set<RoleName>();
  for (const role of held) for (const r of implied[role]) out.add(r);
  return order.filter((r) => out.has(r));
}

export function includesRole(held: Iterable<RoleName>, required: RoleName): boolean {
  return effectiveRoles(held).includes(required);
}

export type GrantRefusal = 'not-admin' | 'role-not-held';

/**
 * Delegated administration never escalates: granting needs admin where the role is granted,
 * and the granter must itself hold (possibly through implication) the role it hands out.
 */
export function grantRefusal(heldThere: Iterable<RoleName>, role: RoleName): GrantRefusal | undefined {
  const effective = effectiveRoles(heldThere);
  if (!effective.includes('admin')) return 'not-admin';
  if (!effective.includes(role)) return 'role-not-held';
  return undefined;
}
