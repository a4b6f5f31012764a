import { ProblemError } from '@scc/contracts/problem';
import { approvals, type Transaction } from '@scc/db';
import { and, eq } from 'drizzle-orm';
import { lockBusinessUnit } from '../business-units/queries.js';
import { previewMove, serializeMoves } from '../hierarchy/move.js';
import type { Clock } from '../operations/clock.js';
import type { Caller } from '../scope/caller.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { stricterRule } from './policy.js';
import { type ApprovalRecord, openMoveApproval, ruleAt, withDetails } from './store.js';

/**
 * A move where the moved unit's or the new parent's policy asks for four eyes is stored as a
 * pending approval with its preview, after the same checks as the move itself (scope 404, admin
 * on both 403, the move rules 409, a step-up where TOTP is required); null when it may run now.
 * The approval that reaches the quorum runs it, checked again against the tree as it is then.
 */
export async function holdMoveForApproval(
  tx: Transaction,
  caller: Caller,
  unitId: string,
  newParentId: string,
  clock: Clock,
): Promise<ApprovalRecord | null> {
  await serializeMoves(tx);
  const unit = await lockBusinessUnit(tx, caller, unitId);
  const newParent = unit ? await lockBusinessUnit(tx, caller, newParentId) : undefined;
  // Out of scope: the move itself answers 404.
  if (!unit || !newParent) return null;
  const [leaving, landing] = await Promise.all([
    ruleAt(tx, unit.path, 'subtree-move', null),
    ruleAt(tx, newParent.path, 'subtree-move', null),
  ]);
  const rule = stricterRule(leaving.rule, landing.rule);
  if (!rule) return null;
  const preview = await previewMove(tx, caller, unitId, newParentId);
  await requireStepUp(tx, clock, unit.path, caller);
  await requireStepUp(tx, clock, newParent.path, caller);
  const [pending] = await tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(
      and(eq(approvals.businessUnitId, unit.id), eq(approvals.subject, 'subtree-move'), eq(approvals.state, 'pending')),
    );
  if (pending)
    throw ProblemError.of('conflict', 'A move of this business unit is waiting for approval already.', [
      { field: 'path.id', rule: 'approval-pending', message: 'A move of this unit waits for approval' },
    ]);
  const approval = await openMoveApproval(tx, caller, { unit, newParentId: newParent.id, preview }, rule, clock.now());
  const [record] = await withDetails(tx, [approval]);
  return record ?? null;
}
