import { inSubtree, products, type Transaction, tenants } from '@scc/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PathIdPosition } from '../http/pagination.js';
import type { Caller } from '../scope/caller.js';
import type { Tenant } from './schemas.js';

const columns = {
  id: tenants.id,
  name: tenants.name,
  type: tenants.type,
  lifecycleStatus: tenants.lifecycleStatus,
  operationalStatus: tenants.operationalStatus,
  businessUnitId: tenants.businessUnitId,
  productId: tenants.productId,
  productName: products.name,
  createdAt: sql<string>`to_char(${tenants.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  buPath: tenants.buPath,
};

/** Tenants of the caller's subtree (or of one unit's subtree inside it), ordered by place in the tree. */
export async function listTenants(
  tx: Transaction,
  caller: Caller,
  options: {
    underPath?: string | undefined;
    type?: string | undefined;
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
        sql`${tenants.buPath} <@ ${caller.scopePath}::ltree`,
        inSubtree(tenants.buPath, options.underPath ?? caller.scopePath),
        options.type ? eq(tenants.type, options.type) : undefined,
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
    .where(and(sql`${tenants.buPath} <@ ${caller.scopePath}::ltree`, eq(tenants.id, id)));
  if (!row) return undefined;
  const { buPath: _buPath, ...tenant } = row;
  return tenant;
}
