import { businessUnits, type Transaction } from '@scc/db';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import type { BusinessUnit } from './schemas.js';

const columns = (caller: Caller) => ({
  id: businessUnits.id,
  parentId: sql<
    string | null
  >`case when ${businessUnits.id} = ${caller.businessUnit.id} then null else ${businessUnits.parentId} end`,
  name: businessUnits.name,
  kind: businessUnits.kind,
  depth: sql<number>`(nlevel(${businessUnits.path}) - nlevel(${caller.scopePath}::ltree))::int`,
  path: businessUnits.path,
});

const inScope = (caller: Caller) => sql`${businessUnits.path} <@ ${caller.scopePath}::ltree`;

/** Pre-order (parents before children) page of the caller's subtree, or the children of one unit. */
export async function listBusinessUnits(
  tx: Transaction,
  caller: Caller,
  options: { parentId?: string | undefined; limit: number; afterPath?: string | undefined },
): Promise<{ items: BusinessUnit[]; lastPath: string | undefined; hasMore: boolean }> {
  const rows = await tx
    .select(columns(caller))
    .from(businessUnits)
    .where(
      and(
        inScope(caller),
        options.parentId ? eq(businessUnits.parentId, options.parentId) : undefined,
        options.afterPath ? gt(businessUnits.path, options.afterPath) : undefined,
      ),
    )
    .orderBy(asc(businessUnits.path))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(({ path: _path, ...unit }) => unit),
    lastPath: page.at(-1)?.path,
    hasMore: rows.length > options.limit,
  };
}

export async function findBusinessUnit(tx: Transaction, caller: Caller, id: string) {
  const [row] = await tx
    .select(columns(caller))
    .from(businessUnits)
    .where(and(inScope(caller), eq(businessUnits.id, id)));
  return row;
}
