import { isLevelMetric, operationMetric } from '../metrics.js';
import { divideHalfEven, MICRO, quantityOf } from '../money.js';
import { entryFor, type PriceList, type RatedLine, rate, type UsageClass } from '../prices/rating.js';

/**
 * Who sells to whom, as it stands: a seller has a default sale price list; an account is a unit
 * its seller invoices (a reseller, a customer). A seller is always an account of the seller above.
 */
export interface BillingStructure {
  sellers: ReadonlySet<string>;
  accounts: ReadonlySet<string>;
}

/**
 * The buyer a seller invoices for usage at `chain` (unit ids, root first, as they were on the day
 * of the usage): the first account or seller below the seller on the chain. Undefined when the
 * seller is not on the chain or the usage is the seller's own (no account between).
 */
export function buyerOf(sellerId: string, chain: readonly string[], structure: BillingStructure): string | undefined {
  const at = chain.indexOf(sellerId);
  if (at < 0) return undefined;
  for (const id of chain.slice(at + 1)) {
    if (structure.accounts.has(id) || structure.sellers.has(id)) return id;
  }
  return undefined;
}

/** A period's usage summed per unit chain, class and metric (the facts the database gathers). */
export interface UsageFact {
  chain: readonly string[];
  usageClass: UsageClass;
  metric: string;
  /** Sum of the daily values over the period, in millionths. */
  sumMicro: bigint;
}

/** Chargeable operations that finished in the period, counted per unit chain and kind. */
export interface OperationFact {
  chain: readonly string[];
  kind: string;
  count: number;
}

export interface InvoiceLineDraft {
  metric: string;
  /** Undefined when the seller's list has no price for the metric: the usage shows, at no charge. */
  rated?: RatedLine;
  quantityMicro: bigint;
  amountMinor: bigint;
}

export interface InvoiceDraft {
  buyerId: string;
  currency: string;
  lines: InvoiceLineDraft[];
  totalMinor: bigint;
}

export interface InvoiceRun {
  sellerId: string;
  /** Days of the calendar month: levels are averaged over them. */
  days: number;
  usage: readonly UsageFact[];
  operations: readonly OperationFact[];
  structure: BillingStructure;
  /** The seller's current direct buyers: each gets an invoice, with minimum fees only if it used nothing. */
  currentBuyers: readonly string[];
  /** The list the seller prices a buyer with: its override for the buyer, else its default list. */
  priceListFor: (buyerId: string) => PriceList | undefined;
}

/**
 * One draft per direct buyer: every usage fact through the seller lands on exactly one buyer's
 * invoice (or none, when it is the seller's own), summed per metric over the classes, levels
 * averaged over the month; each line rated with the buyer's list and rounded on its own
 * (half to even, minor unit); the total is the sum of the lines. Deterministic: same facts, same
 * drafts, lines ordered by metric, invoices by buyer id.
 */
export function assembleInvoices(run: InvoiceRun): InvoiceDraft[] {
  const perBuyer = new Map<string, Map<string, { micro: bigint; divisor: bigint }>>();
  const add = (buyerId: string, metric: string, micro: bigint, divisor: bigint) => {
    const metrics = perBuyer.get(buyerId) ?? new Map();
    perBuyer.set(buyerId, metrics);
    const current = metrics.get(metric) ?? { micro: 0n, divisor };
    metrics.set(metric, { micro: current.micro + micro, divisor });
  };
  for (const buyerId of run.currentBuyers) if (!perBuyer.has(buyerId)) perBuyer.set(buyerId, new Map());
  for (const fact of run.usage) {
    const buyerId = buyerOf(run.sellerId, fact.chain, run.structure);
    if (buyerId) add(buyerId, fact.metric, fact.sumMicro, isLevelMetric(fact.metric) ? BigInt(run.days) : 1n);
  }
  for (const fact of run.operations) {
    const buyerId = buyerOf(run.sellerId, fact.chain, run.structure);
    if (buyerId) add(buyerId, operationMetric(fact.kind), BigInt(fact.count) * MICRO, 1n);
  }
  const drafts: InvoiceDraft[] = [];
  for (const buyerId of [...perBuyer.keys()].sort()) {
    const list = run.priceListFor(buyerId);
    if (!list) continue;
    const quantities = perBuyer.get(buyerId) ?? new Map();
    const metrics = new Set([
      ...quantities.keys(),
      ...list.entries.filter((e) => e.minimumMinor > 0n).map((e) => e.metric),
    ]);
    const lines = [...metrics].sort().map((metric): InvoiceLineDraft => {
      const { micro, divisor } = quantities.get(metric) ?? { micro: 0n, divisor: 1n };
      const entry = entryFor(list, metric);
      if (!entry) return { metric, quantityMicro: divideHalfEven(micro, divisor), amountMinor: 0n };
      const rated = rate(quantityOf(micro, divisor), entry);
      return { metric, rated, quantityMicro: rated.quantityMicro, amountMinor: rated.amountMinor };
    });
    drafts.push({
      buyerId,
      currency: list.currency,
      lines,
      totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0n),
    });
  }
  return drafts;
}
