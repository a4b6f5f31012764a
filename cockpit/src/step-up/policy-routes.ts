import { createRoute } from '@hono/zod-openapi';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { PutTotpPolicyBody, riskyChangeProblemResponses, TotpPolicySchema } from '@scc/contracts/step-up';
import { businessUnits, type Database, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { lockBusinessUnit } from '../business-units/queries.js';
import type { Clock } from '../operations/clock.js';
import { requireRole } from '../scope/authorize.js';
import type { CockpitEnv } from '../scope/caller.js';
import { requireStepUp, totpPolicyAt } from './require-step-up.js';

const tags = ['Business units'];

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/totp-policy',
  tags,
  summary: 'Whether a unit requires TOTP step-up for risky actions in its subtree, itself or through a unit above',
  request: { params: BusinessUnitIdParams },
  responses: { 200: jsonContent(TotpPolicySchema, 'The unit’s TOTP policy'), ...problemResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/totp-policy',
  tags,
  summary: 'Require TOTP step-up in a unit’s subtree, or stop requiring it there (admin on the unit)',
  description:
    'A requirement of a unit above holds whatever this unit says (`inherited`): a subtree can tighten, never ' +
    'loosen. Changing the policy of a unit that requires TOTP is itself a risky action.',
  request: { params: BusinessUnitIdParams, body: jsonBody(PutTotpPolicyBody) },
  responses: { 200: jsonContent(TotpPolicySchema, 'The unit’s TOTP policy'), ...riskyChangeProblemResponses },
});

export function totpPolicyRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const policy = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, id);
        if (!unit) throw ProblemError.of('notFound');
        return totpPolicyAt(tx, unit.path);
      });
      return c.json({ businessUnitId: id, required: policy.own, inherited: policy.inherited }, 200);
    })
    .openapi(putRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { required } = c.req.valid('json');
      const policy = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, id, 'update');
        if (!unit) throw ProblemError.of('notFound');
        await requireRole(tx, caller, unit.path, 'admin');
        await requireStepUp(tx, clock, unit.path, caller);
        const before = await totpPolicyAt(tx, unit.path);
        if (before.own !== required) {
          await tx
            .update(businessUnits)
            .set({ totpRequired: required, updatedAt: sql`now()` })
            .where(eq(businessUnits.id, id));
          await recordAudit(tx, caller, {
            action: 'totp.policy-changed',
            entityType: 'business-unit',
            entityId: id,
            businessUnit: { id, path: unit.path },
            before: { totpRequired: before.own, inherited: before.inherited },
            after: { totpRequired: required, inherited: before.inherited },
          });
        }
        return { own: required, inherited: before.inherited };
      });
      return c.json({ businessUnitId: id, required: policy.own, inherited: policy.inherited }, 200);
    });
}
