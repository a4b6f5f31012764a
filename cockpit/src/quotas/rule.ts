import type { Validation } from '@scc/contracts/operations';
import { executeRows, type Transaction } from '@scc/db';
import { sql } from 'drizzle-orm';
import { quotaMetricWords } from '../alerts/summaries.js';
import { plainDecimal } from './chain.js';

/**
 * Hard quotas as rules of a request: ordering or restoring a tenant of a type needs a free slot
 * under every hard `tenants.<type>` quota on the unit's path, and an order or copy needs the
 * subtree's latest stored GB below every hard `stored_gb` quota there.
 */

/** One hard quota on the path, as the request's caller may see it. */
export interface HardQuotaFact {
  metric: string;
  /** The quota's unit; null when it lies above the caller's subtree. */
  unitName: string | null;
  limit: string;
  /** Its unit's whole subtree; null when the unit lies above the caller's subtree. */
  consumption: string | null;
  reached: boolean;
}

/** "Contoso Retail’s hard quota of 4 development tenants", or one set above the caller's unit. */
const quotaName = (fact: HardQuotaFact) => {
  const what = `hard quota of ${fact.limit} ${quotaMetricWords(fact.metric)}`;
  return fact.unitName ? `${fact.unitName}’s ${what}` : `the ${what} set above your unit`;
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The rule's name and the field it answers for, per metric. */
const ruleOf = (metric: string) =>
  metric === 'stored_gb'
    ? { rule: 'storage-quota', field: 'body.businessUnitId' }
    : { rule: 'tenant-quota', field: 'body.type' };

/**
 * One validation per hard quota: refused when it is reached, naming whose quota, the limit and,
 * inside the caller's subtree, the count; a quota of a unit above the caller says only that it is
 * reached, since its count tells of the caller's siblings.
 */
export function hardQuotaValidations(facts: readonly HardQuotaFact[]): Validation[] {
  return facts.map((fact) => {
    const { rule, field } = ruleOf(fact.metric);
    const counted = fact.consumption === null ? '' : ` (${fact.consumption} now)`;
    if (!fact.reached)
      return { rule, passed: true, blocking: false, field, message: `Within ${quotaName(fact)}${counted}.` };
    const refusal =
      fact.metric === 'stored_gb'
        ? `${capitalised(quotaName(fact))} is reached${counted}: no new tenants or copies until the data shrinks or the quota is raised.`
        : `${capitalised(quotaName(fact))} is reached${counted}, open orders included: terminate one first or ask for a higher quota.`;
    return { rule, passed: false, blocking: true, field, message: refusal };
  });
}

/**
 * Serialises the decisions that count against the hard quotas of `metric` on the path: twenty
 * parallel orders for the last slot each wait for the previous one's commit, then count again. One
 * lock per quota, root first (every decision takes them in that order, after its unit's own locks),
 * keyed by the quota unit's path, which the request's path names without seeing the row.
 */
async function lockHardQuotas(tx: Transaction, path: string, metric: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('scc-quota'),
      hashtext(subpath(${path}::ltree, 0, c.depth)::text || '/' || c.metric))
    from (select depth, metric from scc_quota_chain(${path}::ltree, null)
      where metric = ${metric} and hard_limit is not null order by depth) c`);
}

/** The key of {@link lockHardQuotas} for a unit's own quota: a change of it waits for the decisions under it. */
export async function lockQuota(tx: Transaction, path: string, metric: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('scc-quota'), hashtext(${`${path}/${metric}`}))`);
}

/** The hard quotas of `metrics` on the path of a unit in scope, each with whether it is reached. */
async function hardQuotaFacts(tx: Transaction, path: string, metrics: readonly string[]): Promise<HardQuotaFact[]> {
  const rows = await executeRows<{
    metric: string;
    unitName: string | null;
    limit: string;
    consumption: string | null;
    reached: boolean;
  }>(
    tx,
    sql`select c.metric, u.name as "unitName", c.hard_limit::text as limit, c.consumption::text as consumption,
        c.hard_reached as reached
      from json_array_elements_text(${JSON.stringify(metrics)}::json) m, scc_quota_chain(${path}::ltree, m) c
      left join business_units u on u.id = c.business_unit_id
      where c.hard_limit is not null
      order by c.metric, c.depth`,
  );
  return rows.map((row) => ({
    ...row,
    limit: plainDecimal(row.limit),
    consumption: row.consumption === null ? null : plainDecimal(row.consumption),
  }));
}

/**
 * The hard-quota validations of a request at the unit at `path`: `tenantType` when it adds a live
 * tenant of that type, `storage` when it adds data. With `lock`, after the locks of the tenant quotas.
 */
export async function quotaValidations(
  tx: Transaction,
  path: string,
  adds: { tenantType?: string; storage?: boolean },
  lock: boolean,
): Promise<Validation[]> {
  const tenantMetric = adds.tenantType ? `tenants.${adds.tenantType}` : undefined;
  if (tenantMetric && lock) await lockHardQuotas(tx, path, tenantMetric);
  const metrics = [...(adds.storage ? ['stored_gb'] : []), ...(tenantMetric ? [tenantMetric] : [])];
  if (metrics.length === 0) return [];
  return hardQuotaValidations(await hardQuotaFacts(tx, path, metrics));
}
