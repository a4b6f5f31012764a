import type { OperationKindName } from '@scc/contracts/operations';
import { type Database, operationRequests, tenants } from '@scc/db';
import { and, eq, gt, inArray, lt, lte, not, sql } from 'drizzle-orm';
import type { Clock } from '../operations/clock.js';
import { periodicSweep, type Sweep } from '../sweeps.js';
import { raiseAlert } from './raise.js';

/** A queued or running request untouched this long is stuck: no worker runs, or one hangs. */
export const STUCK_AFTER_MS = 15 * 60 * 1000;
/** Tenants whose retention ends within this long raise an alert, once per end date. */
export const RETENTION_WARNING_MS = 3 * 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Raises the alerts that no single write causes: requests that stopped moving and retentions about
 * to end. Each occurrence has its own dedupe key, so any number of cockpit processes may sweep.
 */
export async function raiseTimedAlerts(db: Database, clock: Clock): Promise<number> {
  const now = clock.now();
  const stuckSince = new Date(now.getTime() - STUCK_AFTER_MS);
  let raised = 0;
  const stuck = await db
    .select({
      id: operationRequests.id,
      kind: operationRequests.kind,
      businessUnitId: operationRequests.businessUnitId,
      tenantId: operationRequests.tenantId,
      tenantName: tenants.name,
    })
    .from(operationRequests)
    .leftJoin(tenants, eq(tenants.id, operationRequests.tenantId))
    .where(
      and(
        inArray(operationRequests.state, ['queued', 'running']),
        lt(operationRequests.updatedAt, stuckSince),
        // A termination waits out its retention unclaimed: that is not stuck.
        lte(operationRequests.runAfter, stuckSince),
        not(
          sql`exists (select 1 from alerts a where a.dedupe_key = 'operation-stuck:' || ${operationRequests.id}::text)`,
        ),
      ),
    )
    .limit(BATCH);
  for (const request of stuck) {
    const alert = await db.transaction((tx) =>
      raiseAlert(tx, {
        kind: 'operation-stuck',
        businessUnitId: request.businessUnitId,
        subject: {
          operationRequestId: request.id,
          operationKind: request.kind as OperationKindName,
          ...(request.tenantId ? { tenantId: request.tenantId } : {}),
          ...(request.tenantName ? { tenantName: request.tenantName } : {}),
        },
        dedupeKey: `operation-stuck:${request.id}`,
        raisedAt: now,
      }),
    );
    if (alert) raised++;
  }
  const ending = await db
    .select({
      id: tenants.id,
      name: tenants.name,
      businessUnitId: tenants.businessUnitId,
      retainedUntil: tenants.retainedUntil,
    })
    .from(tenants)
    .where(
      and(
        eq(tenants.lifecycleStatus, 'retained'),
        gt(tenants.retainedUntil, now),
        lte(tenants.retainedUntil, new Date(now.getTime() + RETENTION_WARNING_MS)),
        not(
          sql`exists (select 1 from alerts a where a.dedupe_key = 'retention-expiring:' || ${tenants.id}::text || ':' || extract(epoch from ${tenants.retainedUntil})::bigint::text)`,
        ),
      ),
    )
    .limit(BATCH);
  for (const tenant of ending) {
    const until = tenant.retainedUntil as Date;
    const alert = await db.transaction((tx) =>
      raiseAlert(tx, {
        kind: 'retention-expiring',
        businessUnitId: tenant.businessUnitId,
        subject: { tenantId: tenant.id, tenantName: tenant.name, retainedUntil: until.toISOString() },
        dedupeKey: `retention-expiring:${tenant.id}:${Math.floor(until.getTime() / 1000)}`,
        raisedAt: now,
      }),
    );
    if (alert) raised++;
  }
  return raised;
}

/** Every minute, beside the workers, on the owner connection. */
export function createTimedAlertSweep(options: { db: Database; clock: Clock; intervalMs?: number }): Sweep {
  return periodicSweep(
    'timed alert sweep',
    () => raiseTimedAlerts(options.db, options.clock),
    options.intervalMs ?? 60 * 1000,
  );
}
