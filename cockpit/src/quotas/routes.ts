import { createRoute } from '@hono/zod-openapi';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, type FieldError, ProblemError, problemResponses } from '@scc/contracts/problem';
import {
  compareDecimals,
  isTenantQuota,
  type PutQuota,
  PutQuotaBody,
  type Quota,
  QuotaParams,
  QuotaSchema,
  UnitQuotasSchema,
} from '@scc/contracts/quotas';
import { type Database, quotas, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { billingUnit } from '../billing/access.js';
import { type LockedBusinessUnit, lockBusinessUnit } from '../business-units/queries.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { type OwnQuota, ownQuotas, quotaChain, strictest, tightenOnly, unitQuotas } from './chain.js';
import { lockQuota } from './rule.js';

const tags = ['Quotas'];

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/quotas',
  tags,
  summary:
    'A unit’s quotas: its own, the effective ones (the strictest on its path) and its consumption (billing or admin)',
  request: { params: BusinessUnitIdParams },
  responses: { 200: jsonContent(UnitQuotasSchema, 'The quotas'), ...problemResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/quotas/{metric}',
  tags,
  summary: 'Sets the unit’s own soft and hard limit of a metric, for its whole subtree (admin on the unit or above)',
  description:
    'Tighten only: a limit above the strictest one of the units above is refused (400 naming the field), and a ' +
    'quota set from above the caller’s unit can be lowered but neither raised nor removed.',
  request: { params: QuotaParams, body: jsonBody(PutQuotaBody) },
  responses: { 200: jsonContent(QuotaSchema, 'The unit’s quota of the metric'), ...changeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}/quotas/{metric}',
  tags,
  summary: 'Drops the unit’s own quota of a metric: what the units above set holds again (admin)',
  request: { params: QuotaParams },
  responses: { 200: jsonContent(QuotaSchema, 'The unit’s quota of the metric'), ...changeProblemResponses },
});

const limitKinds = [
  ['softLimit', 'soft'],
  ['hardLimit', 'hard'],
] as const;

/** The unit (404 outside the subtree), then admin rights on it (403). */
async function forChange(tx: Transaction, caller: Caller, id: string): Promise<LockedBusinessUnit> {
  const unit = await lockBusinessUnit(tx, caller, id);
  if (!unit) throw ProblemError.of('notFound');
  await requireRole(tx, caller, unit.path, 'admin');
  return unit;
}

/**
 * What makes a new own quota a loosening: a limit above the strictest one set above the unit, a
 * fraction of a tenant, or (for a quota set from above the caller's unit) a raised or removed limit.
 */
async function looseningProblems(
  tx: Transaction,
  caller: Caller,
  unit: LockedBusinessUnit,
  metric: string,
  wanted: Record<'softLimit' | 'hardLimit', string | null>,
  existing: OwnQuota | undefined,
): Promise<FieldError[]> {
  const depth = unit.path.split('.').length;
  const above = (await quotaChain(tx, unit.path, null)).filter((row) => row.metric === metric && row.depth < depth);
  const imposed = existing !== undefined && (await tightenOnly(tx, caller, existing.setByUnitId));
  const problems: FieldError[] = [];
  for (const [kind, word] of limitKinds) {
    const field = `body.${kind}`;
    const value = wanted[kind];
    if (value !== null && isTenantQuota(metric) && /\.\d*[1-9]/.test(value)) {
      problems.push({ field, message: 'A whole number of tenants' });
      continue;
    }
    const bound = strictest(above, kind);
    if (value !== null && bound && compareDecimals(value, bound.limit) > 0) {
      problems.push({
        field,
        message: `At most ${bound.limit}: a unit above holds the ${word} limit there, and a unit below can only tighten it`,
      });
      continue;
    }
    const before = existing?.[kind] ?? null;
    if (imposed && before !== null && (value === null || compareDecimals(value, before) > 0)) {
      problems.push({
        field,
        message: `At most ${before}: this ${word} limit was set above your unit, which can only lower it`,
      });
    }
  }
  return problems;
}

/** Two limits as decimals (`"5"` is `"5.0"`); no limit is only the same as no limit. */
const sameLimit = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : compareDecimals(a, b) === 0;

async function recordQuotaChange(
  tx: Transaction,
  caller: Caller,
  unit: LockedBusinessUnit,
  before: Quota,
  after: Quota,
) {
  await recordAudit(tx, caller, {
    action: 'quota.changed',
    entityType: 'quota',
    entityId: unit.id,
    businessUnit: { id: unit.id, path: unit.path },
    before: { metric: before.metric, own: before.own, effective: before.effective },
    after: { metric: after.metric, own: after.own, effective: after.effective },
  });
}

async function quotaOf(tx: Transaction, caller: Caller, unit: LockedBusinessUnit, metric: string): Promise<Quota> {
  const [quota] = await unitQuotas(tx, caller, unit, metric);
  if (!quota) throw new Error(`no quota view for ${metric}`);
  return quota;
}

async function putQuota(tx: Transaction, caller: Caller, unit: LockedBusinessUnit, metric: string, body: PutQuota) {
  const wanted = { softLimit: body.softLimit ?? null, hardLimit: body.hardLimit ?? null };
  // A request counting against this quota decides before or after the change, never across it.
  await lockQuota(tx, unit.path, metric);
  const existing = (await ownQuotas(tx, unit.id, metric)).get(metric);
  const problems = await looseningProblems(tx, caller, unit, metric, wanted, existing);
  if (problems.length > 0) throw ProblemError.of('validation', 'The quota would loosen a limit', problems);
  const before = await quotaOf(tx, caller, unit, metric);
  // Whoever set a quota from above keeps it theirs when a unit below only tightens it.
  const setByUnitId =
    existing && (await tightenOnly(tx, caller, existing.setByUnitId)) ? existing.setByUnitId : caller.businessUnit.id;
  // Setting what is already set changes nothing: no write, no audit event.
  if (
    existing &&
    sameLimit(existing.softLimit, wanted.softLimit) &&
    sameLimit(existing.hardLimit, wanted.hardLimit) &&
    existing.setByUnitId === setByUnitId
  )
    return before;
  // A new soft limit is a new line to cross: its alert is raised again.
  const softChanged = !sameLimit(existing?.softLimit ?? null, wanted.softLimit);
  await tx
    .insert(quotas)
    .values({ businessUnitId: unit.id, metric, ...wanted, setByUnitId, buPath: unit.path })
    .onConflictDoUpdate({
      target: [quotas.businessUnitId, quotas.metric],
      set: {
        ...wanted,
        setByUnitId,
        updatedAt: sql`now()`,
        ...(softChanged ? { softExceededSince: null } : {}),
      },
    });
  const after = await quotaOf(tx, caller, unit, metric);
  await recordQuotaChange(tx, caller, unit, before, after);
  return after;
}

async function deleteQuota(tx: Transaction, caller: Caller, unit: LockedBusinessUnit, metric: string) {
  await lockQuota(tx, unit.path, metric);
  const existing = (await ownQuotas(tx, unit.id, metric)).get(metric);
  const before = await quotaOf(tx, caller, unit, metric);
  if (!existing) return before;
  if (await tightenOnly(tx, caller, existing.setByUnitId))
    throw ProblemError.of('forbidden', 'This quota was set above your unit: you can lower it, not remove it', [
      { field: 'path.metric', message: 'Set above your unit' },
    ]);
  await tx.delete(quotas).where(and(eq(quotas.businessUnitId, unit.id), eq(quotas.metric, metric)));
  const after = await quotaOf(tx, caller, unit, metric);
  await recordQuotaChange(tx, caller, unit, before, after);
  return after;
}

/** `/v1/business-units/{id}/quotas`. */
export function quotaRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const items = await withScope(
        db,
        caller,
        async (tx) => unitQuotas(tx, caller, await billingUnit(tx, caller, id)),
        { readOnly: true },
      );
      return c.json({ businessUnitId: id, items }, 200);
    })
    .openapi(putRoute, async (c) => {
      const caller = c.get('caller');
      const { id, metric } = c.req.valid('param');
      const body = c.req.valid('json');
      const quota = await withScope(db, caller, async (tx) =>
        putQuota(tx, caller, await forChange(tx, caller, id), metric, body),
      );
      return c.json(quota, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const caller = c.get('caller');
      const { id, metric } = c.req.valid('param');
      const quota = await withScope(db, caller, async (tx) =>
        deleteQuota(tx, caller, await forChange(tx, caller, id), metric),
      );
      return c.json(quota, 200);
    });
}
