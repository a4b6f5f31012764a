import type { ProductRules } from '@scc/contracts/operations';
import type { TenantAction } from '@scc/contracts/tenants';
import { products, type RoleName, roleAssignments, tenants } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import { evaluateDecommission } from '../operations/evaluate.js';
import { openTerminationOf, openWorkOn, outerTenantId } from '../operations/facts.js';
import { productRules } from '../operations/product-rules.js';
import { allowed, permission, type TenantFact, tenantState } from '../operations/rules.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { effectiveRoles } from '../scope/roles.js';

/** What the rules need beyond the tenant's own columns, read in the same statement as the tenant. */
export interface ActionFacts {
  hasOpenDecommission: boolean;
  hasOpenWork: boolean;
  storedRules: Record<string, unknown>;
  tenantTypes: string[];
  /** Roles the caller holds on the way from its acting unit down to the tenant's unit, both included. */
  rolesBelow: RoleName[];
}

/**
 * Columns of a tenant query (over `tenants` joined with `products`) that carry its
 * {@link ActionFacts}: the tenant's open work, the product's rules and the caller's roles on the
 * way down to the tenant's unit. A page and its allowed actions then cost one statement.
 * `tenant` names the tenant's id and path where the query renames them.
 */
export function actionFactColumns(
  caller: Caller,
  tenant: { id: SQL; buPath: SQL } = {
    id: outerTenantId,
    buPath: sql`${tenants}.${sql.identifier(tenants.buPath.name)}`,
  },
) {
  return {
    hasOpenDecommission: sql<boolean>`${openTerminationOf(tenant.id)}`,
    hasOpenWork: sql<boolean>`${openWorkOn(tenant.id)}`,
    storedRules: sql<Record<string, unknown>>`${products.rules}`,
    tenantTypes: sql<string[]>`${products.tenantTypes}`,
    rolesBelow: sql<RoleName[]>`array(select a.role::text from ${roleAssignments} a
      where a.user_id = ${caller.user.id}::uuid and ${inScope(sql`a.bu_path`, caller)} and a.bu_path @> ${tenant.buPath})`,
  };
}

type FactsOfTenant = TenantFact & ActionFacts;

/**
 * What the caller may request on each tenant now, decided by the same rule functions that judge a
 * submitted request, so the widget offers nothing the cockpit would then refuse. A restore also
 * needs a valid contract and room under the productive limit, a copy a source and an order a
 * contract; those are checked when it is requested (the widget shows the dry run first).
 */
export function allowedActionsOf(caller: Caller, page: readonly FactsOfTenant[]): Map<string, TenantAction[]> {
  const rulesOf = new Map<string, ProductRules>();
  const actions = new Map<string, TenantAction[]>();
  for (const tenant of page) {
    let rules = rulesOf.get(tenant.productId);
    if (!rules) {
      rules = productRules(tenant.storedRules, tenant.tenantTypes);
      rulesOf.set(tenant.productId, rules);
    }
    const roles = effectiveRoles([...caller.roles, ...tenant.rolesBelow]);
    const granted: TenantAction[] = [];
    if (allowed(evaluateDecommission({ tenant, rules, roles }).validations)) granted.push('terminate');
    if (allowed([permission('restore', tenant.type, roles, rules), tenantState('restore', tenant, 'body.tenantId')]))
      granted.push('restore');
    // Copying into a tenant deploys onto it: its type decides the role, as in `evaluateCopy`.
    if (allowed([permission('copy', tenant.type, roles, rules), tenantState('copy', tenant, 'body.targetTenantId')]))
      granted.push('copy-into');
    // The new tenant's type is chosen in the form: any type the caller may order will do.
    if (
      allowed([tenantState('order', tenant, 'body.applicationDataSourceTenantId')]) &&
      rules.tenantTypes.some((type) => allowed([permission('order', type, roles, rules)]))
    )
      granted.push('order-from');
    // The partner is chosen in the dialog: any type of the product the caller may deploy into will do.
    if (
      allowed([tenantState('transport', tenant, 'body.sourceTenantId')]) &&
      rules.tenantTypes.some((type) => allowed([permission('transport', type, roles, rules)]))
    )
      granted.push('transport');
    if (
      allowed([
        permission('profile-restore', tenant.type, roles, rules),
        tenantState('profile-restore', tenant, 'body.tenantId'),
      ])
    )
      granted.push('profile-versions');
    actions.set(tenant.id, granted);
  }
  return actions;
}
