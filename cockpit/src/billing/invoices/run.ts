import type { Invoice, InvoiceLine, InvoiceSummary, PriceListEntry } from '@scc/contracts/billing';
import { ProblemError } from '@scc/contracts/problem';
import { billingAccounts, executeRows, invoices, operationRequests, priceLists, type Transaction } from '@scc/db';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import type { Caller } from '../../scope/caller.js';
import { under } from '../../scope/in-subtree.js';
import type { BillingUnit } from '../access.js';
import { monthBounds } from '../metrics.js';
import { formatMicro, formatMinor, parseMicro } from '../money.js';
import { ratingList } from '../prices/price-lists.js';
import type { PriceList } from '../prices/rating.js';
import {
  assembleInvoices,
  type BillingStructure,
  buyerOf,
  type InvoiceDraft,
  type InvoiceLineDraft,
  type OperationFact,
  type UsageFact,
} from './assemble.js';

/** An ltree label is a unit id without its dashes (db/src/paths.ts); this gives the id back. */
export const unitIdOf = (label: string): string => label.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export const chainOf = (path: string): string[] => path.split('.').map(unitIdOf);

/** A line as the contract shows it: decimal strings, the tiers applied, whether it was priced. */
export function lineView(line: InvoiceLineDraft): InvoiceLine {
  return {
    metric: line.metric,
    quantity: formatMicro(line.quantityMicro),
    tiers: (line.rated?.tiers ?? []).map((t) => ({
      quantity: formatMicro(t.quantityMicro),
      unitPrice: formatMicro(t.priceMicro),
    })),
    minimumFee: line.rated && line.rated.minimumMinor > 0n ? formatMinor(line.rated.minimumMinor) : null,
    amount: formatMinor(line.amountMinor),
    priced: line.rated !== undefined,
  };
}

/** Every fact a seller's run for a month needs, gathered in the caller's transaction. */
async function gatherFacts(tx: Transaction, seller: BillingUnit, from: string, to: string) {
  const usageRows = await executeRows<{
    billed_path: string;
    usage_class: 'critical' | 'other';
    metric: string;
    quantity: string;
  }>(
    tx,
    sql`select billed_path::text as billed_path, usage_class, metric, quantity::text as quantity
      from scc_billed_usage(${seller.id}::uuid, ${from}::date, ${to}::date)`,
  );
  const usage: UsageFact[] = usageRows.map((r) => ({
    chain: chainOf(r.billed_path),
    usageClass: r.usage_class,
    metric: r.metric,
    sumMicro: parseMicro(r.quantity) ?? 0n,
  }));
  const operationRows = await executeRows<{ bu_path: string; kind: string; count: number }>(
    tx,
    sql`select ${operationRequests.buPath}::text as bu_path, ${operationRequests.kind}::text as kind, count(*)::int as count
      from ${operationRequests}
      where ${under(operationRequests.buPath, seller.path)} and ${operationRequests.chargeable}
        and ${operationRequests.state} = 'succeeded'
        and ${operationRequests.finishedAt} >= ${from}::date and ${operationRequests.finishedAt} < ${to}::date
      group by 1, 2`,
  );
  const operations: OperationFact[] = operationRows.map((r) => ({
    chain: chainOf(r.bu_path),
    kind: r.kind,
    count: r.count,
  }));
  // The seller's parties now (accounts and sellers below it) and those on the chains of its usage.
  const below = await executeRows<{ id: string; path: string }>(
    tx,
    sql`select ${billingAccounts.businessUnitId} as id, ${billingAccounts.buPath}::text as path from ${billingAccounts}
        where ${under(billingAccounts.buPath, seller.path)} and ${billingAccounts.businessUnitId} <> ${seller.id}::uuid
      union select ${priceLists.sellerId}, ${priceLists.buPath}::text from ${priceLists}
        where ${under(priceLists.buPath, seller.path)} and ${priceLists.purpose} = 'sale' and ${priceLists.buyerId} is null
          and ${priceLists.sellerId} <> ${seller.id}::uuid`,
  );
  const onChains = new Set<string>(below.map((b) => b.id));
  for (const fact of [...usage, ...operations]) {
    for (const id of fact.chain.slice(fact.chain.indexOf(seller.id) + 1)) onChains.add(id);
  }
  const parties = await executeRows<{ id: string; name: string; is_seller: boolean; is_account: boolean }>(
    tx,
    sql`select id, name, is_seller, is_account from scc_billing_parties(${seller.id}::uuid, ${JSON.stringify([...onChains])}::jsonb)`,
  );
  const structure: BillingStructure = {
    sellers: new Set(parties.filter((p) => p.is_seller).map((p) => p.id)),
    accounts: new Set(parties.filter((p) => p.is_account).map((p) => p.id)),
  };
  const currentBuyers = below.filter((b) => buyerOf(seller.id, chainOf(b.path), structure) === b.id).map((b) => b.id);
  return { usage, operations, structure, currentBuyers, names: new Map(parties.map((p) => [p.id, p.name])) };
}

/** The seller's lists: its default sale list and its overrides per buyer. */
async function sellerPrices(tx: Transaction, seller: BillingUnit) {
  const lists = await tx
    .select({ buyerId: priceLists.buyerId, currency: priceLists.currency, entries: priceLists.entries })
    .from(priceLists)
    .where(
      and(eq(priceLists.sellerId, seller.id), eq(priceLists.purpose, 'sale'), under(priceLists.buPath, seller.path)),
    );
  const toRating = (l: (typeof lists)[number]): PriceList => ratingList(l.currency, l.entries as PriceListEntry[]);
  const fallback = lists.find((l) => l.buyerId === null);
  if (!fallback)
    throw ProblemError.of('conflict', 'This unit sells nothing yet: give it a sale price list first', [
      { field: 'path.id', message: 'No sale price list' },
    ]);
  const overrides = new Map(lists.filter((l) => l.buyerId !== null).map((l) => [l.buyerId as string, toRating(l)]));
  const base = toRating(fallback);
  return (buyerId: string) => overrides.get(buyerId) ?? base;
}

/**
 * A seller's run for a month: recomputes every draft from the facts (deterministic: the same
 * facts give the same drafts), leaves issued invoices as they are, and drops drafts of buyers the
 * run no longer invoices. Runs of one seller and month take turns (an advisory lock).
 */
export async function runInvoices(tx: Transaction, caller: Caller, seller: BillingUnit, period: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invoice-run ${seller.id} ${period}`}, 0))`);
  const { from, to, days } = monthBounds(period);
  const facts = await gatherFacts(tx, seller, from, to);
  const priceListFor = await sellerPrices(tx, seller);
  const drafts = assembleInvoices({ sellerId: seller.id, days, ...facts, priceListFor });
  const periodDay = from;
  const issued = await tx
    .select({ buyerId: invoices.buyerId })
    .from(invoices)
    .where(
      and(
        eq(invoices.sellerId, seller.id),
        eq(invoices.period, periodDay),
        eq(invoices.status, 'issued'),
        under(invoices.buPath, seller.path),
      ),
    );
  const issuedBuyers = new Set(issued.map((i) => i.buyerId));
  const open = drafts.filter((d) => !issuedBuyers.has(d.buyerId));
  await tx.delete(invoices).where(
    and(
      eq(invoices.sellerId, seller.id),
      eq(invoices.period, periodDay),
      eq(invoices.status, 'draft'),
      under(invoices.buPath, seller.path),
      open.length > 0
        ? notInArray(
            invoices.buyerId,
            open.map((d) => d.buyerId),
          )
        : undefined,
    ),
  );
  await storeDrafts(tx, seller, periodDay, open, facts.names);
  await recordAudit(tx, caller, {
    action: 'invoices.computed',
    entityType: 'invoice',
    entityId: seller.id,
    businessUnit: { id: seller.id, path: seller.path },
    before: null,
    after: { period, drafts: open.length, issuedKept: issuedBuyers.size },
  });
  return tx
    .select(summaryColumns)
    .from(invoices)
    .where(and(eq(invoices.sellerId, seller.id), eq(invoices.period, periodDay), under(invoices.buPath, seller.path)))
    .orderBy(invoices.buyerName, invoices.buyerId);
}

/** Drafts per insert statement: one round trip for many buyers, well below the parameter limit. */
const DRAFTS_PER_STATEMENT = 500;

/** Stores the drafts, a statement per chunk; an issued invoice of the same buyer and month stays as it is. */
async function storeDrafts(
  tx: Transaction,
  seller: BillingUnit,
  period: string,
  drafts: readonly InvoiceDraft[],
  names: ReadonlyMap<string, string>,
) {
  for (let at = 0; at < drafts.length; at += DRAFTS_PER_STATEMENT) {
    const values = drafts.slice(at, at + DRAFTS_PER_STATEMENT).map((draft) => ({
      sellerId: seller.id,
      buyerId: draft.buyerId,
      sellerName: seller.name,
      buyerName: names.get(draft.buyerId) ?? '',
      period,
      currency: draft.currency,
      totalMinor: draft.totalMinor,
      lines: draft.lines.map(lineView),
      buPath: seller.path,
    }));
    await tx
      .insert(invoices)
      .values(values)
      .onConflictDoUpdate({
        target: [invoices.sellerId, invoices.buyerId, invoices.period],
        set: {
          sellerName: sql`excluded.seller_name`,
          buyerName: sql`excluded.buyer_name`,
          currency: sql`excluded.currency`,
          totalMinor: sql`excluded.total_minor`,
          lines: sql`excluded.lines`,
          computedAt: sql`now()`,
        },
        setWhere: eq(invoices.status, 'draft'),
      });
  }
}

export const summaryColumns = {
  id: invoices.id,
  sellerId: invoices.sellerId,
  sellerName: invoices.sellerName,
  buyerId: invoices.buyerId,
  buyerName: invoices.buyerName,
  period: invoices.period,
  status: invoices.status,
  number: invoices.number,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  computedAt: invoices.computedAt,
  issuedAt: invoices.issuedAt,
};

export interface InvoiceRow {
  id: string;
  sellerId: string;
  sellerName: string;
  buyerId: string;
  buyerName: string;
  period: string;
  status: 'draft' | 'issued';
  number: number | null;
  currency: string;
  totalMinor: bigint | string;
  computedAt: Date | string;
  issuedAt: Date | string | null;
  lines?: unknown;
}

export function summaryView(row: InvoiceRow): InvoiceSummary {
  return {
    id: row.id,
    sellerId: row.sellerId,
    sellerName: row.sellerName,
    buyerId: row.buyerId,
    buyerName: row.buyerName,
    period: row.period.slice(0, 7),
    status: row.status,
    number: row.number,
    currency: row.currency as InvoiceSummary['currency'],
    total: formatMinor(BigInt(row.totalMinor)),
    computedAt: new Date(row.computedAt).toISOString(),
    issuedAt: row.issuedAt === null ? null : new Date(row.issuedAt).toISOString(),
  };
}

export const invoiceView = (row: InvoiceRow): Invoice => ({
  ...summaryView(row),
  lines: (row.lines ?? []) as InvoiceLine[],
});
