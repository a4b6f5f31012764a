import type { PathIdPosition } from '@scc/contracts/pagination';
import { hiddenLifecycleStatuses, type LifecycleStatus, type Tenant } from '@scc/contracts/tenants';
import { inSubtree, products, type Transaction, tenants } from '@scc/db';
import { type AnyColumn, and, asc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';

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
  productId: tenants.productId,
  productName: products.name,
  createdAt: isoTimestamp(tenants.createdAt),
  retainedUntil: sql<string | null>`${isoTimestamp(tenants.retainedUntil)}`,
  buPath: tenants.buPath,
};

/** Tenants of the caller's subtree (or of one unit's subtree inside it), ordered by place in the tree. */
export async function listTenants(
  tx: Transaction,
  caller: Caller,
  options: {
    underPath?: string | undefined;
    type?: string | undefined;
    /** `undefined` hides decommissioned tenants, `all` shows every one. */
    lifecycle?: LifecycleStatus | 'all' | undefined;
    limit: number;
    after?: PathIdPosition | undefined;
  },
): Promise<{ items: Tenant[]; last: PathIdPosition | undefined; hasMore: boolean }> {
  const rows = await tx
    .select(columns)
    .from(tenants)
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(
      and(
        // `underPath` is a unit the caller's scope already found, so one subtree condition covers both.
        inSubtree(tenants.buPath, options.underPath ?? caller.scopePath),
        options.type ? eq(tenants.type, options.type) : undefined,
        options.lifecycle === undefined
          ? notInArray(tenants.lifecycleStatus, [...hiddenLifecycleStatuses])
          : options.lifecycle === 'all'
            ? undefined
            : inArray(tenants.lifecycleStatus, [options.lifecycle]),
        options.after
          ? sql`(${tenants.buPath}, ${tenants.id}) > (${options.after.path}::ltree, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(tenants.buPath), asc(tenants.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ buPath: _buPath, ...tenant }) => tenant),
    last: last ? { path: last.buPath, id: last.id } : undefined,
    hasMore: rows.length > options.limit,
  };
}

export async function findTenant(tx: Transaction, caller: Caller, id: string): Promise<Tenant | undefined> {
  const [row] = await tx
    .select(columns)
    .from(tenants)
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(and(inScope(tenants.buPath, caller), eq(tenants.id, id)));
  if (!row) return undefined;
  const { buPath: _buPath, ...tenant } = row;
  return tenant;
}

/** Tenants by id, as the API shows them; for events written by the system outside any caller. */
export async function tenantViews(
  tx: Pick<Transaction, 'select'>,
  ids: string[],
): Promise<(Tenant & { buPath: string })[]> {
  if (ids.length === 0) return [];
  return tx
    .select(columns)
    .from(tenants)
    .innerJoin(products, eq(products.id, tenants.productId))
    .where(inArray(tenants.id, ids));
}
