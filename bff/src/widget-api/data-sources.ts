import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type DataSource, DataSourceSchema } from '@scc/contracts/data-sources';
import { changeProblemResponses, problemResponses } from '@scc/contracts/problem';
import { validationHook } from '@scc/service-kit/problem-handlers';
import type { InferRequestType } from 'hono/client';
import type { CockpitClient, CockpitConnection } from '../cockpit/cockpit-client.js';
import { fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { asJson, cockpitForWidget, forwardedBody, IdParams, json, noBody, security } from './forwarding.js';

/** Data sources (backup servers, server groups …) of a business unit; they move with it. */

type OfUnit = CockpitClient['v1']['business-units'][':id']['data-sources'];
type CreateBody = InferRequestType<OfUnit['$post']>['json'];
type UpdateBody = InferRequestType<CockpitClient['v1']['data-sources'][':id']['$patch']>['json'];

const DataSourceListSchema = z.object({ items: z.array(DataSourceSchema) }).openapi('WidgetDataSourceList');

const tags = ['Widget: data sources'];

const listRoute = createRoute({
  method: 'get',
  path: '/business-units/{id}/data-sources',
  tags,
  security,
  request: { params: IdParams },
  responses: { 200: json(DataSourceListSchema, 'The unit’s data sources'), ...problemResponses },
});

const createSourceRoute = createRoute({
  method: 'post',
  path: '/business-units/{id}/data-sources',
  tags,
  summary: 'Add a data source to a business unit (admin)',
  security,
  request: {
    params: IdParams,
    body: forwardedBody('WidgetCreateDataSource', '`{ kind, externalRef, name, attributes? }`'),
  },
  responses: { 201: json(DataSourceSchema, 'The new data source'), ...changeProblemResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/data-sources/{id}',
  tags,
  security,
  request: {
    params: IdParams,
    body: forwardedBody('WidgetUpdateDataSource', '`{ kind?, externalRef?, name?, attributes? }`'),
  },
  responses: { 200: json(DataSourceSchema, 'The changed data source'), ...changeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/data-sources/{id}',
  tags,
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...changeProblemResponses },
});

export function dataSourceRoutes(cockpit: CockpitConnection) {
  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const param = c.req.valid('param');
      const sources = cockpitForWidget(cockpit, c).v1['business-units'][':id']['data-sources'];
      return c.json(await fromCockpit(() => sources.$get({ param }), asJson<{ items: DataSource[] }>()), 200);
    })
    .openapi(createSourceRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as CreateBody;
      const sources = cockpitForWidget(cockpit, c).v1['business-units'][':id']['data-sources'];
      return c.json(await fromCockpit(() => sources.$post({ param, json }), asJson<DataSource>()), 201);
    })
    .openapi(updateRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as UpdateBody;
      const source = cockpitForWidget(cockpit, c).v1['data-sources'][':id'];
      return c.json(await fromCockpit(() => source.$patch({ param, json }), asJson<DataSource>()), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const param = c.req.valid('param');
      const source = cockpitForWidget(cockpit, c).v1['data-sources'][':id'];
      await fromCockpit(() => source.$delete({ param }), noBody);
      return c.body(null, 204);
    });
}
