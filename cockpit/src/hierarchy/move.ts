import type { MovePreview } from '@scc/contracts/hierarchy';
import { ProblemError } from '@scc/contracts/problem';
import {
  businessUnitOwnedTables,
  businessUnits,
  dataSources,
  inSubtree,
  roleAssignments,
  type Transaction,
  tenants,
  users,
} from '@scc/db';
import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { EARLIEST_USAGE_DAY, onEachDay } from '../billing/daily-totals.js';
import { effectiveBrand } from '../business-units/brand.js';
import { type LockedBusinessUnit, lockBusinessUnit } from '../business-units/queries.js';
import { type Clock, calendarDay } from '../operations/clock.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller } from '../scope/caller.js';
import { inScope, under } from '../scope/in-subtree.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { brandAfterMove, type HeldRole, inheritedRoleChanges, type MoveRefusal, moveRefusal } from './move-plan.js';

const refusals: Record<MoveRefusal, { detail: string; field: string; message: string }> = {
  'own-root': { detail: 'Your own business unit cannot be moved', field: 'path.id', message: 'Your own business unit' },
  cycle: {
    detail: 'A business unit cannot move under itself or one of its descendants',
    field: 'body.newParentId',
    message: 'Lies inside the moved subtree (cycle)',
  },
  unchanged: {
    detail: 'The business unit already lies under this parent',
    field: 'body.newParentId',
    message: 'Already the parent',
  },
};

interface MoveSides {
  unit: LockedBusinessUnit;
  newParent: LockedBusinessUnit;
}

/** Scope (404), roles (403: admin on the unit and on the new parent), then the move rules (409). */
async function checkedMove(
  tx: Transaction,
  caller: Caller,
  unitId: string,
  newParentId: string,
  unitLock: 'share' | 'update',
): Promise<MoveSides> {
  const unit = await lockBusinessUnit(tx, caller, unitId, unitLock);
  const newParent = unit ? await lockBusinessUnit(tx, caller, newParentId) : undefined;
  if (!unit || !newParent) throw ProblemError.of('notFound');
  await requireRole(tx, caller, unit.path, 'admin');
  await requireRole(tx, caller, newParent.path, 'admin');
  const refusal = moveRefusal({ unit, newParent, callerRootId: caller.businessUnit.id });
  if (refusal) {
    const { detail, field, message } = refusals[refusal];
    throw ProblemError.of('conflict', detail, [{ field, message }]);
  }
  return { unit, newParent };
}

async function countsUnder(tx: Transaction, path: string) {
  const count = sql<number>`count(*)::int`;
  const below = (column: SQLWrapper, key?: SQLWrapper) => inSubtree(column, path, key);
  const [[units], [tenantCount], [userCount], [assignments], [sources]] = await Promise.all([
    tx.select({ n: count }).from(businessUnits).where(below(businessUnits.path, businessUnits.pathKey)),
    tx.select({ n: count }).from(tenants).where(below(tenants.buPath, tenants.buPathKey)),
    tx.select({ n: count }).from(users).where(below(users.buPath)),
    tx.select({ n: count }).from(roleAssignments).where(below(roleAssignments.buPath)),
    tx.select({ n: count }).from(dataSources).where(below(dataSources.buPath)),
  ]);
  return {
    businessUnits: units?.n ?? 0,
    tenants: tenantCount?.n ?? 0,
    users: userCount?.n ?? 0,
    roleAssignments: assignments?.n ?? 0,
    dataSources: sources?.n ?? 0,
  };
}

/** Names of the units from the caller's root down to `path` inclusive. */
async function namesTo(tx: Transaction, caller: Caller, path: string): Promise<string[]> {
  const rows = await tx
    .select({ name: businessUnits.name })
    .from(businessUnits)
    .where(and(inScope(businessUnits.path, caller), sql`${businessUnits.path} @> ${path}::ltree`))
    .orderBy(sql`nlevel(${businessUnits.path})`);
  return rows.map((r) => r.name);
}

/** Assignments on units from the caller's root down to `path` inclusive. */
async function rolesHeldOver(tx: Transaction, caller: Caller, path: string): Promise<HeldRole[]> {
  return tx
    .select({ userId: roleAssignments.userId, email: users.email, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(inScope(roleAssignments.buPath, caller), sql`${roleAssignments.buPath} @> ${path}::ltree`));
}

/** What a move would change, computed in the same checks as the move itself; changes nothing. */
export async function previewMove(
  tx: Transaction,
  caller: Caller,
  unitId: string,
  newParentId: string,
): Promise<MovePreview> {
  const { unit, newParent } = await checkedMove(tx, caller, unitId, newParentId, 'share');
  const [oldNames, newParentNames, counts, heldBefore, heldAbove, heldOnUnit] = await Promise.all([
    namesTo(tx, caller, unit.path),
    namesTo(tx, caller, newParent.path),
    countsUnder(tx, unit.path),
    rolesHeldOver(tx, caller, unit.path),
    rolesHeldOver(tx, caller, newParent.path),
    tx
      .select({ userId: roleAssignments.userId, email: users.email, role: roleAssignments.role })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(roleAssignments.businessUnitId, unit.id)),
  ]);
  const [own] = await tx
    .select({ brand: businessUnits.brand })
    .from(businessUnits)
    .where(eq(businessUnits.id, unit.id));
  const before = await effectiveBrand(tx, unit.id);
  const after = brandAfterMove(
    own?.brand ? { id: unit.id, name: unit.name, brand: own.brand } : undefined,
    await effectiveBrand(tx, newParent.id),
  );
  return {
    businessUnit: { id: unit.id, name: unit.name },
    from: { parentId: unit.parentId, path: oldNames.slice(0, -1) },
    to: { parentId: newParent.id, path: newParentNames },
    counts,
    brand: { before, after, changes: JSON.stringify(before) !== JSON.stringify(after) },
    inheritedRoles: inheritedRoleChanges(heldBefore, [...heldAbove, ...heldOnUnit]),
  };
}

const MOVE_LOCK_KEY = sql`hashtext('scc:business-unit-move')`;
/** Serializes moves: one transaction-scoped lock, so no two moves ever interleave. */
const MOVE_LOCK = sql`select pg_advisory_xact_lock(${MOVE_LOCK_KEY})`;

/**
 * Keeps moves out while a bulk write derives paths from the data sources' units (usage ingest):
 * the move lock, shared, so such writes run side by side but never while a move is under way. A
 * move waits for them to commit and then rewrites their rows too; they start after a move
 * committed and read the new paths. Locking every unit written, as other writers do (FOR SHARE),
 * would cost thousands of row locks per upload.
 */
export async function holdMovesOff(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${MOVE_LOCK_KEY})`);
}

/**
 * Takes the move lock (again: it is re-entrant within the transaction). Whoever reads a move's
 * units before `moveSubtree` takes it first, or two moves would each hold a unit and wait for the
 * other's lock.
 */
export async function serializeMoves(tx: Transaction): Promise<void> {
  await tx.execute(MOVE_LOCK);
}

/**
 * Moves a unit with its whole subtree under a new parent, in the caller's transaction. Moves
 * run one at a time and read both paths only after taking the move lock, so a concurrent move
 * can neither make this one a cycle nor leave it writing a stale path. Then the subtree's units
 * are locked for update (see lockBusinessUnit), and each table is rewritten by one set-based
 * UPDATE: business units first, then every table of the registry.
 */
export async function moveSubtree(tx: Transaction, caller: Caller, unitId: string, newParentId: string, clock: Clock) {
  await tx.execute(MOVE_LOCK);
  const { unit, newParent } = await checkedMove(tx, caller, unitId, newParentId, 'update');
  // The subtree leaves one place and lands in another: a requirement at either asks for a step-up.
  await requireStepUp(tx, clock, unit.path, caller);
  await requireStepUp(tx, clock, newParent.path, caller);
  // Waits for every write that derived a path from a unit of the subtree (they hold it FOR
  // SHARE) and keeps new ones out until this transaction ends; the UPDATEs below start after
  // it, so their snapshots include those writes.
  await tx
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(under(businessUnits.path, unit.path))
    .for('update');
  const counts = await countsUnder(tx, unit.path);
  const oldPath = unit.path;
  // Everything from the moved unit's own label on, appended to the new parent's path. (subpath at
  // offset nlevel is an error, so the unit's own label is kept rather than cut and re-added.)
  const ownOffset = sql`nlevel(${oldPath}::ltree) - 1`;
  await tx
    .update(businessUnits)
    .set({
      path: sql`${newParent.path}::ltree || subpath(${businessUnits.path}, ${ownOffset})`,
      parentId: sql`case when ${businessUnits.id} = ${unit.id}::uuid then ${newParent.id}::uuid else ${businessUnits.parentId} end`,
      updatedAt: sql`case when ${businessUnits.id} = ${unit.id}::uuid then now() else ${businessUnits.updatedAt} end`,
    })
    .where(under(businessUnits.path, oldPath));
  const newPath = `${newParent.path}.${oldPath.split('.').at(-1)}`;
  for (const owned of businessUnitOwnedTables) {
    if (owned.rebase === 'update') {
      await tx.execute(
        sql`update ${owned.table} set bu_path = ${newParent.path}::ltree || subpath(bu_path, ${ownOffset})
          where ${inSubtree(sql`bu_path`, oldPath, owned.pathKey ?? (owned.table === tenants ? tenants.buPathKey : undefined))}
          ${owned.dayFirstKey ? sql`and ${onEachDay(owned.dayFirstKey, EARLIEST_USAGE_DAY, calendarDay(clock.now()), 'to included')}` : sql``}`,
      );
    } else {
      await tx.execute(sql`select scc_rebase_audit_events(${oldPath}::ltree, ${newPath}::ltree)`);
    }
  }
  await recordAudit(tx, caller, {
    action: 'business-unit.moved',
    entityType: 'business-unit',
    entityId: unit.id,
    businessUnit: { id: unit.id, path: newPath },
    before: { parentId: unit.parentId },
    after: { parentId: newParent.id, counts },
  });
  return counts;
}
