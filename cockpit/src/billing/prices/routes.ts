import { createRoute } from '@hono/zod-openapi';
import {
  BuyerParams,
  type PriceList,
  type PriceListEntry,
  PriceListSchema,
  PriceListsSchema,
  PutBillingAccountBody,
  PutPriceListBody,
} from '@scc/contracts/billing';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, ProblemError } from '@scc/contracts/problem';
import { billingAccounts, type Database, priceLists, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import type { Caller, CockpitEnv } from '../../scope/caller.js';
import { under } from '../../scope/in-subtree.js';
import { type BillingUnit, billingUnit, requireBilling, unitInScope } from '../access.js';
import { priceListProblems } from './price-lists.js';

const tags = ['Billing'];

const listColumns = {
  sellerId: priceLists.sellerId,
  buyerId: priceLists.buyerId,
  purpose: priceLists.purpose,
  currency: priceLists.currency,
  entries: priceLists.entries,
  updatedAt: priceLists.updatedAt,
};

type ListRow = {
  sellerId: string;
  buyerId: string | null;
  purpose: 'sale' | 'internal';
  currency: string;
  entries: unknown[];
  updatedAt: Date;
};

const view = (row: ListRow): PriceList => ({
  sellerId: row.sellerId,
  buyerId: row.buyerId,
  purpose: row.purpose,
  currency: row.currency as PriceList['currency'],
  entries: row.entries as PriceListEntry[],
  updatedAt: row.updatedAt.toISOString(),
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/price-lists',
  tags,
  summary:
    'A unit’s price lists: what it charges its buyers, per-buyer overrides, its show-back prices (billing or admin)',
  request: { params: BusinessUnitIdParams },
  responses: { 200: jsonContent(PriceListsSchema, 'The lists'), ...changeProblemResponses },
});

const putSaleRoute = createRoute({
  method: 'put',
  path: '/{id}/price-lists/sale',
  tags,
  summary: 'Sets what this unit charges every buyer it invoices; makes it a seller (billing or admin)',
  request: { params: BusinessUnitIdParams, body: jsonBody(PutPriceListBody) },
  responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
});

const putOverrideRoute = createRoute({
  method: 'put',
  path: '/{id}/price-lists/sale/{buyerId}',
  tags,
  summary: 'Sets this seller’s prices for one buyer of its subtree (billing or admin)',
  request: { params: BuyerParams, body: jsonBody(PutPriceListBody) },
  responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
});

const deleteOverrideRoute = createRoute({
  method: 'delete',
  path: '/{id}/price-lists/sale/{buyerId}',
  tags,
  summary: 'Drops a buyer’s own prices: the seller’s list applies again (billing or admin)',
  request: { params: BuyerParams },
  responses: { 204: { description: 'Dropped' }, ...changeProblemResponses },
});

const putInternalRoute = createRoute({
  method: 'put',
  path: '/{id}/price-lists/internal',
  tags,
  summary: 'Sets this unit’s show-back prices for its own subtree, by class of system (billing or admin)',
  request: { params: BusinessUnitIdParams, body: jsonBody(PutPriceListBody) },
  responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
});

const putAccountRoute = createRoute({
  method: 'put',
  path: '/{id}/billing-account',
  tags,
  summary: 'Whether the nearest selling ancestor invoices this unit (billing or admin on its parent)',
  request: { params: BusinessUnitIdParams, body: jsonBody(PutBillingAccountBody) },
  responses: { 200: jsonContent(PutBillingAccountBody, 'The account'), ...changeProblemResponses },
});

const listOf = (seller: BillingUnit, purpose: 'sale' | 'internal', buyerId: string | null): SQL | undefined =>
  and(
    eq(priceLists.sellerId, seller.id),
    eq(priceLists.purpose, purpose),
    buyerId === null ? isNull(priceLists.buyerId) : eq(priceLists.buyerId, buyerId),
  );

async function putList(
  tx: Transaction,
  caller: Caller,
  seller: BillingUnit,
  purpose: 'sale' | 'internal',
  buyerId: string | null,
  body: { currency: string; entries: PriceListEntry[] },
): Promise<PriceList> {
  const errors = priceListProblems(body as never, purpose);
  if (errors.length > 0)
    throw ProblemError.of('validation', `Invalid ${errors.map((e) => e.field).join(', ')}`, errors);
  const [before] = await tx
    .select(listColumns)
    .from(priceLists)
    .where(listOf(seller, purpose, buyerId))
    .for('update');
  const values = { currency: body.currency, entries: body.entries, updatedAt: sql`now()` };
  const [row] = before
    ? await tx
        .update(priceLists)
        .set(values)
        .where(listOf(seller, purpose, buyerId))
        .returning(listColumns)
    : await tx
        .insert(priceLists)
        .values({ ...values, sellerId: seller.id, buyerId, purpose, buPath: seller.path })
        .returning(listColumns);
  if (!row) throw new Error('price list not written');
  await recordAudit(tx, caller, {
    action: 'price-list.changed',
    entityType: 'price-list',
    entityId: seller.id,
    businessUnit: { id: seller.id, path: seller.path },
    before: before ? { purpose, buyerId, currency: before.currency, entries: before.entries } : null,
    after: { purpose, buyerId, currency: body.currency, entries: body.entries },
  });
  return view(row as ListRow);
}

/** A buyer of a seller's override: a unit strictly below the seller. */
async function buyerBelow(tx: Transaction, caller: Caller, seller: BillingUnit, buyerId: string) {
  const buyer = await unitInScope(tx, caller, buyerId);
  if (buyer.id === seller.id || !`${buyer.path}.`.startsWith(`${seller.path}.`)) throw ProblemError.of('notFound');
  return buyer;
}

/** `/v1/business-units/{id}/price-lists…` and `/billing-account`. */
export function priceListRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const result = await withScope(
        db,
        caller,
        async (tx) => {
          const unit = await billingUnit(tx, caller, c.req.valid('param').id);
          const lists = (await tx
            .select(listColumns)
            .from(priceLists)
            .where(and(under(priceLists.buPath, caller.scopePath), eq(priceLists.sellerId, unit.id)))
            .orderBy(priceLists.purpose, priceLists.buyerId)) as ListRow[];
          const [account] = await tx
            .select({ id: billingAccounts.businessUnitId })
            .from(billingAccounts)
            .where(and(under(billingAccounts.buPath, caller.scopePath), eq(billingAccounts.businessUnitId, unit.id)));
          return { lists, account: account !== undefined };
        },
        { readOnly: true },
      );
      const sale = result.lists.find((l) => l.purpose === 'sale' && l.buyerId === null);
      const internal = result.lists.find((l) => l.purpose === 'internal');
      return c.json(
        {
          sale: sale ? view(sale) : null,
          overrides: result.lists.filter((l) => l.purpose === 'sale' && l.buyerId !== null).map(view),
          internal: internal ? view(internal) : null,
          account: result.account,
        },
        200,
      );
    })
    .openapi(putSaleRoute, async (c) => {
      const caller = c.get('caller');
      const list = await withScope(db, caller, async (tx) => {
        const seller = await billingUnit(tx, caller, c.req.valid('param').id);
        return putList(tx, caller, seller, 'sale', null, c.req.valid('json'));
      });
      return c.json(list, 200);
    })
    .openapi(putOverrideRoute, async (c) => {
      const caller = c.get('caller');
      const { id, buyerId } = c.req.valid('param');
      const list = await withScope(db, caller, async (tx) => {
        const seller = await billingUnit(tx, caller, id);
        const buyer = await buyerBelow(tx, caller, seller, buyerId);
        return putList(tx, caller, seller, 'sale', buyer.id, c.req.valid('json'));
      });
      return c.json(list, 200);
    })
    .openapi(deleteOverrideRoute, async (c) => {
      const caller = c.get('caller');
      const { id, buyerId } = c.req.valid('param');
      await withScope(db, caller, async (tx) => {
        const seller = await billingUnit(tx, caller, id);
        const [removed] = await tx
          .delete(priceLists)
          .where(and(listOf(seller, 'sale', buyerId), isNotNull(priceLists.buyerId)))
          .returning(listColumns);
        if (!removed) throw ProblemError.of('notFound');
        await recordAudit(tx, caller, {
          action: 'price-list.changed',
          entityType: 'price-list',
          entityId: seller.id,
          businessUnit: { id: seller.id, path: seller.path },
          before: { purpose: 'sale', buyerId, currency: removed.currency, entries: removed.entries },
          after: null,
        });
      });
      return c.body(null, 204);
    })
    .openapi(putInternalRoute, async (c) => {
      const caller = c.get('caller');
      const list = await withScope(db, caller, async (tx) => {
        const owner = await billingUnit(tx, caller, c.req.valid('param').id);
        return putList(tx, caller, owner, 'internal', null, c.req.valid('json'));
      });
      return c.json(list, 200);
    })
    .openapi(putAccountRoute, async (c) => {
      const caller = c.get('caller');
      const { account } = c.req.valid('json');
      await withScope(db, caller, async (tx) => {
        const unit = await unitInScope(tx, caller, c.req.valid('param').id);
        // Who is invoiced is the seller's decision: billing rights on the parent, which lies in scope.
        if (!unit.parentId) throw ProblemError.of('forbidden');
        const parent = await unitInScope(tx, caller, unit.parentId).catch(() => {
          throw ProblemError.of('forbidden');
        });
        await requireBilling(tx, caller, parent.path);
        const changed = account
          ? await tx
              .insert(billingAccounts)
              .values({ businessUnitId: unit.id, buPath: unit.path })
              .onConflictDoNothing()
              .returning({ id: billingAccounts.businessUnitId })
          : await tx
              .delete(billingAccounts)
              .where(eq(billingAccounts.businessUnitId, unit.id))
              .returning({ id: billingAccounts.businessUnitId });
        if (changed.length > 0) {
          await recordAudit(tx, caller, {
            action: 'billing-account.changed',
            entityType: 'billing-account',
            entityId: unit.id,
            businessUnit: { id: unit.id, path: unit.path },
            before: { account: !account },
            after: { account },
          });
        }
      });
      return c.json({ account }, 200);
    });
}
