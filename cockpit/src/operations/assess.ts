import type { Determinations, Draft, OrderDraft, ProductRules } from '@scc/contracts/operations';
import { ProblemError } from '@scc/contracts/problem';
import { businessUnits, executeRows, operationRequests, products, type Transaction, tenants } from '@scc/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { type Clock, calendarDay } from './clock.js';
import { determineOrder, effectiveOrder } from './determinations.js';
import { evaluateCopy, evaluateDecommission, evaluateOrder, evaluateRestore, type Verdict } from './evaluate.js';
import { productRules } from './product-rules.js';
import type { ContractFact, TenantFact } from './rules.js';
import { openStates } from './state-machine.js';

/** Everything submit needs to store a request: the verdict plus where the request belongs. */
export interface Assessment extends Verdict {
  determinations: Determinations;
  businessUnitId: string;
  productId: string;
  tenantId: string | null;
  buPath: string;
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

const open = [...openStates];

/**
 * The outer query's `tenants.id`, spelled with its table: a bare column inside a correlated
 * subquery renders as `"id"` and binds to the subquery's own table instead.
 */
export const outerTenantId = sql`${tenants}.${sql.identifier(tenants.id.name)}`;

export const openTerminationOf = (tenantId: SQL) => sql`exists (select 1 from ${operationRequests} r
  where r.tenant_id = ${tenantId} and r.kind = 'decommission' and r.state in ${open})`;

/**
 * An open order, copy or restore reads or writes the tenant: it creates it (an order or a restore
 * into a new tenant), writes into it or reads from it.
 */
export const openWorkOn = (tenantId: SQL) => sql`exists (select 1 from ${operationRequests} r
  where r.state in ${open} and r.kind <> 'decommission' and (r.tenant_id = ${tenantId}
    or ${tenantId}::text in (r.checkpoint->>'newTenantId', r.checkpoint->>'sourceTenantId',
      r.checkpoint->>'applicationDataSourceTenantId', r.checkpoint->>'solutionProfileSourceTenantId')))`;

/** Tenants by id inside the caller's subtree, with what the rules need to know about each. */
export async function tenantFacts(
  tx: Transaction,
  caller: Caller,
  ids: string[],
): Promise<Map<string, TenantFact & { buPath: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      id: tenants.id,
      name: tenants.name,
      type: tenants.type,
      productId: tenants.productId,
      businessUnitId: tenants.businessUnitId,
      lifecycleStatus: tenants.lifecycleStatus,
      buPath: tenants.buPath,
      hasOpenDecommission: sql<boolean>`${openTerminationOf(outerTenantId)}`,
      hasOpenWork: sql<boolean>`${openWorkOn(outerTenantId)}`,
    })
    .from(tenants)
    .where(and(inScope(tenants.buPath, caller), inArray(tenants.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

async function productOf(tx: Transaction, productId: string): Promise<{ id: string; rules: ProductRules } | undefined> {
  // Row-level security shows the caller its own products and those its ancestors share.
  const [row] = await tx
    .select({ id: products.id, rules: products.rules, tenantTypes: products.tenantTypes })
    .from(products)
    .where(eq(products.id, productId));
  return row ? { id: row.id, rules: productRules(row.rules, row.tenantTypes) } : undefined;
}

/** The contract for the product held by the unit or its nearest ancestor that has one (migration 0005). */
export async function contractFor(tx: Transaction, buPath: string, productId: string): Promise<ContractFact | null> {
  const [row] = await executeRows<{
    starts_on: string | Date;
    ends_on: string | Date | null;
    options: { extraTestTenants?: number };
  }>(
    tx,
    sql`select starts_on::text as starts_on, ends_on::text as ends_on, options from scc_contract_for(${buPath}::ltree, ${productId}::uuid)`,
  );
  if (!row) return null;
  return {
    startsOn: String(row.starts_on),
    endsOn: row.ends_on === null ? null : String(row.ends_on),
    extraTestTenants: row.options.extraTestTenants ?? 0,
  };
}

const countsAgainstLimit = sql`${tenants.lifecycleStatus} in ('provisioning', 'live') and not ${openTerminationOf(outerTenantId)}`;

/**
 * Tenants of a type that count against its limit, plus orders for that type that have no tenant
 * yet and restores of that type that have not brought theirs back yet.
 */
export async function countForLimit(
  tx: Transaction,
  businessUnitId: string,
  productId: string,
  type: string,
): Promise<number> {
  const [row] = await tx
    .execute<{ n: number }>(sql`select (
      (select count(*) from ${tenants} where ${tenants.businessUnitId} = ${businessUnitId}
        and ${tenants.productId} = ${productId} and ${tenants.type} = ${type} and ${countsAgainstLimit})
      + (select count(*) from ${operationRequests} o where o.business_unit_id = ${businessUnitId}
        and o.product_id = ${productId} and o.kind = 'order' and o.draft->>'type' = ${type}
        and o.state in ${open} and o.tenant_id is null)
      + (select count(*) from ${operationRequests} o where o.business_unit_id = ${businessUnitId}
        and o.product_id = ${productId} and o.kind = 'restore' and o.checkpoint->>'type' = ${type}
        and o.state in ${open} and not ('restore' = any(o.completed_steps)))
    )::int as n`)
    .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows));
  return row?.n ?? 0;
}

async function liveProductiveOf(tx: Transaction, caller: Caller, where: ReturnType<typeof sql>) {
  const [row] = await tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(
      and(
        inScope(tenants.buPath, caller),
        eq(tenants.type, 'productive'),
        eq(tenants.lifecycleStatus, 'live'),
        // A tenant on its way out is no source to propose.
        sql`not ${openTerminationOf(outerTenantId)}`,
        where,
      ),
    )
    .orderBy(tenants.createdAt, tenants.id)
    .limit(1);
  return row ?? null;
}

/**
 * Serialises decisions that count tenants of one unit and product: twenty parallel orders of a
 * productive tenant must see each other's requests, so each waits for the previous one's commit.
 */
export async function lockUnitProduct(tx: Transaction, businessUnitId: string, productId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('scc-operation-limits'), hashtext(${`${businessUnitId}/${productId}`}))`,
  );
}

async function assessOrder(
  tx: Transaction,
  caller: Caller,
  context: AssessContext,
  draft: OrderDraft,
  options: AssessOptions,
): Promise<Assessment> {
  const unitQuery = tx
    .select({ id: businessUnits.id, name: businessUnits.name, path: businessUnits.path })
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), eq(businessUnits.id, draft.businessUnitId)));
  // The stored request copies the unit's path: holding the unit FOR SHARE makes a concurrent
  // subtree move wait for this transaction and then carry the new row along (see moveSubtree).
  const [unit] = await (options.lock ? unitQuery.for('share') : unitQuery);
  if (!unit)
    throw ProblemError.of('notFound', undefined, [{ field: 'body.businessUnitId', message: 'No such business unit' }]);
  const product = await productOf(tx, draft.productId);
  if (!product) throw ProblemError.of('notFound', undefined, [{ field: 'body.productId', message: 'No such product' }]);

  const sameProduct = eq(tenants.productId, product.id);
  const productive = await liveProductiveOf(tx, caller, and(sameProduct, eq(tenants.businessUnitId, unit.id)) as never);
  const siblingProductive = await liveProductiveOf(
    tx,
    caller,
    sql`${sameProduct} and nlevel(${unit.path}::ltree) > 1 and nlevel(${tenants.buPath}) = nlevel(${unit.path}::ltree)
      and subpath(${tenants.buPath}, 0, nlevel(${tenants.buPath}) - 1) = subpath(${unit.path}::ltree, 0, nlevel(${unit.path}::ltree) - 1)
      and ${tenants.buPath} <> ${unit.path}::ltree`,
  );
  const determinations = determineOrder({ draft, businessUnitName: unit.name, productive, siblingProductive });
  const effective = effectiveOrder(draft, determinations);
  const sourceIds = [effective.applicationDataSourceTenantId, effective.solutionProfileSourceTenantId].filter(
    (id): id is string => id !== null,
  );
  const found = await tenantFacts(tx, caller, sourceIds);
  const source = (id: string | null) => (id === null ? null : found.get(id));

  if (options.lock) await lockUnitProduct(tx, unit.id, product.id);
  const verdict = evaluateOrder({
    type: draft.type,
    productId: product.id,
    rules: product.rules,
    roles: caller.roles,
    today: calendarDay(context.clock.now()),
    contract: await contractFor(tx, unit.path, product.id),
    liveProductive: draft.type === 'productive' ? await countForLimit(tx, unit.id, product.id, 'productive') : 0,
    testTenants: draft.type === 'test' ? await countForLimit(tx, unit.id, product.id, 'test') : 0,
    sources: {
      applicationDataSourceTenantId: source(effective.applicationDataSourceTenantId),
      solutionProfileSourceTenantId: source(effective.solutionProfileSourceTenantId),
    },
  });
  return {
    ...verdict,
    determinations,
    businessUnitId: unit.id,
    productId: product.id,
    tenantId: null,
    buPath: unit.path,
    plan: { ...effective, type: draft.type },
  };
}

async function tenantOrNotFound(tx: Transaction, caller: Caller, id: string, field: string) {
  const tenant = (await tenantFacts(tx, caller, [id])).get(id);
  if (!tenant) throw ProblemError.of('notFound', undefined, [{ field, message: 'No such tenant' }]);
  return tenant;
}

export async function rulesOf(tx: Transaction, productId: string): Promise<ProductRules> {
  const product = await productOf(tx, productId);
  if (!product) throw ProblemError.of('notFound');
  return product.rules;
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
      if (options.lock)
        await tx.execute(sql`select 1 from ${tenants} where ${tenants.id} = ${draft.tenantId} for update`);
      const tenant = await tenantOrNotFound(tx, caller, draft.tenantId, 'body.tenantId');
      const rules = await rulesOf(tx, tenant.productId);
      return {
        ...evaluateDecommission({ tenant, rules, roles: caller.roles }),
        ...where(tenant),
        plan: { type: tenant.type },
      };
    }
    case 'restore': {
      if (options.lock)
        await tx.execute(sql`select 1 from ${tenants} where ${tenants.id} = ${draft.tenantId} for update`);
      const tenant = await tenantOrNotFound(tx, caller, draft.tenantId, 'body.tenantId');
      const rules = await rulesOf(tx, tenant.productId);
      const productive = tenant.type === 'productive';
      if (productive && options.lock) await lockUnitProduct(tx, tenant.businessUnitId, tenant.productId);
      const verdict = evaluateRestore({
        tenant,
        rules,
        roles: caller.roles,
        contract: await contractFor(tx, tenant.buPath, tenant.productId),
        today: calendarDay(context.clock.now()),
        liveProductive: productive ? await countForLimit(tx, tenant.businessUnitId, tenant.productId, 'productive') : 0,
      });
      return { ...verdict, ...where(tenant), plan: { mode: draft.mode, type: tenant.type } };
    }
    case 'copy': {
      // Like a termination, the stored request copies the target's path: a move waits for this lock.
      if (options.lock)
        await tx.execute(sql`select 1 from ${tenants} where ${tenants.id} = ${draft.targetTenantId} for share`);
      const target = await tenantOrNotFound(tx, caller, draft.targetTenantId, 'body.targetTenantId');
      const source = (await tenantFacts(tx, caller, [draft.sourceTenantId])).get(draft.sourceTenantId);
      const rules = await rulesOf(tx, target.productId);
      return {
        ...evaluateCopy({ draft, source, target, rules, roles: caller.roles }),
        ...where(target),
        plan: { sourceTenantId: draft.sourceTenantId, parts: draft.parts },
      };
    }
  }
}

function where(tenant: TenantFact & { buPath: string }) {
  return {
    determinations: {},
    businessUnitId: tenant.businessUnitId,
    productId: tenant.productId,
    tenantId: tenant.id,
    buPath: tenant.buPath,
  };
}
