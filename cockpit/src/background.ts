import type { Database } from '@scc/db';
import { createAlertDeliverer } from './alerts/deliverer.js';
import { createTimedAlertSweep } from './alerts/sweep.js';
import { createApprovalExpirySweep } from './approvals/decide.js';
import { createEndedSessionSweep } from './embed-sessions/sweep.js';
import type { Clock } from './operations/clock.js';
import { createIdempotencyKeySweep } from './operations/idempotency.js';
import { createStatusSync } from './operations/status-sync.js';
import { createWorker, type Worker } from './operations/worker.js';
import { createOutboxDeliverer, type OutboxDeliverer } from './outbox/deliverer.js';
import { createLocalProvisioner } from './provisioner/local-adapter.js';
import type { Provisioner } from './provisioner/port.js';
import { sealer, WEBHOOK_SECRET_PURPOSE } from './step-up/secret-box.js';

export interface BackgroundWorkOptions {
  /** The owner connection: workers and the deliverer are system components. */
  systemDb: Database;
  clock: Clock;
  /** Operation workers in this process. */
  workers: number;
  leaseMs?: number;
  /** The local provisioner's pause per step; ignored when `provisioner` is given. */
  stepDelayMs?: number;
  provisioner?: Provisioner;
  /** Without a webhook, chargeable events wait in the outbox until one is configured. */
  webhook?: { url: string; secret: string } | undefined;
  /**
   * `COCKPIT_TOTP_KEY`, which seals hosts' webhook secrets: with it, alerts are delivered to the
   * endpoints hosts registered; without it they wait.
   */
  secretsKey?: Uint8Array | undefined;
}

export interface BackgroundWork {
  workers: Worker[];
  deliverer: OutboxDeliverer | undefined;
  stop(): Promise<void>;
}

/**
 * What runs beside the cockpit's HTTP API: operation workers (each claims from the shared queue,
 * so any number of processes can run them), the outbox and alert deliverers, the operational-status
 * sync, the sweeps of expired idempotency keys, ended embed sessions and expired approvals, and the
 * sweep that raises alerts for stuck requests and ending retentions. Retention needs no job of
 * its own: a terminated tenant's request becomes due again when its retention period ends.
 */
export function startBackgroundWork(options: BackgroundWorkOptions): BackgroundWork {
  const provisioner =
    options.provisioner ?? createLocalProvisioner(options.systemDb, { stepDelayMs: options.stepDelayMs });
  const statusSync = createStatusSync({ db: options.systemDb, provisioner, clock: options.clock });
  const sweeps = [
    createIdempotencyKeySweep({ db: options.systemDb, clock: options.clock }),
    createEndedSessionSweep({ db: options.systemDb, clock: options.clock }),
    createTimedAlertSweep({ db: options.systemDb, clock: options.clock }),
    createApprovalExpirySweep({ db: options.systemDb, clock: options.clock }),
  ];
  const workers = Array.from({ length: options.workers }, () =>
    createWorker({ db: options.systemDb, provisioner, clock: options.clock, leaseMs: options.leaseMs, pollMs: 200 }),
  );
  const deliverer = options.webhook
    ? createOutboxDeliverer({ db: options.systemDb, clock: options.clock, ...options.webhook, pollMs: 500 })
    : undefined;
  const alertDeliverer = options.secretsKey
    ? createAlertDeliverer({
        db: options.systemDb,
        clock: options.clock,
        secrets: sealer(options.secretsKey, WEBHOOK_SECRET_PURPOSE),
        pollMs: 500,
      })
    : undefined;
  for (const worker of workers) worker.start();
  deliverer?.start();
  alertDeliverer?.start();
  statusSync.start();
  for (const sweep of sweeps) sweep.start();
  return {
    workers,
    deliverer,
    async stop() {
      statusSync.stop();
      for (const sweep of sweeps) sweep.stop();
      await Promise.all([...workers.map((w) => w.stop()), deliverer?.stop(), alertDeliverer?.stop()]);
    },
  };
}
