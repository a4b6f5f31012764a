import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  createBffApp,
  generateSigningKey,
  HostRegistry,
  hashApiKey,
  loadSigningKey,
  newApiKey,
  type SigningKey,
  widgetTokenIssuer,
} from '@scc/bff';
import { createCockpitApp, createEventHub, startBackgroundWork, systemClock } from '@scc/cockpit';
import { serviceTokenVerifier } from '@scc/contracts/service-token';
import { createDatabase } from '@scc/db';
import { seed, seededBusinessUnit } from '@scc/db/seed';
import { createDemoHostApp } from '@scc/demo-host';
import { feedSeedContracts } from './local-systems/sales-system.js';
import { createWebhookReceiverApp } from './local-systems/webhook-receiver.js';

export interface StackOptions {
  /** PostgreSQL server URL the cockpit runs on; without one the stack runs on PGlite inside `dataDir`. */
  databaseUrl?: string | undefined;
  /** Owner connection that migrates and seeds the server; without one `databaseUrl` does both. */
  migrationDatabaseUrl?: string | undefined;
  /** Holds the PGlite database, generated keys and the host registry; `memory://` keeps nothing. */
  dataDir: string;
  /** 0 picks a free port. */
  ports?: { cockpit?: number; bff?: number; demoHost?: number };
  bindHost?: string;
  /** The name browsers use for this machine. */
  publicHost?: string;
  /** Operation workers in the stack's process and the local provisioner's pause per step. */
  operations?: { workers?: number; stepDelayMs?: number };
  /** Port of the demo's stand-in for the sales system's webhook receiver; 0 picks a free one. */
  webhookReceiverPort?: number;
}

export interface RunningStack {
  urls: { cockpit: string; bff: string; demoHost: string; webhookReceiver: string };
  engine: 'postgres' | 'pglite';
  stop(): Promise<void>;
}

/**
 * Runs the whole product on one machine, the way `pnpm start` and the end-to-end tests need it:
 * cockpit, BFF and demo host as three HTTP servers that talk to each other over real HTTP, on a
 * migrated, seeded database, with a demo host application registered at the BFF.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const bindHost = options.bindHost ?? '127.0.0.1';
  const publicHost = options.publicHost ?? 'localhost';
  const persistent = !options.dataDir.startsWith('memory://');
  if (options.migrationDatabaseUrl && !options.databaseUrl) {
    throw new Error('migrationDatabaseUrl needs databaseUrl: PGlite has no separate owner connection');
  }
  if (options.migrationDatabaseUrl) {
    const owner = await createDatabase({ url: options.migrationDatabaseUrl, maxConnections: 1 });
    try {
      await owner.migrate();
      await seed(owner.db);
    } finally {
      await owner.close();
    }
  }
  const database = await createDatabase({
    url: options.databaseUrl,
    dataDir: persistent ? join(options.dataDir, 'pglite') : options.dataDir,
  });
  if (!options.migrationDatabaseUrl) {
    await database.migrate();
    await seed(database.db);
  }

  const servers: ServerType[] = [];
  const listen = (fetch: (req: Request) => Response | Promise<Response>, port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = serve({ fetch, port, hostname: bindHost }, (info: AddressInfo) => resolve(info.port));
      server.once('error', reject);
      servers.push(server);
    });

  const serviceKey = await persistedKey(options.dataDir, 'service-signing-key', persistent);
  const widgetKey = await persistedKey(options.dataDir, 'widget-signing-key', persistent);

  // Workers, the outbox and the live feed are system work: on a restricted runtime login they use the owner.
  const system = options.migrationDatabaseUrl
    ? await createDatabase({ url: options.migrationDatabaseUrl, maxConnections: 5 })
    : database;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const webhookPort = await listen(createWebhookReceiverApp(webhookSecret).fetch, options.webhookReceiverPort ?? 0);
  const webhookReceiverUrl = `http://${bindHost}:${webhookPort}`;
  const events = createEventHub(system.db);
  const background = startBackgroundWork({
    systemDb: system.db,
    clock: systemClock,
    workers: options.operations?.workers ?? 2,
    stepDelayMs: options.operations?.stepDelayMs ?? 400,
    webhook: { url: `${webhookReceiverUrl}/hooks/sales`, secret: webhookSecret },
  });

  // The sales system's key lives only as long as this process: its one client is the local adapter below.
  const salesApiKey = randomBytes(32).toString('base64url');
  const cockpitApp = createCockpitApp({
    db: database.db,
    verifyServiceToken: serviceTokenVerifier([serviceKey.publicJwk]),
    systemDb: system.db,
    events,
    salesApiKey,
  });
  const cockpitPort = await listen(cockpitApp.fetch, options.ports?.cockpit ?? 4010);
  await feedSeedContracts(`http://${bindHost}:${cockpitPort}`, salesApiKey);

  // The demo host's origin must be known before the BFF registers it, so it listens first
  // and gets its app once the BFF's URL exists.
  let demoHostFetch: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const demoHostPort = await listen((req) => demoHostFetch(req), options.ports?.demoHost ?? 4000);
  const demoHostUrl = `http://${publicHost}:${demoHostPort}`;

  const apiKey = persistedApiKey(options.dataDir, 'demo-host', persistent);
  const hosts = new HostRegistry([
    {
      id: 'demo-host',
      name: 'Demo enterprise app',
      apiKeyHash: hashApiKey(apiKey),
      homeBusinessUnitId: seededBusinessUnit('msp').id,
      allowedOrigins: [demoHostUrl, `http://127.0.0.1:${demoHostPort}`],
    },
  ]);

  let bffFetch: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const bffPort = await listen((req) => bffFetch(req), options.ports?.bff ?? 4020);
  const bffUrl = `http://${publicHost}:${bffPort}`;
  bffFetch = createBffApp({
    hosts,
    tokens: widgetTokenIssuer({ publicUrl: bffUrl, signingKey: widgetKey }),
    cockpit: { baseUrl: `http://${bindHost}:${cockpitPort}`, serviceKey },
  }).fetch;

  demoHostFetch = createDemoHostApp({
    bffInternalUrl: `http://${bindHost}:${bffPort}`,
    bffPublicUrl: bffUrl,
    apiKey,
  }).fetch;

  return {
    urls: {
      cockpit: `http://${bindHost}:${cockpitPort}`,
      bff: bffUrl,
      demoHost: demoHostUrl,
      webhookReceiver: webhookReceiverUrl,
    },
    engine: database.engine,
    async stop() {
      await background.stop();
      await events.close();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        ),
      );
      if (system !== database) await system.close();
      await database.close();
    },
  };
}

/** Keys survive restarts in the data folder so open widget sessions stay valid across a restart. */
async function persistedKey(dataDir: string, name: string, persistent: boolean): Promise<SigningKey> {
  const file = join(dataDir, 'keys', `${name}.json`);
  if (persistent && existsSync(file)) return loadSigningKey(file);
  const key = await generateSigningKey(`${name}-${new Date().toISOString().slice(0, 10)}`);
  if (persistent) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(file, JSON.stringify(key.privateJwk), { mode: 0o600 });
  }
  return key;
}

function persistedApiKey(dataDir: string, hostId: string, persistent: boolean): string {
  const file = join(dataDir, 'keys', `${hostId}.api-key`);
  if (persistent && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const apiKey = newApiKey(hostId);
  if (persistent) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(file, apiKey, { mode: 0o600 });
  }
  return apiKey;
}
