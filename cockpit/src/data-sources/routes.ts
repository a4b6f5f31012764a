import { createRoute } from '@hono/zod-openapi';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import {
  CreateDataSourceBody,
  type DataSource,
  DataSourceIdParams,
  DataSourceListSchema,
  DataSourceSchema,
  UpdateDataSourceBody,
} from '@scc/contracts/data-sources';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { type Database, dataSources, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { findBusinessUnit, lockBusinessUnit } from '../business-units/queries.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';

const tags = ['Data sources'];

const columns = {
  id: dataSources.id,
  businessUnitId: dataSources.businessUnitId,
  kind: dataSources.kind,
  externalRef: dataSources.externalRef,
  name: dataSources.name,
  attributes: dataSources.attributes,
  createdAt: sql<string>`to_char(${dataSources.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  // The records' indexes are day first: `scc_last_usage_day` walks the days from the newest,
  // probing each for this data source (migration 0035).
  lastUsageDay: sql<string | null>`scc_last_usage_day(${dataSources.id})::text`,
  buPath: dataSources.buPath,
};

const view = ({ buPath: _buPath, ...source }: DataSource & { buPath: string }): DataSource => source;
const audited = (s: Pick<DataSource, 'kind' | 'externalRef' | 'name' | 'attributes'>) => ({
  kind: s.kind,
  externalRef: s.externalRef,
  name: s.name,
  attributes: s.attributes,
});

async function findDataSource(tx: Transaction, caller: Caller, id: string) {
  const [row] = await tx
    .select(columns)
    .from(dataSources)
    .where(and(inScope(dataSources.buPath, caller), eq(dataSources.id, id)));
  return row;
}

async function refuseDuplicate(
  tx: Transaction,
  unitId: string,
  kind: string,
  externalRef: string,
  exceptId?: string,
): Promise<void> {
  const [clash] = await tx
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(
      and(
        eq(dataSources.businessUnitId, unitId),
        eq(dataSources.kind, kind),
        eq(dataSources.externalRef, externalRef),
        exceptId ? ne(dataSources.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    throw ProblemError.of('conflict', 'This business unit already has a data source of this kind with this reference', [
      { field: 'body.externalRef', message: 'Already used for this kind in this business unit' },
    ]);
  }
}

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/data-sources',
  tags,
  summary: 'Data sources of one business unit',
  request: { params: BusinessUnitIdParams },
  responses: { 200: jsonContent(DataSourceListSchema, 'Its data sources'), ...problemResponses },
});

const createSourceRoute = createRoute({
  method: 'post',
  path: '/{id}/data-sources',
  tags,
  summary: 'Add a data source to a business unit (admin on the unit)',
  request: { params: BusinessUnitIdParams, body: jsonBody(CreateDataSourceBody) },
  responses: {
    201: jsonContent(DataSourceSchema, 'The new data source'),
    ...changeProblemResponses,
  },
});

/** `/v1/business-units/{id}/data-sources`. */
export function businessUnitDataSourceRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const items = await withScope(
        db,
        caller,
        async (tx) => {
          if (!(await findBusinessUnit(tx, caller, id))) throw ProblemError.of('notFound');
          return tx
            .select(columns)
            .from(dataSources)
            .where(and(inScope(dataSources.buPath, caller), eq(dataSources.businessUnitId, id)))
            .orderBy(asc(dataSources.kind), asc(dataSources.name), asc(dataSources.id));
        },
        { readOnly: true },
      );
      return c.json({ items: items.map(view) }, 200);
    })
    .openapi(createSourceRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const created = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, id);
        if (!unit) throw ProblemError.of('notFound');
        await requireRole(tx, caller, unit.path, 'admin');
        await refuseDuplicate(tx, unit.id, body.kind, body.externalRef);
        const [row] = await tx
          .insert(dataSources)
          .values({
            businessUnitId: unit.id,
            kind: body.kind,
            externalRef: body.externalRef,
            name: body.name,
            attributes: body.attributes ?? {},
            buPath: unit.path,
          })
          .returning({ id: dataSources.id });
        const source = row ? await findDataSource(tx, caller, row.id) : undefined;
        if (!source) throw new Error('created data source not readable');
        await recordAudit(tx, caller, {
          action: 'data-source.created',
          entityType: 'data-source',
          entityId: source.id,
          businessUnit: { id: unit.id, path: unit.path },
          before: null,
          after: audited(source),
        });
        return source;
      });
      return c.json(view(created), 201);
    });
}

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One data source of the caller’s subtree',
  request: { params: DataSourceIdParams },
  responses: { 200: jsonContent(DataSourceSchema, 'The data source'), ...problemResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change a data source (admin on its unit)',
  request: { params: DataSourceIdParams, body: jsonBody(UpdateDataSourceBody) },
  responses: {
    200: jsonContent(DataSourceSchema, 'The changed data source'),
    ...changeProblemResponses,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Remove a data source (admin on its unit)',
  request: { params: DataSourceIdParams },
  responses: { 204: { description: 'Removed' }, ...changeProblemResponses },
});

/** `/v1/data-sources/{id}`. */
export function dataSourceRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const source = await withScope(db, caller, (tx) => findDataSource(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      if (!source) throw ProblemError.of('notFound');
      return c.json(view(source), 200);
    })
    .openapi(updateRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const updated = await withScope(db, caller, async (tx) => {
        const before = await findDataSource(tx, caller, id);
        if (!before) throw ProblemError.of('notFound');
        await requireRole(tx, caller, before.buPath, 'admin');
        const after = {
          kind: body.kind ?? before.kind,
          externalRef: body.externalRef ?? before.externalRef,
          name: body.name ?? before.name,
          attributes: body.attributes ?? before.attributes,
        };
        await refuseDuplicate(tx, before.businessUnitId, after.kind, after.externalRef, id);
        await tx
          .update(dataSources)
          .set({ ...after, updatedAt: sql`now()` })
          .where(eq(dataSources.id, id));
        await recordAudit(tx, caller, {
          action: 'data-source.updated',
          entityType: 'data-source',
          entityId: id,
          businessUnit: { id: before.businessUnitId, path: before.buPath },
          before: audited(before),
          after,
        });
        return findDataSource(tx, caller, id);
      });
      if (!updated) throw new Error('updated data source not readable');
      return c.json(view(updated), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      await withScope(db, caller, async (tx) => {
        const source = await findDataSource(tx, caller, id);
        if (!source) throw ProblemError.of('notFound');
        await requireRole(tx, caller, source.buPath, 'admin');
        await tx.delete(dataSources).where(eq(dataSources.id, id));
        await recordAudit(tx, caller, {
          action: 'data-source.deleted',
          entityType: 'data-source',
          entityId: id,
          businessUnit: { id: source.businessUnitId, path: source.buPath },
          before: audited(source),
          after: null,
        });
      });
      return c.body(null, 204);
    });
}
