import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { countForProcesses } from '@scc/bff';
import { type ProcessGroup, startProcessGroup } from '@scc/service-kit/processes';

/**
 * The services' own entries, as they run in production: the stack only sets their environment,
 * so a stack of several processes runs exactly what `cockpit/src/main.ts` and `bff/src/main.ts` do
 * when started on their own.
 */
const cockpitMain = fileURLToPath(new URL('../../cockpit/src/main.ts', import.meta.url));
const bffMain = fileURLToPath(new URL('../../bff/src/main.ts', import.meta.url));

/**
 * A free port for a group of processes. Each group needs a port of its own before it forks: cluster
 * copies asking for port 0 would all share the one port the first copy of any group got.
 */
export async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve());
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

export interface CockpitGroupOptions {
  count: number;
  port: number;
  host: string;
  /** The runtime login; the cockpit processes do not migrate: the stack has. */
  databaseUrl: string;
  /** The owner, for workers, the outbox and the live feed. */
  migrationDatabaseUrl?: string | undefined;
  /** JWKS of the BFF's service key. */
  trustedServiceKeys: { keys: object[] };
  workers: number;
  stepDelayMs: number;
  webhook: { url: string; secret: string };
  salesApiKey: string;
  /** `COCKPIT_TOTP_KEY`: every process opens the TOTP secrets any of them sealed. */
  totpKey: string;
}

/** The cockpit as `count` processes on one port, each with its own workers and live-feed LISTEN. */
export function startCockpitProcesses(options: CockpitGroupOptions): ProcessGroup {
  return startProcessGroup({
    name: 'cockpit',
    count: options.count,
    exec: cockpitMain,
    quiet: true,
    env: {
      DATABASE_URL: options.databaseUrl,
      ...(options.migrationDatabaseUrl ? { DATABASE_MIGRATION_URL: options.migrationDatabaseUrl } : {}),
      COCKPIT_PORT: String(options.port),
      COCKPIT_HOST: options.host,
      SCC_SERVICE_PUBLIC_KEYS: JSON.stringify(options.trustedServiceKeys),
      SCC_WORKERS: String(options.workers),
      SCC_STEP_DELAY_MS: String(options.stepDelayMs),
      SCC_WEBHOOK_URL: options.webhook.url,
      SCC_WEBHOOK_SECRET: options.webhook.secret,
      SCC_SALES_API_KEY: options.salesApiKey,
      COCKPIT_TOTP_KEY: options.totpKey,
      COCKPIT_WEBHOOK_ALLOW_HTTP: '1',
    },
  });
}

export interface BffGroupOptions {
  count: number;
  port: number;
  host: string;
  publicUrl: string;
  cockpitUrl: string;
  /** Private JWKs: every copy signs with the same keys, so any of them accepts any widget token. */
  widgetSigningKey: object;
  serviceSigningKey: object;
  hosts: object[];
}

/** The BFF as `count` processes on one port. */
export function startBffProcesses(options: BffGroupOptions): ProcessGroup {
  // Without REDIS_URL the copies count their rate limits in this process, their cluster primary.
  countForProcesses();
  return startProcessGroup({
    name: 'BFF',
    count: options.count,
    exec: bffMain,
    quiet: true,
    env: {
      BFF_PORT: String(options.port),
      BFF_HOST: options.host,
      BFF_PUBLIC_URL: options.publicUrl,
      COCKPIT_URL: options.cockpitUrl,
      BFF_WIDGET_SIGNING_KEY: JSON.stringify(options.widgetSigningKey),
      BFF_SERVICE_SIGNING_KEY: JSON.stringify(options.serviceSigningKey),
      BFF_HOST_APPLICATIONS: JSON.stringify(options.hosts),
    },
  });
}
