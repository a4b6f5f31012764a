import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from './client.js';
import { executeRows } from './rows.js';

/**
 * The cockpit's restricted runtime login: `LOGIN NOSUPERUSER NOBYPASSRLS`, owning nothing, a member
 * of `scc_app` only. Every privilege it has comes from that membership, so even SQL that never
 * switches to `scc_app` (a bug that skips `withScope`) is bound by the row-level-security policies,
 * and it cannot `SET ROLE` to the owner.
 */

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Passwords are written into `ALTER ROLE` as a literal (utility statements take no parameters): only these characters. */
const PASSWORD = /^[A-Za-z0-9_-]{16,128}$/;

export interface RuntimeLoginOptions {
  /** The login's name (a plain lower-case identifier). */
  name: string;
  /** Set on every call, so a regenerated password takes effect; unset leaves a password as it is (trust or peer auth). */
  password?: string | undefined;
}

/**
 * The login's name `pnpm start` derives for a database: one login per database, so two stacks on
 * one cluster never overwrite each other's password. Roles are cluster-wide, database names are not
 * identifiers: the name is folded into `[a-z0-9_]` and cut to PostgreSQL's 63 characters.
 */
export function runtimeLoginName(databaseUrl: string): string {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
  return `scc_cockpit_${database.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/** `databaseUrl` with the login's name and password as its user. */
export function runtimeLoginUrl(databaseUrl: string, login: RuntimeLoginOptions): string {
  const url = new URL(databaseUrl);
  url.username = login.name;
  url.password = login.password ?? '';
  return url.toString();
}

/** SQLSTATEs of a concurrent `CREATE ROLE`/`ALTER ROLE`/`GRANT` on the same role from another session. */
const CONCURRENT_ROLE_CHANGE = new Set(['42710', '23505', 'XX000', '40001']);

/**
 * Creates the login on the owner connection `ownerUrl` (a migrated database: `scc_app` must exist),
 * or brings an existing one back to exactly these attributes and its membership in `scc_app`, and
 * returns the URL to connect as it. Safe to call any number of times, also from several processes
 * at once: roles are cluster-wide, so tests on parallel databases and two starts may race; the
 * loser of a race retries and finds the role there.
 */
export async function ensureRuntimeLogin(ownerUrl: string, login: RuntimeLoginOptions): Promise<string> {
  if (!ROLE_NAME.test(login.name)) throw new Error(`refusing login name "${login.name}": use [a-z0-9_], up to 63`);
  if (login.password !== undefined && !PASSWORD.test(login.password)) {
    throw new Error('refusing the login password: 16 to 128 characters of [A-Za-z0-9_-]');
  }
  const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.begin(async (tx) => {
          // Serialises the starts on one database; sessions on other databases retry below instead.
          await tx`select pg_advisory_xact_lock(hashtext('scc-runtime-login'))`;
          const [existing] = await tx`select 1 from pg_roles where rolname = ${login.name}`;
          if (!existing) await tx`create role ${tx(login.name)} login`;
          await tx`alter role ${tx(login.name)} login nosuperuser nobypassrls nocreatedb nocreaterole noreplication inherit`;
          // DDL takes no parameters: the password is a literal, which PASSWORD's alphabet keeps plain.
          if (login.password !== undefined) await tx.unsafe(`alter role "${login.name}" password '${login.password}'`);
          const [member] = await tx`
            select 1 from pg_auth_members m join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member
             where g.rolname = 'scc_app' and u.rolname = ${login.name}`;
          if (!member) await tx`grant scc_app to ${tx(login.name)}`;
        });
        return runtimeLoginUrl(ownerUrl, login);
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (attempt >= 5 || !CONCURRENT_ROLE_CHANGE.has(code)) throw error;
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * Why the current login of `db` is not bound by row-level security: empty for a restricted login.
 * A superuser or BYPASSRLS login skips the policies; a table's owner (or a member of it) skips
 * them on that table; and a login that may `SET ROLE` to any of those is one statement away.
 */
export async function rowSecurityBypasses(db: Database): Promise<string[]> {
  const [login] = await executeRows<{
    name: string;
    superuser: boolean;
    bypassrls: boolean;
    owns: boolean;
    switchable: string[] | null;
  }>(
    db,
    sql`select r.rolname as name, r.rolsuper as superuser, r.rolbypassrls as bypassrls,
          exists (select 1 from pg_class c
                   where c.relrowsecurity and pg_has_role(current_user, c.relowner, 'MEMBER')) as owns,
          (select array_agg(o.rolname::text order by o.rolname) from pg_roles o
            where o.oid <> r.oid and (o.rolsuper or o.rolbypassrls) and pg_has_role(current_user, o.oid, 'MEMBER')) as switchable
        from pg_roles r where r.rolname = current_user`,
  );
  if (!login) return ['the current login is not in pg_roles'];
  // A superuser has every other reason too; naming them would only bury the one that matters.
  if (login.superuser) return [`"${login.name}" is a superuser`];
  const reasons: string[] = [];
  if (login.bypassrls) reasons.push(`"${login.name}" has BYPASSRLS`);
  if (login.owns) reasons.push(`"${login.name}" owns (or is a member of the owner of) tables with row-level security`);
  for (const role of login.switchable ?? []) reasons.push(`"${login.name}" can SET ROLE to "${role}"`);
  return reasons;
}
