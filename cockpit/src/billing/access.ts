import { ProblemError } from '@scc/contracts/problem';
import { businessUnits, type Transaction } from '@scc/db';
import { and, eq } from 'drizzle-orm';
import { rolesOn } from '../scope/authorize.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';

export interface BillingUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

/** A unit of the caller's subtree, or a 404 as for any unit outside it. */
export async function unitInScope(tx: Transaction, caller: Caller, id: string): Promise<BillingUnit> {
  const [unit] = await tx
    .select({
      id: businessUnits.id,
      name: businessUnits.name,
      kind: businessUnits.kind,
      path: businessUnits.path,
      parentId: businessUnits.parentId,
    })
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), eq(businessUnits.id, id)));
  if (!unit) throw ProblemError.of('notFound');
  return unit;
}

/**
 * Billing is for the `billing` role and admins of the unit (held there or above); a viewer or
 * operator sees nothing of it: 403, as for any other role-guarded action inside the subtree.
 */
export async function requireBilling(tx: Transaction, caller: Caller, path: string): Promise<void> {
  const roles = await rolesOn(tx, caller, path);
  if (!roles.includes('billing') && !roles.includes('admin')) throw ProblemError.of('forbidden');
}

/** The unit, in scope, with the caller's billing rights on it checked. */
export async function billingUnit(tx: Transaction, caller: Caller, id: string): Promise<BillingUnit> {
  const unit = await unitInScope(tx, caller, id);
  await requireBilling(tx, caller, unit.path);
  return unit;
}

export const isoTimestamp = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();
