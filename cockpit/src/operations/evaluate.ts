import type { CopyDraft, ProductRules, Validation } from '@scc/contracts/operations';
import type { RoleName } from '@scc/db';
import {
  type ContractFact,
  contractEntitlement,
  contractValid,
  maxLiveProductive,
  maxTestTenants,
  permission,
  sourceDiffersFromTarget,
  sourceInScope,
  sourceSameProduct,
  type TenantFact,
  tenantIdle,
  tenantState,
  tenantTypeAllowed,
} from './rules.js';

export interface Verdict {
  validations: Validation[];
  chargeable: boolean;
}

export interface OrderFacts {
  type: string;
  productId: string;
  rules: ProductRules;
  roles: readonly RoleName[];
  today: string;
  contract: ContractFact | null;
  /** Live productive tenants without a decommission request plus open productive orders. */
  liveProductive: number;
  /** Test tenants not being decommissioned plus open test orders. */
  testTenants: number;
  /** Per source field: `null` none chosen, `undefined` chosen but not found in the caller's subtree. */
  sources: Record<'applicationDataSourceTenantId' | 'solutionProfileSourceTenantId', TenantFact | null | undefined>;
}

/** Which tenant types count against which limit. */
export function evaluateOrder(facts: OrderFacts): Verdict {
  const validations = [
    tenantTypeAllowed(facts.type, facts.rules),
    permission('order', facts.type, facts.roles, facts.rules),
    contractEntitlement(facts.contract),
  ];
  if (facts.contract) validations.push(contractValid(facts.contract, facts.today));
  let chargeable = false;
  if (facts.type === 'productive') validations.push(maxLiveProductive(facts.liveProductive, facts.rules));
  if (facts.type === 'test') {
    const test = maxTestTenants(facts.testTenants, facts.rules, facts.contract);
    validations.push(test.validation);
    chargeable = test.chargeable;
  }
  for (const [name, source] of Object.entries(facts.sources)) {
    if (source === null) continue;
    const field = `body.${name}`;
    validations.push(sourceInScope(field, source));
    if (source)
      validations.push(sourceSameProduct(field, source, facts.productId), tenantState('order', source, field));
  }
  return { validations, chargeable };
}

export interface TenantOperationFacts {
  tenant: TenantFact;
  rules: ProductRules;
  roles: readonly RoleName[];
}

export function evaluateDecommission(facts: TenantOperationFacts): Verdict {
  return {
    validations: [
      permission('decommission', facts.tenant.type, facts.roles, facts.rules),
      tenantState('decommission', facts.tenant, 'body.tenantId'),
      tenantIdle(facts.tenant, 'body.tenantId'),
    ],
    chargeable: false,
  };
}

/**
 * A restore from the archive is always chargeable; it needs a contract valid today. A restored
 * productive tenant is live again, so it must fit the unit's live-productive limit like an order.
 */
export function evaluateRestore(
  facts: TenantOperationFacts & { contract: ContractFact | null; today: string; liveProductive: number },
): Verdict {
  const validations = [
    permission('restore', facts.tenant.type, facts.roles, facts.rules),
    tenantState('restore', facts.tenant, 'body.tenantId'),
    contractEntitlement(facts.contract),
  ];
  if (facts.contract) validations.push(contractValid(facts.contract, facts.today));
  if (facts.tenant.type === 'productive')
    validations.push(maxLiveProductive(facts.liveProductive, facts.rules, 'body.tenantId'));
  return { validations, chargeable: true };
}

/** Copying into a tenant is a deployment: the target's type decides the role needed. */
export function evaluateCopy(
  facts: Omit<TenantOperationFacts, 'tenant'> & {
    draft: CopyDraft;
    source: TenantFact | undefined;
    target: TenantFact;
  },
): Verdict {
  const validations = [
    permission('copy', facts.target.type, facts.roles, facts.rules),
    tenantState('copy', facts.target, 'body.targetTenantId'),
    sourceInScope('body.sourceTenantId', facts.source),
  ];
  if (facts.source) {
    validations.push(
      sourceSameProduct('body.sourceTenantId', facts.source, facts.target.productId),
      tenantState('copy', facts.source, 'body.sourceTenantId'),
      sourceDiffersFromTarget(facts.draft.sourceTenantId, facts.draft.targetTenantId),
    );
  }
  return { validations, chargeable: false };
}
