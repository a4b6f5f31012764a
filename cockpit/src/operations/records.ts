import type { Determinations, OperationRequest, Validation } from '@scc/contracts/operations';
import {
  type OperationRequestState,
  operationRequestEvents,
  type operationRequests,
  outboxEvents,
  type RoleName,
  type Transaction,
} from '@scc/db';
import { type AuditAction, recordAudit } from '../audit/record.js';
import { tenantViews } from '../tenants/queries.js';
import { allowedActions, retainedUntil } from './affordances.js';

export type OperationRequestRow = typeof operationRequests.$inferSelect;

/** A transaction or database handle: events are written by callers' transactions and by workers alike. */
export type Writer = Pick<Transaction, 'insert' | 'select' | 'update' | 'execute'>;

/**
 * What the API shows of a request to a caller with `roles` on its acting unit, at `now`;
 * scheduling fields (lease, claim, checkpoint) stay inside.
 */
export function requestView(row: OperationRequestRow, roles: readonly RoleName[], now: Date): OperationRequest {
  const retention = retainedUntil(row, now);
  const view = {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    step: row.step,
    businessUnitId: row.businessUnitId,
    tenantId: row.tenantId,
    productId: row.productId,
    draft: row.draft,
    determinations: row.determinations as Determinations,
    validations: row.validations as Validation[],
    chargeable: row.chargeable,
    requestedBy: { userId: row.requestedByUserId, email: row.requestedByEmail },
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    retainedUntil: retention ? retention.toISOString() : null,
  };
  return { ...view, allowedActions: allowedActions(view, roles) };
}

/**
 * Every change of a request becomes one event: the live feed and its replay read these. The
 * feed serves many callers, so its payload names no action; each subscriber's stream adds its own.
 */

export async function recordRequestEvent(tx: Writer, row: OperationRequestRow): Promise<void> {
  await tx.insert(operationRequestEvents).values({
    kind: 'operation-request',
    requestId: row.id,
    tenantId: row.tenantId,
    payload: requestView(row, [], row.updatedAt),
    buPath: row.buPath,
  });
}

/** The tenants' current API views as `tenant` events (lifecycle or operational status changed). */
export async function recordTenantEvents(tx: Writer, tenantIds: string[]): Promise<void> {
  const views = await tenantViews(tx, tenantIds);
  if (views.length === 0) return;
  await tx
    .insert(operationRequestEvents)
    .values(views.map(({ buPath, ...tenant }) => ({ kind: 'tenant', tenantId: tenant.id, payload: tenant, buPath })));
}

/** The type of the sales system's message for a chargeable operation. */
export const CHARGEABLE_EVENT = 'operation.chargeable';

/**
 * The sales system's message for a chargeable request, written in the transaction that lets it
 * run: the submit, or for a request that waited for approval the approval that queued it.
 */
export async function recordChargeable(tx: Writer, row: OperationRequestRow, at: Date): Promise<void> {
  if (!row.chargeable) return;
  await tx.insert(outboxEvents).values({
    type: CHARGEABLE_EVENT,
    payload: {
      requestId: row.id,
      kind: row.kind,
      businessUnitId: row.businessUnitId,
      productId: row.productId,
      tenantId: row.tenantId,
      tenantType: (row.checkpoint.type as string | undefined) ?? null,
      requestedBy: row.requestedByEmail,
      requestedAt: at.toISOString(),
    },
    nextAttemptAt: at,
    buPath: row.buPath,
  });
}

/** The sales system's message that an operation announced as chargeable will not happen after all. */
export const CHARGE_VOIDED_EVENT = 'operation.chargeable-voided';

/** Written with the change that ends a chargeable request without success (cancelled or failed). */
export async function recordChargeVoided(tx: Writer, row: OperationRequestRow): Promise<void> {
  if (!row.chargeable || (row.state !== 'cancelled' && row.state !== 'failed')) return;
  await tx.insert(outboxEvents).values({
    type: CHARGE_VOIDED_EVENT,
    payload: { requestId: row.id, kind: row.kind, businessUnitId: row.businessUnitId, reason: row.state },
    nextAttemptAt: row.updatedAt,
    buPath: row.buPath,
  });
}

const auditActions: Partial<Record<OperationRequestState, AuditAction>> = {
  'awaiting-approval': 'operation-request.submitted',
  queued: 'operation-request.submitted',
  rejected: 'operation-request.rejected',
  cancelled: 'operation-request.cancelled',
  succeeded: 'operation-request.completed',
  failed: 'operation-request.failed',
};

/**
 * The audit event of a request that was submitted or ended, in the transaction that did it. A
 * worker acts for whoever asked, so without a caller the requester is the actor.
 */
export async function recordRequestAudit(
  tx: Writer,
  row: OperationRequestRow,
  previous: OperationRequestState | null,
  actor: { user: { id: string; email: string } } = { user: { id: row.requestedByUserId, email: row.requestedByEmail } },
): Promise<void> {
  // Queued after its approval: submitted already, and the approval's own events say who let it run.
  if (previous === row.state || (previous === 'awaiting-approval' && row.state === 'queued')) return;
  const action =
    row.state === 'succeeded' && row.kind === 'restore' ? 'operation-request.restored' : auditActions[row.state];
  if (!action) return;
  await recordAudit(tx, actor, {
    action,
    entityType: 'operation-request',
    entityId: row.id,
    businessUnit: { id: row.businessUnitId, path: row.buPath },
    before: previous ? { state: previous } : null,
    after: {
      kind: row.kind,
      state: row.state,
      tenantId: row.tenantId,
      ...(row.error ? { error: row.error.message } : {}),
    },
  });
}
