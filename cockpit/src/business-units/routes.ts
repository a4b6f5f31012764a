import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { type Database, withScope } from '@scc/db';
import { encodeCursor, readPathCursor } from '../http/pagination.js';
import { ProblemError, problemResponses, validationHook } from '../http/problem.js';
import type { CockpitEnv } from '../scope/caller.js';
import { findBusinessUnit, listBusinessUnits } from './queries.js';
import { BusinessUnitIdParams, BusinessUnitPageSchema, BusinessUnitSchema, ListBusinessUnitsQuery } from './schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Business units'],
  summary: 'The caller’s business unit and its descendants, parents before children',
  request: { query: ListBusinessUnitsQuery },
  responses: {
    200: {
      description: 'A page of business units',
      content: { 'application/json': { schema: BusinessUnitPageSchema } },
    },
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Business units'],
  summary: 'One business unit of the caller’s subtree',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: { description: 'The business unit', content: { 'application/json': { schema: BusinessUnitSchema } } },
    ...problemResponses,
  },
});

export function businessUnitRoutes(db: Database) {
  return new OpenAPIHono<CockpitEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { parentId, limit, cursor } = c.req.valid('query');
      const afterPath = readPathCursor(cursor);
      const page = await withScope(db, caller.scopePath, async (tx) => {
        if (parentId && !(await findBusinessUnit(tx, caller, parentId))) throw ProblemError.of('notFound');
        return listBusinessUnits(tx, caller, { parentId, limit, afterPath });
      });
      return c.json(
        { items: page.items, nextCursor: page.hasMore && page.lastPath ? encodeCursor(page.lastPath) : null },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const unit = await withScope(db, caller.scopePath, (tx) => findBusinessUnit(tx, caller, id));
      if (!unit) throw ProblemError.of('notFound');
      const { path: _path, ...body } = unit;
      return c.json(body, 200);
    });
}
