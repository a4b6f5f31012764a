import { createHash } from 'node:crypto';
import { keysetCursor, readKeysetCursor } from '@scc/contracts/pagination';
import {
  hiddenLifecycleStatuses,
  type LifecycleStatus,
  type ListTenantsQuery,
  lifecycleStatuses,
  operationalStatuses,
  TENANT_COUNT_CAP,
  type Tenant,
  type TenantSort,
} from '@scc/contracts/tenants';
import { businessUnits, executeRows, inSubtree, products, rowsOf, type Transaction, tenants } from '@scc/db';
import { type AnyColumn, and, asc, desc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { type ActionFacts, actionFactColumns, allowedActionsOf } from './allowed-actions.js';

/** Timestamps leave the database as ISO 8601 UTC text, the same on both engines. */
export function isoTimestamp(column: AnyColumn | SQL) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const columns = {
  id: tenants.id,
  name: tenants.name,
  type: tenants.type,
  lifecycleStatus: tenants.lifecycleStatus,
  operationalStatus: tenants.operationalStatus,
  businessUnitId: tenants.businessUnitId,
  businessUnitName: businessUnits.name,
  productId: tenants.productId,
  productName: products.name,
  createdAt: isoTimestamp(tenants.createdAt),
  retainedUntil: sql<string | null>`${isoTimestamp(tenants.retainedUntil)}`,
  buPath: tenants.buPath,
};

export type TenantRow = Omit<Tenant, 'allowedActions'> & { buPath: string };
type PageRow = TenantRow & ActionFacts;

/** The tenant as the API shows it: its own columns and what the caller may do with it. */
function tenantView(row: TenantRow, allowedActions: Tenant['allowedActions']): Tenant {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    lifecycleStatus: row.lifecycleStatus,
    operationalStatus: row.operationalStatus,
    businessUnitId: row.businessUnitId,
    businessUnitName: row.businessUnitName,
    productId: row.productId,
    productName: row.productName,
    createdAt: row.createdAt,
    retainedUntil: row.retainedUntil,
    allowedActions,
  };
}

/**
 * One sort key of a keyset: the column, and how a cursor's text turns back into its type (so a
 * crafted cursor is refused here rather than failing a cast in the database).
 */
interface Key {
  column: AnyColumn;
  of: (row: TenantRow) => string;
  cast: (value: string) => SQL;
  valid: (value: string) => boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const text = (column: AnyColumn, of: Key['of']): Key => ({
  column,
  of,
  cast: (v) => sql`${v}::text`,
  valid: () => true,
});
const uuid = (column: AnyColumn, of: Key['of']): Key => ({
  column,
  of,
  cast: (v) => sql`${v}::uuid`,
  valid: (v) => UUID.test(v),
});
const oneOf = (column: AnyColumn, type: string, values: readonly string[], of: Key['of']): Key => ({
  column,
  of,
  cast: (v) => sql`${v}::${sql.identifier(type)}`,
  valid: (v) => values.includes(v),
});

const byName = [text(tenants.name, (t) => t.name), uuid(tenants.id, (t) => t.id)];

/**
 * Every sort ends in the tenant's name and id, so equal keys still page in one stable order. Each
 * has an index in that order (migration 0014): a page walks it and stops after `limit` rows.
 */
const sortKeys: Record<TenantSort, Key[]> = {
  name: byName,
  type: [text(tenants.type, (t) => t.type), ...byName],
  lifecycle: [
    oneOf(tenants.lifecycleStatus, 'tenant_lifecycle_status', lifecycleStatuses, (t) => t.lifecycleStatus),
    ...byName,
  ],
  status: [
    oneOf(tenants.operationalStatus, 'tenant_operational_status', operationalStatuses, (t) => t.operationalStatus),
    ...byName,
  ],
  businessUnit: [
    text(businessUnits.name, (t) => t.businessUnitName),
    uuid(businessUnits.id, (t) => t.businessUnitId),
    ...byName,
  ],
};

export type TenantListQuery = Omit<ListTenantsQuery, 'limit' | 'cursor'>;

/**
 * A cursor is only valid for the list it came from: it carries a digest of the sort and filters,
 * and a cursor of another list is a 400 rather than a page that silently skips or repeats rows.
 */
function listDigest(query: TenantListQuery): string {
  const { businessUnitId, type, lifecycle, status, q, sort, order } = query;
  return createHash('sha256')
    .update(JSON.stringify([businessUnitId, type, lifecycle, status, q, sort, order]))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * Where the next page starts, and the count of the walk's first page: later pages repeat it instead
 * of counting again, so a walk through 300,000 tenants costs one count, and its total stays put
 * while others add tenants.
 */
export interface TenantPosition {
  counted: number;
  after: string[];
}

export function tenantCursor(query: TenantListQuery, counted: number, last: TenantRow): string {
  return keysetCursor([listDigest(query), String(counted), ...sortKeys[query.sort].map((key) => key.of(last))]);
}

/** The position a cursor names; a 400 naming `query.cursor` for a cursor of another list. */
export function readTenantCursor(query: TenantListQuery, cursor: string | undefined): TenantPosition | undefined {
  const keys = sortKeys[query.sort];
  const values = readKeysetCursor(
    cursor,
    keys.length + 2,
    ([digest, counted, ...rest]) =>
      digest === listDigest(query) &&
      /^\d{1,5}$/.test(counted ?? '') &&
      Number(counted) <= TENANT_COUNT_CAP + 1 &&
      rest.every((v, i) => keys[i]?.valid(v)),
  );
  return values ? { counted: Number(values[1]), after: values.slice(2) } : undefined;
}

function filters(underPath: string, query: TenantListQuery): SQL | undefined {
  return and(
    // `underPath` is a unit the caller's scope already found, so one subtree condition covers both.
    inSubtree(tenants.buPath, underPath, tenants.buPathKey),
    query.type ? eq(tenants.type, query.type) : undefined,
    query.lifecycle === undefined
      ? notInArray(tenants.lifecycleStatus, [...hiddenLifecycleStatuses])
      : query.lifecycle === 'all'
        ? undefined
        : eq(tenants.lifecycleStatus, query.lifecycle as LifecycleStatus),
    query.status ? eq(tenants.operationalStatus, query.status) : undefined,
    // The name search runs in `scc_search_tenants` (migration 0015), which applies the scope
    // itself so that a trigram index can serve it under row-level security. Its ids as one array,
    // so it runs once: as `in (select …)` a generic plan that guessed the subtree tiny called it
    // again for every tenant of the subtree (minutes on 40,000 tenants).
    query.q ? sql`${tenants.id} = any(array(select scc_search_tenants(${query.q}, ${underPath}::ltree)))` : undefined,
  );
}

const row = (parts: SQL[]) => sql`(${sql.join(parts, sql`, `)})`;

/** `keys` after (or before, descending) the cursor's `values`: one row comparison, which a btree index in that order answers. */
function beyond(keys: Key[], values: string[], descending: boolean, inclusive = false): SQL {
  const op = descending ? (inclusive ? sql`<=` : sql`<`) : inclusive ? sql`>=` : sql`>`;
  return sql`${row(keys.map((k) => sql`${k.column}`))} ${op} ${row(keys.map((k, i) => k.cast(values[i] ?? '')))}`;
}

const direction = (descending: boolean) => (descending ? sql`desc` : sql`asc`);

/**
 * Sorted by unit: the units of the subtree in name order, each contributing its own first tenants
 * by name (a lateral page per unit from `tenants_business_unit_name_id_idx`), so a unit with
 * 300,000 tenants is never sorted whole.
 */
async function pageByUnit(
  tx: Transaction,
  caller: Caller,
  options: {
    underPath: string;
    where: SQL | undefined;
    after: string[] | undefined;
    descending: boolean;
    size: number;
  },
): Promise<PageRow[]> {
  const { after: cursor, descending, size } = options;
  const [unitKeys, tenantKeys] = [sortKeys.businessUnit.slice(0, 2), sortKeys.businessUnit.slice(2)];
  const withinUnit = cursor
    ? sql`and (${tenants.businessUnitId} <> ${cursor[1] ?? ''}::uuid or ${beyond(tenantKeys, cursor.slice(2), descending)})`
    : sql``;
  const order = direction(descending);
  // The facts after the page is cut, not for every unit's candidates.
  const facts = actionFactColumns(caller, { id: sql`unit_tenants.id`, buPath: sql`unit_tenants."buPath"::ltree` });
  const rows = await executeRows<{ [K in keyof PageRow]: PageRow[K] }>(
    tx,
    sql`select unit_tenants.*, ${businessUnits.name} as "businessUnitName", ${products.name} as "productName",
        ${facts.hasOpenDecommission} as "hasOpenDecommission", ${facts.hasOpenWork} as "hasOpenWork",
        ${facts.storedRules} as "storedRules", ${facts.tenantTypes} as "tenantTypes", ${facts.rolesBelow} as "rolesBelow"
      from ${businessUnits}
      cross join lateral (
        select ${tenants.id} as id, ${tenants.name} as name, ${tenants.type} as type,
          ${tenants.lifecycleStatus} as "lifecycleStatus", ${tenants.operationalStatus} as "operationalStatus",
          ${tenants.businessUnitId} as "businessUnitId", ${tenants.productId} as "productId",
          ${isoTimestamp(tenants.createdAt)} as "createdAt", ${isoTimestamp(tenants.retainedUntil)} as "retainedUntil",
          ${tenants.buPath}::text as "buPath"
        from ${tenants}
        where ${tenants.businessUnitId} = ${businessUnits.id} and ${options.where} ${withinUnit}
        order by ${tenants.name} ${order}, ${tenants.id} ${order}
        limit ${size}
      ) unit_tenants
      join ${products} on ${products.id} = unit_tenants."productId"
      where ${inSubtree(businessUnits.path, options.underPath, businessUnits.pathKey)}
        ${cursor ? sql`and ${beyond(unitKeys, cursor.slice(0, 2), descending, true)}` : sql``}
      order by ${businessUnits.name} ${order}, ${businessUnits.id} ${order}, unit_tenants.name ${order}, unit_tenants.id ${order}
      limit ${size}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    lifecycleStatus: r.lifecycleStatus,
    operationalStatus: r.operationalStatus,
    businessUnitId: r.businessUnitId,
    businessUnitName: r.businessUnitName,
    productId: r.productId,
    productName: r.productName,
    createdAt: r.createdAt,
    retainedUntil: r.retainedUntil,
    buPath: r.buPath,
    hasOpenDecommission: r.hasOpenDecommission,
    hasOpenWork: r.hasOpenWork,
    storedRules: r.storedRules,
    tenantTypes: r.tenantTypes,
    rolesBelow: r.rolesBelow,
  }));
}

/**
 * Matches up to one past the cap: enough to say "more than 10,000" without counting 300,000. The
 * same statement prepares the page's settings from the count (see {@link pageSettings}).
 */
async function countUpToCap(tx: Transaction, where: SQL | undefined): Promise<number> {
  const result = tx
    .execute(
      sql`select n, ${pageSettings(sql`n > ${TENANT_COUNT_CAP}`)}
      from (select count(*)::int as n from (select 1 from ${tenants} where ${where} limit ${TENANT_COUNT_CAP + 1}) matches) counted`,
    )
    .execute();
  const [counted] = rowsOf<{ n: number }>(await result);
  return counted?.n ?? 0;
}

/**
 * Row-level security hides the scope from the planner, which then guesses a handful of matches
 * and sorts them. With more than the cap it is told to walk the sort's index instead and stop
 * after the page (a page of 300,000 went from 2 s to 2 ms); fewer matches are collected and
 * sorted, which is cheaper than walking an index past the rows of other subtrees.
 *
 * Below the cap the page may reuse its prepared statement's generic plan: planning the page
 * anew with its policies and allowed-action facts was half of PostgreSQL's time per page
 * (BENCHMARKS.md). Above it every page is planned for its own values, so a generic plan made
 * for a small list never walks 300,000 rows, and one made with sorting off never serves one.
 */
function pageSettings(capped: SQL) {
  return sql`set_config('enable_sort', case when ${capped} then 'off' else 'on' end, true),
    set_config('plan_cache_mode', case when ${capped} then 'force_custom_plan' else 'auto' end, true),
    set_config('max_parallel_workers_per_gather', '0', true)`;
}

/** Tenants of the caller's subtree (or of one unit's subtree inside it): one keyset page and the count of all matches. */
export async function listTenants(
  tx: Transaction,
  caller: Caller,
  options: { underPath: string; query: TenantListQuery; limit: number; from: TenantPosition | undefined },
): Promise<{ items: Tenant[]; nextCursor: string | null; total: number; totalCapped: boolean }> {
  const { query, limit, from } = options;
  const after = from?.after;
  const keys = sortKeys[query.sort];
  const descending = query.order === 'desc';
  const where = filters(options.underPath, query);
  // The count (or, on a later page, which repeats the first page's count, the settings alone) and
  // the page are sent together, one round trip. Both are executed at once (`execute()`, not a
  // later `then`), so they reach the connection in this order and the database plans the page
  // with the settings the count chose.
  const counted = from
    ? tx
        .execute(sql`select ${pageSettings(sql`${from.counted}::int > ${TENANT_COUNT_CAP}`)}`)
        .execute()
        .then(() => from.counted)
    : countUpToCap(tx, where);
  const fetched: Promise<PageRow[]> =
    query.sort === 'businessUnit'
      ? pageByUnit(tx, caller, { underPath: options.underPath, where, after, descending, size: limit + 1 })
      : tx
          .select({ ...columns, ...actionFactColumns(caller) })
          .from(tenants)
          .innerJoin(businessUnits, eq(businessUnits.id, tenants.businessUnitId))
          .innerJoin(products, eq(products.id, tenants.productId))
          .where(and(where, after ? beyond(keys, after, descending) : undefined))
          .orderBy(...keys.map((k) => (descending ? desc(k.column) : asc(k.column))))
          .limit(limit + 1)
          .execute();
  const [total, rows] = await Promise.all([counted, fetched]);
  const totalCapped = total > TENANT_COUNT_CAP;
  if (totalCapped) await tx.execute(sql`select set_config('enable_sort', 'on', true)`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const allowed = allowedActionsOf(caller, page);
  return {
    items: page.map((row) => tenantView(row, allowed.get(row.id) ?? [])),
    nextCursor: rows.length > limit && last ? tenantCursor(query, total, last) : null,
    total: Math.min(total, TENANT_COUNT_CAP),
    totalCapped,
  };
}

/** One tenant of the caller's subtree with what the caller may do with it, in one statement. */
export async function findTenant(tx: Transaction, caller: Caller, id: string): Promise<Tenant | undefined> {
  const [row] = await tx
    .select({ ...columns, ...actionFactColumns(caller) })
    .from(tenants)
    .innerJoin(businessUnits, eq(businessUnits.id, tenants.businessUnitId))
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(and(inScope(tenants.buPath, caller), eq(tenants.id, id)));
  if (!row) return undefined;
  return tenantView(row, allowedActionsOf(caller, [row]).get(row.id) ?? []);
}

/**
 * Tenants by id, as the API shows them, for events written by the system outside any caller:
 * without `allowedActions`, which depend on who receives the event.
 */
export async function tenantViews(tx: Pick<Transaction, 'select'>, ids: string[]): Promise<TenantRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select(columns)
    .from(tenants)
    .innerJoin(businessUnits, eq(businessUnits.id, tenants.businessUnitId))
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(inArray(tenants.id, ids));
}
