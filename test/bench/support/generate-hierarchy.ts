import { businessUnits, childPath, type Database, roleAssignments, tenants, users } from '@scc/db';
import { seededBusinessUnit, seedId } from '@scc/db/seed';

/**
 * A deterministic synthetic hierarchy under the seeded MSP, inserted in bulk: a broad tree whose
 * fan-out per level is given, a dedicated block of `moverSize` units (to move back and forth) and
 * `tenantsPerUnit` tenants on every generated unit. Ids come from `seedId`, so two runs build the
 * same tree.
 */
export interface GeneratedUnit {
  id: string;
  parentId: string;
  name: string;
  kind: string;
  path: string;
}

export interface GeneratedHierarchy {
  units: GeneratedUnit[];
  tenantCount: number;
  /** Root of the block that the move benchmark carries between `moveParents`. */
  mover: GeneratedUnit;
  moverSize: number;
  moveParents: [GeneratedUnit, GeneratedUnit];
  /** An admin on the MSP root (the move needs admin on both parents). */
  adminUserId: string;
  /** A viewer deep down, for the scope check of a deep caller. */
  deepUser: { id: string; unit: GeneratedUnit };
  /** A viewer on the first generated reseller: a subtree of a few ten thousand units. */
  resellerUser: { id: string; unit: GeneratedUnit };
  maxDepth: number;
}

const KINDS = ['reseller', 'customer', 'region', 'department', 'site', 'server group'];

export async function generateHierarchy(
  db: Database,
  options: { fanout: number[]; moverSize: number; tenantsPerUnit: number },
): Promise<GeneratedHierarchy> {
  const msp = seededBusinessUnit('msp');
  const units: GeneratedUnit[] = [];
  const add = (parent: { id: string; path: string }, key: string, level: number): GeneratedUnit => {
    const id = seedId('bench-unit', key);
    const unit = {
      id,
      parentId: parent.id,
      name: `${KINDS[level % KINDS.length]} ${key}`,
      kind: KINDS[level % KINDS.length] ?? 'unit',
      path: childPath(parent.path, id),
    };
    units.push(unit);
    return unit;
  };

  // Breadth-first so every level is complete before the next one: names stay short and the
  // deepest level is exactly `fanout.length` below the MSP.
  let level: GeneratedUnit[] = [];
  let frontier: { id: string; path: string; key: string }[] = [{ id: msp.id, path: msp.path, key: 'g' }];
  for (const [depth, count] of options.fanout.entries()) {
    level = [];
    for (const parent of frontier) {
      for (let i = 0; i < count; i++) level.push(add(parent, `${parent.key}.${i}`, depth));
    }
    frontier = level.map((u) => ({ ...u, key: u.name.slice(u.name.indexOf(' ') + 1) }));
  }

  const moveParents: [GeneratedUnit, GeneratedUnit] = [add(msp, 'move-from', 0), add(msp, 'move-to', 0)];
  const moverStart = units.length;
  const mover = add(moveParents[0], 'mover', 1);
  // The mover block is a tree of fan-out 10 filled breadth-first until it holds `moverSize` units.
  const queue: GeneratedUnit[] = [mover];
  for (let head = 0; units.length - moverStart < options.moverSize; head++) {
    const parent = queue[head];
    if (!parent) break;
    for (let i = 0; i < 10 && units.length - moverStart < options.moverSize; i++) {
      queue.push(add(parent, `${parent.name.slice(parent.name.indexOf(' ') + 1)}.${i}`, 2 + (head % 4)));
    }
  }

  const chunk = <T>(rows: T[], size: number) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
  for (const part of chunk(units, 5000)) await db.insert(businessUnits).values(part);

  const productId = seedId('product', 'BAAS');
  let tenantCount = 0;
  for (const part of chunk(units, Math.floor(5000 / options.tenantsPerUnit))) {
    const rows = part.flatMap((u) =>
      Array.from({ length: options.tenantsPerUnit }, (_, j) => ({
        id: seedId('bench-tenant', `${u.id}/${j}`),
        businessUnitId: u.id,
        productId,
        name: `Tenant ${u.name} #${j}`,
        type: j === 0 ? 'productive' : 'test',
        lifecycleStatus: 'live' as const,
        buPath: u.path,
      })),
    );
    await db.insert(tenants).values(rows);
    tenantCount += rows.length;
  }

  const deepUnit = units
    .slice(0, moverStart)
    .reduce<GeneratedUnit | undefined>(
      (deepest, u) => (!deepest || u.path.length > deepest.path.length ? u : deepest),
      undefined,
    );
  if (!deepUnit) throw new Error('generated tree is empty');
  const reseller = units[0];
  if (!reseller) throw new Error('generated tree is empty');
  const adminUserId = seedId('user', 'bench-admin');
  const deepUserId = seedId('user', 'bench-deep');
  const resellerUserId = seedId('user', 'bench-reseller');
  await db.insert(users).values([
    {
      id: adminUserId,
      email: 'bench-admin@bench.example',
      displayName: 'Bench admin',
      businessUnitId: msp.id,
      buPath: msp.path,
    },
    {
      id: deepUserId,
      email: 'bench-deep@bench.example',
      displayName: 'Bench deep viewer',
      businessUnitId: deepUnit.id,
      buPath: deepUnit.path,
    },
    {
      id: resellerUserId,
      email: 'bench-reseller@bench.example',
      displayName: 'Bench reseller viewer',
      businessUnitId: reseller.id,
      buPath: reseller.path,
    },
  ]);
  await db.insert(roleAssignments).values([
    { userId: adminUserId, businessUnitId: msp.id, role: 'admin', buPath: msp.path },
    { userId: deepUserId, businessUnitId: deepUnit.id, role: 'viewer', buPath: deepUnit.path },
    { userId: resellerUserId, businessUnitId: reseller.id, role: 'viewer', buPath: reseller.path },
  ]);

  return {
    units,
    tenantCount,
    mover,
    moverSize: units.length - moverStart,
    moveParents,
    adminUserId,
    deepUser: { id: deepUserId, unit: deepUnit },
    resellerUser: { id: resellerUserId, unit: reseller },
    maxDepth: Math.max(...units.map((u) => u.path.split('.').length)),
  };
}
