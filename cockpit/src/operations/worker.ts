import { randomUUID } from 'node:crypto';
import { type Database, operationRequests, products, tenants } from '@scc/db';
import { and, eq, sql } from 'drizzle-orm';
import { alertIfFailed } from '../alerts/operation-alerts.js';
import { cockpitLog } from '../log.js';
import { type PollingLoop, pollingLoop } from '../polling-loop.js';
import type { Provisioner, TenantPart, TenantSpec } from '../provisioner/port.js';
import { checkSoftQuotas } from '../quotas/soft-alerts.js';
import { deployTransport, restoreProfileVersion } from '../transports/deploy.js';
import type { Clock } from './clock.js';
import { afterRetention, productRules } from './product-rules.js';
import {
  type OperationRequestRow,
  recordChargeVoided,
  recordRequestAudit,
  recordRequestEvent,
  recordTenantEvents,
} from './records.js';
import { transition } from './state-machine.js';

export interface WorkerOptions {
  /** The owner connection: workers are a trusted system component, not a caller. */
  db: Database;
  provisioner: Provisioner;
  clock: Clock;
  workerId?: string;
  /** How long a claim holds without a heartbeat; a dead worker's request is re-claimed after it. */
  leaseMs?: number;
  /** Idle pause between claims when running in the background. */
  pollMs?: number;
  /** Claims of one request before it fails for good (with compensation). */
  maxAttempts?: number;
}

/** `runOnce` claims and runs one due request. */
export interface Worker extends PollingLoop {
  readonly id: string;
}

/** Another worker took the request over (our lease ran out): stop without touching it. */
class LeaseLost extends Error {}

interface Step {
  name: string;
  label: string;
  run: () => Promise<void>;
}

const CLAIMABLE = ['queued', 'running'] as const;

export function createWorker(options: WorkerOptions): Worker {
  const { db, provisioner, clock } = options;
  const id = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const at = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs);

  /** One due request, locked against every other worker: running ones only once their lease expired. */
  async function claim(): Promise<OperationRequestRow | undefined> {
    return db.transaction(async (tx) => {
      const now = at();
      const [row] = await tx
        .update(operationRequests)
        .set({
          state: 'running',
          claimedBy: id,
          leaseUntil: at(leaseMs),
          heartbeatAt: now,
          attempts: sql`${operationRequests.attempts} + 1`,
          updatedAt: now,
        })
        .where(
          eq(
            operationRequests.id,
            sql`(select r.id from ${operationRequests} r
              where r.state in ${CLAIMABLE} and r.run_after <= ${now.toISOString()}::timestamptz
                and (r.lease_until is null or r.lease_until < ${now.toISOString()}::timestamptz)
              order by r.run_after, r.created_at
              limit 1 for update skip locked)`,
          ),
        )
        .returning();
      if (row) await recordRequestEvent(tx, row);
      return row;
    });
  }

  /** Updates the request only while we still hold it; every change is also an event. */
  async function update(
    request: OperationRequestRow,
    values: Partial<typeof operationRequests.$inferInsert>,
    tenantIds: string[] = [],
  ): Promise<OperationRequestRow> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(operationRequests)
        .set({ ...values, updatedAt: at() })
        .where(and(eq(operationRequests.id, request.id), eq(operationRequests.claimedBy, id)))
        .returning();
      if (!row) throw new LeaseLost(`request ${request.id} was taken over`);
      await recordRequestEvent(tx, row);
      await recordRequestAudit(tx, row, request.state);
      await recordChargeVoided(tx, row);
      await alertIfFailed(tx, row);
      if (tenantIds.length) await recordTenantEvents(tx, tenantIds);
      return row;
    });
  }

  async function heartbeat(requestId: string) {
    await db
      .update(operationRequests)
      .set({ leaseUntil: at(leaseMs), heartbeatAt: at() })
      .where(and(eq(operationRequests.id, requestId), eq(operationRequests.claimedBy, id)));
  }

  async function specFor(
    request: OperationRequestRow,
    tenantId: string,
    name: string,
    type: string,
  ): Promise<TenantSpec> {
    return {
      tenantId,
      businessUnitId: request.businessUnitId,
      productId: request.productId as string,
      name,
      type,
      buPath: request.buPath,
    };
  }

  async function archivedTenant(tenantId: string) {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
    return tenant;
  }

  async function retentionOf(request: OperationRequestRow) {
    const [product] = await db
      .select({ rules: products.rules, tenantTypes: products.tenantTypes })
      .from(products)
      .where(eq(products.id, request.productId as string));
    if (!product) throw new Error('product vanished');
    return productRules(product.rules, product.tenantTypes);
  }

  /**
   * A new live tenant may cross a soft `tenants.<type>` quota. An alert that could not be checked
   * must not fail the request whose tenant exists now: it is logged, and the next tenant checks again.
   */
  async function checkTenantQuotas(request: OperationRequestRow) {
    await checkSoftQuotas(db, clock, request.buPath, `tenants.${request.checkpoint.type as string}`).catch(
      (error: unknown) =>
        cockpitLog.error('soft quota check failed', { error, workerId: id, operationRequestId: request.id }),
    );
  }

  /** The steps of a request in order; done ones are skipped on resume. */
  async function stepsFor(request: OperationRequestRow): Promise<Step[]> {
    const plan = request.checkpoint as Record<string, string | null | string[] | undefined>;
    switch (request.kind) {
      case 'order': {
        const tenantId = plan.newTenantId as string;
        const copy = (part: TenantPart, field: string, label: string): Step[] =>
          plan[field]
            ? [
                {
                  name: `copy-${part}`,
                  label,
                  run: async () => {
                    await provisioner.copyPart(request.id, part, plan[field] as string, tenantId);
                  },
                },
              ]
            : [];
        return [
          {
            name: 'create-tenant',
            label: 'Creating the tenant',
            run: async () =>
              provisioner.createTenant(
                request.id,
                await specFor(request, tenantId, plan.name as string, plan.type as string),
              ),
          },
          ...copy('applicationData', 'applicationDataSourceTenantId', 'Copying application data'),
          ...copy('solutionProfile', 'solutionProfileSourceTenantId', 'Copying the solution profile'),
          {
            name: 'activate',
            label: 'Activating the tenant',
            run: () => provisioner.activateTenant(request.id, tenantId),
          },
        ];
      }
      case 'copy': {
        const target = request.tenantId as string;
        return (plan.parts as TenantPart[]).map((part) => ({
          name: `copy-${part}`,
          label: part === 'applicationData' ? 'Copying application data' : 'Copying the solution profile',
          run: async () => {
            await provisioner.copyPart(request.id, part, plan.sourceTenantId as string, target);
          },
        }));
      }
      case 'restore': {
        const archived = await archivedTenant(request.tenantId as string);
        const same = plan.mode === 'same';
        const targetId = same ? archived.id : (plan.newTenantId as string);
        return [
          {
            name: 'restore',
            label: 'Restoring from the archive',
            run: async () =>
              provisioner.restoreTenant(
                request.id,
                archived.id,
                await specFor(request, targetId, same ? archived.name : `${archived.name} (restored)`, archived.type),
              ),
          },
        ];
      }
      // One step each, one transaction each (transports/deploy.ts): old or new, never a mix.
      case 'transport':
        return [{ name: 'deploy', label: 'Deploying into the target', run: () => deployTransport(db, request) }];
      case 'profile-restore':
        return [
          {
            name: 'restore-profile',
            label: 'Restoring the profile version',
            run: () => restoreProfileVersion(db, request),
          },
        ];
      case 'decommission': {
        const tenantId = request.tenantId as string;
        if (!request.completedSteps.includes('retain')) return [];
        const rules = await retentionOf(request);
        const action = afterRetention(rules, (plan.type as string) ?? 'productive');
        return [
          action === 'archive'
            ? {
                name: 'archive',
                label: 'Archiving the tenant',
                run: () => provisioner.archiveTenant(request.id, tenantId),
              }
            : {
                name: 'delete',
                label: 'Deleting the tenant',
                run: () => provisioner.deleteTenant(request.id, tenantId),
              },
        ];
      }
    }
  }

  /** A termination first hides the tenant and waits, unclaimed, until the retention period ends. */
  async function retain(request: OperationRequestRow): Promise<void> {
    const tenantId = request.tenantId as string;
    const rules = await retentionOf(request);
    const until = at(rules.retentionDays * 24 * 60 * 60 * 1000);
    await db.transaction(async (tx) => {
      const [tenant] = await tx
        .select({ lifecycle: tenants.lifecycleStatus })
        .from(tenants)
        .where(eq(tenants.id, tenantId))
        .for('update');
      if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
      const [row] = await tx
        .update(operationRequests)
        .set({
          completedSteps: sql`array_append(${operationRequests.completedSteps}, 'retain')`,
          checkpoint: {
            ...request.checkpoint,
            previousLifecycle: tenant.lifecycle === 'retained' ? 'live' : tenant.lifecycle,
          },
          step: `Retained until ${until.toISOString().slice(0, 10)}`,
          progress: 50,
          claimedBy: null,
          leaseUntil: null,
          attempts: 0,
          runAfter: until,
          updatedAt: at(),
        })
        .where(and(eq(operationRequests.id, request.id), eq(operationRequests.claimedBy, id)))
        .returning();
      if (!row) throw new LeaseLost(`request ${request.id} was taken over`);
      await tx
        .update(tenants)
        .set({ lifecycleStatus: 'retained', retainedUntil: until, updatedAt: at() })
        .where(eq(tenants.id, tenantId));
      await recordRequestEvent(tx, row);
      await recordTenantEvents(tx, [tenantId]);
    });
  }

  const tenantsOf = (request: OperationRequestRow): string[] =>
    [request.tenantId, request.checkpoint.newTenantId as string | undefined].filter((t): t is string => !!t);

  /** Leaves nothing behind a request that cannot finish: a tenant it created goes again. */
  async function compensate(request: OperationRequestRow, error: unknown): Promise<void> {
    const created = request.kind === 'order' || (request.kind === 'restore' && request.checkpoint.mode === 'new');
    const newTenantId = request.checkpoint.newTenantId as string | undefined;
    if (created && newTenantId) await provisioner.discardTenant(request.id, newTenantId);
    const now = at();
    await update(
      request,
      {
        state: transition(request.state, 'failed'),
        step: 'Failed',
        error: { code: 'operation-failed', message: error instanceof Error ? error.message : String(error) },
        claimedBy: null,
        leaseUntil: null,
        finishedAt: now,
        tenantId: request.kind === 'order' ? null : request.tenantId,
      },
      tenantsOf(request).filter((t) => t !== newTenantId || !created),
    );
  }

  async function execute(claimed: OperationRequestRow): Promise<void> {
    let request = claimed;
    if (request.attempts > maxAttempts) {
      await compensate(request, new Error(`gave up after ${maxAttempts} attempts`));
      return;
    }
    if (request.kind === 'decommission' && !request.completedSteps.includes('retain')) {
      await retain(request);
      return;
    }
    const steps = await stepsFor(request);
    const total = steps.length;
    for (const [index, step] of steps.entries()) {
      if (request.completedSteps.includes(step.name)) continue;
      request = await update(request, { step: step.label, progress: Math.round((index / total) * 100) });
      const timer = setInterval(() => void heartbeat(request.id).catch(() => {}), Math.max(10, leaseMs / 3));
      try {
        await step.run();
      } finally {
        clearInterval(timer);
      }
      const createdTenant = request.kind === 'order' && step.name === 'create-tenant';
      request = await update(
        request,
        {
          completedSteps: [...request.completedSteps, step.name],
          progress: Math.round(((index + 1) / total) * 100),
          ...(createdTenant ? { tenantId: request.checkpoint.newTenantId as string } : {}),
        },
        tenantsOf(request),
      );
      if (step.name === 'create-tenant' || step.name === 'restore') await checkTenantQuotas(request);
    }
    await update(
      request,
      {
        state: transition(request.state, 'succeeded'),
        step: 'Done',
        progress: 100,
        claimedBy: null,
        leaseUntil: null,
        finishedAt: at(),
      },
      tenantsOf(request),
    );
  }

  async function runOnce(): Promise<boolean> {
    const request = await claim();
    if (!request) return false;
    try {
      await execute(request);
    } catch (error) {
      if (error instanceof LeaseLost) return true;
      // Retry later with backoff; the last attempt compensates and fails.
      const [current] = await db.select().from(operationRequests).where(eq(operationRequests.id, request.id));
      if (!current || current.claimedBy !== id) return true;
      if (current.attempts >= maxAttempts) {
        await compensate(current, error).catch((e: unknown) =>
          cockpitLog.error('compensation failed', { error: e, workerId: id, operationRequestId: current.id }),
        );
      } else {
        await update(current, {
          claimedBy: null,
          leaseUntil: null,
          runAfter: at(1000 * 2 ** current.attempts),
          step: 'Retrying after an error',
        }).catch(() => {});
      }
    }
    return true;
  }

  return { id, ...pollingLoop('worker', runOnce, options.pollMs ?? 500) };
}
