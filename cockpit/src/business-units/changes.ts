import { randomUUID } from 'node:crypto';
import { ProblemError } from '@scc/contracts/problem';
import {
  businessUnits,
  childPath,
  contracts,
  dataSources,
  products,
  roleAssignments,
  type Transaction,
  tenants,
  users,
} from '@scc/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller } from '../scope/caller.js';
import { type LockedBusinessUnit, lockBusinessUnit } from './queries.js';

const audited = (unit: Pick<LockedBusinessUnit, 'name' | 'kind' | 'parentId'>) => ({
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
});

/** Admin on the parent creates a child there. Returns the new unit's id. */
export async function createBusinessUnit(
  tx: Transaction,
  caller: Caller,
  input: { parentId: string; name: string; kind?: string | undefined },
): Promise<string> {
  const parent = await lockBusinessUnit(tx, caller, input.parentId);
  if (!parent) throw ProblemError.of('notFound');
  await requireRole(tx, caller, parent.path, 'admin');
  const id = randomUUID();
  const path = childPath(parent.path, id);
  const unit = { id, parentId: parent.id, name: input.name, kind: input.kind ?? '', path };
  await tx.insert(businessUnits).values(unit);
  await recordAudit(tx, caller, {
    action: 'business-unit.created',
    entityType: 'business-unit',
    entityId: id,
    businessUnit: { id, path },
    before: null,
    after: audited(unit),
  });
  return id;
}

/** Renames and/or relabels a unit; admin on the unit itself. */
export async function updateBusinessUnit(
  tx: Transaction,
  caller: Caller,
  id: string,
  changes: { name?: string | undefined; kind?: string | undefined },
): Promise<void> {
  const unit = await lockBusinessUnit(tx, caller, id, 'update');
  if (!unit) throw ProblemError.of('notFound');
  await requireRole(tx, caller, unit.path, 'admin');
  const after = { ...unit, name: changes.name ?? unit.name, kind: changes.kind ?? unit.kind };
  await tx
    .update(businessUnits)
    .set({ name: after.name, kind: after.kind, updatedAt: sql`now()` })
    .where(eq(businessUnits.id, id));
  const onlyRenamed = after.kind === unit.kind && after.name !== unit.name;
  await recordAudit(tx, caller, {
    action: onlyRenamed ? 'business-unit.renamed' : 'business-unit.updated',
    entityType: 'business-unit',
    entityId: id,
    businessUnit: { id, path: unit.path },
    before: audited(unit),
    after: audited(after),
  });
}

/** What still lives in a unit, by the words the refusal uses (singular, plural) and how many. */
async function contentsOf(tx: Transaction, unitId: string): Promise<[string, string, number][]> {
  const count = sql<number>`count(*)::int`;
  const [children, tenantCount, userCount, sources, contractCount, assignments, productCount] = await Promise.all([
    tx.select({ n: count }).from(businessUnits).where(eq(businessUnits.parentId, unitId)),
    tx.select({ n: count }).from(tenants).where(eq(tenants.businessUnitId, unitId)),
    tx.select({ n: count }).from(users).where(eq(users.businessUnitId, unitId)),
    tx.select({ n: count }).from(dataSources).where(eq(dataSources.businessUnitId, unitId)),
    tx.select({ n: count }).from(contracts).where(eq(contracts.businessUnitId, unitId)),
    tx.select({ n: count }).from(roleAssignments).where(eq(roleAssignments.businessUnitId, unitId)),
    tx.select({ n: count }).from(products).where(eq(products.ownerBusinessUnitId, unitId)),
  ]);
  const entries: [string, string, number][] = [
    ['child business unit', 'child business units', children[0]?.n ?? 0],
    ['tenant', 'tenants', tenantCount[0]?.n ?? 0],
    ['user', 'users', userCount[0]?.n ?? 0],
    ['data source', 'data sources', sources[0]?.n ?? 0],
    ['contract', 'contracts', contractCount[0]?.n ?? 0],
    ['role assignment', 'role assignments', assignments[0]?.n ?? 0],
    ['product', 'products', productCount[0]?.n ?? 0],
  ];
  return entries.filter(([, , n]) => n > 0);
}

/** Deletes an empty unit; admin on it; never the caller's own root. */
export async function deleteBusinessUnit(tx: Transaction, caller: Caller, id: string): Promise<void> {
  const unit = await lockBusinessUnit(tx, caller, id, 'update');
  if (!unit) throw ProblemError.of('notFound');
  await requireRole(tx, caller, unit.path, 'admin');
  if (unit.id === caller.businessUnit.id) {
    throw ProblemError.of('conflict', 'Your own business unit cannot be deleted', [
      { field: 'path.id', message: 'This is your own business unit' },
    ]);
  }
  const left = await contentsOf(tx, id);
  if (left.length > 0) {
    const what = left.map(([one, many, n]) => `${n} ${n === 1 ? one : many}`).join(', ');
    throw ProblemError.of('conflict', `The business unit still holds ${what}`, [
      { field: 'path.id', message: `Still holds ${what}` },
    ]);
  }
  await tx.delete(businessUnits).where(eq(businessUnits.id, id));
  await recordAudit(tx, caller, {
    action: 'business-unit.deleted',
    entityType: 'business-unit',
    entityId: id,
    businessUnit: { id, path: unit.path },
    before: audited(unit),
    after: null,
  });
}
