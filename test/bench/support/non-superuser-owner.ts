import { randomBytes } from 'node:crypto';
import { createDatabase, executeRows } from '@scc/db';
import { seed } from '@scc/db/seed';
import type { TestDatabase } from '@scc/db/testing';
import { sql } from 'drizzle-orm';

/**
 * A fresh database owned by a login that is no superuser, the way a managed PostgreSQL (RDS, Cloud
 * SQL, Azure) runs the migrations: it creates the trusted extensions and every object itself, and
 * cannot declare ltree's or the enums' comparisons LEAKPROOF (migrations 0010, 0014 skip that).
 * It is a member of scc_app, as an operator's migration role must be to run `withScope` on the
 * owner connection; the benchmark's cockpit runs on that connection. Migrated and seeded.
 */
export async function createNonSuperuserOwnedDatabase(serverUrl: string): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  const owner = `scc_bench_owner_${suffix}`;
  const name = `scc_bench_${suffix}`;
  const admin = await createDatabase({ url: serverUrl, maxConnections: 1 });
  const at = (database: string, user: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    url.username = user;
    url.password = '';
    return url.toString();
  };
  await admin.db.execute(sql`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'scc_app') then
        create role scc_app nologin nosuperuser nobypassrls;
      end if;
    end $$`);
  await admin.db.execute(
    sql`create role ${sql.identifier(owner)} login nosuperuser nocreaterole nobypassrls in role scc_app`,
  );
  await admin.db.execute(sql`create database ${sql.identifier(name)} owner ${sql.identifier(owner)}`);
  const handle = await createDatabase({ url: at(name, owner) });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    try {
      await handle.close();
    } finally {
      await admin.db.execute(sql`drop database if exists ${sql.identifier(name)} with (force)`);
      await admin.db.execute(sql`drop role if exists ${sql.identifier(owner)}`);
      await admin.close();
    }
  };
  try {
    const [role] = await executeRows<{ rolsuper: boolean }>(
      handle.db,
      sql`select rolsuper from pg_roles where rolname = current_user`,
    );
    if (role?.rolsuper !== false) throw new Error(`${owner} must not be a superuser`);
    await handle.migrate();
    await seed(handle.db);
    return { handle, url: at(name, owner), drop };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
