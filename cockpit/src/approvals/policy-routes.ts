import { createRoute } from '@hono/zod-openapi';
import {
  type ApprovalPolicy,
  ApprovalPolicyParams,
  ApprovalPolicyQuery,
  ApprovalPolicySchema,
  type ApprovalSubject,
  PutApprovalPolicyBody,
} from '@scc/contracts/approvals';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { riskyChangeProblemResponses } from '@scc/contracts/step-up';
import { approvalPolicies, type Database, products, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { type LockedBusinessUnit, lockBusinessUnit } from '../business-units/queries.js';
import type { Clock } from '../operations/clock.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { ruleAt } from './store.js';

const tags = ['Business units'];

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/approval-policies/{subject}',
  tags,
  summary:
    'The approval policy that holds at a unit for a subject (and product): its own, a unit’s above, or the product’s default',
  request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery },
  responses: { 200: jsonContent(ApprovalPolicySchema, 'The unit’s approval policy'), ...problemResponses },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/approval-policies/{subject}',
  tags,
  summary: 'Set the unit’s own approval policy for a subject, for its whole subtree (admin on the unit)',
  description:
    'A unit’s policy replaces the product’s default for its subtree (quorum 0: no approval needed there), and ' +
    'the strictest policy on a path holds: below a unit asking for N approvals, fewer than N is a 400 naming ' +
    '`body.quorum`. A risky change where the unit requires TOTP.',
  request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery, body: jsonBody(PutApprovalPolicyBody) },
  responses: { 200: jsonContent(ApprovalPolicySchema, 'The unit’s approval policy'), ...riskyChangeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}/approval-policies/{subject}',
  tags,
  summary: 'Clear the unit’s own approval policy for a subject: what is above holds again',
  request: { params: ApprovalPolicyParams, query: ApprovalPolicyQuery },
  responses: { 200: jsonContent(ApprovalPolicySchema, 'The unit’s approval policy'), ...riskyChangeProblemResponses },
});

/** A product for every subject but moves, none for moves; the product must be one the caller's unit sees. */
async function checkedProduct(
  tx: Transaction,
  subject: ApprovalSubject,
  productId: string | undefined,
): Promise<string | null> {
  if (subject === 'subtree-move') {
    if (productId)
      throw ProblemError.of('validation', 'Invalid query.productId', [
        { field: 'query.productId', message: 'A subtree move has no product' },
      ]);
    return null;
  }
  if (!productId)
    throw ProblemError.of('validation', 'Invalid query.productId', [
      { field: 'query.productId', message: 'Required for this subject' },
    ]);
  // Row-level security shows the caller's own products and those its ancestors share.
  const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!product)
    throw ProblemError.of('notFound', undefined, [{ field: 'query.productId', message: 'No such product' }]);
  return productId;
}

const ownPolicy = (unitId: string, subject: ApprovalSubject, productId: string | null) =>
  and(
    eq(approvalPolicies.businessUnitId, unitId),
    eq(approvalPolicies.subject, subject),
    productId ? eq(approvalPolicies.productId, productId) : isNull(approvalPolicies.productId),
  );

async function policyAt(
  tx: Transaction,
  unit: LockedBusinessUnit,
  subject: ApprovalSubject,
  productId: string | null,
): Promise<ApprovalPolicy> {
  const [own] = await tx
    .select({ quorum: approvalPolicies.quorum, expiryHours: approvalPolicies.expiryHours })
    .from(approvalPolicies)
    .where(ownPolicy(unit.id, subject, productId));
  const effective = await ruleAt(tx, unit.path, subject, productId);
  return {
    businessUnitId: unit.id,
    subject,
    productId,
    own: own ?? null,
    effective: effective.rule,
    source: effective.source,
    sourceBusinessUnitId: effective.sourceBusinessUnitId,
  };
}

/** The unit (404), admin on it (403), a step-up where TOTP is required, then the policy's product (400/404). */
async function forChange(
  tx: Transaction,
  caller: Caller,
  clock: Clock,
  id: string,
  subject: ApprovalSubject,
  productId?: string,
) {
  const unit = await lockBusinessUnit(tx, caller, id);
  if (!unit) throw ProblemError.of('notFound');
  await requireRole(tx, caller, unit.path, 'admin');
  const product = await checkedProduct(tx, subject, productId);
  await requireStepUp(tx, clock, unit.path, caller);
  return { unit, product };
}

export function approvalPolicyRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const { id, subject } = c.req.valid('param');
      const { productId } = c.req.valid('query');
      const policy = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, id);
        if (!unit) throw ProblemError.of('notFound');
        return policyAt(tx, unit, subject, await checkedProduct(tx, subject, productId));
      });
      return c.json(policy, 200);
    })
    .openapi(putRoute, async (c) => {
      const caller = c.get('caller');
      const { id, subject } = c.req.valid('param');
      const rule = c.req.valid('json');
      const policy = await withScope(db, caller, async (tx) => {
        const { unit, product } = await forChange(tx, caller, clock, id, subject, c.req.valid('query').productId);
        const before = await policyAt(tx, unit, subject, product);
        await tx
          .insert(approvalPolicies)
          .values({ businessUnitId: unit.id, subject, productId: product, ...rule, buPath: unit.path })
          .onConflictDoUpdate({
            target: [approvalPolicies.businessUnitId, approvalPolicies.subject, approvalPolicies.productId],
            set: { ...rule, updatedAt: sql`now()` },
          });
        const after = await policyAt(tx, unit, subject, product);
        // The strictest policy on the path holds: one asking for fewer than a unit above would be
        // silently outvoted, so say so instead (and write nothing).
        const above = after.effective?.quorum ?? 0;
        if (above > rule.quorum)
          throw ProblemError.of('validation', 'Invalid body.quorum', [
            {
              field: 'body.quorum',
              message: `A unit above asks for ${above} approval(s) here; this unit may ask for more, not fewer.`,
            },
          ]);
        await recordPolicyChange(tx, caller, unit, before, after);
        return after;
      });
      return c.json(policy, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const caller = c.get('caller');
      const { id, subject } = c.req.valid('param');
      const policy = await withScope(db, caller, async (tx) => {
        const { unit, product } = await forChange(tx, caller, clock, id, subject, c.req.valid('query').productId);
        const before = await policyAt(tx, unit, subject, product);
        if (!before.own) return before;
        await tx.delete(approvalPolicies).where(ownPolicy(unit.id, subject, product));
        const after = await policyAt(tx, unit, subject, product);
        await recordPolicyChange(tx, caller, unit, before, after);
        return after;
      });
      return c.json(policy, 200);
    });
}

async function recordPolicyChange(
  tx: Transaction,
  caller: Caller,
  unit: LockedBusinessUnit,
  before: ApprovalPolicy,
  after: ApprovalPolicy,
) {
  await recordAudit(tx, caller, {
    action: 'approval-policy.changed',
    entityType: 'approval-policy',
    entityId: unit.id,
    businessUnit: { id: unit.id, path: unit.path },
    before: { subject: before.subject, productId: before.productId, own: before.own, effective: before.effective },
    after: { subject: after.subject, productId: after.productId, own: after.own, effective: after.effective },
  });
}
