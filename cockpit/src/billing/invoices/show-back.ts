import { isLevelMetric } from '../metrics.js';
import { quantityOf } from '../money.js';
import { entryFor, type PriceList, type RatedLine, rate, type UsageClass } from '../prices/rating.js';

/** A unit of the shown subtree; `parentId` is null for its root. */
export interface ShowBackUnit {
  id: string;
  parentId: string | null;
}

/** A period's usage of one unit (where its data sources are now), per class and metric. */
export interface ShowBackFact {
  unitId: string;
  usageClass: UsageClass;
  metric: string;
  sumMicro: bigint;
}

export interface ShowBackLine {
  metric: string;
  usageClass: UsageClass;
  rated?: RatedLine;
  amountMinor: bigint;
}

export interface ShowBack {
  currency: string;
  /** The subtree's usage rated per metric and class at the internal prices. */
  lines: ShowBackLine[];
  totalMinor: bigint;
  /** Per unit: its own share and its subtree's; the root's subtree share is the total. */
  units: Map<string, { ownMinor: bigint; subtreeMinor: bigint }>;
}

/**
 * Splits `amount` over weights so the shares add up to it exactly: each gets the floor of its
 * proportional part, the minor units left go one each to the largest remainders (ties: the key
 * first in order). Without any weight the whole amount goes to `fallback`.
 */
export function allocate(amount: bigint, weights: ReadonlyMap<string, bigint>, fallback: string): Map<string, bigint> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0n);
  const shares = new Map<string, bigint>();
  if (total <= 0n) {
    shares.set(fallback, amount);
    return shares;
  }
  const remainders: { key: string; remainder: bigint }[] = [];
  let given = 0n;
  for (const [key, weight] of [...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const share = (amount * weight) / total;
    shares.set(key, share);
    given += share;
    remainders.push({ key, remainder: (amount * weight) % total });
  }
  remainders.sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
  for (let left = amount - given, i = 0; left > 0n; left--, i++) {
    const key = remainders[i % remainders.length]?.key ?? fallback;
    shares.set(key, (shares.get(key) ?? 0n) + 1n);
  }
  return shares;
}

/**
 * Show-back of a subtree at its internal prices: each metric and class is rated on the subtree's
 * total (tiers and minimum fees as on an invoice), and its amount split over the units by their
 * quantities ({@link allocate}), so the units' shares sum exactly to the subtree's total.
 */
export function showBack(input: {
  units: readonly ShowBackUnit[];
  facts: readonly ShowBackFact[];
  days: number;
  list: PriceList;
}): ShowBack {
  const root = input.units.find((u) => u.parentId === null)?.id ?? '';
  const groups = new Map<string, { metric: string; usageClass: UsageClass; weights: Map<string, bigint> }>();
  for (const fact of input.facts) {
    const key = `${fact.metric}\u0000${fact.usageClass}`;
    const group = groups.get(key) ?? { metric: fact.metric, usageClass: fact.usageClass, weights: new Map() };
    groups.set(key, group);
    group.weights.set(fact.unitId, (group.weights.get(fact.unitId) ?? 0n) + fact.sumMicro);
  }
  const own = new Map<string, bigint>(input.units.map((u) => [u.id, 0n]));
  const lines: ShowBackLine[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key);
    if (!group) continue;
    const entry = entryFor(input.list, group.metric, group.usageClass);
    if (!entry) {
      lines.push({ metric: group.metric, usageClass: group.usageClass, amountMinor: 0n });
      continue;
    }
    const sum = [...group.weights.values()].reduce((a, b) => a + b, 0n);
    const rated = rate(quantityOf(sum, isLevelMetric(group.metric) ? BigInt(input.days) : 1n), entry);
    lines.push({ metric: group.metric, usageClass: group.usageClass, rated, amountMinor: rated.amountMinor });
    for (const [unitId, share] of allocate(rated.amountMinor, group.weights, root)) {
      own.set(unitId, (own.get(unitId) ?? 0n) + share);
    }
  }
  const units = new Map<string, { ownMinor: bigint; subtreeMinor: bigint }>();
  const children = new Map<string, string[]>();
  for (const unit of input.units) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const total = (id: string): bigint => {
    const subtree = (children.get(id) ?? []).reduce((sum, child) => sum + total(child), own.get(id) ?? 0n);
    units.set(id, { ownMinor: own.get(id) ?? 0n, subtreeMinor: subtree });
    return subtree;
  };
  const totalMinor = root ? total(root) : 0n;
  return { currency: input.list.currency, lines, totalMinor, units };
}
