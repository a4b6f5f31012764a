import { divideHalfEven, larger, MICRO, type Quantity, smaller } from '../money.js';

/** A graduated tier: its price applies to the part of the quantity up to `upToMicro` (null: everything above). */
export interface Tier {
  upToMicro: bigint | null;
  priceMicro: bigint;
}

export type UsageClass = 'critical' | 'other';

/** One metric's price: graduated tiers (a flat price is one open tier) and a minimum fee per invoice. */
export interface PriceEntry {
  metric: string;
  /** Internal (show-back) prices may differ by class; sale prices have none. */
  usageClass?: UsageClass | undefined;
  tiers: Tier[];
  minimumMinor: bigint;
}

export interface PriceList {
  currency: string;
  entries: PriceEntry[];
}

export interface RatedTier {
  /** The part of the quantity in this tier, in millionths (rounded half to even when the quantity is an average). */
  quantityMicro: bigint;
  priceMicro: bigint;
}

export interface RatedLine {
  metric: string;
  usageClass?: UsageClass | undefined;
  quantityMicro: bigint;
  tiers: RatedTier[];
  /** The tiers' exact amount, rounded half to even to the minor unit. */
  ratedMinor: bigint;
  minimumMinor: bigint;
  /** What the line costs: the rated amount, or the minimum fee when that is higher. */
  amountMinor: bigint;
}

/** Amounts are exact until here: price (10⁻⁶) × quantity (10⁻⁶ / divisor), to minor units (10⁻²). */
const TO_MINOR = MICRO * 10_000n;

/** Why a tier list cannot price, or undefined: ascending upper bounds above zero, only the last one open. */
export function tierProblem(tiers: readonly Tier[]): { index: number; message: string } | undefined {
  if (tiers.length === 0) return { index: 0, message: 'Give at least one tier' };
  let previous = 0n;
  for (const [index, tier] of tiers.entries()) {
    const last = index === tiers.length - 1;
    if (tier.priceMicro < 0n) return { index, message: 'A price is never negative' };
    if (tier.upToMicro === null) {
      if (!last) return { index, message: 'Only the last tier is open-ended' };
    } else {
      if (last) return { index, message: 'The last tier must be open-ended (upTo null)' };
      if (tier.upToMicro <= previous)
        return { index, message: 'Tiers overlap: each upper bound must be above the one before' };
      previous = tier.upToMicro;
    }
  }
  return undefined;
}

/** Rates a quantity through graduated tiers and applies the minimum fee. Tiers must be valid ({@link tierProblem}). */
export function rate(quantity: Quantity, entry: PriceEntry): RatedLine {
  const { micro, divisor } = quantity;
  let lower = 0n;
  let exact = 0n;
  const tiers: RatedTier[] = [];
  for (const tier of entry.tiers) {
    const upper = tier.upToMicro === null ? micro : tier.upToMicro * divisor;
    const part = smaller(micro, upper) - lower * divisor;
    if (part > 0n) {
      exact += part * tier.priceMicro;
      tiers.push({ quantityMicro: divideHalfEven(part, divisor), priceMicro: tier.priceMicro });
    }
    if (tier.upToMicro === null || micro <= upper) break;
    lower = tier.upToMicro;
  }
  const ratedMinor = divideHalfEven(exact, divisor * TO_MINOR);
  return {
    metric: entry.metric,
    usageClass: entry.usageClass,
    quantityMicro: divideHalfEven(micro, divisor),
    tiers,
    ratedMinor,
    minimumMinor: entry.minimumMinor,
    amountMinor: larger(ratedMinor, entry.minimumMinor),
  };
}

/** The entry pricing a metric of a class: one for exactly that class first, else one for every class. */
export function entryFor(list: PriceList, metric: string, usageClass?: UsageClass): PriceEntry | undefined {
  return (
    list.entries.find((e) => e.metric === metric && e.usageClass !== undefined && e.usageClass === usageClass) ??
    list.entries.find((e) => e.metric === metric && e.usageClass === undefined)
  );
}
