import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import { createDatabase, type Database, type DatabaseHandle, dumpPglite, migrationsFolder } from './client.js';
import { rowSecurityBypasses } from './runtime-login.js';
import * as schema from './schema/index.js';
import { seed as loadSeed } from './seed/index.js';

/**
 * Throw-away databases for tests.
 *
 * - With `DATABASE_URL` set, every call creates a brand-new database `scc_t_<random>` on that
 *   server (connecting to the URL's own database to CREATE/DROP it), migrates it and optionally
 *   seeds it; `drop()` force-drops it.
 * - Otherwise PGlite: a fresh in-memory PGlite costs about 3 s to create on this machine kind,
 *   restoring a dump about 0.5 s. So one migrated (and one migrated + seeded) database is built
 *   once per template key (hash of the migrations, the seed sources and the PGlite build), dumped
 *   to `.test-artifacts/`, and every call restores a private in-memory copy of it. The vitest
 *   `globalSetup` builds the dumps before any worker starts; a caller outside vitest builds them
 *   on first use.
 */
export interface TestDatabase {
  handle: DatabaseHandle;
  /** The new database's URL on a server; undefined for PGlite. */
  url?: string;
  /** Closes the connections and removes the database. Safe to call more than once. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Load the demo seed (hierarchy, personas, products, contracts, tenants). Default: false. */
  seed?: boolean;
  /**
   * Who owns the database and runs its migrations. `superuser` (default): the server URL's user,
   * PGlite's only one. `non-superuser`: a fresh `LOGIN NOSUPERUSER NOBYPASSRLS` role that is a
   * member of scc_app, as on a managed PostgreSQL (RDS, Cloud SQL, Azure); it creates the trusted
   * extensions and every object itself, so no function is declared LEAKPROOF (migrations 0010,
   * 0014), and the handle connects as it. Always built from scratch, never from a template.
   */
  owner?: 'superuser' | 'non-superuser';
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const seed = options.seed ?? false;
  if (url) return createServerDatabase(url, seed, options.owner);
  return options.owner === 'non-superuser' ? createPgliteDatabaseOwnedByRole(seed) : createPgliteDatabase(seed);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

/** Names of databases this module creates; a vitest run sets `SCC_TEST_RUN_ID` so its leftovers can be swept. */
export const TEST_DATABASE_PREFIX = 'scc_t_';
const IDENTIFIER = /^[a-z0-9_]+$/;

export function testDatabaseName(): string {
  const run = process.env.SCC_TEST_RUN_ID;
  const name = `${TEST_DATABASE_PREFIX}${run ? `${run}_` : ''}${randomBytes(6).toString('hex')}`;
  return assertIdentifier(name);
}

function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 63) throw new Error(`refusing unsafe identifier "${name}"`);
  return name;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function adminClient(serverUrl: string) {
  return postgres(serverUrl, { max: 1, onnotice: () => {} });
}

/** Roles are cluster-wide: the role every owner joins is created once, as migration 0000 does. */
const createAppRole = `do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'scc_app') then
      create role scc_app nologin nosuperuser nobypassrls;
    end if;
  end $$`;

async function createServerDatabase(
  serverUrl: string,
  withSeed: boolean,
  owner: TestDatabaseOptions['owner'],
): Promise<TestDatabase> {
  const name = testDatabaseName();
  const login =
    owner === 'non-superuser' ? assertIdentifier(`${testRolePrefix('owner')}${randomBytes(6).toString('hex')}`) : null;
  const admin = adminClient(serverUrl);
  let handle: DatabaseHandle | undefined;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    try {
      await handle?.close();
    } finally {
      try {
        await admin`drop database if exists ${admin(assertIdentifier(name))} with (force)`;
        if (login) await admin`drop role if exists ${admin(login)}`;
      } finally {
        await admin.end({ timeout: 5 });
      }
    }
  };
  // Migrations create the cluster-wide role scc_app "if not exists"; two test files migrating
  // at once on a fresh server would race on it. The advisory lock lives in the admin
  // database, which every test process shares, so migrations run one at a time.
  const oneAtATime = async (work: () => Promise<unknown>) => {
    await admin`select pg_advisory_lock(hashtext('scc-test-migrate'))`;
    try {
      await work();
    } finally {
      await admin`select pg_advisory_unlock(hashtext('scc-test-migrate'))`;
    }
  };
  try {
    const url = new URL(databaseUrl(serverUrl, name));
    if (login) {
      await oneAtATime(() => admin.unsafe(createAppRole));
      await admin`create role ${admin(login)} login nosuperuser nocreaterole nocreatedb nobypassrls in role scc_app`;
      await admin`create database ${admin(assertIdentifier(name))} owner ${admin(login)}`;
      url.username = login;
      url.password = '';
    } else {
      await admin`create database ${admin(assertIdentifier(name))}`;
    }
    const migrating = await createDatabase({ url: url.toString(), maxConnections: 4 });
    handle = migrating;
    await oneAtATime(() => migrating.migrate());
    if (withSeed) await loadSeed(handle.db);
    return { handle, url: url.toString(), drop };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

/** Drops every test database of one vitest run (or, without a run id, none). Returns the names dropped. */
export async function dropTestDatabasesOfRun(serverUrl: string, runId: string): Promise<string[]> {
  const admin = adminClient(serverUrl);
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where starts_with(datname, ${`${TEST_DATABASE_PREFIX}${runId}_`})`;
    for (const { datname } of rows) {
      await admin`drop database if exists ${admin(assertIdentifier(datname))} with (force)`;
    }
    return rows.map((r) => r.datname);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------------
// Recorded statements

/** A statement as drizzle sent it: its text with `$n` placeholders, and their values. */
export interface RecordedStatement {
  text: string;
  params: unknown[];
}

/**
 * `handle`'s connection with every statement drizzle sends on it recorded, in order, so a test
 * can look at what the application actually ran (its plans, for one).
 */
export function recordingStatements(handle: DatabaseHandle): { db: Database; statements: RecordedStatement[] } {
  const statements: RecordedStatement[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => statements.push({ text, params }) };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db =
    handle.engine === 'postgres'
      ? drizzlePostgres(client as Sql, { schema, logger })
      : drizzlePglite(client as PGlite, { schema, logger });
  return { db: db as unknown as Database, statements };
}

// ---------------------------------------------------------------------------------------------
// Restricted login roles (server only)

/**
 * Prefix of the throw-away login roles {@link createTestLoginRole} creates. Roles are
 * cluster-wide, so a name carries the run id (when vitest set one) and a group naming the test
 * file, and sweeps only ever touch one run's (or one group's) roles, never a parallel run's.
 */
export const TEST_ROLE_PREFIX = 'scc_rt_';

export interface TestLoginRole {
  name: string;
  /** `databaseUrl` with this role as its user and no password (the test server trusts local logins). */
  urlFor(databaseUrl: string): string;
  /** Ends the role's sessions and drops it. Safe to call more than once. */
  drop(): Promise<void>;
}

/** `scc_rt_[<run>_]<group>_`: the names of one test file's roles in this run. */
export function testRolePrefix(group: string): string {
  const run = process.env.SCC_TEST_RUN_ID;
  return assertIdentifier(`${TEST_ROLE_PREFIX}${run ? `${run}_` : ''}${group}_`);
}

/**
 * Creates `scc_rt_…` as `LOGIN IN ROLE scc_app`: what an operator creates for the cockpit in
 * production. It owns nothing and is granted nothing beyond its membership, so dropping it
 * needs no `DROP OWNED`. Needs a migrated database on the server (scc_app must exist).
 */
export async function createTestLoginRole(serverUrl: string, group: string): Promise<TestLoginRole> {
  const name = assertIdentifier(`${testRolePrefix(group)}${randomBytes(6).toString('hex')}`);
  const admin = adminClient(serverUrl);
  try {
    await admin`create role ${admin(name)} login in role scc_app`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  let dropped = false;
  return {
    name,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.username = name;
      url.password = '';
      return url.toString();
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropRoles(serverUrl, [name]);
    },
  };
}

/** A connection as the application runs in production, and how to give it back. */
export interface RuntimeConnection {
  handle: DatabaseHandle;
  /** Closes the connection, then drops its login. */
  close(): Promise<void>;
}

/**
 * On a server: a connection to `database` as a fresh login that is only a member of scc_app (no
 * ownership, no BYPASSRLS), the way the cockpit should run in production, so tests exercise the
 * same rights. On PGlite: undefined, since PGlite has only its one superuser session.
 */
export async function openRuntimeConnection(
  database: TestDatabase,
  group: string,
): Promise<RuntimeConnection | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !database.url) return undefined;
  const role = await createTestLoginRole(serverUrl, group);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await createDatabase({ url: role.urlFor(database.url), maxConnections: 4 });
    // The check the cockpit makes before it serves: every harness on a server passes it.
    const bypasses = await rowSecurityBypasses(handle.db);
    if (bypasses.length) throw new Error(`the test login bypasses row-level security: ${bypasses.join('; ')}`);
  } catch (error) {
    await handle?.close();
    await role.drop();
    throw error;
  }
  return {
    handle,
    async close() {
      try {
        await handle.close();
      } finally {
        await role.drop();
      }
    },
  };
}

/** Drops every role whose name starts with `prefix` (an `scc_rt_` prefix); returns the names dropped. */
export async function dropTestRoles(serverUrl: string, prefix: string): Promise<string[]> {
  if (!prefix.startsWith(TEST_ROLE_PREFIX)) throw new Error(`refusing to sweep roles outside ${TEST_ROLE_PREFIX}`);
  const admin = adminClient(serverUrl);
  let names: string[];
  try {
    const rows = await admin<{ rolname: string }[]>`
      select rolname from pg_roles where starts_with(rolname, ${assertIdentifier(prefix)})`;
    names = rows.map((r) => r.rolname);
  } finally {
    await admin.end({ timeout: 5 });
  }
  await dropRoles(serverUrl, names);
  return names;
}

async function dropRoles(serverUrl: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const admin = adminClient(serverUrl);
  try {
    for (const name of names.map(assertIdentifier)) {
      // A role with open sessions can still be dropped, but its sessions would linger as a
      // nameless user; end them first.
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where usename = ${name}`;
      await admin`drop role if exists ${admin(name)}`;
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------------
// PGlite

type TemplateKind = 'migrated' | 'seeded';

const dbRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(dbRoot, '..');

export function testArtifactsDir(): string {
  return resolve(process.env.SCC_TEST_ARTIFACTS_DIR ?? join(repoRoot, '.test-artifacts'));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(folder, entry))
    .filter((path) => !path.endsWith('.test.ts') && statSync(path).isFile())
    .sort();
}

/**
 * Changes whenever a migration, the seed or the PGlite build changes, so stale dumps are never
 * reused. Sources do not change during a run, so each process hashes them once.
 */
let cachedKey: string | undefined;
function templateKey(): string {
  cachedKey ??= computeTemplateKey();
  return cachedKey;
}

function computeTemplateKey(): string {
  const hash = createHash('sha256');
  const sources = [...filesUnder(migrationsFolder), ...filesUnder(join(dbRoot, 'src', 'seed'))];
  for (const file of sources) hash.update(relative(dbRoot, file)).update('\0').update(readFileSync(file));
  try {
    hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  } catch {
    // Resolution only adds the installed version to the key; without it the key still works.
  }
  return hash.digest('hex').slice(0, 16);
}

function templatePath(key: string, kind: TemplateKind): string {
  return join(testArtifactsDir(), `pglite-${key}-${kind}.tar`);
}

function writeAtomically(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

let building: Promise<Record<TemplateKind, Blob>> | undefined;

async function buildTemplates(key: string): Promise<Record<TemplateKind, Blob>> {
  const handle = await createDatabase({ dataDir: 'memory://' });
  try {
    await handle.migrate();
    const migrated = await dumpPglite(handle);
    await loadSeed(handle.db);
    const seeded = await dumpPglite(handle);
    writeAtomically(templatePath(key, 'migrated'), new Uint8Array(await migrated.arrayBuffer()));
    writeAtomically(templatePath(key, 'seeded'), new Uint8Array(await seeded.arrayBuffer()));
    return { migrated, seeded };
  } finally {
    await handle.close();
  }
}

/** A dump is read from disk once per process; PGlite only reads the Blob, so copies can share it. */
const loaded = new Map<TemplateKind, Blob>();

async function template(kind: TemplateKind): Promise<Blob> {
  const cached = loaded.get(kind);
  if (cached) return cached;
  const path = templatePath(templateKey(), kind);
  let blob: Blob;
  if (existsSync(path)) {
    blob = new Blob([readFileSync(path)]);
  } else {
    building ??= buildTemplates(templateKey());
    blob = (await building)[kind];
  }
  loaded.set(kind, blob);
  return blob;
}

/**
 * Builds the PGlite template dumps if they are missing and deletes dumps of older keys.
 * Called once by the vitest globalSetup; a no-op when tests run against a server.
 */
export async function prepareTestTemplates(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const key = templateKey();
  const dir = testArtifactsDir();
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) {
      if (/^pglite-[0-9a-f]+-(migrated|seeded)\.tar$/.test(file) && !file.startsWith(`pglite-${key}-`)) {
        rmSync(join(dir, file), { force: true });
      }
    }
  }
  if (!existsSync(templatePath(key, 'migrated')) || !existsSync(templatePath(key, 'seeded'))) {
    building = buildTemplates(key);
    await building;
  }
}

async function createPgliteDatabase(withSeed: boolean): Promise<TestDatabase> {
  const handle = await createDatabase({
    dataDir: 'memory://',
    loadDataDir: await template(withSeed ? 'seeded' : 'migrated'),
  });
  return inMemory(handle);
}

function inMemory(handle: DatabaseHandle): TestDatabase {
  let dropped = false;
  return {
    handle,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
    },
  };
}

/**
 * PGlite has one session, its superuser's: the role owning the database is switched to for the
 * session, so the migrations, the seed and every later statement run as that role.
 */
async function createPgliteDatabaseOwnedByRole(withSeed: boolean): Promise<TestDatabase> {
  const handle = await createDatabase({ dataDir: 'memory://' });
  try {
    await handle.db.execute(sql.raw(createAppRole));
    await handle.db.execute(
      sql`create role scc_owner login nosuperuser nocreaterole nocreatedb nobypassrls in role scc_app`,
    );
    await handle.db.execute(
      sql.raw(`do $$ begin execute format('alter database %I owner to scc_owner', current_database()); end $$`),
    );
    await handle.db.execute(sql`set role scc_owner`);
    await handle.migrate();
    if (withSeed) await loadSeed(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return inMemory(handle);
}
