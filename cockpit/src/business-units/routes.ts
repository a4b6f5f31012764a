import { createRoute } from '@hono/zod-openapi';
import {
  BreadcrumbsSchema,
  type BusinessUnit,
  BusinessUnitIdParams,
  BusinessUnitPageSchema,
  BusinessUnitSchema,
  CreateBusinessUnitBody,
  ListBusinessUnitsQuery,
  UpdateBusinessUnitBody,
} from '@scc/contracts/business-units';
import { encodeCursor, keysetCursor, readNameIdCursor, readPathCursor } from '@scc/contracts/pagination';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { type Database, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { isForeignKeyViolation } from '../http/database-errors.js';
import type { CockpitEnv } from '../scope/caller.js';
import { createBusinessUnit, deleteBusinessUnit, updateBusinessUnit } from './changes.js';
import {
  ancestorsInScope,
  businessUnitView,
  findBusinessUnit,
  listBusinessUnits,
  listChildren,
  searchBusinessUnits,
} from './queries.js';

const tags = ['Business units'];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The caller’s subtree (parents before children), one unit’s children by name, or a name search',
  request: { query: ListBusinessUnitsQuery },
  responses: {
    200: jsonContent(BusinessUnitPageSchema, 'A page of business units'),
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One business unit of the caller’s subtree',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: jsonContent(BusinessUnitSchema, 'The business unit'),
    ...problemResponses,
  },
});

const ancestorsRoute = createRoute({
  method: 'get',
  path: '/{id}/ancestors',
  tags,
  summary: 'Breadcrumbs: from the caller’s own unit down to this one, inclusive',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: jsonContent(BreadcrumbsSchema, 'The units on the way'),
    ...problemResponses,
  },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a business unit under a parent (admin on the parent)',
  request: { body: jsonBody(CreateBusinessUnitBody) },
  responses: {
    201: jsonContent(BusinessUnitSchema, 'The new business unit'),
    ...changeProblemResponses,
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Rename a business unit or change its kind (admin on the unit)',
  request: { params: BusinessUnitIdParams, body: jsonBody(UpdateBusinessUnitBody) },
  responses: {
    200: jsonContent(BusinessUnitSchema, 'The changed business unit'),
    ...changeProblemResponses,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete an empty business unit (admin on the unit; never the caller’s own)',
  request: { params: BusinessUnitIdParams },
  responses: {
    204: { description: 'Deleted' },
    ...changeProblemResponses,
  },
});

/** A page sorted by name: the cursor names the last unit's name and id. */
function byNamePage(page: { items: BusinessUnit[]; hasMore: boolean }) {
  const last = page.items.at(-1);
  return { items: page.items, nextCursor: page.hasMore && last ? keysetCursor([last.name, last.id]) : null };
}

/** Search pages stay small: every result carries its ancestors. */
const SEARCH_LIMIT = 100;

export function businessUnitRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { parentId, q, limit, cursor } = c.req.valid('query');
      if (q === undefined && parentId !== undefined) {
        const after = readNameIdCursor(cursor);
        const level = await withScope(
          db,
          caller,
          async (tx) => {
            // One tree level: the parent's check and the level go to the database together.
            const [parent, children] = await Promise.all([
              findBusinessUnit(tx, caller, parentId),
              listChildren(tx, caller, { parentId, limit, after }),
            ]);
            if (!parent) throw ProblemError.of('notFound');
            return children;
          },
          { readOnly: true },
        );
        return c.json(byNamePage(level), 200);
      }
      if (q !== undefined) {
        const after = readNameIdCursor(cursor);
        const page = await withScope(
          db,
          caller,
          async (tx) => {
            const parent = parentId ? await findBusinessUnit(tx, caller, parentId) : undefined;
            if (parentId && !parent) throw ProblemError.of('notFound');
            const underPath = parent?.path ?? caller.scopePath;
            return searchBusinessUnits(tx, caller, { q, underPath, limit: Math.min(limit, SEARCH_LIMIT), after });
          },
          { readOnly: true },
        );
        return c.json(byNamePage(page), 200);
      }
      const afterPath = readPathCursor(cursor);
      const page = await withScope(db, caller, (tx) => listBusinessUnits(tx, caller, { limit, afterPath }), {
        readOnly: true,
      });
      const nextCursor = page.hasMore && page.lastPath ? encodeCursor(page.lastPath) : null;
      return c.json({ items: page.items, nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const unit = await withScope(db, caller, (tx) => findBusinessUnit(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      if (!unit) throw ProblemError.of('notFound');
      return c.json(businessUnitView(unit), 200);
    })
    .openapi(ancestorsRoute, async (c) => {
      const caller = c.get('caller');
      const items = await withScope(
        db,
        caller,
        async (tx) => {
          const unit = await findBusinessUnit(tx, caller, c.req.valid('param').id);
          if (!unit) throw ProblemError.of('notFound');
          return ancestorsInScope(tx, caller, unit.path);
        },
        { readOnly: true },
      );
      return c.json({ items }, 200);
    })
    .openapi(createUnitRoute, async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const unit = await withScope(db, caller, async (tx) => {
        const id = await createBusinessUnit(tx, caller, body);
        return findBusinessUnit(tx, caller, id);
      });
      if (!unit) throw new Error('created business unit not readable');
      return c.json(businessUnitView(unit), 201);
    })
    .openapi(updateRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const unit = await withScope(db, caller, async (tx) => {
        await updateBusinessUnit(tx, caller, id, body);
        return findBusinessUnit(tx, caller, id);
      });
      if (!unit) throw new Error('updated business unit not readable');
      return c.json(businessUnitView(unit), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const caller = c.get('caller');
      await withScope(db, caller, (tx) => deleteBusinessUnit(tx, caller, c.req.valid('param').id)).catch(
        (error: unknown) => {
          // Something was added to the unit after it was found empty, or refers to it from outside the subtree.
          if (!isForeignKeyViolation(error)) throw error;
          throw ProblemError.of('conflict', 'The business unit is still referenced', [
            { field: 'path.id', message: 'Still referenced' },
          ]);
        },
      );
      return c.body(null, 204);
    });
}
