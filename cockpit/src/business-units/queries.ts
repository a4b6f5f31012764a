import type { BusinessUnit } from '@scc/contracts/business-units';
import { businessUnits, executeRows, inSubtree, type Transaction } from '@scc/db';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Caller } from '../scope/caller.js';
import { inScope, under } from '../scope/in-subtree.js';

const columns = (caller: Caller) => ({
  id: businessUnits.id,
  parentId: sql<
    string | null
  >`case when ${businessUnits.id} = ${caller.businessUnit.id} then null else ${businessUnits.parentId} end`,
  name: businessUnits.name,
  kind: businessUnits.kind,
  depth: sql<number>`(nlevel(${businessUnits.path}) - nlevel(${caller.scopePath}::ltree))::int`,
  // Written out: drizzle leaves a lone table's columns unqualified, which inside the subquery
  // would name the subquery's own columns.
  childCount: sql<number>`(select count(*)::int from business_units c where c.parent_id = business_units.id)`,
  path: businessUnits.path,
});

type Row = BusinessUnit & { path: string };
const view = ({ path: _path, ...unit }: Row): BusinessUnit => unit;

/** Pre-order (parents before children) page of the caller's subtree. */
export async function listBusinessUnits(
  tx: Transaction,
  caller: Caller,
  options: { limit: number; afterPath?: string | undefined },
): Promise<{ items: BusinessUnit[]; lastPath: string | undefined; hasMore: boolean }> {
  // Both the GiST and the btree index can find the subtree; only the btree yields it in path order.
  // Guessing the subtree tiny (see withScope), the planner would take the GiST one and sort the
  // whole subtree for one page, unless sorting is off for the rest of this transaction.
  await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
  const rows = await tx
    .select(columns(caller))
    .from(businessUnits)
    .where(
      and(
        inSubtree(businessUnits.path, caller.scopePath, businessUnits.pathKey),
        options.afterPath ? gt(businessUnits.pathKey, options.afterPath) : undefined,
      ),
    )
    .orderBy(asc(businessUnits.pathKey))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return { items: page.map(view), lastPath: page.at(-1)?.path, hasMore: rows.length > options.limit };
}

export interface NamePosition {
  name: string;
  id: string;
}

const afterName = (after: NamePosition | undefined) =>
  after ? sql`(${businessUnits.name}, ${businessUnits.id}) > (${after.name}, ${after.id}::uuid)` : undefined;

/** One tree level: the direct children of a unit, by name. */
export async function listChildren(
  tx: Transaction,
  caller: Caller,
  options: { parentId: string; limit: number; after?: NamePosition | undefined },
): Promise<{ items: BusinessUnit[]; hasMore: boolean }> {
  const rows = await tx
    .select(columns(caller))
    .from(businessUnits)
    .where(
      and(inScope(businessUnits.path, caller), eq(businessUnits.parentId, options.parentId), afterName(options.after)),
    )
    .orderBy(asc(businessUnits.name), asc(businessUnits.id))
    .limit(options.limit + 1);
  return { items: rows.slice(0, options.limit).map(view), hasMore: rows.length > options.limit };
}

/**
 * Units below `underPath` whose name contains `q`, by name, each with its ancestors inside the
 * scope. `scc_search_business_units` (migration 0015) applies the transaction's scope itself, so
 * that a trigram index can serve the match under row-level security, and returns whole rows: a
 * join back to `business_units` would read the whole subtree (see the migration).
 */
export async function searchBusinessUnits(
  tx: Transaction,
  caller: Caller,
  options: { q: string; underPath: string; limit: number; after?: NamePosition | undefined },
): Promise<{ items: BusinessUnit[]; hasMore: boolean }> {
  const { q, underPath, limit, after } = options;
  const rows = await executeRows<BusinessUnit>(
    tx,
    sql`select m.business_unit_id as id,
        case when m.business_unit_id = ${caller.businessUnit.id} then null else m.parent_id end as "parentId",
        m.name, m.kind, (nlevel(m.path) - nlevel(${caller.scopePath}::ltree))::int as depth,
        m.child_count as "childCount", m.ancestors
      from scc_search_business_units(${q}, ${underPath}::ltree, ${after?.name ?? null}, ${after?.id ?? null}::uuid, ${limit + 1}) m
      order by m.name, m.business_unit_id`,
  );
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function findBusinessUnit(tx: Transaction, caller: Caller, id: string): Promise<Row | undefined> {
  const [row] = await tx
    .select(columns(caller))
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), eq(businessUnits.id, id)));
  return row;
}

export function businessUnitView(row: Row): BusinessUnit {
  return view(row);
}

export interface LockedBusinessUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
}

/**
 * Reads a unit of the subtree and locks it until the transaction ends. Whoever derives a
 * `bu_path` from a unit's path must read it this way (`share`): a subtree move locks its whole
 * subtree for update before rewriting it, so it waits for such a write to commit and then
 * rewrites its rows too, or the write waits for the move and reads the moved path. Whoever
 * changes or deletes the unit itself takes `update` at once (upgrading a share lock later
 * could deadlock against another writer doing the same).
 */
export async function lockBusinessUnit(
  tx: Transaction,
  scope: Pick<Caller, 'scopePath'>,
  id: string,
  mode: 'share' | 'update' = 'share',
): Promise<LockedBusinessUnit | undefined> {
  const [row] = await tx
    .select({
      id: businessUnits.id,
      parentId: businessUnits.parentId,
      name: businessUnits.name,
      kind: businessUnits.kind,
      path: businessUnits.path,
    })
    .from(businessUnits)
    .where(and(under(businessUnits.path, scope.scopePath), eq(businessUnits.id, id)))
    .for(mode);
  return row;
}

/** From the caller's own unit down to `path` inclusive. */
export async function ancestorsInScope(
  tx: Transaction,
  caller: Caller,
  path: string,
): Promise<{ id: string; name: string; kind: string }[]> {
  return tx
    .select({ id: businessUnits.id, name: businessUnits.name, kind: businessUnits.kind })
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), sql`${businessUnits.path} @> ${path}::ltree`))
    .orderBy(sql`nlevel(${businessUnits.path})`);
}
