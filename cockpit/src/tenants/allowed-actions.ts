import type { TenantAction } from '@scc/contracts/tenants';
import { products, type RoleName, roleAssignments, type Transaction } from '@scc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { tenantFacts } from '../operations/assess.js';
import { evaluateDecommission } from '../operations/evaluate.js';
import { productRules } from '../operations/product-rules.js';
import { allowed, permission, tenantState } from '../operations/rules.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { effectiveRoles } from '../scope/roles.js';

/**
 * What the caller may request on each tenant now, decided by the same rule functions that judge a
 * submitted request, so the widget offers nothing the cockpit would then refuse. Three statements
 * for a whole page, whatever its size: the tenants' open work, the caller's roles below its unit
 * and the products' rules. A restore also needs a valid contract and room under the productive
 * limit; those are checked when it is requested.
 */
export async function allowedActionsOf(
  tx: Transaction,
  caller: Caller,
  page: readonly { id: string; buPath: string; productId: string }[],
): Promise<Map<string, TenantAction[]>> {
  if (page.length === 0) return new Map();
  const facts = await tenantFacts(
    tx,
    caller,
    page.map((t) => t.id),
  );
  const rolesAt = await rolesOnEach(
    tx,
    caller,
    page.map((t) => t.buPath),
  );
  const rules = await rulesOfEach(
    tx,
    page.map((t) => t.productId),
  );
  const actions = new Map<string, TenantAction[]>();
  for (const { id, buPath, productId } of page) {
    const tenant = facts.get(id);
    const productRules = rules.get(productId);
    if (!tenant || !productRules) continue;
    const roles = rolesAt(buPath);
    const granted: TenantAction[] = [];
    if (allowed(evaluateDecommission({ tenant, rules: productRules, roles }).validations)) granted.push('terminate');
    if (
      allowed([
        permission('restore', tenant.type, roles, productRules),
        tenantState('restore', tenant, 'body.tenantId'),
      ])
    )
      granted.push('restore');
    actions.set(id, granted);
  }
  return actions;
}

/**
 * The caller's roles on units of its subtree, like `rolesOn`, for many units in one statement:
 * those held on the acting unit or above, plus those held between it and each unit.
 */
async function rolesOnEach(
  tx: Transaction,
  caller: Caller,
  paths: readonly string[],
): Promise<(path: string) => RoleName[]> {
  const distinct = [...new Set(paths)];
  const below = await tx
    .select({ role: roleAssignments.role, buPath: roleAssignments.buPath })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, caller.user.id),
        inScope(roleAssignments.buPath, caller),
        sql`${roleAssignments.buPath} @> any(array[${sql.join(
          distinct.map((p) => sql`${p}::ltree`),
          sql`, `,
        )}])`,
      ),
    );
  const byPath = new Map(
    distinct.map((path) => [
      path,
      effectiveRoles([
        ...caller.roles,
        ...below.filter((a) => path === a.buPath || path.startsWith(`${a.buPath}.`)).map((a) => a.role),
      ]),
    ]),
  );
  return (path) => byPath.get(path) ?? effectiveRoles(caller.roles);
}

async function rulesOfEach(tx: Transaction, productIds: readonly string[]) {
  // Row-level security shows the caller its own products and those its ancestors share.
  const rows = await tx
    .select({ id: products.id, rules: products.rules, tenantTypes: products.tenantTypes })
    .from(products)
    .where(inArray(products.id, [...new Set(productIds)]));
  return new Map(rows.map((row) => [row.id, productRules(row.rules, row.tenantTypes)]));
}
