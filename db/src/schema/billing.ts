import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessUnits } from './business-units.js';
import { ltree, pathKey } from './ltree.js';
import { subtreePolicies } from './scope.js';

/**
 * A machine that reports usage (a backup server's exporter, the local collector) for one business
 * unit's subtree. Only the SHA-256 of its 256-bit secret is kept; the secret is shown once.
 * Looked up by hash through `scc_collector_credential` (migration 0025), which answers the scope.
 */
export const collectorCredentials = pgTable(
  'collector_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessUnitId: uuid('business_unit_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    hash: text('hash').notNull().unique(),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('collector_credentials_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath)],
);

/** Decimal quantities per metric, as exact decimal strings (`"1234.5"`), never floats. */
export type UsageMetrics = Record<string, string>;

/**
 * One data source's usage on one day; re-sending the day replaces it. Two paths:
 * - `bu_path`: where the data source is now; a subtree move rewrites it like every owned table,
 *   so row-level security keeps showing usage to the subtree that holds the source.
 * - `billed_path`: the data source's unit's path when the day was first received, never
 *   rewritten. Its labels are unit ids, so it names the sellers and buyers of that day even after
 *   a move: usage before a move stays on the old seller's invoices.
 * No foreign key to the data source: usage outlives a removed source (it was delivered).
 */
export const usageRecords = pgTable(
  'usage_records',
  {
    dataSourceId: uuid('data_source_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    metrics: jsonb('metrics').$type<UsageMetrics>().notNull(),
    /** Show-back class of the data source on that day: `critical` or `other`. */
    usageClass: text('usage_class').notNull().default('other'),
    businessUnitId: uuid('business_unit_id').notNull(),
    buPath: ltree('bu_path').notNull(),
    buPathKey: pathKey('bu_path_key', 'bu_path'),
    billedPath: ltree('billed_path').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Day first: collectors send a day of every data source at once, which lands at the index's
    // end instead of on a page per data source (see BENCHMARKS.md).
    primaryKey({ columns: [t.day, t.dataSourceId], name: 'usage_records_pkey' }),
    // A subtree's usage is a btree range on the path's text within each day (`inSubtree` with
    // `onEachDay`), which drives the scan under row-level security. Day first, like the key: an
    // upload adds to the index's end; path first, it touched a page per unit (see BENCHMARKS.md).
    // GiST indexes on the paths cost more per row than ingest can afford. Sums by day are read
    // from `usage_daily_totals`.
    index('usage_records_day_bu_path_key_idx').on(t.day, t.buPathKey),
    check('usage_records_class', sql`${t.usageClass} in ('critical', 'other')`),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * The roll-up of `usage_records`: per day, unit path, billed path, class and metric, the sum of
 * the data sources' values and how many records carry the metric. Ingest keeps it in the same
 * transaction as the records (a replaced day subtracts its old values), so invoice runs, show-back
 * and usage summaries read thousands of rows where the records are millions. A row whose
 * `records` fell to 0 (a re-send dropped the metric) stands for no usage at all.
 * Both paths behave as on the records: a move rewrites `bu_path`, never `billed_path`.
 */
export const usageDailyTotals = pgTable(
  'usage_daily_totals',
  {
    day: date('day', { mode: 'string' }).notNull(),
    buPath: ltree('bu_path').notNull(),
    buPathKey: pathKey('bu_path_key', 'bu_path'),
    billedPath: ltree('billed_path').notNull(),
    usageClass: text('usage_class').notNull(),
    metric: text('metric').notNull(),
    /** Exact: the sum of decimal quantities with at most six decimals. */
    quantity: numeric('quantity').notNull(),
    records: integer('records').notNull(),
  },
  (t) => [
    // Day first: an upload adds its day's rows at the key's end. Path first, every upload touched a
    // page per unit, and at 10 million records those pages' images were most of ingest's WAL
    // (see BENCHMARKS.md). A subtree over days is read as one range of the path's text per day
    // (`onEachDay` with `inSubtree`); a seller's run reads a month of every path below it.
    uniqueIndex('usage_daily_totals_key').on(t.day, t.buPathKey, t.billedPath, t.usageClass, t.metric),
    check('usage_daily_totals_class', sql`${t.usageClass} in ('critical', 'other')`),
    ...subtreePolicies(t.buPath),
  ],
);

/**
 * A unit its nearest selling ancestor invoices: a reseller, a customer. Units without an account
 * (segments, regions, departments) are billed as part of the account above them.
 */
export const billingAccounts = pgTable(
  'billing_accounts',
  {
    businessUnitId: uuid('business_unit_id')
      .primaryKey()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    buPath: ltree('bu_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('billing_accounts_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath)],
);

export type PriceListPurpose = 'sale' | 'internal';

/**
 * A seller's prices: its default list (`buyer_id` null) for every buyer it invoices, an override
 * for one buyer, or (purpose `internal`) a unit's own show-back prices. `bu_path` is the seller's:
 * its buyers and their subtrees never see it. `entries` is validated by the contract
 * (`PriceListEntry`): decimal strings only.
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    buyerId: uuid('buyer_id').references(() => businessUnits.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<PriceListPurpose>().notNull(),
    currency: text('currency').notNull(),
    entries: jsonb('entries').$type<unknown[]>().notNull(),
    buPath: ltree('bu_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('price_lists_seller_buyer_purpose').on(t.sellerId, t.buyerId, t.purpose).nullsNotDistinct(),
    check('price_lists_purpose', sql`${t.purpose} in ('sale', 'internal')`),
    check('price_lists_internal_has_no_buyer', sql`${t.purpose} = 'sale' or ${t.buyerId} is null`),
    index('price_lists_bu_path_gist').using('gist', t.buPath),
    ...subtreePolicies(t.buPath),
  ],
);

export type InvoiceStatus = 'draft' | 'issued';

/**
 * What a seller charges one buyer for a calendar month. `bu_path` is the seller's (the seller's
 * document; the buyer reads those addressed to it through `scc_invoices_to`, migration 0025).
 * Issued invoices are immutable (a trigger refuses any change but a move's `bu_path` rewrite and
 * every delete) and numbered per seller without gaps (`invoice_counters`).
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sellerId: uuid('seller_id').notNull(),
    buyerId: uuid('buyer_id').notNull(),
    sellerName: text('seller_name').notNull(),
    buyerName: text('buyer_name').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    status: text('status').$type<InvoiceStatus>().notNull().default('draft'),
    number: integer('number'),
    currency: text('currency').notNull(),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    lines: jsonb('lines').$type<unknown[]>().notNull(),
    buPath: ltree('bu_path').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [
    unique('invoices_seller_buyer_period').on(t.sellerId, t.buyerId, t.period),
    unique('invoices_seller_number').on(t.sellerId, t.number),
    check('invoices_status', sql`${t.status} in ('draft', 'issued')`),
    check(
      'invoices_issued_numbered',
      sql`(${t.status} = 'issued') = (${t.number} is not null and ${t.issuedAt} is not null)`,
    ),
    check('invoices_period_first_day', sql`extract(day from ${t.period}) = 1`),
    index('invoices_bu_path_gist').using('gist', t.buPath),
    index('invoices_buyer_idx').on(t.buyerId, t.period),
    ...subtreePolicies(t.buPath),
  ],
);

/** The last invoice number a seller issued; issuing locks the row FOR UPDATE, so numbers have no gaps. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    sellerId: uuid('seller_id')
      .primaryKey()
      .references(() => businessUnits.id, { onDelete: 'cascade' }),
    lastNumber: integer('last_number').notNull().default(0),
    buPath: ltree('bu_path').notNull(),
  },
  (t) => [index('invoice_counters_bu_path_gist').using('gist', t.buPath), ...subtreePolicies(t.buPath)],
);
