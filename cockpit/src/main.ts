import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { serve } from '@hono/node-server';
import { serviceTokenVerifier } from '@scc/contracts/service-token';
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from '@scc/db';
import { answerClientErrors } from '@scc/service-kit/client-errors';
import { exitOnUncaughtErrors, isTransientConnectionError, retryWithBackoff } from '@scc/service-kit/lifecycle';
import { closeServer, onStopSignal, startProcessGroup } from '@scc/service-kit/processes';
import type { JSONWebKeySet } from 'jose';
import { createCockpitApp } from './app.js';
import { startBackgroundWork } from './background.js';
import { readEnv } from './env.js';
import { cockpitLog } from './log.js';
import { systemClock } from './operations/clock.js';
import { createEventHub } from './operations/event-hub.js';
import { assertRestrictedLogin, UnrestrictedLoginError } from './scope/restricted-login.js';

exitOnUncaughtErrors('cockpit');
const env = readEnv();
const startup = { timeoutMs: env.SCC_STARTUP_TIMEOUT_MS };

/** A connection with every migration applied; closed again when migrating fails. */
async function openMigrated(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = await createDatabase(options);
  try {
    await handle.migrate();
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/**
 * The runtime connection, after migrating unless `migrated` says whoever started this process did.
 * Start-up retries while the database refuses connections (it may start after us), for a bounded time.
 * Migrations need the owner; the runtime connection may be a login that is only a member of scc_app.
 */
async function openRuntime(migrated: boolean): Promise<DatabaseHandle> {
  const handle = await openMigratedRuntime(migrated);
  try {
    await assertRestrictedLogin(handle.db, {
      allowedBecause: env.SCC_ALLOW_SUPERUSER ? 'SCC_ALLOW_SUPERUSER=1' : undefined,
      warn: (message) => cockpitLog.warn(message),
    });
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    if (!(error instanceof UnrestrictedLoginError)) throw error;
    // A configuration error, not a crash: one clear line and exit 1, for the operator to fix.
    cockpitLog.error(error.message);
    process.exit(1);
  }
}

async function openMigratedRuntime(migrated: boolean): Promise<DatabaseHandle> {
  const runtime = { url: env.DATABASE_URL, dataDir: env.SCC_DATA_DIR };
  if (migrated) return createDatabase(runtime);
  if (env.DATABASE_MIGRATION_URL) {
    const url = env.DATABASE_MIGRATION_URL;
    const owner = await retryWithBackoff('cockpit: migrating', () => openMigrated({ url, maxConnections: 1 }), startup);
    await owner.close();
    return createDatabase(runtime);
  }
  return retryWithBackoff('cockpit: migrating', () => openMigrated(runtime), startup).catch((error: unknown) => {
    if (isTransientConnectionError(error)) throw error;
    throw new Error(
      'Migrating on DATABASE_URL failed. If it is a restricted login, set DATABASE_MIGRATION_URL to the owner.',
      { cause: error },
    );
  });
}

/**
 * Only on PGlite (env.ts requires a key with DATABASE_URL): a key anyone can derive, so the demo
 * runs without configuration, said loudly because it protects nothing.
 */
function developmentTotpKey(): Uint8Array {
  cockpitLog.warn(
    'COCKPIT_TOTP_KEY is unset: TOTP secrets are encrypted with a public development key. Set it (openssl rand -base64 32) for anything but a demo.',
  );
  return new Uint8Array(createHash('sha256').update('scc development totp key').digest());
}

/** One cockpit process: the HTTP API, its operation workers, the outbox, the status sync and one LISTEN. */
async function serveCockpit(handle: DatabaseHandle) {
  // Workers, the outbox and the live feed's LISTEN are system work: they need the owner connection.
  const system = env.DATABASE_MIGRATION_URL
    ? await createDatabase({ url: env.DATABASE_MIGRATION_URL, maxConnections: env.SCC_WORKERS + 3 })
    : handle;
  const events = createEventHub(system.db);
  const totpKey = env.COCKPIT_TOTP_KEY ?? developmentTotpKey();
  const background = startBackgroundWork({
    systemDb: system.db,
    clock: systemClock,
    workers: env.SCC_WORKERS,
    leaseMs: env.SCC_WORKER_LEASE_MS,
    stepDelayMs: env.SCC_STEP_DELAY_MS,
    webhook:
      env.SCC_WEBHOOK_URL && env.SCC_WEBHOOK_SECRET
        ? { url: env.SCC_WEBHOOK_URL, secret: env.SCC_WEBHOOK_SECRET }
        : undefined,
    secretsKey: totpKey,
  });
  const app = createCockpitApp({
    db: handle.db,
    verifyServiceToken: serviceTokenVerifier(env.trustedServiceKeys as JSONWebKeySet),
    systemDb: system.db,
    events,
    salesApiKey: env.SCC_SALES_API_KEY,
    log: cockpitLog,
    maxBodyBytes: env.COCKPIT_MAX_BODY_BYTES,
    hsts: env.COCKPIT_HSTS,
    totpKey,
    allowHttpWebhooks: env.COCKPIT_WEBHOOK_ALLOW_HTTP,
  });
  // The LISTEN before the first request: `/readyz` reports it, and the first live-feed client does not wait for it.
  await events.start();
  const server = serve({ fetch: app.fetch, port: env.COCKPIT_PORT, hostname: env.COCKPIT_HOST }, (info) =>
    cockpitLog.info(`cockpit listening on http://${env.COCKPIT_HOST}:${info.port} (${handle.engine})`, {
      pid: process.pid,
    }),
  );
  answerClientErrors(server, { hsts: env.COCKPIT_HSTS });
  onStopSignal(async () => {
    await closeServer(server);
    await background.stop();
    await events.close();
    if (system !== handle) await system.close();
    await handle.close();
  });
}

if (cluster.isWorker) {
  // A copy in a process group: the process that forked it has migrated.
  await serveCockpit(await openRuntime(true));
} else if (!env.DATABASE_URL) {
  if (env.SCC_COCKPIT_PROCESSES > 1) {
    cockpitLog.info(
      `cockpit runs as one process: PGlite keeps the database inside it (SCC_COCKPIT_PROCESSES=${env.SCC_COCKPIT_PROCESSES} needs DATABASE_URL)`,
    );
  }
  await serveCockpit(await openRuntime(false));
} else if (env.SCC_COCKPIT_PROCESSES === 1) {
  await serveCockpit(await openRuntime(false));
} else {
  // Migrated once here, before the copies start, rather than by each of them at the same time.
  await (await openRuntime(false)).close();
  const group = startProcessGroup({ name: 'cockpit', count: env.SCC_COCKPIT_PROCESSES });
  group.listening.then(
    (port) =>
      cockpitLog.info(`cockpit: ${env.SCC_COCKPIT_PROCESSES} processes listening on port ${port}`, {
        pids: group.pids(),
      }),
    () => {},
  );
  onStopSignal(() => group.stop());
  void group.ended.then((code) => process.exit(code));
}
