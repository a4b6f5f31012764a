import type { Determinations, OperationRequest, Validation } from '@scc/contracts/operations';
import { operationRequestEvents, type operationRequests, outboxEvents, type Transaction } from '@scc/db';
import { tenantViews } from '../tenants/queries.js';

export type OperationRequestRow = typeof operationRequests.$inferSelect;

/** A transaction or database handle: events are written by callers' transactions and by workers alike. */
export type Writer = Pick<Transaction, 'insert' | 'select' | 'update' | 'execute'>;

/** What the API shows of a request; scheduling fields (lease, claim, checkpoint) stay inside. */
export function requestView(row: OperationRequestRow): OperationRequest {
  return {
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
  };
}

/** Every change of a request becomes one event: the live feed and its replay read these. */
export async function recordRequestEvent(tx: Writer, row: OperationRequestRow): Promise<void> {
  await tx.insert(operationRequestEvents).values({
    kind: 'operation-request',
    requestId: row.id,
    tenantId: row.tenantId,
    payload: requestView(row),
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
