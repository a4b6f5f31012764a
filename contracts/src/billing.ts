import { z } from '@hono/zod-openapi';
import { singleLineText } from './text.js';

/**
 * Usage, prices, invoices and show-back. Every quantity, price and amount crosses the border as
 * a decimal string, never a JSON number: quantities and unit prices with up to six decimals,
 * money with two (minor units). See docs/billing.md.
 */

/** A non-negative decimal with up to 15 integer and 6 fractional digits (`"1234.5"`). */
export const decimalString = z
  .string()
  .regex(/^\d{1,15}(?:\.\d{1,6})?$/, 'A non-negative decimal with at most 6 decimals, as a string')
  .openapi({ example: '1024.5' });

/** A money amount with up to two decimals (`"49.90"`). */
export const moneyString = z
  .string()
  .regex(/^\d{1,13}(?:\.\d{1,2})?$/, 'An amount with at most 2 decimals, as a string')
  .openapi({ example: '49.90' });

/** A metric's name: the well-known `stored_gb`, `protected_items`, `transferred_gb`, what a product reports, or `operation.<kind>`. */
export const metricName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}(?:\.[a-z][a-z0-9_]{0,30})?$/, 'lower-case letters, digits and underscores')
  .openapi({ example: 'stored_gb' });

export const usageClasses = ['critical', 'other'] as const;
export const UsageClassSchema = z.enum(usageClasses);

export const currencies = ['EUR', 'USD', 'GBP', 'CHF', 'DKK', 'SEK', 'NOK'] as const;
export const CurrencySchema = z.enum(currencies);

/** A calendar month, `YYYY-MM`. */
export const periodString = z
  .string()
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM')
  .openapi({ example: '2026-10' });

const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'A date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'No such date',
    },
  )
  .openapi({ example: '2026-10-01' });

// ---------------------------------------------------------------------------------------------
// Usage ingest (collectors, `POST /v1/usage`)

export const UsageRejectionSchema = z
  .object({
    line: z.number().int().openapi({ description: 'Line of the upload, from 1 (a CSV header is line 1)' }),
    field: z.string().openapi({ example: 'metrics.stored_gb' }),
    message: z.string(),
  })
  .openapi('UsageRejection');

export const UsageIngestResultSchema = z
  .object({
    accepted: z.number().int().openapi({ description: 'Rows stored for a data source and day not seen before' }),
    replaced: z
      .number()
      .int()
      .openapi({ description: 'Rows that replaced an earlier upload of the same data source and day' }),
    rejected: z.array(UsageRejectionSchema).openapi({ description: 'Bad rows by line, at most 1000 listed' }),
    rejectedCount: z.number().int(),
  })
  .openapi('UsageIngestResult');
export type UsageIngestResult = z.infer<typeof UsageIngestResultSchema>;

// ---------------------------------------------------------------------------------------------
// Collector credentials

export const CollectorCredentialSchema = z
  .object({
    id: z.uuid(),
    businessUnitId: z.uuid(),
    name: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('CollectorCredential');
export type CollectorCredential = z.infer<typeof CollectorCredentialSchema>;

export const CollectorCredentialListSchema = z
  .object({ items: z.array(CollectorCredentialSchema) })
  .openapi('CollectorCredentialList');

export const CreatedCollectorCredentialSchema = z
  .object({
    credential: CollectorCredentialSchema,
    secret: z
      .string()
      .openapi({ description: 'Shown once: the collector sends it as `Authorization: Bearer <secret>`' }),
  })
  .openapi('CreatedCollectorCredential');

export const CreateCollectorCredentialBody = z
  .strictObject({ name: singleLineText(1, 100) })
  .openapi('CreateCollectorCredential');

export const HostCreateCollectorCredentialBody = z
  .strictObject({ businessUnitId: z.uuid(), name: singleLineText(1, 100) })
  .openapi('HostCreateCollectorCredential');

export const CollectorCredentialIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  credentialId: z.uuid().openapi({ param: { name: 'credentialId', in: 'path' } }),
});

// ---------------------------------------------------------------------------------------------
// Price lists

export const TierSchema = z
  .strictObject({
    upTo: decimalString
      .nullable()
      .openapi({ description: 'Upper bound of the tier; null: everything above (the last tier)' }),
    unitPrice: decimalString,
  })
  .openapi('PriceTier');

export const PriceListEntrySchema = z
  .strictObject({
    metric: metricName,
    class: UsageClassSchema.optional().openapi({
      description: 'Internal lists only: a price for this class of systems',
    }),
    tiers: z
      .array(TierSchema)
      .min(1)
      .max(10)
      .openapi({ description: 'Graduated: each part of the quantity at its tier’s price' }),
    minimumFee: moneyString
      .optional()
      .openapi({ description: 'Charged instead when the tiers come to less, per invoice' }),
  })
  .openapi('PriceListEntry');
export type PriceListEntry = z.infer<typeof PriceListEntrySchema>;

export const PutPriceListBody = z
  .strictObject({ currency: CurrencySchema, entries: z.array(PriceListEntrySchema).max(100) })
  .openapi('PutPriceList');
export type PutPriceList = z.infer<typeof PutPriceListBody>;

export const PriceListSchema = z
  .object({
    sellerId: z.uuid(),
    buyerId: z.uuid().nullable(),
    purpose: z.enum(['sale', 'internal']),
    currency: CurrencySchema,
    entries: z.array(PriceListEntrySchema),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PriceList');
export type PriceList = z.infer<typeof PriceListSchema>;

export const PriceListsSchema = z
  .object({
    sale: PriceListSchema.nullable().openapi({ description: 'What this unit charges each buyer it invoices' }),
    overrides: z.array(PriceListSchema).openapi({ description: 'Its prices for single buyers' }),
    internal: PriceListSchema.nullable().openapi({ description: 'Its show-back prices for its own subtree' }),
    account: z.boolean().openapi({ description: 'Whether this unit is invoiced by its nearest selling ancestor' }),
  })
  .openapi('PriceLists');

export const BuyerParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  buyerId: z.uuid().openapi({ param: { name: 'buyerId', in: 'path' } }),
});

export const PutBillingAccountBody = z.strictObject({ account: z.boolean() }).openapi('PutBillingAccount');

// ---------------------------------------------------------------------------------------------
// Invoices

export const InvoiceLineSchema = z
  .object({
    metric: z.string(),
    quantity: z.string().openapi({ description: 'Levels: the month’s average; flows and operations: the sum' }),
    tiers: z.array(z.object({ quantity: z.string(), unitPrice: z.string() })),
    minimumFee: z.string().nullable(),
    amount: z.string(),
    priced: z.boolean().openapi({ description: 'False when the price list has no price for the metric (no charge)' }),
  })
  .openapi('InvoiceLine');
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const InvoiceSummarySchema = z
  .object({
    id: z.uuid(),
    sellerId: z.uuid(),
    sellerName: z.string(),
    buyerId: z.uuid(),
    buyerName: z.string(),
    period: periodString,
    status: z.enum(['draft', 'issued']),
    number: z.number().int().nullable().openapi({ description: 'Per seller, from 1, without gaps; set on issue' }),
    currency: CurrencySchema,
    total: z.string(),
    computedAt: z.string(),
    issuedAt: z.string().nullable(),
  })
  .openapi('InvoiceSummary');
export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>;

export const InvoiceSchema = InvoiceSummarySchema.extend({ lines: z.array(InvoiceLineSchema) }).openapi('Invoice');
export type Invoice = z.infer<typeof InvoiceSchema>;

export const InvoiceListSchema = z
  .object({
    issued: z
      .array(InvoiceSummarySchema)
      .openapi({ description: 'Invoices this unit sends its buyers (drafts included)' }),
    received: z.array(InvoiceSummarySchema).openapi({ description: 'Issued invoices addressed to this unit' }),
  })
  .openapi('InvoiceList');

export type InvoiceList = z.infer<typeof InvoiceListSchema>;

export const InvoiceListQuery = z.strictObject({ period: periodString.optional() });

export const InvoiceRunBody = z.strictObject({ period: periodString }).openapi('InvoiceRun');

export const InvoiceRunResultSchema = z.object({ items: z.array(InvoiceSummarySchema) }).openapi('InvoiceRunResult');

export const InvoiceIdParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

// ---------------------------------------------------------------------------------------------
// Usage summary and show-back

export const UsageQuery = z
  .strictObject({ from: isoDay, to: isoDay })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'At most 366 days',
    path: ['to'],
  });

const quantityRow = { metric: z.string(), quantity: z.string() };

export const UsageSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    byMetric: z.array(z.object(quantityRow)),
    byChild: z.array(z.object({ businessUnitId: z.uuid(), name: z.string(), ...quantityRow })),
    byDataSource: z.array(z.object({ dataSourceId: z.uuid(), name: z.string(), ...quantityRow })),
    byDay: z.array(z.object({ day: z.string(), ...quantityRow })),
  })
  .openapi('UsageSummary');
export type UsageSummary = z.infer<typeof UsageSummarySchema>;

export const ShowBackQuery = z.strictObject({ period: periodString });

export const ShowBackSchema = z
  .object({
    businessUnitId: z.uuid(),
    period: periodString,
    currency: CurrencySchema,
    total: z.string(),
    lines: z.array(InvoiceLineSchema.extend({ class: UsageClassSchema })),
    units: z.array(
      z.object({
        businessUnitId: z.uuid(),
        parentId: z.uuid().nullable(),
        name: z.string(),
        kind: z.string(),
        own: z.string(),
        subtree: z.string(),
      }),
    ),
  })
  .openapi('ShowBack');
export type ShowBack = z.infer<typeof ShowBackSchema>;
