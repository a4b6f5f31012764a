import { z } from '@hono/zod-openapi';
import { BusinessUnitPageSchema, ListBusinessUnitsQuery } from '@scc/contracts/business-units';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { ProductSchema } from '@scc/contracts/products';
import { ListTenantsQuery, TenantPageSchema } from '@scc/contracts/tenants';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { type Cockpit, fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { asWidgetCaller, passThrough, widgetRoute } from './forwarding.js';

/**
 * Widget routes shaped for one screen region rather than forwarded as they are: the lazy tree
 * loads one level per call, starting at the caller's own unit; the tenant list comes one sorted,
 * filtered page at a time; the order form needs only a product's name and tenant types.
 */

/** One level of the lazy tree: the widget never loads more than it shows. */
const LEVEL_PAGE_SIZE = '200';

const levelRoute = widgetRoute({
  method: 'get',
  path: '/business-units',
  tags: ['Widget: business units'],
  summary: 'One level of the tree (the caller’s own unit, or the children of `parentId`, by name) or a name search',
  request: { query: ListBusinessUnitsQuery.omit({ limit: true }) },
  responses: {
    200: jsonContent(BusinessUnitPageSchema, 'A page of one tree level, or search results'),
    ...problemResponses,
  },
});

const tenantsRoute = widgetRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Widget'],
  summary: 'A page of the caller’s subtree’s tenants, sorted, filtered and counted',
  request: { query: ListTenantsQuery },
  responses: {
    200: jsonContent(TenantPageSchema, 'A page of tenants'),
    ...problemResponses,
  },
});

/** What the order form needs of a product. */
const WidgetProductSchema = ProductSchema.pick({ id: true, name: true, tenantTypes: true }).openapi('WidgetProduct');

const productsRoute = widgetRoute({
  method: 'get',
  path: '/products',
  tags: ['Widget operations'],
  responses: {
    200: jsonContent(
      z.object({ items: z.array(WidgetProductSchema) }).openapi('WidgetProductList'),
      'Products to order',
    ),
    ...problemResponses,
  },
});

export function viewRoutes(cockpit: Cockpit) {
  const units = cockpit.v1['business-units'];
  return createRouter<WidgetEnv>()
    .openapi(levelRoute, async (c) => {
      const caller = asWidgetCaller(cockpit, c);
      const query = c.req.valid('query');
      if (!query.parentId && !query.q) {
        if (query.cursor) {
          throw ProblemError.of('validation', 'Invalid query.cursor', [
            { field: 'query.cursor', message: 'Only a level under parentId or a search has more pages' },
          ]);
        }
        // The tree's only root is the unit the caller acts on.
        const param = { id: c.get('session').businessUnitId };
        const root = await fromCockpit(
          () => units[':id'].$get({ param }, caller),
          (res) => res.json(),
        );
        return c.json({ items: [root], nextCursor: null }, 200);
      }
      return fromCockpit(
        () => units.$get({ query: { ...query, limit: LEVEL_PAGE_SIZE } }, caller),
        (res) => passThrough(c, res),
      );
    })
    .openapi(tenantsRoute, async (c) => {
      const { limit, ...query } = c.req.valid('query');
      return fromCockpit(
        () => cockpit.v1.tenants.$get({ query: { ...query, limit: String(limit) } }, asWidgetCaller(cockpit, c)),
        (res) => passThrough(c, res),
      );
    })
    .openapi(productsRoute, async (c) => {
      const products = await fromCockpit(
        () => cockpit.v1.products.$get(undefined, asWidgetCaller(cockpit, c)),
        (res) => res.json(),
      );
      return c.json({ items: products.items.map(({ id, name, tenantTypes }) => ({ id, name, tenantTypes })) }, 200);
    });
}
