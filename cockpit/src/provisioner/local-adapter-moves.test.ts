import { randomUUID } from 'node:crypto';
import { businessUnits, createDatabase, type DatabaseHandle, executeRows, tenants } from '@scc/db';
import { createTestDatabase, type TestDatabase } from '@scc/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { createLocalProvisioner } from './local-adapter.js';

/**
 * A worker that provisions a tenant while its unit's subtree is moving must not leave the tenant
 * at the old path, where the old ancestors would still see it: the write waits for the move and
 * takes the new path. The move here is what `moveSubtree` does, held open on its own connection.
 */
/**
 * Waits until a session of this database waits for a lock: the provisioner's write has reached the
 * move. A fixed sleep let a loaded machine commit the move before the write started.
 */
async function waitUntilBlocked(db: TestDatabase['handle']['db']): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const [waiting] = await executeRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and datname = current_database()`,
    );
    if ((waiting?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the provisioner never waited for the move');
}

describe.skipIf(!process.env.DATABASE_URL)('local provisioner during a subtree move (server only)', () => {
  let database: TestDatabase;
  let mover: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    mover = await createDatabase({ url: database.url, maxConnections: 1 });
  });
  afterAll(async () => {
    await mover?.close();
    await database?.drop();
  });

  test('a tenant created during the move lands at the unit’s new path', async () => {
    const db = database.handle.db;
    const finance = seededBusinessUnit('contoso/north/finance');
    const south = seededBusinessUnit('contoso/south');
    const newPath = `${south.path}.${finance.path.split('.').at(-1)}`;
    const provisioner = createLocalProvisioner(db);
    const tenantId = randomUUID();

    let creating: Promise<void> | undefined;
    let finishedDuringMove = false;
    await mover.db.transaction(async (tx) => {
      await tx.execute(sql`select id from business_units where path <@ ${finance.path}::ltree for update`);
      await tx.execute(sql`update business_units set path = ${south.path}::ltree || subpath(path, nlevel(${finance.path}::ltree) - 1),
        parent_id = case when id = ${finance.id}::uuid then ${south.id}::uuid else parent_id end
        where path <@ ${finance.path}::ltree`);
      creating = provisioner
        .createTenant(randomUUID(), {
          tenantId,
          businessUnitId: finance.id,
          productId: seedId('product', 'BAAS'),
          name: 'Created while moving',
          type: 'development',
          buPath: finance.path,
        })
        .then(() => {
          finishedDuringMove = true;
        });
      await waitUntilBlocked(db);
      await tx.execute(sql`update tenants set bu_path = ${south.path}::ltree || subpath(bu_path, nlevel(${finance.path}::ltree) - 1)
        where bu_path <@ ${finance.path}::ltree`);
    });
    expect(finishedDuringMove, 'the write waited for the move').toBe(false);
    await creating;

    const [unit] = await db
      .select({ path: businessUnits.path })
      .from(businessUnits)
      .where(eq(businessUnits.id, finance.id));
    const [tenant] = await db.select({ buPath: tenants.buPath }).from(tenants).where(eq(tenants.id, tenantId));
    expect(unit?.path).toBe(newPath);
    expect(tenant?.buPath).toBe(newPath);
    const [left] = await executeRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from tenants where bu_path <@ ${finance.path}::ltree`,
    );
    expect(left?.n, 'nothing left at the old path').toBe(0);
  });
});
