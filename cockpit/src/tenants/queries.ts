import { createHash } from 'node:crypto';
import { keysetCursor, readKeysetCursor } from '@scc/contracts/pagination';
import {
  hiddenLifecycleStatuses,
  type ListTenantsQuery,
  type LifecycleStatus,
  lifecycleStatuses,
  operationalStatuses,
  TENANT_COUNT_CAP,
  type Tenant,
  type TenantSort,
} from '@scc/contracts/tenants';
import { businessUnits, executeRows, inSubtree, products, type Transaction, tenants } from '@scc/db';
import { type AnyColumn, and, asc, desc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { allowedActionsOf } from './allowed-actions.js';

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
 * has an index in that order (migration 0013): a page walks it and stops after `limit` rows.
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

export function tenantCursor(query: TenantListQuery, last: TenantRow): string {
  return keysetCursor([listDigest(query), ...sortKeys[query.sort].map((key) => key.of(last))]);
}

/** The sort keys after which the page starts; a 400 naming `query.cursor` for a cursor of another list. */
export function readTenantCursor(query: TenantListQuery, cursor: string | undefined): string[] | undefined {
  const keys = sortKeys[query.sort];
  const values = readKeysetCursor(
    cursor,
    keys.length + 1,
    ([digest, ...rest]) => digest === listDigest(query) && rest.every((v, i) => keys[i]?.valid(v)),
  );
  return values?.slice(1);
}

/** `%`, `_` and `\` in a search are themselves, not patterns. */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(underPath: string, query: TenantListQuery): SQL | undefined {
  return and(
    // `underPath` is a unit the caller's scope already found, so one subtree condition covers both.
    inSubtree(tenants.buPath, underPath),
    query.type ? eq(tenants.type, query.type) : undefined,
    query.lifecycle === undefined
      ? notInArray(tenants.lifecycleStatus, [...hiddenLifecycleStatuses])
      : query.lifecycle === 'all'
        ? undefined
        : eq(tenants.lifecycleStatus, query.lifecycle as LifecycleStatus),
    query.status ? eq(tenants.operationalStatus, query.status) : undefined,
    query.q ? sql`${tenants.name} ilike ${containing(query.q)}` : undefined,
  );
}

/** After the cursor's row in the list's order: one row comparison over all sort keys. */
function after(keys: Key[], values: string[], descending: boolean): SQL {
  const row = (parts: SQL[]) => sql`(${sql.join(parts, sql`, `)})`;
  const comparison = (n: number) =>
    sql`${row(keys.slice(0, n).map((k) => sql`${k.column}`))} ${descending ? sql`<` : sql`>`} ${row(
      keys.slice(0, n).map((k, i) => k.cast(values[i] ?? '')),
    )}`;
  // Sorted by unit, the comparison spans two tables and so drives no index; its unit part alone
  // (not strict: the unit's remaining tenants come first) lets the walk over units start there.
  const unitStart =
    keys[0]?.column === businessUnits.name
      ? sql`${row(keys.slice(0, 2).map((k) => sql`${k.column}`))} ${descending ? sql`<=` : sql`>=`} ${row(
          keys.slice(0, 2).map((k, i) => k.cast(values[i] ?? '')),
        )}`
      : undefined;
  return and(unitStart, comparison(keys.length)) as SQL;
}

/** Tenants of the caller's subtree (or of one unit's subtree inside it): one keyset page and the count of all matches. */
export async function listTenants(
  tx: Transaction,
  caller: Caller,
  options: { underPath: string; query: TenantListQuery; limit: number; after: string[] | undefined },
): Promise<{ items: Tenant[]; last: TenantRow | undefined; hasMore: boolean; total: number; totalCapped: boolean }> {
  const keys = sortKeys[options.query.sort];
  const descending = options.query.order === 'desc';
  const where = filters(options.underPath, options.query);
  const rows = await tx
    .select(columns)
    .from(tenants)
    .innerJoin(businessUnits, eq(businessUnits.id, tenants.businessUnitId))
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(and(where, options.after ? after(keys, options.after, descending) : undefined))
    .orderBy(...keys.map((k) => (descending ? desc(k.column) : asc(k.column))))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const [counted] = await executeRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${tenants} where ${where} limit ${TENANT_COUNT_CAP + 1}) matches`,
  );
  const total = counted?.n ?? 0;
  const allowed = await allowedActionsOf(tx, caller, page);
  return {
    items: page.map(({ buPath: _buPath, ...tenant }) => ({ ...tenant, allowedActions: allowed.get(tenant.id) ?? [] })),
    last: page.at(-1),
    hasMore: rows.length > options.limit,
    total: Math.min(total, TENANT_COUNT_CAP),
    totalCapped: total > TENANT_COUNT_CAP,
  };
}

export async function findTenant(tx: Transaction, caller: Caller, id: string): Promise<Tenant | undefined> {
  const [row] = await tx
    .select(columns)
    .from(tenants)
    .innerJoin(businessUnits, eq(businessUnits.id, tenants.businessUnitId))
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(and(inScope(tenants.buPath, caller), eq(tenants.id, id)));
  if (!row) return undefined;
  const { buPath: _buPath, ...tenant } = row;
  const allowed = await allowedActionsOf(tx, caller, [row]);
  return { ...tenant, allowedActions: allowed.get(row.id) ?? [] };
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
