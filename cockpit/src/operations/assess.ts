import type { Determinations, Draft, OrderDraft } from '@scc/contracts/operations';
import { ProblemError } from '@scc/contracts/problem';
import type { Transaction } from '@scc/db';
import { approvalDetermination } from '../approvals/store.js';
import { quotaValidations } from '../quotas/rule.js';
import type { Caller } from '../scope/caller.js';
import { assessProfileRestore, assessTransport } from '../transports/assess.js';
import { type Clock, calendarDay } from './clock.js';
import { determineOrder, effectiveOrder } from './determinations.js';
import { evaluateCopy, evaluateDecommission, evaluateOrder, evaluateRestore, type Verdict } from './evaluate.js';
import {
  lockOrder,
  lockTenant,
  lockUnitProduct,
  orderFacts,
  type ScopedTenantFact,
  tenantOperationFacts,
} from './facts.js';

// The tenants page asks the same rules which actions to offer (tenants/allowed-actions.ts).
export { tenantFacts } from './facts.js';

/** Everything submit needs to store a request: the verdict plus where the request belongs. */
export interface Assessment extends Verdict {
  determinations: Determinations;
  businessUnitId: string;
  productId: string;
  tenantId: string | null;
  buPath: string;
  /** The type of the tenant the request creates, changes or ends: what four eyes look at (approvals/policy.ts). */
  targetTenantType: string;
  /** What the worker executes, resolved now: the request never depends on later proposals. */
  plan: Record<string, unknown>;
}

export interface AssessContext {
  clock: Clock;
}

export interface AssessOptions {
  /**
   * Serialise with other decisions on the same unit and product (submit). A dry run skips it:
   * it decides nothing, and a later submit counts again under the lock.
   */
  lock: boolean;
}

async function assessOrder(
  tx: Transaction,
  caller: Caller,
  context: AssessContext,
  draft: OrderDraft,
  options: AssessOptions,
): Promise<Assessment> {
  if (options.lock) await lockOrder(tx, caller, draft.businessUnitId, draft.productId);
  // The sources the client chose; the proposed ones come with the productive tenants.
  const chosenSources = [draft.applicationDataSourceTenantId, draft.solutionProfileSourceTenantId].filter(
    (id): id is string => typeof id === 'string',
  );
  const facts = await orderFacts(tx, caller, draft, chosenSources);
  const { unit, product } = facts;
  if (!unit)
    throw ProblemError.of('notFound', undefined, [{ field: 'body.businessUnitId', message: 'No such business unit' }]);
  if (!product) throw ProblemError.of('notFound', undefined, [{ field: 'body.productId', message: 'No such product' }]);

  const determinations = determineOrder({
    draft,
    businessUnitName: unit.name,
    productive: facts.productive,
    siblingProductive: facts.siblingProductive,
  });
  const effective = effectiveOrder(draft, determinations);
  const source = (id: string | null) => (id === null ? null : facts.tenants.get(id));
  const verdict = evaluateOrder({
    type: draft.type,
    productId: product.id,
    rules: product.rules,
    roles: caller.roles,
    today: calendarDay(context.clock.now()),
    contract: facts.contract,
    liveProductive: draft.type === 'productive' ? facts.limitCount : 0,
    testTenants: draft.type === 'test' ? facts.limitCount : 0,
    sources: {
      applicationDataSourceTenantId: source(effective.applicationDataSourceTenantId),
      solutionProfileSourceTenantId: source(effective.solutionProfileSourceTenantId),
    },
  });
  // After the unit and product's lock: every decision takes the quota locks last.
  verdict.validations.push(
    ...(await quotaValidations(tx, unit.path, { tenantType: draft.type, storage: true }, options.lock)),
  );
  return {
    ...verdict,
    determinations,
    businessUnitId: unit.id,
    productId: product.id,
    tenantId: null,
    buPath: unit.path,
    targetTenantType: draft.type,
    plan: { ...effective, type: draft.type },
  };
}

/** The facts of a request on existing tenants, the first of `ids` the one it acts on, or 404 naming `field`. */
async function factsOrNotFound(
  tx: Transaction,
  caller: Caller,
  ids: [string, ...string[]],
  field: string,
  forRestore = false,
) {
  const facts = await tenantOperationFacts(tx, caller, ids, forRestore);
  const tenant = facts.tenants.get(ids[0]);
  if (!tenant) throw ProblemError.of('notFound', undefined, [{ field, message: 'No such tenant' }]);
  if (!facts.product) throw ProblemError.of('notFound');
  return { ...facts, tenant, rules: facts.product.rules };
}

/** Validations and determinations for a draft: what dry-run answers and submit stores. */
export async function assess(
  tx: Transaction,
  caller: Caller,
  context: AssessContext,
  draft: Draft,
  options: AssessOptions,
): Promise<Assessment> {
  switch (draft.kind) {
    case 'order':
      return assessOrder(tx, caller, context, draft, options);
    case 'decommission': {
      // Locks the tenant so two termination requests cannot both see it without one.
      if (options.lock) await lockTenant(tx, draft.tenantId, 'update');
      const { tenant, rules } = await factsOrNotFound(tx, caller, [draft.tenantId], 'body.tenantId');
      return {
        ...evaluateDecommission({ tenant, rules, roles: caller.roles }),
        ...where(tenant),
        plan: { type: tenant.type },
      };
    }
    case 'restore': {
      if (options.lock) {
        const locked = await lockTenant(tx, draft.tenantId, 'update');
        if (locked?.type === 'productive') await lockUnitProduct(tx, locked.businessUnitId, locked.productId);
      }
      const { tenant, rules, contract, liveProductive } = await factsOrNotFound(
        tx,
        caller,
        [draft.tenantId],
        'body.tenantId',
        true,
      );
      const verdict = evaluateRestore({
        tenant,
        rules,
        roles: caller.roles,
        contract,
        today: calendarDay(context.clock.now()),
        liveProductive,
      });
      verdict.validations.push(
        ...(await quotaValidations(tx, tenant.buPath, { tenantType: tenant.type }, options.lock)),
      );
      return { ...verdict, ...where(tenant), plan: { mode: draft.mode, type: tenant.type } };
    }
    case 'copy': {
      // Like a termination, the stored request copies the target's path: a move waits for this lock.
      if (options.lock) await lockTenant(tx, draft.targetTenantId, 'share');
      const facts = await factsOrNotFound(
        tx,
        caller,
        [draft.targetTenantId, draft.sourceTenantId],
        'body.targetTenantId',
      );
      const verdict = evaluateCopy({
        draft,
        source: facts.tenants.get(draft.sourceTenantId),
        target: facts.tenant,
        rules: facts.rules,
        roles: caller.roles,
      });
      verdict.validations.push(...(await quotaValidations(tx, facts.tenant.buPath, { storage: true }, false)));
      return {
        ...verdict,
        ...where(facts.tenant),
        determinations: {
          approvalRequired: await approvalDetermination(
            tx,
            draft,
            { targetTenantType: facts.tenant.type, buPath: facts.tenant.buPath, productId: facts.tenant.productId },
            'A copy',
          ),
        },
        plan: { sourceTenantId: draft.sourceTenantId, parts: draft.parts },
      };
    }
    case 'transport':
      return (await assessTransport(tx, caller, draft, options)).assessment;
    case 'profile-restore':
      return assessProfileRestore(tx, caller, draft, options);
  }
}

function where(tenant: ScopedTenantFact) {
  return {
    determinations: {},
    businessUnitId: tenant.businessUnitId,
    productId: tenant.productId,
    tenantId: tenant.id,
    buPath: tenant.buPath,
    targetTenantType: tenant.type,
  };
}
