import { ProblemError } from '@scc/contracts/problem';
import { type RoleName, roleAssignments, type Transaction } from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Caller } from './caller.js';
import { inScope } from './in-subtree.js';
import { effectiveRoles, includesRole } from './roles.js';

/**
 * The caller's roles on a unit of its subtree: those held on the acting unit or above (resolved
 * with the caller) plus those held on any unit between the acting unit and the target, the
 * target included. Implied roles are included.
 */
export async function rolesOn(tx: Transaction, caller: Caller, targetPath: string): Promise<RoleName[]> {
  const rows = await tx
    .selectDistinct({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, caller.user.id),
        inScope(roleAssignments.buPath, caller),
        sql`${roleAssignments.buPath} @> ${targetPath}::ltree`,
      ),
    );
  return effectiveRoles([...caller.roles, ...rows.map((r) => r.role)]);
}

/** Throws a bare 403 unless the caller holds `required` on the unit at `targetPath` (already known to be in scope). */
export async function requireRole(
  tx: Transaction,
  caller: Caller,
  targetPath: string,
  required: RoleName,
): Promise<RoleName[]> {
  const roles = await rolesOn(tx, caller, targetPath);
  if (!includesRole(roles, required)) throw ProblemError.of('forbidden');
  return roles;
}
