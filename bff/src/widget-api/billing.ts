import { z } from '@hono/zod-openapi';
import {
  BuyerParams,
  InvoiceIdParams,
  InvoiceListQuery,
  InvoiceListSchema,
  InvoiceRunBody,
  InvoiceRunResultSchema,
  InvoiceSchema,
  PriceListSchema,
  PriceListsSchema,
  PutBillingAccountBody,
  PutPriceListBody,
  ShowBackQuery,
  ShowBackSchema,
  UsageQuery,
  UsageSummarySchema,
} from '@scc/contracts/billing';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses } from '@scc/contracts/problem';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import type { Context } from 'hono';
import type { ClientResponse } from 'hono/client';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { asWidgetCaller, forwarding, widgetRoute } from './forwarding.js';

/**
 * `/v1/widget/billing/…`: usage, price lists, invoices and show-back, each one cockpit call with
 * the contract's schemas. The cockpit decides who sees what (billing or admin roles; a buyer sees
 * issued invoices addressed to it, a seller its own); the BFF only forwards.
 */

/** A document download (CSV, PDF) as the cockpit made it: its type and file name kept, nothing else. */
async function document(c: Context, res: ClientResponse<unknown>, type: RegExp) {
  const contentType = res.headers.get('content-type') ?? '';
  if (!type.test(contentType)) throw new Error('The cockpit answered another type');
  const bytes = new Uint8Array(await res.arrayBuffer());
  return c.body(bytes, 200, {
    'content-type': contentType,
    'content-disposition': res.headers.get('content-disposition') ?? 'attachment',
  });
}

const downloadResponses = (type: string) => ({
  200: { description: 'The invoice', content: { [type]: { schema: z.string() } } },
  ...changeProblemResponses,
});

export function billingRoutes(cockpit: Cockpit) {
  const billing = forwarding(cockpit, 'Widget: billing');
  const units = (v1: Parameters<Parameters<typeof billing.forward>[0]>[0]) => v1['business-units'][':id'];
  return createRouter<WidgetEnv>()
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) => units(v1).usage.$get({ param: req.valid('param'), query: req.valid('query') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/usage',
          summary: 'Usage of the unit’s subtree by metric, child, data source and day (billing or admin)',
          request: { params: BusinessUnitIdParams, query: UsageQuery },
          responses: { 200: jsonContent(UsageSummarySchema, 'The usage'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) => units(v1)['price-lists'].$get({ param: req.valid('param') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/price-lists',
          summary: 'The unit’s price lists (billing or admin)',
          request: { params: BusinessUnitIdParams },
          responses: { 200: jsonContent(PriceListsSchema, 'The lists'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['price-lists'].sale.$put({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'put',
          path: '/business-units/{id}/price-lists/sale',
          summary: 'What the unit charges every buyer it invoices (billing or admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(PutPriceListBody) },
          responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['price-lists'].sale[':buyerId'].$put(
            { param: req.valid('param'), json: req.valid('json') },
            caller,
          ),
        {
          method: 'put',
          path: '/business-units/{id}/price-lists/sale/{buyerId}',
          summary: 'The seller’s prices for one buyer (billing or admin)',
          request: { params: BuyerParams, body: jsonBody(PutPriceListBody) },
          responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forwardNoContent(
        (v1, { req }, caller) =>
          units(v1)['price-lists'].sale[':buyerId'].$delete({ param: req.valid('param') }, caller),
        {
          method: 'delete',
          path: '/business-units/{id}/price-lists/sale/{buyerId}',
          summary: 'Drops a buyer’s own prices (billing or admin)',
          request: { params: BuyerParams },
          responses: { 204: { description: 'Dropped' }, ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['price-lists'].internal.$put({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'put',
          path: '/business-units/{id}/price-lists/internal',
          summary: 'The unit’s show-back prices (billing or admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(PutPriceListBody) },
          responses: { 200: jsonContent(PriceListSchema, 'The list'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['billing-account'].$put({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'put',
          path: '/business-units/{id}/billing-account',
          summary: 'Whether the nearest selling ancestor invoices this unit (billing or admin on its parent)',
          request: { params: BusinessUnitIdParams, body: jsonBody(PutBillingAccountBody) },
          responses: { 200: jsonContent(PutBillingAccountBody, 'The account'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['invoice-runs'].$post({ param: req.valid('param'), json: req.valid('json') }, caller),
        {
          method: 'post',
          path: '/business-units/{id}/invoice-runs',
          summary: 'Computes the seller’s invoice drafts for a month (billing or admin)',
          request: { params: BusinessUnitIdParams, body: jsonBody(InvoiceRunBody) },
          responses: { 200: jsonContent(InvoiceRunResultSchema, 'The month’s invoices'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1).invoices.$get({ param: req.valid('param'), query: req.valid('query') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/invoices',
          summary: 'Invoices the unit issues and the issued ones addressed to it (billing or admin)',
          request: { params: BusinessUnitIdParams, query: InvoiceListQuery },
          responses: { 200: jsonContent(InvoiceListSchema, 'The invoices'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) =>
          units(v1)['show-back'].$get({ param: req.valid('param'), query: req.valid('query') }, caller),
        {
          method: 'get',
          path: '/business-units/{id}/show-back',
          summary: 'Show-back of the unit’s subtree at its internal prices (billing or admin)',
          request: { params: BusinessUnitIdParams, query: ShowBackQuery },
          responses: { 200: jsonContent(ShowBackSchema, 'The show-back'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      ...billing.forward((v1, { req }, caller) => v1.invoices[':id'].$get({ param: req.valid('param') }, caller), {
        method: 'get',
        path: '/invoices/{id}',
        summary: 'One invoice',
        request: { params: InvoiceIdParams },
        responses: { 200: jsonContent(InvoiceSchema, 'The invoice'), ...changeProblemResponses },
      }),
    )
    .openapi(
      ...billing.forward(
        (v1, { req }, caller) => v1.invoices[':id'].issue.$post({ param: req.valid('param') }, caller),
        {
          method: 'post',
          path: '/invoices/{id}/issue',
          summary: 'Issues a draft: numbered, immutable (billing or admin of the seller)',
          request: { params: InvoiceIdParams },
          responses: { 200: jsonContent(InvoiceSchema, 'The issued invoice'), ...changeProblemResponses },
        },
      ),
    )
    .openapi(
      widgetRoute({
        tags: ['Widget: billing'],
        method: 'get',
        path: '/invoices/{id}/csv',
        summary: 'The invoice as CSV',
        request: { params: InvoiceIdParams },
        responses: downloadResponses('text/csv'),
      }),
      (c) =>
        fromCockpit(
          () => cockpit.v1.invoices[':id'].csv.$get({ param: c.req.valid('param') }, asWidgetCaller(cockpit, c)),
          (res) => document(c, res, /^text\/csv\b/i),
        ) as never,
    )
    .openapi(
      widgetRoute({
        tags: ['Widget: billing'],
        method: 'get',
        path: '/invoices/{id}/pdf',
        summary: 'The invoice as PDF',
        request: { params: InvoiceIdParams },
        responses: downloadResponses('application/pdf'),
      }),
      (c) =>
        fromCockpit(
          () => cockpit.v1.invoices[':id'].pdf.$get({ param: c.req.valid('param') }, asWidgetCaller(cockpit, c)),
          (res) => document(c, res, /^application\/pdf\b/i),
        ) as never,
    );
}
