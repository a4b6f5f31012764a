import { createRoute, z } from '@hono/zod-openapi';
import {
  InvoiceIdParams,
  InvoiceListQuery,
  InvoiceListSchema,
  InvoiceRunBody,
  InvoiceRunResultSchema,
  InvoiceSchema,
  type PriceListEntry,
  ShowBackQuery,
  ShowBackSchema,
} from '@scc/contracts/billing';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, ProblemError } from '@scc/contracts/problem';
import {
  businessUnits,
  type Database,
  executeRows,
  inSubtree,
  invoiceCounters,
  invoices,
  priceLists,
  type Transaction,
  withScope,
} from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alertInvoiceIssued } from '../../alerts/invoice-alerts.js';
import { recordAudit } from '../../audit/record.js';
import type { Caller, CockpitEnv } from '../../scope/caller.js';
import { under } from '../../scope/in-subtree.js';
import { billingUnit, requireBilling } from '../access.js';
import { onEachDay } from '../daily-totals.js';
import { monthBounds } from '../metrics.js';
import { formatMinor, parseMicro } from '../money.js';
import { ratingList } from '../prices/price-lists.js';
import { invoiceCsv, invoicePdf } from './documents.js';
import { chainOf, type InvoiceRow, invoiceView, lineView, runInvoices, summaryColumns, summaryView } from './run.js';
import { showBack } from './show-back.js';

const tags = ['Billing'];

const runRoute = createRoute({
  method: 'post',
  path: '/{id}/invoice-runs',
  tags,
  summary: 'Computes this seller’s invoice drafts for a month, one per direct buyer (billing or admin)',
  request: { params: BusinessUnitIdParams, body: jsonBody(InvoiceRunBody) },
  responses: {
    200: jsonContent(InvoiceRunResultSchema, 'The month’s invoices, drafts and issued'),
    ...changeProblemResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/invoices',
  tags,
  summary: 'Invoices this unit issues (drafts too) and the issued ones addressed to it (billing or admin)',
  request: { params: BusinessUnitIdParams, query: InvoiceListQuery },
  responses: { 200: jsonContent(InvoiceListSchema, 'The invoices'), ...changeProblemResponses },
});

const showBackRoute = createRoute({
  method: 'get',
  path: '/{id}/show-back',
  tags,
  summary: 'Show-back of a unit’s subtree for a month at its internal prices, per unit (billing or admin)',
  request: { params: BusinessUnitIdParams, query: ShowBackQuery },
  responses: { 200: jsonContent(ShowBackSchema, 'The show-back'), ...changeProblemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One invoice: the seller’s (drafts too) or, issued, the buyer’s',
  request: { params: InvoiceIdParams },
  responses: { 200: jsonContent(InvoiceSchema, 'The invoice'), ...changeProblemResponses },
});

const issueRoute = createRoute({
  method: 'post',
  path: '/{id}/issue',
  tags,
  summary: 'Issues a draft: numbered per seller without gaps, immutable from then on (billing or admin of the seller)',
  request: { params: InvoiceIdParams },
  responses: { 200: jsonContent(InvoiceSchema, 'The issued invoice'), ...changeProblemResponses },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/{id}/csv',
  tags,
  summary: 'The invoice as CSV',
  request: { params: InvoiceIdParams },
  responses: {
    200: { description: 'The invoice', content: { 'text/csv': { schema: z.string() } } },
    ...changeProblemResponses,
  },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/{id}/pdf',
  tags,
  summary: 'The invoice as PDF',
  request: { params: InvoiceIdParams },
  responses: {
    200: {
      description: 'The invoice',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...changeProblemResponses,
  },
});

const fullColumns = { ...summaryColumns, lines: invoices.lines, buPath: invoices.buPath };

/**
 * An invoice the caller may read: as the seller's (its row lies in the scope: billing rights on the
 * seller) or as the buyer's (issued, addressed to a unit in scope: billing rights there). Anything
 * else is a 404, so ids of other subtrees' invoices say nothing.
 */
async function readableInvoice(tx: Transaction, caller: Caller, id: string) {
  const [own] = await tx
    .select(fullColumns)
    .from(invoices)
    .where(and(eq(invoices.id, id), under(invoices.buPath, caller.scopePath)));
  if (own) {
    await requireBilling(tx, caller, own.buPath);
    return { invoice: own as InvoiceRow, side: 'seller' as const };
  }
  const [received] = await executeRows<{ id: string; buyer_path: string }>(
    tx,
    sql`select i.id, b.path::text as buyer_path from scc_invoice_received(${id}::uuid) i
      join ${businessUnits} b on b.id = i.buyer_id`,
  );
  if (!received) throw ProblemError.of('notFound');
  await requireBilling(tx, caller, received.buyer_path);
  const [row] = await executeRows<Record<string, unknown>>(
    tx,
    sql`select id, seller_id as "sellerId", seller_name as "sellerName", buyer_id as "buyerId", buyer_name as "buyerName",
        to_char(period, 'YYYY-MM-DD') as period, status, number, currency, total_minor::text as "totalMinor",
        computed_at as "computedAt", issued_at as "issuedAt", lines
      from scc_invoice_received(${id}::uuid)`,
  );
  if (!row) throw ProblemError.of('notFound');
  return { invoice: row as unknown as InvoiceRow, side: 'buyer' as const };
}

/** A seller's invoice, locked for a change: billing rights on the seller. */
async function sellerInvoice(tx: Transaction, caller: Caller, id: string) {
  const [own] = await tx
    .select(fullColumns)
    .from(invoices)
    .where(and(eq(invoices.id, id), under(invoices.buPath, caller.scopePath)))
    .for('update');
  if (!own) throw ProblemError.of('notFound');
  await requireBilling(tx, caller, own.buPath);
  return own;
}

/** `/v1/business-units/{id}/invoice-runs`, `/invoices` and `/show-back`. */
export function businessUnitInvoiceRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(runRoute, async (c) => {
      const caller = c.get('caller');
      const items = await withScope(db, caller, async (tx) => {
        const seller = await billingUnit(tx, caller, c.req.valid('param').id);
        return runInvoices(tx, caller, seller, c.req.valid('json').period);
      });
      return c.json({ items: items.map(summaryView) }, 200);
    })
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { period } = c.req.valid('query');
      const periodDay = period ? `${period}-01` : undefined;
      const lists = await withScope(
        db,
        caller,
        async (tx) => {
          const unit = await billingUnit(tx, caller, c.req.valid('param').id);
          const issued = await tx
            .select(summaryColumns)
            .from(invoices)
            .where(
              and(
                eq(invoices.sellerId, unit.id),
                under(invoices.buPath, caller.scopePath),
                periodDay ? eq(invoices.period, periodDay) : undefined,
              ),
            )
            .orderBy(desc(invoices.period), invoices.buyerName, invoices.buyerId)
            .limit(1000);
          const received = await executeRows<InvoiceRow>(
            tx,
            sql`select id, seller_id as "sellerId", seller_name as "sellerName", buyer_id as "buyerId",
                buyer_name as "buyerName", to_char(period, 'YYYY-MM-DD') as period, status, number, currency,
                total_minor::text as "totalMinor", computed_at as "computedAt", issued_at as "issuedAt"
              from scc_invoices_to(${unit.id}::uuid)
              where ${periodDay ?? null}::date is null or period = ${periodDay ?? null}::date
              order by period desc, seller_name, id limit 1000`,
          );
          return { issued, received };
        },
        { readOnly: true },
      );
      return c.json(
        { issued: lists.issued.map((r) => summaryView(r as InvoiceRow)), received: lists.received.map(summaryView) },
        200,
      );
    })
    .openapi(showBackRoute, async (c) => {
      const caller = c.get('caller');
      const { period } = c.req.valid('query');
      const { from, to, days } = monthBounds(period);
      const result = await withScope(
        db,
        caller,
        async (tx) => {
          const unit = await billingUnit(tx, caller, c.req.valid('param').id);
          // The unit's own internal prices, else the nearest ancestor's inside the caller's subtree.
          const [list] = await tx
            .select({ currency: priceLists.currency, entries: priceLists.entries })
            .from(priceLists)
            .where(
              and(
                eq(priceLists.purpose, 'internal'),
                under(priceLists.buPath, caller.scopePath),
                sql`${priceLists.buPath} @> ${unit.path}::ltree`,
              ),
            )
            .orderBy(desc(sql`nlevel(${priceLists.buPath})`))
            .limit(1);
          if (!list) throw ProblemError.of('notFound', 'No show-back prices for this unit or above it');
          const units = await tx
            .select({
              id: businessUnits.id,
              parentId: businessUnits.parentId,
              name: businessUnits.name,
              kind: businessUnits.kind,
            })
            .from(businessUnits)
            .where(and(under(businessUnits.path, unit.path), under(businessUnits.path, caller.scopePath)));
          const facts = await executeRows<{
            path: string;
            usage_class: 'critical' | 'other';
            metric: string;
            quantity: string;
          }>(
            tx,
            sql`select t.bu_path::text as path, t.usage_class, t.metric, sum(t.quantity)::text as quantity
              from usage_daily_totals t
              where ${inSubtree(sql`t.bu_path`, unit.path, sql`t.bu_path_key`)} and t.bu_path <@ ${caller.scopePath}::ltree
                and ${onEachDay(sql`t.day`, from, to, 'to excluded')}
              group by 1, 2, 3 having sum(t.records) > 0`,
          );
          return { unit, list, units, facts };
        },
        { readOnly: true },
      );
      const computed = showBack({
        units: result.units.map((u) => ({ id: u.id, parentId: u.id === result.unit.id ? null : u.parentId })),
        facts: result.facts.map((f) => ({
          unitId: chainOf(f.path).at(-1) ?? '',
          usageClass: f.usage_class,
          metric: f.metric,
          sumMicro: parseMicro(f.quantity) ?? 0n,
        })),
        days,
        list: ratingList(result.list.currency, result.list.entries as PriceListEntry[]),
      });
      return c.json(
        {
          businessUnitId: result.unit.id,
          period,
          currency: result.list.currency as 'EUR',
          total: formatMinor(computed.totalMinor),
          lines: computed.lines.map((l) => ({
            ...lineView({
              metric: l.metric,
              rated: l.rated,
              quantityMicro: l.rated?.quantityMicro ?? 0n,
              amountMinor: l.amountMinor,
            }),
            class: l.usageClass,
          })),
          units: result.units
            .filter((u) => (computed.units.get(u.id)?.subtreeMinor ?? 0n) > 0n || u.id === result.unit.id)
            .map((u) => ({
              businessUnitId: u.id,
              parentId: u.id === result.unit.id ? null : u.parentId,
              name: u.name,
              kind: u.kind,
              own: formatMinor(computed.units.get(u.id)?.ownMinor ?? 0n),
              subtree: formatMinor(computed.units.get(u.id)?.subtreeMinor ?? 0n),
            })),
        },
        200,
      );
    });
}

/** `/v1/invoices/{id}`: read, issue, export. */
export function invoiceRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { invoice } = await withScope(db, caller, (tx) => readableInvoice(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      return c.json(invoiceView(invoice), 200);
    })
    .openapi(issueRoute, async (c) => {
      const caller = c.get('caller');
      const issued = await withScope(db, caller, async (tx) => {
        const invoice = await sellerInvoice(tx, caller, c.req.valid('param').id);
        if (invoice.status === 'issued') throw ProblemError.of('conflict', 'This invoice is issued already');
        // The seller's counter row, locked until commit: the next number is taken by one issue at a time.
        await tx
          .insert(invoiceCounters)
          .values({ sellerId: invoice.sellerId, lastNumber: 0, buPath: invoice.buPath })
          .onConflictDoNothing();
        const [counter] = await tx
          .select({ lastNumber: invoiceCounters.lastNumber })
          .from(invoiceCounters)
          .where(eq(invoiceCounters.sellerId, invoice.sellerId))
          .for('update');
        const number = (counter?.lastNumber ?? 0) + 1;
        await tx
          .update(invoiceCounters)
          .set({ lastNumber: number })
          .where(eq(invoiceCounters.sellerId, invoice.sellerId));
        const [row] = await tx
          .update(invoices)
          .set({ status: 'issued', number, issuedAt: sql`now()` })
          .where(eq(invoices.id, invoice.id))
          .returning(fullColumns);
        if (!row) throw new Error('issued invoice not readable');
        await recordAudit(tx, caller, {
          action: 'invoice.issued',
          entityType: 'invoice',
          entityId: invoice.id,
          businessUnit: { id: invoice.sellerId, path: invoice.buPath },
          before: { status: 'draft' },
          after: {
            status: 'issued',
            number,
            buyerId: invoice.buyerId,
            period: invoice.period,
            total: formatMinor(BigInt(invoice.totalMinor)),
          },
        });
        await alertInvoiceIssued(tx, row as InvoiceRow);
        return row;
      });
      return c.json(invoiceView(issued as InvoiceRow), 200);
    })
    .openapi(csvRoute, async (c) => {
      const caller = c.get('caller');
      const { invoice } = await withScope(db, caller, (tx) => readableInvoice(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      const view = invoiceView(invoice);
      return c.body(invoiceCsv(view), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="invoice-${view.period}-${view.id}.csv"`,
      });
    })
    .openapi(pdfRoute, async (c) => {
      const caller = c.get('caller');
      const { invoice } = await withScope(db, caller, (tx) => readableInvoice(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      const view = invoiceView(invoice);
      return c.body(invoicePdf(view) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="invoice-${view.period}-${view.id}.pdf"`,
      });
    });
}
