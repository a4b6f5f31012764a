import type { ProductRules } from '@scc/contracts/operations';
import { ProblemError } from '@scc/contracts/problem';
import { businessUnits, executeRows, operationRequests, products, type Transaction, tenants } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import type { TenantRef } from './determinations.js';
import { productRules } from './product-rules.js';
import type { ContractFact, TenantFact } from './rules.js';
import { openStates } from './state-machine.js';

/**
 * What the rules of a request need to know, read from the database. Each kind of request gathers
 * its facts in one statement, so a dry-run is one round trip inside its scoped transaction and a
 * submit adds only its locks: under load the round trips, not the rules, were the cost.
 */

export type ScopedTenantFact = TenantFact & { buPath: string };

const open = [...openStates];

/**
 * A termination lets its tenant go (stops counting it as live) only once it may run: awaiting
 * approval the tenant is still live, so a rejected or expired termination gives back nothing it
 * took (the database's limit trigger of migration 0012 counts the same way).
 */
const releasing = open.filter((state) => state !== 'awaiting-approval');

/**
 * The outer query's `tenants.id`, spelled with its table: a bare column inside a correlated
 * subquery renders as `"id"` and binds to the subquery's own table instead.
 */
export const outerTenantId = sql`${tenants}.${sql.identifier(tenants.id.name)}`;

export const openTerminationOf = (tenantId: SQL, states: readonly string[] = open) => sql`exists (select 1
  from ${operationRequests} r where r.tenant_id = ${tenantId} and r.kind = 'decommission' and r.state in ${states})`;

/**
 * An open order, copy or restore reads or writes the tenant: it creates it (an order or a restore
 * into a new tenant), writes into it or reads from it.
 */
export const openWorkOn = (tenantId: SQL) => sql`exists (select 1 from ${operationRequests} r
  where r.state in ${open} and r.kind <> 'decommission' and (r.tenant_id = ${tenantId}
    or ${tenantId}::text in (r.checkpoint->>'newTenantId', r.checkpoint->>'sourceTenantId',
      r.checkpoint->>'applicationDataSourceTenantId', r.checkpoint->>'solutionProfileSourceTenantId')))`;

/**
 * The ids of a list, as a subquery. The list is one json parameter, so the statement's text does not
 * depend on how many ids there are and one prepared statement serves every length.
 */
const idList = (ids: readonly string[]) =>
  sql`select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)`;

/**
 * Runs a statement whose one row's one column `facts` is json as a prepared statement: planning
 * it cost the database about three times what running it does (BENCHMARKS.md). Every value in it
 * is a parameter, so its text, and the plan prepared for it, serve every caller.
 */
async function gathered<T>(tx: Transaction, name: string, statement: SQL): Promise<T> {
  const [row] = await tx
    .select({ facts: sql<T>`gathered.facts` })
    .from(sql`(${statement}) gathered`)
    .prepare(name)
    .execute();
  if (!row) throw new Error(`${name} returned no row`);
  return row.facts;
}

/**
 * The facts of the caller's tenants whose ids `idSet` (a subquery) yields, as a json array. Open
 * work is asked of `scc_tenant_has_open_work` (migration 0027), which also sees requests filed in
 * other subtrees: a copy into Stores reads from a Finance tenant that a Finance-only caller must
 * not terminate meanwhile. The ids
 * are gathered into an array first, so the primary key finds each tenant and nothing scans.
 */
function tenantFactsJson(caller: Caller, idSet: SQL) {
  const t = sql`t.id`;
  return sql`(select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'type', t.type,
      'productId', t.product_id, 'businessUnitId', t.business_unit_id, 'lifecycleStatus', t.lifecycle_status,
      'buPath', t.bu_path, 'hasOpenDecommission', ${openTerminationOf(t)},
      'hasOpenWork', scc_tenant_has_open_work(t.id))), '[]')
    from ${tenants} t
    where ${inScope(sql`t.bu_path`, caller)} and t.id = any(array(${idSet})))`;
}

const byId = (facts: ScopedTenantFact[]) => new Map(facts.map((fact) => [fact.id, fact]));

/** Tenants by id inside the caller's subtree, with what the rules need to know about each. */
export async function tenantFacts(
  tx: Transaction,
  caller: Caller,
  ids: string[],
): Promise<Map<string, ScopedTenantFact>> {
  if (ids.length === 0) return new Map();
  return byId(
    await gathered<ScopedTenantFact[]>(
      tx,
      'tenant-facts',
      sql`select ${tenantFactsJson(caller, idList(ids))} as facts`,
    ),
  );
}

interface ProductRow {
  id: string;
  rules: Record<string, unknown>;
  tenantTypes: string[];
}

// Row-level security shows the caller its own products and those its ancestors share.
const productJson = (productId: SQL) => sql`(select json_build_object('id', p.id, 'rules', p.rules,
    'tenantTypes', p.tenant_types) from ${products} p where p.id = ${productId})`;

const productOf = (row: ProductRow | null) =>
  row ? { id: row.id, rules: productRules(row.rules, row.tenantTypes) } : undefined;

export async function rulesOf(tx: Transaction, productId: string): Promise<ProductRules> {
  const [row] = await executeRows<{ product: ProductRow | null }>(
    tx,
    sql`select ${productJson(sql`${productId}::uuid`)} as product`,
  );
  const product = productOf(row?.product ?? null);
  if (!product) throw ProblemError.of('notFound');
  return product.rules;
}

interface ContractRow {
  startsOn: string;
  endsOn: string | null;
  options: { extraTestTenants?: number };
}

/** The contract for the product held by the unit or its nearest ancestor that has one (migration 0005). */
const contractJson = (from: SQL, buPath: SQL, productId: SQL) => sql`(select json_build_object(
    'startsOn', c.starts_on::text, 'endsOn', c.ends_on::text, 'options', c.options)
  from ${from}, scc_contract_for(${buPath}, ${productId}) c)`;

const contractOf = (row: ContractRow | null): ContractFact | null =>
  row ? { startsOn: row.startsOn, endsOn: row.endsOn, extraTestTenants: row.options.extraTestTenants ?? 0 } : null;

const countsAgainstLimit = sql`${tenants.lifecycleStatus} in ('provisioning', 'live') and not ${openTerminationOf(outerTenantId, releasing)}`;

/**
 * Tenants of a type that count against its limit, plus orders for that type that have no tenant
 * yet and restores of that type that have not brought theirs back yet.
 */
const limitCount = (businessUnitId: SQL | string, productId: SQL | string, type: string) => sql`(
    (select count(*) from ${tenants} where ${tenants.businessUnitId} = ${businessUnitId}
      and ${tenants.productId} = ${productId} and ${tenants.type} = ${type} and ${countsAgainstLimit})
    + (select count(*) from ${operationRequests} o where o.business_unit_id = ${businessUnitId}
      and o.product_id = ${productId} and o.kind = 'order' and o.draft->>'type' = ${type}
      and o.state in ${open} and o.tenant_id is null)
    + (select count(*) from ${operationRequests} o where o.business_unit_id = ${businessUnitId}
      and o.product_id = ${productId} and o.kind = 'restore' and o.checkpoint->>'type' = ${type}
      and o.state in ${open} and not ('restore' = any(o.completed_steps)))
  )::int`;

export async function countForLimit(
  tx: Transaction,
  businessUnitId: string,
  productId: string,
  type: string,
): Promise<number> {
  const [row] = await executeRows<{ n: number }>(tx, sql`select ${limitCount(businessUnitId, productId, type)} as n`);
  return row?.n ?? 0;
}

const limitLock = (businessUnitId: SQL | string, productId: SQL | string) =>
  sql`pg_advisory_xact_lock(hashtext('scc-operation-limits'), hashtext(${businessUnitId}::text || '/' || ${productId}::text))`;

/**
 * Serialises decisions that count tenants of one unit and product: twenty parallel orders of a
 * productive tenant must see each other's requests, so each waits for the previous one's commit.
 * The facts are read in a statement after the lock: each statement sees what committed before it.
 */
export async function lockUnitProduct(tx: Transaction, businessUnitId: string, productId: string): Promise<void> {
  await tx.execute(sql`select ${limitLock(businessUnitId, productId)}`);
}

/**
 * Holds the unit FOR SHARE (the stored request copies its path: a concurrent subtree move waits
 * for this transaction and then carries the new row along, see moveSubtree), then takes the
 * unit and product's limit lock. Nothing when either is not the caller's: the facts answer 404.
 */
export async function lockOrder(tx: Transaction, caller: Caller, businessUnitId: string, productId: string) {
  await tx.execute(sql`select ${limitLock(sql`u.id`, sql`p.id`)}
    from (select u.id from ${businessUnits} u
      where ${inScope(sql`u.path`, caller)} and u.id = ${businessUnitId} for share) u,
    ${products} p where p.id = ${productId}`);
}

/** What `lock` took on a tenant; a restore's caller decides from it whether a limit lock is due. */
export async function lockTenant(
  tx: Transaction,
  tenantId: string,
  strength: 'update' | 'share',
): Promise<{ businessUnitId: string; productId: string; type: string } | undefined> {
  const [row] = await executeRows<{ businessUnitId: string; productId: string; type: string }>(
    tx,
    sql`select business_unit_id as "businessUnitId", product_id as "productId", type from ${tenants}
      where ${tenants.id} = ${tenantId} ${strength === 'update' ? sql`for update` : sql`for share`}`,
  );
  return row;
}

const isLiveProductive = sql`t.type = 'productive' and t.lifecycle_status = 'live'
  and not ${openTerminationOf(sql`t.id`)}`;

export interface OrderFacts {
  unit: { id: string; name: string; path: string } | undefined;
  product: { id: string; rules: ProductRules } | undefined;
  /** The unit's own live productive tenant of the product, if any. */
  productive: TenantRef | null;
  /** A live productive tenant of the product on a sibling unit (same parent), if any. */
  siblingProductive: TenantRef | null;
  contract: ContractFact | null;
  /** Against the type's limit: only counted for productive and test tenants, which have one. */
  limitCount: number;
  /** The chosen sources and the proposable ones (the productive tenants above). */
  tenants: Map<string, ScopedTenantFact>;
}

/**
 * An order's facts: the unit, the product, the productive tenants a determination may propose, the
 * facts of every tenant the order may start from (chosen or proposed), the contract and the count
 * against the type's limit.
 */
export async function orderFacts(
  tx: Transaction,
  caller: Caller,
  draft: { businessUnitId: string; productId: string; type: string },
  chosenSources: readonly string[],
): Promise<OrderFacts> {
  const productId = sql`${draft.productId}::uuid`;
  // A tenant on its way out is no source to propose.
  const proposable = sql`select t.id, t.name from ${tenants} t, unit
    where ${inScope(sql`t.bu_path`, caller)} and ${isLiveProductive} and t.product_id = ${productId}`;
  const limited = draft.type === 'productive' || draft.type === 'test';
  const row = await gathered<{
    unit: OrderFacts['unit'] | null;
    product: ProductRow | null;
    productive: TenantRef | null;
    siblingProductive: TenantRef | null;
    tenants: ScopedTenantFact[];
    contract: ContractRow | null;
    limitCount: number | null;
  }>(
    tx,
    `order-facts-${limited ? 'counted' : 'uncounted'}`,
    sql`with unit as (
        select u.id, u.name, u.path from ${businessUnits} u
        where ${inScope(sql`u.path`, caller)} and u.id = ${draft.businessUnitId}
      ), productive as (
        ${proposable} and t.business_unit_id = unit.id
        order by t.created_at, t.id limit 1
      ), sibling as (
        ${proposable} and nlevel(unit.path) > 1 and nlevel(t.bu_path) = nlevel(unit.path)
          and subpath(t.bu_path, 0, nlevel(t.bu_path) - 1) = subpath(unit.path, 0, nlevel(unit.path) - 1)
          and t.bu_path <> unit.path
        order by t.created_at, t.id limit 1
      )
      select json_build_object('unit', (select row_to_json(unit) from unit),
        'product', ${productJson(productId)},
        'productive', (select row_to_json(productive) from productive),
        'siblingProductive', (select row_to_json(sibling) from sibling),
        'tenants', ${tenantFactsJson(caller, sql`${idList(chosenSources)} union all select id from productive union all select id from sibling`)},
        'contract', ${contractJson(sql`unit`, sql`unit.path`, productId)},
        'limitCount', ${limited ? sql`(select ${limitCount(sql`unit.id`, productId, draft.type)} from unit)` : sql`0`}
      ) as facts`,
  );
  return {
    unit: row.unit ?? undefined,
    product: productOf(row.product),
    productive: row.productive,
    siblingProductive: row.siblingProductive,
    contract: contractOf(row.contract),
    limitCount: row.limitCount ?? 0,
    tenants: byId(row.tenants),
  };
}

export interface TenantOperationFacts {
  tenants: Map<string, ScopedTenantFact>;
  /** The product of the first tenant asked for. */
  product: { id: string; rules: ProductRules } | undefined;
  /** With `forRestore`: the contract of the tenant's unit and its productive count. */
  contract: ContractFact | null;
  liveProductive: number;
}

/**
 * The facts of a request on existing tenants (the first of `ids` is the one it acts on): the
 * tenants, the product's rules and, for a restore, the contract and the count against the
 * productive limit (a restored productive tenant is live again).
 */
export async function tenantOperationFacts(
  tx: Transaction,
  caller: Caller,
  ids: [string, ...string[]],
  forRestore: boolean,
): Promise<TenantOperationFacts> {
  const row = await gathered<{
    tenants: ScopedTenantFact[];
    product: ProductRow | null;
    contract: ContractRow | null;
    liveProductive: number | null;
  }>(
    tx,
    `tenant-operation-facts-${forRestore ? 'restore' : 'other'}`,
    sql`with target as (
        select t.business_unit_id, t.product_id, t.bu_path, t.type from ${tenants} t
        where ${inScope(sql`t.bu_path`, caller)} and t.id = ${ids[0]}
      )
      select json_build_object('tenants', ${tenantFactsJson(caller, idList(ids))},
        'product', ${productJson(sql`(select product_id from target)`)},
        'contract', ${forRestore ? contractJson(sql`target`, sql`target.bu_path`, sql`target.product_id`) : sql`null::json`},
        'liveProductive', 
        ${
          forRestore
            ? sql`(select ${limitCount(sql`target.business_unit_id`, sql`target.product_id`, 'productive')}
                from target where target.type = 'productive')`
            : sql`0`
        }
      ) as facts`,
  );
  return {
    tenants: byId(row.tenants),
    product: productOf(row.product),
    contract: contractOf(row.contract),
    liveProductive: row.liveProductive ?? 0,
  };
}
