import { createDatabase } from '@scc/db';
import { exitOnUncaughtErrors, retryWithBackoff } from '@scc/service-kit/lifecycle';
import { onStopSignal } from '@scc/service-kit/processes';
import { sql } from 'drizzle-orm';
import { readWorkerEnv } from './env.js';
import { cockpitLog } from './log.js';
import { systemClock } from './operations/clock.js';
import { createWorker } from './operations/worker.js';
import { createLocalProvisioner } from './provisioner/local-adapter.js';

/**
 * A process that only executes operation requests, beside or instead of the cockpit's own
 * workers: `pnpm --filter @scc/cockpit worker`. Workers are system components, so it connects as
 * the owner (DATABASE_MIGRATION_URL, else DATABASE_URL). PGlite allows one process per data
 * folder, so on PGlite the cockpit's built-in workers are the only ones.
 */
exitOnUncaughtErrors('worker');
const env = readWorkerEnv();
const url = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
if (!url)
  throw new Error('A worker process needs DATABASE_URL (PostgreSQL); on PGlite the cockpit runs its own workers.');
const handle = await createDatabase({ url, maxConnections: 2 });
// The database may start after us: wait for it (bounded) rather than fail on the first refusal.
await retryWithBackoff('worker: connecting', () => handle.db.execute(sql`select 1`), {
  timeoutMs: env.SCC_STARTUP_TIMEOUT_MS,
});
const worker = createWorker({
  db: handle.db,
  provisioner: createLocalProvisioner(handle.db, { stepDelayMs: env.SCC_STEP_DELAY_MS }),
  clock: systemClock,
  leaseMs: env.SCC_WORKER_LEASE_MS,
  pollMs: 100,
});
worker.start();
cockpitLog.info(`worker ${worker.id} started`, { workerId: worker.id });
onStopSignal(async () => {
  await worker.stop();
  await handle.close();
});
