import {
  APPROVAL_EXPIRED,
  APPROVAL_REJECTED,
  type Approval,
  type ApprovalRule,
  type ApprovalSubject,
  type ProductApprovalSubject,
} from '@scc/contracts/approvals';
import type { Draft } from '@scc/contracts/operations';
import {
  approvalDecisionsTable,
  approvals,
  businessUnits,
  executeRows,
  operationRequests,
  roleAssignments,
  type Transaction,
} from '@scc/db';
import { and, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { rulesOf } from '../operations/facts.js';
import {
  type OperationRequestRow,
  recordChargeable,
  recordRequestAudit,
  recordRequestEvent,
  type Writer,
} from '../operations/records.js';
import { transition } from '../operations/state-machine.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { approvalSubjectOf, type EffectiveRule, effectiveRule, expiresAt, type UnitPolicy } from './policy.js';

export type ApprovalRow = typeof approvals.$inferSelect;
export type DecisionRow = typeof approvalDecisionsTable.$inferSelect;

/** The strictest unit policy for the subject (and product) on the path, through `scc_approval_policy`. */
export async function unitPolicyAt(
  tx: Pick<Transaction, 'execute'>,
  path: string,
  subject: ApprovalSubject,
  productId: string | null,
): Promise<UnitPolicy | null> {
  const [row] = await executeRows<{ business_unit_id: string | null; quorum: number; expiry_hours: number }>(
    tx,
    sql`select business_unit_id, quorum, expiry_hours
      from scc_approval_policy(${path}::ltree, ${subject}::approval_subject, ${productId}::uuid)`,
  );
  return row
    ? { businessUnitId: row.business_unit_id, rule: { quorum: row.quorum, expiryHours: row.expiry_hours } }
    : null;
}

/** What holds for the subject at the path: the strictest unit policy on it, else the product's default. */
export async function ruleAt(
  tx: Transaction,
  path: string,
  subject: ApprovalSubject,
  productId: string | null,
): Promise<EffectiveRule> {
  const unit = await unitPolicyAt(tx, path, subject, productId);
  const product = unit || !productId ? null : await rulesOf(tx, productId);
  return effectiveRule(subject, unit, product);
}

/** Where a request would wait, and on what type of tenant: what the approval question reads of its assessment. */
export interface ApprovalFacts {
  targetTenantType: string | null;
  buPath: string;
  productId: string | null;
}

/** The subject and rule under which an accepted request waits for approval; null when it may run at once. */
export async function approvalNeeded(
  tx: Transaction,
  draft: Draft,
  assessment: ApprovalFacts,
): Promise<{ subject: ProductApprovalSubject; rule: ApprovalRule } | null> {
  const subject = approvalSubjectOf(draft, { targetTenantType: assessment.targetTenantType });
  if (!subject) return null;
  const { rule } = await ruleAt(tx, assessment.buPath, subject, assessment.productId);
  return rule ? { subject, rule } : null;
}

/**
 * The request's `approvalRequired` determination, from the same effective policy the submit
 * applies: what a dry run and a transport preview say is what the submit then does.
 */
export async function approvalDetermination(
  tx: Transaction,
  draft: Draft,
  facts: ApprovalFacts,
  what: string,
): Promise<{ value: boolean; reason: string }> {
  const needed = await approvalNeeded(tx, draft, facts);
  const into = facts.targetTenantType ? ` into a ${facts.targetTenantType} tenant` : '';
  if (!needed) return { value: false, reason: `${what}${into} runs without approval.` };
  const { quorum } = needed.rule;
  return {
    value: true,
    reason: `${what}${into} waits for ${quorum === 1 ? 'another admin' : `${quorum} other admins`} to approve.`,
  };
}

const requester = (row: { requestedByUserId: string; requestedByEmail: string }): AuditActor => ({
  user: { id: row.requestedByUserId, email: row.requestedByEmail },
});

async function auditApproval(
  tx: Writer,
  actor: AuditActor,
  approval: ApprovalRow,
  action: 'approval.requested' | 'approval.approved' | 'approval.rejected' | 'approval.expired',
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, actor, {
    action,
    entityType: 'approval',
    entityId: approval.id,
    businessUnit: { id: approval.businessUnitId, path: approval.buPath },
    before: null,
    after: {
      subject: approval.subject,
      operationRequestId: approval.operationRequestId,
      newParentId: approval.newParentId,
      quorum: approval.quorum,
      ...after,
    },
  });
}

/** The approval of a request stored `awaiting-approval`, in the submit's transaction. */
export async function openRequestApproval(
  tx: Transaction,
  request: OperationRequestRow,
  needed: { subject: ProductApprovalSubject; rule: ApprovalRule },
  now: Date,
): Promise<void> {
  const [approval] = await tx
    .insert(approvals)
    .values({
      subject: needed.subject,
      businessUnitId: request.businessUnitId,
      productId: request.productId,
      operationRequestId: request.id,
      requestedByUserId: request.requestedByUserId,
      requestedByEmail: request.requestedByEmail,
      quorum: needed.rule.quorum,
      expiresAt: expiresAt(now, needed.rule),
      buPath: request.buPath,
      createdAt: now,
    })
    .returning();
  if (!approval) throw new Error('insert returned no row');
  await auditApproval(tx, requester(request), approval, 'approval.requested', { expiresAt: approval.expiresAt });
}

/** A subtree move that waits for approval, with the preview its requester saw. */
export async function openMoveApproval(
  tx: Transaction,
  caller: Caller,
  move: { unit: { id: string; path: string }; newParentId: string; preview: Record<string, unknown> },
  rule: ApprovalRule,
  now: Date,
): Promise<ApprovalRow> {
  const [approval] = await tx
    .insert(approvals)
    .values({
      subject: 'subtree-move',
      businessUnitId: move.unit.id,
      newParentId: move.newParentId,
      movePreview: move.preview,
      requestedByUserId: caller.user.id,
      requestedByEmail: caller.user.email,
      quorum: rule.quorum,
      expiresAt: expiresAt(now, rule),
      buPath: move.unit.path,
      createdAt: now,
    })
    .returning();
  if (!approval) throw new Error('insert returned no row');
  await auditApproval(tx, caller, approval, 'approval.requested', { expiresAt: approval.expiresAt });
  return approval;
}

/** Ends the approval and the request waiting for it: `to` approved (queued), rejected or expired. */
export async function settleApproval(
  tx: Transaction,
  approval: ApprovalRow,
  outcome:
    | { state: 'approved' }
    | { state: 'rejected'; message: string }
    | { state: 'expired' }
    | { state: 'failed'; code: string; message: string },
  actor: AuditActor,
  now: Date,
): Promise<ApprovalRow> {
  const error =
    outcome.state === 'rejected'
      ? { code: APPROVAL_REJECTED, message: outcome.message }
      : outcome.state === 'expired'
        ? { code: APPROVAL_EXPIRED, message: 'Not approved in time' }
        : outcome.state === 'failed'
          ? { code: outcome.code, message: outcome.message }
          : null;
  const [settled] = await tx
    .update(approvals)
    .set({ state: outcome.state, error, finishedAt: now })
    .where(eq(approvals.id, approval.id))
    .returning();
  if (!settled) throw new Error('update returned no row');
  if (approval.operationRequestId) await settleRequest(tx, approval.operationRequestId, error, actor, now);
  if (outcome.state === 'expired') await auditApproval(tx, actor, settled, 'approval.expired', { state: 'expired' });
  return settled;
}

/** The request waiting for the approval: queued when it passed, rejected with the approval's error otherwise. */
async function settleRequest(
  tx: Transaction,
  requestId: string,
  error: { code: string; message: string } | null,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const [current] = await tx.select().from(operationRequests).where(eq(operationRequests.id, requestId)).for('update');
  // Cancelled by its requester meanwhile: the cancel settled the approval already.
  if (current?.state !== 'awaiting-approval') return;
  const [updated] = await tx
    .update(operationRequests)
    .set(
      error
        ? {
            state: transition(current.state, 'rejected'),
            step: error.code === APPROVAL_EXPIRED ? 'Approval expired' : 'Rejected by an approver',
            error,
            updatedAt: now,
            finishedAt: now,
          }
        : { state: transition(current.state, 'queued'), step: 'Waiting for a worker', runAfter: now, updatedAt: now },
    )
    .where(eq(operationRequests.id, requestId))
    .returning();
  if (!updated) throw new Error('update returned no row');
  await recordRequestEvent(tx, updated);
  await recordRequestAudit(tx, updated, current.state, actor);
  if (!error) await recordChargeable(tx, updated, now);
}

/** The approval of a request its requester cancelled while it waited. */
export async function cancelRequestApproval(tx: Transaction, requestId: string, now: Date): Promise<void> {
  await tx
    .update(approvals)
    .set({ state: 'cancelled', finishedAt: now })
    .where(and(eq(approvals.operationRequestId, requestId), eq(approvals.state, 'pending')));
}

/**
 * The caller is an admin of the unit at `path`: through a role on its acting unit or above, or
 * one on a unit between the acting unit and `path` (as `rolesOn` resolves it), as SQL.
 */
export function adminOver(caller: Caller, path: SQLWrapper): SQL {
  if (caller.roles.includes('admin')) return sql`true`;
  return sql`exists (select 1 from ${roleAssignments} ra where ra.user_id = ${caller.user.id}
    and ra.role = 'admin' and ${inScope(sql`ra.bu_path`, caller)} and ra.bu_path @> ${path})`;
}

/**
 * Who sees an approval: its requester, and the admins who may decide it (for a move: admins of
 * the moved unit and of the new parent). Everybody else is told it does not exist.
 */
export function visibleTo(caller: Caller): SQL {
  const np = sql`np.path`;
  return sql`(${approvals.requestedByUserId} = ${caller.user.id} or (${adminOver(caller, approvals.buPath)}
    and (${approvals.newParentId} is null or exists (select 1 from ${businessUnits} np
      where np.id = ${approvals.newParentId} and ${inScope(np, caller)} and ${adminOver(caller, np)}))))`;
}

/** What the caller may decide at `now`: pending, unexpired, not its own request, not decided by it yet. */
export function decidableBy(caller: Caller, now: Date): SQL {
  return sql`(${approvals.state} = 'pending' and ${approvals.expiresAt} > ${now.toISOString()}::timestamptz
    and ${approvals.requestedByUserId} <> ${caller.user.id} and ${visibleTo(caller)}
    and not exists (select 1 from ${approvalDecisionsTable} d
      where d.approval_id = ${approvals.id} and d.decided_by_user_id = ${caller.user.id}))`;
}

export interface ApprovalRecord {
  approval: ApprovalRow;
  request: { id: string; kind: string; tenantId: string | null } | null;
  decisions: DecisionRow[];
}

/** The approvals' requests and decisions, for their views. */
export async function withDetails(tx: Transaction, rows: ApprovalRow[]): Promise<ApprovalRecord[]> {
  const ids = rows.map((r) => r.id);
  const requestIds = rows.flatMap((r) => (r.operationRequestId ? [r.operationRequestId] : []));
  const [decisions, requests] = await Promise.all([
    ids.length
      ? tx
          .select()
          .from(approvalDecisionsTable)
          .where(inArray(approvalDecisionsTable.approvalId, ids))
          .orderBy(approvalDecisionsTable.decidedAt, approvalDecisionsTable.id)
      : [],
    requestIds.length
      ? tx
          .select({ id: operationRequests.id, kind: operationRequests.kind, tenantId: operationRequests.tenantId })
          .from(operationRequests)
          .where(inArray(operationRequests.id, requestIds))
      : [],
  ]);
  return rows.map((approval) => ({
    approval,
    request: requests.find((r) => r.id === approval.operationRequestId) ?? null,
    decisions: decisions.filter((d) => d.approvalId === approval.id),
  }));
}

/** The API's view of an approval for a caller who `mayDecide` it now. */
export function approvalView(record: ApprovalRecord, mayDecide: boolean): Approval {
  const { approval, request, decisions } = record;
  return {
    id: approval.id,
    subject: approval.subject,
    state: approval.state,
    businessUnitId: approval.businessUnitId,
    productId: approval.productId,
    operationRequest: request,
    move:
      approval.newParentId && approval.movePreview
        ? {
            businessUnitId: approval.businessUnitId,
            newParentId: approval.newParentId,
            preview: approval.movePreview as NonNullable<Approval['move']>['preview'],
          }
        : null,
    quorum: approval.quorum,
    approvals: decisions.filter((d) => d.decision === 'approve').length,
    decisions: decisions.map((d) => ({
      userId: d.decidedByUserId,
      email: d.decidedByEmail,
      decision: d.decision,
      comment: d.comment,
      decidedAt: d.decidedAt.toISOString(),
    })),
    requestedBy: { userId: approval.requestedByUserId, email: approval.requestedByEmail },
    createdAt: approval.createdAt.toISOString(),
    expiresAt: approval.expiresAt.toISOString(),
    finishedAt: approval.finishedAt?.toISOString() ?? null,
    error: approval.error ?? null,
    allowedActions: mayDecide ? ['approve', 'reject'] : [],
  };
}
