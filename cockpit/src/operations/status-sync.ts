import { type Database, tenants } from '@scc/db';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { cockpitLog } from '../log.js';
import type { Provisioner } from '../provisioner/port.js';
import type { Clock } from './clock.js';
import { recordTenantEvents } from './records.js';

export interface StatusSync {
  /** Asks the provisioner once; returns how many tenants changed. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

/**
 * Brings the infrastructure's view of each tenant (up, degraded, down, maintenance) into the
 * tenant list: each change is written once and becomes a `tenant` event on the live feed.
 */
export function createStatusSync(options: {
  db: Database;
  provisioner: Provisioner;
  clock: Clock;
  intervalMs?: number;
}): StatusSync {
  const { db, provisioner } = options;
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<number> {
    const watched = await db
      .select({ id: tenants.id })
      .from(tenants)
      .where(inArray(tenants.lifecycleStatus, ['provisioning', 'live']));
    const reported = await provisioner.operationalStatus(watched.map((t) => t.id));
    let changed = 0;
    for (const [tenantId, status] of reported) {
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(tenants)
          .set({ operationalStatus: status, updatedAt: options.clock.now() })
          .where(and(eq(tenants.id, tenantId), ne(tenants.operationalStatus, status)))
          .returning({ id: tenants.id });
        if (updated.length === 0) return;
        changed++;
        await recordTenantEvents(tx, [tenantId]);
      });
    }
    return changed;
  }

  return {
    runOnce,
    start() {
      timer ??= setInterval(
        () => void runOnce().catch((error: unknown) => cockpitLog.error('status sync failed', { error })),
        options.intervalMs ?? 5000,
      );
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
