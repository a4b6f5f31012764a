import type { OperationKindName } from '@scc/contracts/operations';
import { type operationRequests, type Transaction, tenants } from '@scc/db';
import { eq } from 'drizzle-orm';
import { raiseAlert } from './raise.js';

type OperationRequestRow = typeof operationRequests.$inferSelect;

/** A request that ended `failed` raises its alert in the transaction that failed it. */
export async function alertIfFailed(
  tx: Pick<Transaction, 'insert' | 'select' | 'execute'>,
  row: OperationRequestRow,
): Promise<void> {
  if (row.state !== 'failed') return;
  const tenantId = row.tenantId ?? undefined;
  const [tenant] = tenantId
    ? await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId))
    : [];
  await raiseAlert(tx, {
    kind: 'operation-failed',
    businessUnitId: row.businessUnitId,
    subject: {
      operationRequestId: row.id,
      operationKind: row.kind as OperationKindName,
      ...(tenantId ? { tenantId } : {}),
      ...(tenant ? { tenantName: tenant.name } : {}),
      ...(row.error ? { errorCode: row.error.code } : {}),
    },
    dedupeKey: `operation-failed:${row.id}`,
    raisedAt: row.updatedAt,
  });
}
