import { createRoute } from '@hono/zod-openapi';
import {
  BusinessUnitBrandSchema,
  BusinessUnitIdParams,
  type EffectiveBrand,
  PutBrandBody,
} from '@scc/contracts/business-units';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { type Brand, businessUnits, type Database, executeRows, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { lockBusinessUnit } from './queries.js';

/**
 * The brand a unit of the subtree shows: its own or its nearest ancestor's, also above the
 * caller's unit (ancestors share their brand on purpose), through `scc_effective_brand`.
 */
export async function effectiveBrand(tx: Transaction, unitId: string): Promise<EffectiveBrand> {
  const [row] = await executeRows<{ source_business_unit_id: string | null; source_name: string | null; brand: Brand }>(
    tx,
    sql`select source_business_unit_id, source_name, brand from scc_effective_brand(${unitId}::uuid)`,
  );
  return row ? { sourceBusinessUnitId: row.source_business_unit_id, name: row.source_name, brand: row.brand } : null;
}

async function brandOf(tx: Transaction, caller: Caller, id: string, mode: 'share' | 'update' = 'share') {
  const unit = await lockBusinessUnit(tx, caller, id, mode);
  if (!unit) throw ProblemError.of('notFound');
  const [row] = await tx.select({ brand: businessUnits.brand }).from(businessUnits).where(eq(businessUnits.id, id));
  return { unit, own: row?.brand ?? null };
}

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/brand',
  tags: ['Business units'],
  summary: 'A unit’s own brand and the brand it shows (its own or the nearest ancestor’s)',
  request: { params: BusinessUnitIdParams },
  responses: {
    200: jsonContent(BusinessUnitBrandSchema, 'The brand'),
    ...problemResponses,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/brand',
  tags: ['Business units'],
  summary: 'Set or clear a unit’s own brand (admin on the unit); descendants without one inherit it',
  request: {
    params: BusinessUnitIdParams,
    body: jsonBody(PutBrandBody),
  },
  responses: {
    200: jsonContent(BusinessUnitBrandSchema, 'The brand'),
    ...changeProblemResponses,
  },
});

export function brandRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = await withScope(db, caller.scopePath, async (tx) => {
        const { own } = await brandOf(tx, caller, id);
        return { own, effective: await effectiveBrand(tx, id) };
      });
      return c.json(body, 200);
    })
    .openapi(putRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { brand } = c.req.valid('json');
      const body = await withScope(db, caller.scopePath, async (tx) => {
        const { unit, own } = await brandOf(tx, caller, id, 'update');
        await requireRole(tx, caller, unit.path, 'admin');
        const next = brand && Object.keys(brand).length > 0 ? brand : null;
        await tx.update(businessUnits).set({ brand: next, updatedAt: sql`now()` }).where(eq(businessUnits.id, id));
        await recordAudit(tx, caller, {
          action: 'business-unit.updated',
          entityType: 'business-unit',
          entityId: id,
          businessUnit: { id, path: unit.path },
          before: { brand: own },
          after: { brand: next },
        });
        return { own: next, effective: await effectiveBrand(tx, id) };
      });
      return c.json(body, 200);
    });
}
