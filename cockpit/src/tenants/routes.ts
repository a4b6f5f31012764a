import { createRoute } from '@hono/zod-openapi';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { ListTenantsQuery, TenantIdParams, TenantPageSchema, TenantSchema } from '@scc/contracts/tenants';
import { type Database, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { findBusinessUnit } from '../business-units/queries.js';
import type { CockpitEnv } from '../scope/caller.js';
import { findTenant, listTenants, readTenantCursor } from './queries.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Tenants'],
  summary: 'A page of the caller’s subtree’s tenants, sorted, filtered and counted',
  request: { query: ListTenantsQuery },
  responses: {
    200: jsonContent(TenantPageSchema, 'A page of tenants'),
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Tenants'],
  summary: 'One tenant of the caller’s subtree',
  request: { params: TenantIdParams },
  responses: {
    200: jsonContent(TenantSchema, 'The tenant'),
    ...problemResponses,
  },
});

export function tenantRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { limit, cursor, ...query } = c.req.valid('query');
      const from = readTenantCursor(query, cursor);
      const page = await withScope(
        db,
        caller,
        async (tx) => {
          const { businessUnitId } = query;
          const underPath = businessUnitId ? (await findBusinessUnit(tx, caller, businessUnitId))?.path : undefined;
          if (businessUnitId && !underPath) throw ProblemError.of('notFound');
          return listTenants(tx, caller, { underPath: underPath ?? caller.scopePath, query, limit, from });
        },
        { readOnly: true },
      );
      return c.json(page, 200);
    })
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const tenant = await withScope(db, caller, (tx) => findTenant(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      if (!tenant) throw ProblemError.of('notFound');
      return c.json(tenant, 200);
    });
}
