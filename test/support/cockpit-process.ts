import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database, type DatabaseHandle, executeRows } from '@scc/db';
import { createTestDatabase, createTestLoginRole, type TestDatabase, type TestLoginRole } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import type { JWK } from 'jose';
import { personaByKey, personaUserId, seededBusinessUnit } from './seed-model.js';
import { createServiceKeys, type ServiceKeys } from './service-tokens.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cockpitMain = resolve(repoRoot, 'cockpit/src/main.ts');

/** A cockpit process (`node --import tsx cockpit/src/main.ts`), as in production, listening or not yet. */
export interface SpawnedCockpit {
  /** The `application_name` of each of its database sessions (set through `PGAPPNAME`). */
  applicationName: string;
  child: ChildProcess;
  /** What it wrote to stdout and stderr so far: the last `chars` characters of each (all by default). */
  output(chars?: number): string;
  stderr(): string;
  /** Still running? */
  alive(): boolean;
  /** Resolves with the exit code and signal once it has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful) unless told otherwise; resolves once it has ended. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves once it listens; rejects, with its output, if it ends first or takes `startTimeoutMs`. */
  listening(): Promise<CockpitProcess>;
}

/** A cockpit process that listens. */
export interface CockpitProcess extends SpawnedCockpit {
  /** `http://127.0.0.1:<port>` */
  url: string;
}

export interface CockpitProcessOptions {
  /** The runtime connection (a restricted login on a server); unset: PGlite in `env.SCC_DATA_DIR`. */
  databaseUrl?: string;
  /** The owner: migrations, workers, the live feed. */
  migrationDatabaseUrl?: string;
  /** Public keys of the services it trusts. */
  trustedKeys: JWK[];
  /** More settings (`SCC_WORKERS`, `SCC_STEP_DELAY_MS` …). */
  env?: Record<string, string>;
  /** How long to wait for "cockpit listening on …" (default 90 s: tsx compiles the cockpit at start, slow on a busy machine). */
  startTimeoutMs?: number;
}

export const COCKPIT_APPLICATION_NAME = 'scc-cockpit-under-test';

/** Starts the cockpit on a free port and waits until it listens. */
export function startCockpitProcess(options: CockpitProcessOptions): Promise<CockpitProcess> {
  return spawnCockpitProcess(options).listening();
}

/** Starts the cockpit on a free port without waiting for it. */
export function spawnCockpitProcess(options: CockpitProcessOptions): SpawnedCockpit {
  // Only what Node needs from this process's environment: no DATABASE_URL or SCC_* of the test run leaks in.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_|SCC_|COCKPIT_|PG)/.test(key)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', cockpitMain], {
    cwd: repoRoot,
    env: {
      ...inherited,
      // PGlite's only login is a superuser: there, as in the demo, the cockpit must be told to accept it.
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { SCC_ALLOW_SUPERUSER: '1' }),
      ...(options.migrationDatabaseUrl ? { DATABASE_MIGRATION_URL: options.migrationDatabaseUrl } : {}),
      SCC_SERVICE_PUBLIC_KEYS: JSON.stringify({ keys: options.trustedKeys }),
      COCKPIT_TOTP_KEY: randomBytes(32).toString('base64'),
      COCKPIT_PORT: '0',
      COCKPIT_HOST: '127.0.0.1',
      // One process, the one the test signals and kills; SCC_COCKPIT_PROCESSES in `env` asks for more.
      SCC_COCKPIT_PROCESSES: '1',
      // postgres.js names its sessions after PGAPPNAME, so a test can tell them from its own.
      PGAPPNAME: COCKPIT_APPLICATION_NAME,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (alive()) child.kill(signal);
    await exited;
  };

  const output = (chars = Number.POSITIVE_INFINITY) => `${out.slice(-chars)}\n${err.slice(-chars)}`;
  const spawned: SpawnedCockpit = {
    applicationName: COCKPIT_APPLICATION_NAME,
    child,
    output,
    stderr: () => err,
    alive,
    exited,
    stop,
    async listening() {
      const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
      for (;;) {
        const url = /cockpit listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
        if (url) return { ...spawned, url };
        if (!alive() || Date.now() > deadline) {
          const ended = alive() ? 'did not listen in time' : 'ended before listening';
          await stop('SIGKILL');
          const { code, signal } = await exited;
          throw new Error(`the cockpit ${ended} (code ${code}, signal ${signal}):\n${out}\n${err}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
  return spawned;
}

/**
 * Ends every session on `database` but the caller's own (or only those named `applicationName`),
 * the way an administrator, a failover or a pooler restart does (`pg_terminate_backend`).
 * Returns how many it ended.
 */
export async function terminateConnections(
  admin: Database,
  database: string,
  applicationName?: string,
): Promise<number> {
  const rows = await executeRows<{ ended: boolean }>(
    admin,
    sql`select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid()
        and (${applicationName ?? null}::text is null or application_name = ${applicationName ?? null})`,
  );
  return rows.filter((r) => r.ended).length;
}

/** Polls `url` until it answers `status` (or the time is up); returns the last status seen (0: no answer). */
export async function waitForStatus(url: string, status: number, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      async (r) => {
        await r.body?.cancel();
        return r.status;
      },
      () => 0,
    );
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

/**
 * What a test of cockpit processes on a PostgreSQL server needs: a seeded database of its own
 * (its owner connection for fixtures and checks), a restricted runtime login as in production,
 * keys the cockpit trusts, and an admin connection on the server's own database, which survives
 * ending the test database's sessions.
 */
export interface ProcessTestBed {
  database: TestDatabase & { url: string };
  /** The test database's name. */
  name: string;
  /** The owner connection to the test database. */
  owner: Database;
  keys: ServiceKeys;
  /** A cockpit process on the runtime login (migrations, workers, live feed on the owner). */
  start(env?: Record<string, string>): Promise<CockpitProcess>;
  /** Request headers with a service token for a seeded persona acting on its own unit. */
  headersFor(personaKey: string): Promise<Record<string, string>>;
  /** {@link terminateConnections} on the test database. */
  terminate(applicationName?: string): Promise<number>;
  /** Kills every cockpit it started, then drops the database and the login. */
  close(): Promise<void>;
}

export async function createProcessTestBed(serverUrl: string, group: string): Promise<ProcessTestBed> {
  const started: CockpitProcess[] = [];
  let database: TestDatabase | undefined;
  let login: TestLoginRole | undefined;
  let admin: DatabaseHandle | undefined;
  const close = async () => {
    for (const cockpit of started) await cockpit.stop('SIGKILL');
    await admin?.close();
    await database?.drop();
    await login?.drop();
  };
  try {
    database = await createTestDatabase({ seed: true });
    const url = database.url;
    if (!url) throw new Error('a server database has a URL');
    login = await createTestLoginRole(serverUrl, group);
    const runtimeUrl = login.urlFor(url);
    admin = await createDatabase({ url: serverUrl, maxConnections: 1 });
    const adminDb = admin.db;
    const keys = await createServiceKeys();
    const name = new URL(url).pathname.slice(1);
    return {
      database: Object.assign(database, { url }),
      name,
      owner: database.handle.db,
      keys,
      async start(env = {}) {
        const cockpit = await startCockpitProcess({
          databaseUrl: runtimeUrl,
          migrationDatabaseUrl: url,
          trustedKeys: [keys.publicJwk],
          env,
        });
        started.push(cockpit);
        return cockpit;
      },
      async headersFor(personaKey) {
        const persona = personaByKey(personaKey);
        const token = await keys.sign({
          sub: personaUserId(persona),
          businessUnitId: seededBusinessUnit(persona.businessUnit).id,
          homeBusinessUnitId: seededBusinessUnit('msp').id,
          hostId: 'test-host',
        });
        return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      },
      terminate: (applicationName) => terminateConnections(adminDb, name, applicationName),
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
