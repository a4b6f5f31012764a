import type { PriceListEntry, PutPriceList } from '@scc/contracts/billing';
import type { FieldError } from '@scc/contracts/problem';
import { parseMicro, parseMinor } from '../money.js';
import { type PriceList, type Tier, tierProblem } from './rating.js';

/** The stored entries (contract shape, decimal strings) as the rating functions take them. */
export function ratingList(currency: string, entries: readonly PriceListEntry[]): PriceList {
  return {
    currency,
    entries: entries.map((entry) => ({
      metric: entry.metric,
      usageClass: entry.class,
      tiers: entry.tiers.map(
        (t): Tier => ({
          upToMicro: t.upTo === null ? null : (parseMicro(t.upTo) ?? 0n),
          priceMicro: parseMicro(t.unitPrice) ?? 0n,
        }),
      ),
      minimumMinor: entry.minimumFee === undefined ? 0n : (parseMinor(entry.minimumFee) ?? 0n),
    })),
  };
}

/**
 * What the schema cannot say about a list: tiers that overlap or leave a gap open, a metric priced
 * twice, a class on a sale list (classes are for show-back). Each named by its field.
 */
export function priceListProblems(body: PutPriceList, purpose: 'sale' | 'internal'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of body.entries.entries()) {
    const at = `body.entries.${index}`;
    if (purpose === 'sale' && entry.class !== undefined)
      errors.push({ field: `${at}.class`, message: 'Only internal (show-back) lists price by class' });
    const key = `${entry.metric} ${entry.class ?? ''}`;
    if (seen.has(key)) errors.push({ field: `${at}.metric`, message: 'This metric (and class) is priced twice' });
    seen.add(key);
    const problem = tierProblem(ratingList(body.currency, [entry]).entries[0]?.tiers ?? []);
    if (problem) errors.push({ field: `${at}.tiers.${problem.index}.upTo`, message: problem.message });
  }
  return errors;
}
