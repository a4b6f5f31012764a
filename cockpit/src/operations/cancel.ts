import { ProblemError } from '@scc/contracts/problem';
import { type Database, operationRequests, type Transaction, tenants, withScope } from '@scc/db';
import { and, eq } from 'drizzle-orm';
import { cancelRequestApproval } from '../approvals/store.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { retainedUntil, stateAllowsCancel } from './affordances.js';
import type { AssessContext } from './assess.js';
import { countForLimit, lockUnitProduct, rulesOf } from './facts.js';
import { rethrowGuaranteeAs } from './guarantees.js';
import {
  type OperationRequestRow,
  recordChargeVoided,
  recordRequestAudit,
  recordRequestEvent,
  recordTenantEvents,
} from './records.js';
import { holdsRole, maxLiveProductive } from './rules.js';
import { transition } from './state-machine.js';

/**
 * Cancels a request that no worker has started, or a termination during its retention period.
 * Cancelling a termination brings the tenant back, so it passes the rule an order of that tenant
 * would: a productive tenant comes back only while the unit has room for another live one.
 */
export function cancelRequest(
  db: Database,
  context: AssessContext,
  caller: Caller,
  id: string,
): Promise<OperationRequestRow> {
  const now = context.clock.now();
  const cancelled = withScope(db, caller, async (tx) => {
    const [current] = await tx
      .select()
      .from(operationRequests)
      .where(and(inScope(operationRequests.buPath, caller), eq(operationRequests.id, id)))
      .for('update');
    if (!current) throw ProblemError.of('notFound');
    if (!holdsRole(caller.roles, 'operator')) throw ProblemError.of('forbidden', 'Cancelling needs the operator role');
    // A termination waits unclaimed in `running` through its retention period; only then may it be undone.
    const retention = retainedUntil(current, now);
    const inRetention = retention !== null;
    if (!stateAllowsCancel({ state: current.state, retainedUntil: retention?.toISOString() ?? null }))
      throw ProblemError.of('conflict', `A ${current.state} request cannot be cancelled`);

    const tenantId = current.kind === 'decommission' ? current.tenantId : null;
    if (tenantId) {
      const [tenant] = await tx
        .select({
          name: tenants.name,
          type: tenants.type,
          productId: tenants.productId,
          lifecycle: tenants.lifecycleStatus,
        })
        .from(tenants)
        .where(eq(tenants.id, tenantId))
        .for('update');
      // A worker that died after archiving left the request running with its lease run out:
      // the tenant's data is in the archive now, and only a restore brings it back.
      if (inRetention && tenant?.lifecycle !== 'retained')
        throw ProblemError.of(
          'conflict',
          `The retention period has ended and the tenant is ${tenant?.lifecycle ?? 'gone'}; restore it from the archive instead.`,
          [{ field: 'path.id', rule: 'tenant-state', message: 'The tenant is no longer retained' }],
        );
      // Awaiting approval, the termination never let the tenant go (facts.ts, `releasing`): nothing comes back.
      if (tenant?.type === 'productive' && current.state !== 'awaiting-approval')
        await assertRoomForProductive(tx, current, tenant);
      if (inRetention) {
        const previous = (current.checkpoint.previousLifecycle as 'live' | 'provisioning' | undefined) ?? 'live';
        await tx
          .update(tenants)
          .set({ lifecycleStatus: previous, retainedUntil: null, updatedAt: now })
          .where(eq(tenants.id, tenantId));
      }
    }
    const [updated] = await tx
      .update(operationRequests)
      .set({
        state: transition(current.state, 'cancelled'),
        step: inRetention ? 'Termination cancelled; the tenant is live again' : 'Cancelled',
        claimedBy: null,
        leaseUntil: null,
        updatedAt: now,
        finishedAt: now,
      })
      .where(eq(operationRequests.id, current.id))
      .returning();
    if (!updated) throw new Error('update returned no row');
    if (current.state === 'awaiting-approval') await cancelRequestApproval(tx, current.id, now);
    // Events last: the feed's commit-time lock is then the last one this transaction takes.
    if (inRetention && tenantId) await recordTenantEvents(tx, [tenantId]);
    await recordRequestEvent(tx, updated);
    await recordRequestAudit(tx, updated, current.state, caller);
    await recordChargeVoided(tx, updated);
    return updated;
  });
  return cancelled.catch(rethrowGuaranteeAs('path.id'));
}

/** Under the (unit, product) lock of submits: would the tenant's return exceed the live-productive limit? */
async function assertRoomForProductive(
  tx: Transaction,
  request: OperationRequestRow,
  tenant: { name: string; productId: string },
): Promise<void> {
  await lockUnitProduct(tx, request.businessUnitId, tenant.productId);
  const rules = await rulesOf(tx, tenant.productId);
  const others = await countForLimit(tx, request.businessUnitId, tenant.productId, 'productive');
  const verdict = maxLiveProductive(others, rules, 'path.id');
  if (verdict.passed) return;
  throw ProblemError.of(
    'conflict',
    `${tenant.name} cannot come back: the business unit meanwhile has another live productive tenant or a productive order. ` +
      'Terminate that one first; this termination can be cancelled until its retention period ends.',
    [
      {
        field: 'path.id',
        rule: verdict.rule,
        message: `${tenant.name} cannot come back while the business unit has another live productive tenant or a productive order.`,
      },
    ],
  );
}
