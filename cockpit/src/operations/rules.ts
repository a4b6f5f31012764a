import type { OperationKindName, ProductRules, Validation } from '@scc/contracts/operations';
import type { RoleName } from '@scc/db';
import { requiredRole } from './product-rules.js';

/**
 * The validation rules of the product brief, each a pure function of facts the caller gathered:
 * no I/O here, so every rule is tested on its own and dry-run and submit share one verdict.
 */

export interface TenantFact {
  id: string;
  name: string;
  type: string;
  productId: string;
  businessUnitId: string;
  lifecycleStatus: string;
  /** A decommission request of the tenant is not finished yet. */
  hasOpenDecommission: boolean;
  /** An open order, copy or restore reads from or writes to the tenant. */
  hasOpenWork: boolean;
}

export interface ContractFact {
  startsOn: string;
  endsOn: string | null;
  extraTestTenants: number;
}

const rank: Record<RoleName, number> = { viewer: 1, operator: 2, admin: 3, billing: 0 };

/** viewer < operator < admin; billing is its own role and implies none of the others. */
export function holdsRole(roles: readonly RoleName[], needed: RoleName): boolean {
  if (needed === 'billing') return roles.includes('billing');
  return roles.some((role) => rank[role] >= rank[needed]);
}

function pass(rule: string, message: string, field?: string): Validation {
  return { rule, passed: true, blocking: false, message, ...(field ? { field } : {}) };
}
function fail(rule: string, message: string, field?: string): Validation {
  return { rule, passed: false, blocking: true, message, ...(field ? { field } : {}) };
}

export function tenantTypeAllowed(type: string, rules: ProductRules): Validation {
  return rules.tenantTypes.includes(type)
    ? pass('tenant-type-allowed', `The product offers ${type} tenants.`, 'body.type')
    : fail(
        'tenant-type-allowed',
        `The product offers no ${type} tenants (only ${rules.tenantTypes.join(', ')}).`,
        'body.type',
      );
}

export function permission(
  operation: OperationKindName,
  tenantType: string,
  roles: readonly RoleName[],
  rules: ProductRules,
): Validation {
  const needed = requiredRole(rules, operation, tenantType);
  return holdsRole(roles, needed)
    ? pass('permission', `You may ${operation} ${tenantType} tenants.`)
    : fail('permission', `Only a user with the ${needed} role may ${operation} a ${tenantType} tenant.`);
}

export function contractEntitlement(contract: ContractFact | null): Validation {
  return contract
    ? pass('contract-entitlement', 'The business unit has a contract for the product.', 'body.productId')
    : fail('contract-entitlement', 'The business unit has no contract for this product.', 'body.productId');
}

/** Only meaningful with a contract; without one, `contract-entitlement` already failed. */
export function contractValid(contract: ContractFact, today: string): Validation {
  if (contract.startsOn > today) {
    return fail('contract-valid', `The contract starts on ${contract.startsOn}.`, 'body.productId');
  }
  if (contract.endsOn !== null && contract.endsOn < today) {
    return fail('contract-valid', `The contract ended on ${contract.endsOn}.`, 'body.productId');
  }
  return pass('contract-valid', 'The contract is valid today.', 'body.productId');
}

/**
 * A productive tenant may be ordered only while the unit has fewer than the product's maximum
 * live productive tenants; a live one with a decommission request no longer counts.
 */
export function maxLiveProductive(count: number, rules: ProductRules, field = 'body.type'): Validation {
  return count < rules.maxLiveProductive
    ? pass('max-live-productive', 'No other live productive tenant stands in the way.', field)
    : fail(
        'max-live-productive',
        rules.maxLiveProductive === 1
          ? 'The business unit already has a live productive tenant. Request its termination first.'
          : `The business unit already has ${count} live productive tenants (at most ${rules.maxLiveProductive}).`,
        field,
      );
}

/** "1 test tenant", "2 test tenants": the refusal reads as a sentence. */
const testTenants = (count: number): string => `${count} test ${count === 1 ? 'tenant' : 'tenants'}`;

/**
 * At most the product's number of test tenants; beyond it the product either refuses or, when
 * the contract bought extra test tenants, allows them as chargeable.
 */
export function maxTestTenants(
  count: number,
  rules: ProductRules,
  contract: ContractFact | null,
): { validation: Validation; chargeable: boolean } {
  if (count < rules.maxTestTenants) {
    return {
      validation: pass('max-test-tenants', 'Within the included test tenants.', 'body.type'),
      chargeable: false,
    };
  }
  const extra = contract?.extraTestTenants ?? 0;
  if (rules.extraTestTenants === 'chargeable' && count < rules.maxTestTenants + extra) {
    return {
      validation: pass(
        'max-test-tenants',
        'An extra test tenant: allowed by the contract and charged separately.',
        'body.type',
      ),
      chargeable: true,
    };
  }
  return {
    validation: fail(
      'max-test-tenants',
      rules.extraTestTenants === 'chargeable'
        ? `The business unit already has ${testTenants(count)} and its contract includes no further extra test tenant.`
        : `The business unit already has ${testTenants(count)}; the product allows ${rules.maxTestTenants}.`,
      'body.type',
    ),
    chargeable: false,
  };
}

/** Unknown ids and ids outside the caller's subtree get the same answer, so nothing is revealed. */
export function sourceInScope(field: string, source: TenantFact | undefined): Validation {
  return source
    ? pass('source-in-scope', `Source tenant ${source.name}.`, field)
    : fail('source-in-scope', 'No such tenant.', field);
}

export function sourceSameProduct(field: string, source: TenantFact, productId: string): Validation {
  return source.productId === productId
    ? pass('source-same-product', `${source.name} runs the same product.`, field)
    : fail('source-same-product', `${source.name} runs a different product.`, field);
}

const usable = ['provisioning', 'live'];

/**
 * Which lifecycle states an operation may start from. A tenant with an open termination takes
 * part in nothing else, and is terminated only while nothing else works on it: its archive then
 * holds exactly what it had when the termination was accepted.
 */
export function tenantState(operation: OperationKindName, tenant: TenantFact, field: string): Validation {
  if (operation === 'restore') {
    if (tenant.lifecycleStatus !== 'archived')
      return fail(
        'tenant-state',
        `${tenant.name} is ${tenant.lifecycleStatus}; only archived tenants can be restored.`,
        field,
      );
    // Nothing but a restore works on an archived tenant.
    return tenant.hasOpenWork
      ? fail('tenant-state', `${tenant.name} is already being restored.`, field)
      : pass('tenant-state', `${tenant.name} is archived and can be restored.`, field);
  }
  if (!usable.includes(tenant.lifecycleStatus)) {
    return fail('tenant-state', `${tenant.name} is ${tenant.lifecycleStatus}.`, field);
  }
  if (tenant.hasOpenDecommission) {
    return fail(
      'tenant-state',
      operation === 'decommission'
        ? `${tenant.name} already has a termination request.`
        : `${tenant.name} has a termination request; cancel it first.`,
      field,
    );
  }
  return pass('tenant-state', `${tenant.name} is ${tenant.lifecycleStatus}.`, field);
}

/** A termination waits until no order, copy or restore reads from or writes to the tenant. */
export function tenantIdle(tenant: TenantFact, field: string): Validation {
  return tenant.hasOpenWork
    ? fail(
        'tenant-busy',
        `${tenant.name} is the source or target of a request that has not finished; terminate it afterwards.`,
        field,
      )
    : pass('tenant-busy', `No other request works on ${tenant.name}.`, field);
}

export function sourceDiffersFromTarget(sourceId: string, targetId: string): Validation {
  return sourceId === targetId
    ? fail('source-differs', 'A tenant cannot be copied onto itself.', 'body.targetTenantId')
    : pass('source-differs', 'Source and target differ.', 'body.targetTenantId');
}

export function allowed(validations: readonly Validation[]): boolean {
  return validations.every((v) => !v.blocking);
}
