import { APPROVAL_EXPIRED, type ApprovalDecisionName } from '@scc/contracts/approvals';
import { ProblemError } from '@scc/contracts/problem';
import {
  approvalDecisionsTable,
  approvals,
  businessUnits,
  type Database,
  operationRequests,
  type Transaction,
  withScope,
} from '@scc/db';
import { and, eq, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { moveSubtree, serializeMoves } from '../hierarchy/move.js';
import type { Clock } from '../operations/clock.js';
import { rolesOn } from '../scope/authorize.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { includesRole } from '../scope/roles.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { periodicSweep, type Sweep } from '../sweeps.js';
import { type DecisionRefusal, decisionRefusal, tally } from './policy.js';
import { type ApprovalRecord, type ApprovalRow, settleApproval, visibleTo, withDetails } from './store.js';

const refusals: Record<Exclude<DecisionRefusal, 'expired'>, ProblemError> = {
  requester: ProblemError.of('forbidden', 'The requester cannot decide their own request: another admin must.', [
    { field: 'path.id', rule: 'four-eyes', message: 'Your own request' },
  ]),
  'not-admin': ProblemError.of('notFound'),
  'not-pending': ProblemError.of('conflict', 'This approval is decided already.', [
    { field: 'path.id', rule: 'approval-state', message: 'No longer pending' },
  ]),
  'already-decided': ProblemError.of('conflict', 'You decided this approval already; another admin must.', [
    { field: 'path.id', rule: 'four-eyes', message: 'Decided by you already' },
  ]),
};

/** An expiry is nobody's decision: like a worker's step, it is recorded as the requester's. */
const requesterOf = (approval: ApprovalRow) => ({
  user: { id: approval.requestedByUserId, email: approval.requestedByEmail },
});

const expiredProblem = () =>
  ProblemError.of('conflict', 'This approval expired before its quorum was reached; the request ended rejected.', [
    { field: 'path.id', rule: APPROVAL_EXPIRED, message: 'Expired' },
  ]);

/** Whether the caller is an admin over everything the approval touches (a move: both places). */
async function mayDecide(tx: Transaction, caller: Caller, approval: ApprovalRow): Promise<boolean> {
  const paths = [approval.buPath];
  if (approval.newParentId) {
    const [parent] = await tx
      .select({ path: businessUnits.path })
      .from(businessUnits)
      .where(and(inScope(businessUnits.path, caller), eq(businessUnits.id, approval.newParentId)));
    if (!parent) return false;
    paths.push(parent.path);
  }
  for (const path of paths) if (!includesRole(await rolesOn(tx, caller, path), 'admin')) return false;
  return true;
}

/** One approval the caller may see, locked for its decision; 404 otherwise. */
export async function visibleApproval(
  tx: Transaction,
  caller: Caller,
  id: string,
  lock: boolean,
): Promise<ApprovalRow> {
  const query = tx
    .select()
    .from(approvals)
    .where(and(inScope(approvals.buPath, caller), eq(approvals.id, id), visibleTo(caller)));
  const [row] = await query;
  if (!row) throw ProblemError.of('notFound');
  if (!lock) return row;
  const [locked] = await lockForSettlement(tx, row, false);
  if (!locked) throw ProblemError.of('notFound');
  return locked;
}

/**
 * Locks an approval for its decision or expiry, its request first: a cancel locks the request and
 * then settles the approval, so taking them in the same order never deadlocks with it. A move's
 * decision takes the move lock first, as every move does. With
 * `skipLocked` (the sweep) an approval someone is deciding right now is left for the next run.
 */
async function lockForSettlement(tx: Transaction, approval: ApprovalRow, skipLocked: boolean) {
  const mode = skipLocked ? { skipLocked: true as const } : undefined;
  // An approved move runs in this transaction: the move lock comes before any row it would wait for.
  if (approval.newParentId && !skipLocked) await serializeMoves(tx);
  if (approval.operationRequestId) {
    const [request] = await tx
      .select({ id: operationRequests.id })
      .from(operationRequests)
      .where(eq(operationRequests.id, approval.operationRequestId))
      .for('update', mode);
    if (!request) return [];
  }
  return tx.select().from(approvals).where(eq(approvals.id, approval.id)).for('update', mode);
}

/** Runs the approved move as the last approver, who holds the rights it needs; refused by the tree as it is now → failed. */
async function executeMove(tx: Transaction, caller: Caller, approval: ApprovalRow, clock: Clock, now: Date) {
  if (!approval.newParentId) throw new Error('a move approval without a new parent');
  const newParentId = approval.newParentId;
  try {
    await tx.transaction((savepoint) => moveSubtree(savepoint, caller, approval.businessUnitId, newParentId, clock));
  } catch (error) {
    // A step-up the approver owes is theirs to give: nothing is decided until they do.
    if (!(error instanceof ProblemError) || ![404, 409].includes(error.body.status)) throw error;
    const reason = error.body.detail ?? 'The move no longer fits the tree';
    return settleApproval(
      tx,
      approval,
      { state: 'failed', code: 'move-refused', message: `Approved, but not moved: ${reason}` },
      caller,
      now,
    );
  }
  // The move rewrote the approval's own path.
  const [moved] = await tx.select().from(approvals).where(eq(approvals.id, approval.id));
  return settleApproval(tx, moved ?? approval, { state: 'approved' }, caller, now);
}

export interface DecisionContext {
  db: Database;
  clock: Clock;
}

/**
 * One admin's decision, in one transaction under the approval's row lock: parallel approvers
 * take turns, so with a quorum of two, two racing approvals queue the request exactly once. The
 * database refuses a second decision of one user and any decision of the requester by itself.
 * An approval found expired is ended as such (committed) and the decision refused.
 */
export async function decide(
  context: DecisionContext,
  caller: Caller,
  id: string,
  decision: ApprovalDecisionName,
  comment: string | undefined,
): Promise<ApprovalRecord> {
  const now = context.clock.now();
  const outcome = await withScope(context.db, caller, async (tx) => {
    const approval = await visibleApproval(tx, caller, id, true);
    const decisions = await tx
      .select()
      .from(approvalDecisionsTable)
      .where(eq(approvalDecisionsTable.approvalId, approval.id));
    const refusal = decisionRefusal({
      state: approval.state,
      expiresAt: approval.expiresAt,
      now,
      requesterId: approval.requestedByUserId,
      callerId: caller.user.id,
      callerIsAdmin: await mayDecide(tx, caller, approval),
      decidedBefore: decisions.some((d) => d.decidedByUserId === caller.user.id),
    });
    if (refusal === 'expired') {
      await settleApproval(tx, approval, { state: 'expired' }, requesterOf(approval), now);
      return 'expired' as const;
    }
    if (refusal) throw refusals[refusal];
    if (decision === 'approve') await requireStepUp(tx, context.clock, approval.buPath, caller);
    const [decided] = await tx
      .insert(approvalDecisionsTable)
      .values({
        approvalId: approval.id,
        requestedByUserId: approval.requestedByUserId,
        decidedByUserId: caller.user.id,
        decidedByEmail: caller.user.email,
        decision,
        comment: comment ?? null,
        decidedAt: now,
        buPath: approval.buPath,
      })
      .returning();
    if (!decided) throw new Error('insert returned no row');
    const verdict = tally([...decisions, decided], approval.quorum);
    const approvalsSoFar = [...decisions, decided].filter((d) => d.decision === 'approve').length;
    let settled = approval;
    if (verdict === 'approved') {
      settled = approval.newParentId
        ? await executeMove(tx, caller, approval, context.clock, now)
        : await settleApproval(tx, approval, { state: 'approved' }, caller, now);
    } else if (verdict === 'rejected') {
      settled = await settleApproval(
        tx,
        approval,
        {
          state: 'rejected',
          message: comment ? `Rejected by ${caller.user.email}: ${comment}` : `Rejected by ${caller.user.email}`,
        },
        caller,
        now,
      );
    }
    await recordDecisionAudit(tx, caller, settled, decision, comment, approvalsSoFar);
    const [record] = await withDetails(tx, [settled]);
    if (!record) throw new Error('approval vanished');
    return record;
  });
  if (outcome === 'expired') throw expiredProblem();
  return outcome;
}

async function recordDecisionAudit(
  tx: Transaction,
  caller: Caller,
  approval: ApprovalRow,
  decision: ApprovalDecisionName,
  comment: string | undefined,
  approvalsSoFar: number,
) {
  await recordAudit(tx, caller, {
    action: decision === 'approve' ? 'approval.approved' : 'approval.rejected',
    entityType: 'approval',
    entityId: approval.id,
    businessUnit: { id: approval.businessUnitId, path: approval.buPath },
    before: { state: 'pending' },
    after: {
      subject: approval.subject,
      operationRequestId: approval.operationRequestId,
      newParentId: approval.newParentId,
      state: approval.state,
      approvals: approvalsSoFar,
      quorum: approval.quorum,
      ...(comment ? { comment } : {}),
      ...(approval.error ? { error: approval.error.message } : {}),
    },
  });
}

/** Approvals ended per sweep transaction. */
const EXPIRY_BATCH = 100;

/**
 * Ends approvals whose time ran out, with their requests (rejected, `approval-expired`). A system
 * component on the owner connection, like the workers; rows are claimed with SKIP LOCKED, so a
 * decision in progress keeps its approval and any number of processes may sweep at once.
 */
export async function expireApprovals(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(approvals)
      .where(and(eq(approvals.state, 'pending'), lte(approvals.expiresAt, now)))
      .orderBy(approvals.expiresAt)
      .limit(EXPIRY_BATCH);
    let expired = 0;
    for (const candidate of due) {
      const [approval] = await lockForSettlement(tx, candidate, true);
      // Decided or cancelled since it was read: nothing to end.
      if (approval?.state !== 'pending') continue;
      await settleApproval(tx, approval, { state: 'expired' }, requesterOf(approval), now);
      expired++;
    }
    return expired;
  });
}

export function createApprovalExpirySweep(options: { db: Database; clock: Clock; intervalMs?: number }): Sweep {
  return periodicSweep(
    'approval expiry sweep',
    () => expireApprovals(options.db, options.clock),
    options.intervalMs ?? 60_000,
  );
}
