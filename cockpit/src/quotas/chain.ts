import { compareDecimals, listedQuotaMetrics, type Quota, type QuotaLimit } from '@scc/contracts/quotas';
import { businessUnits, executeRows, quotas, type Transaction } from '@scc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';

/** A quota on a unit's path, as `scc_quota_chain` (migration 0028) shows it to the transaction. */
export interface ChainQuota {
  /** Null: a unit above the caller's subtree. */
  businessUnitId: string | null;
  depth: number;
  metric: string;
  softLimit: string | null;
  hardLimit: string | null;
  /** Over the quota's unit's subtree; null without a metric asked for, or for a unit above the caller. */
  consumption: string | null;
  softExceeded: boolean | null;
  hardReached: boolean | null;
}

/** `12.500000` → `12.5`, `3.000000` → `3`: the database's numeric(21,6) as a client writes it. */
export function plainDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

const plainOrNull = (value: string | null) => (value === null ? null : plainDecimal(value));

/**
 * The quotas on the path of a unit inside the transaction's scope, root first, the unit's own last;
 * with `metric`, only that metric's, each with its unit's consumption and whether it is reached.
 */
export async function quotaChain(tx: Transaction, path: string, metric: string | null): Promise<ChainQuota[]> {
  const rows = await executeRows<ChainQuota>(
    tx,
    sql`select business_unit_id as "businessUnitId", depth, metric, soft_limit::text as "softLimit",
        hard_limit::text as "hardLimit", consumption::text as consumption, soft_exceeded as "softExceeded",
        hard_reached as "hardReached"
      from scc_quota_chain(${path}::ltree, ${metric}::text)`,
  );
  return rows.map((row) => ({
    ...row,
    softLimit: plainOrNull(row.softLimit),
    hardLimit: plainOrNull(row.hardLimit),
    consumption: plainOrNull(row.consumption),
  }));
}

/** The strictest limit of one kind among `rows`; on a tie the one nearest the root holds (it binds the most units). */
export function strictest(
  rows: readonly ChainQuota[],
  kind: 'softLimit' | 'hardLimit',
): { limit: string; businessUnitId: string | null } | null {
  let best: { limit: string; businessUnitId: string | null } | null = null;
  for (const row of rows) {
    const limit = row[kind];
    if (limit === null) continue;
    if (!best || compareDecimals(limit, best.limit) < 0) best = { limit, businessUnitId: row.businessUnitId };
  }
  return best;
}

/** Names of the units of the caller's subtree among `ids`. */
async function namesOf(tx: Transaction, caller: Caller, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: businessUnits.id, name: businessUnits.name })
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), inArray(businessUnits.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A unit's own consumption of each metric, over its whole subtree. */
async function consumptionOf(tx: Transaction, path: string, metrics: string[]): Promise<Map<string, string>> {
  const rows = await executeRows<{ metric: string; consumption: string | null }>(
    tx,
    sql`select m as metric, scc_quota_consumption(${path}::ltree, m)::text as consumption
      from json_array_elements_text(${JSON.stringify(metrics)}::json) m`,
  );
  return new Map(rows.map((row) => [row.metric, plainDecimal(row.consumption ?? '0')]));
}

export interface QuotaUnit {
  id: string;
  path: string;
}

/** Whether the caller acts below the unit that set the unit's own quota: then it may only tighten it. */
export async function tightenOnly(tx: Transaction, caller: Caller, setByUnitId: string): Promise<boolean> {
  if (setByUnitId === caller.businessUnit.id) return false;
  return (await namesOf(tx, caller, [setByUnitId])).size === 0;
}

export interface OwnQuota {
  softLimit: string | null;
  hardLimit: string | null;
  setByUnitId: string;
}

export async function ownQuotas(tx: Transaction, unitId: string, metric?: string): Promise<Map<string, OwnQuota>> {
  const rows = await tx
    .select({
      metric: quotas.metric,
      softLimit: quotas.softLimit,
      hardLimit: quotas.hardLimit,
      setByUnitId: quotas.setByUnitId,
    })
    .from(quotas)
    .where(and(eq(quotas.businessUnitId, unitId), metric ? eq(quotas.metric, metric) : undefined));
  return new Map(
    rows.map((row) => [
      row.metric,
      { softLimit: plainOrNull(row.softLimit), hardLimit: plainOrNull(row.hardLimit), setByUnitId: row.setByUnitId },
    ]),
  );
}

/**
 * A unit's quotas as the caller sees them: per metric its own limits, the effective ones (the
 * strictest on its path, named when their unit is in the caller's subtree) and its consumption.
 * `only`: just that metric.
 */
export async function unitQuotas(tx: Transaction, caller: Caller, unit: QuotaUnit, only?: string): Promise<Quota[]> {
  const chain = (await quotaChain(tx, unit.path, null)).filter((row) => !only || row.metric === only);
  const own = await ownQuotas(tx, unit.id, only);
  const metrics = only ? [only] : [...new Set([...listedQuotaMetrics, ...chain.map((row) => row.metric)])].sort();
  const consumption = await consumptionOf(tx, unit.path, metrics);
  const names = await namesOf(
    tx,
    caller,
    chain.flatMap((row) => (row.businessUnitId ? [row.businessUnitId] : [])),
  );
  const named = (found: { limit: string; businessUnitId: string | null } | null): QuotaLimit | null =>
    found && {
      limit: found.limit,
      businessUnitId: found.businessUnitId,
      businessUnitName: found.businessUnitId ? (names.get(found.businessUnitId) ?? null) : null,
    };
  const items: Quota[] = [];
  for (const metric of metrics) {
    const rows = chain.filter((row) => row.metric === metric);
    const soft = named(strictest(rows, 'softLimit'));
    const hard = named(strictest(rows, 'hardLimit'));
    const used = consumption.get(metric) ?? '0';
    const mine = own.get(metric);
    items.push({
      metric,
      own: mine
        ? {
            softLimit: mine.softLimit,
            hardLimit: mine.hardLimit,
            tightenOnly: await tightenOnly(tx, caller, mine.setByUnitId),
          }
        : null,
      effective: { soft, hard },
      consumption: used,
      softExceeded: soft !== null && compareDecimals(used, soft.limit) > 0,
      hardReached: hard !== null && compareDecimals(used, hard.limit) >= 0,
    });
  }
  return items;
}
