import { type Database, executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { raiseAlert } from '../alerts/raise.js';
import type { Clock } from '../operations/clock.js';
import { plainDecimal } from './chain.js';

/**
 * `quota-exceeded` alerts: a soft limit crossed raises one alert per crossing. Each quota keeps
 * since when it is crossed (`soft_exceeded_since`); the check that finds it crossed and sets the
 * mark raises the alert in the same transaction, and a check that finds it below clears the mark,
 * so the next crossing alerts again. Concurrent checks set the mark once: the update that sets it
 * waits for the other's row lock and then finds it set.
 *
 * System work on the owner connection, after the change that may have crossed a limit committed:
 * the quotas that count it lie above the writer's subtree as well (a collector of one customer
 * fills the reseller's quota), as do the host endpoints the alert is delivered to.
 */
export async function checkSoftQuotas(systemDb: Database, clock: Clock, path: string, metric: string): Promise<number> {
  // Every soft quota of the metric whose subtree holds what changed or lies inside it.
  const candidates = await executeRows<{ id: string }>(
    systemDb,
    sql`select id from quotas where metric = ${metric} and soft_limit is not null
      and (bu_path @> ${path}::ltree or bu_path <@ ${path}::ltree)`,
  );
  let raised = 0;
  for (const { id } of candidates) {
    const alert = await systemDb.transaction(async (tx) => {
      const now = clock.now();
      const [quota] = await executeRows<{
        businessUnitId: string;
        metric: string;
        softLimit: string;
        consumption: string;
        exceeded: boolean;
      }>(
        tx,
        sql`select business_unit_id as "businessUnitId", metric, soft_limit::text as "softLimit",
            c.consumption::text as consumption, c.consumption > soft_limit as exceeded
          from quotas, scc_quota_consumption_of(bu_path, metric) c(consumption)
          where id = ${id} and soft_limit is not null`,
      );
      if (!quota) return undefined;
      if (!quota.exceeded) {
        await tx.execute(sql`update quotas set soft_exceeded_since = null
          where id = ${id} and soft_exceeded_since is not null`);
        return undefined;
      }
      const [crossed] = await executeRows<{ since: string }>(
        tx,
        sql`update quotas set soft_exceeded_since = ${now.toISOString()}::timestamptz
          where id = ${id} and soft_exceeded_since is null returning soft_exceeded_since::text as since`,
      );
      if (!crossed) return undefined;
      return raiseAlert(tx, {
        kind: 'quota-exceeded',
        businessUnitId: quota.businessUnitId,
        subject: {
          metric: quota.metric,
          limit: plainDecimal(quota.softLimit),
          consumption: plainDecimal(quota.consumption),
        },
        dedupeKey: `quota-exceeded:${id}:${now.toISOString()}`,
        raisedAt: now,
      });
    });
    if (alert) raised++;
  }
  return raised;
}
