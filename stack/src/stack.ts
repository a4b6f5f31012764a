import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import {
  connectCockpit,
  createBffApp,
  generateSigningKey,
  type HostApplication,
  HostRegistry,
  hashApiKey,
  loadSigningKey,
  newApiKey,
  RateLimitEnvironment,
  RevocationFeed,
  rateLimitingFromEnvironment,
  type SigningKey,
  widgetTokenIssuer,
} from '@scc/bff';
import {
  assertRestrictedLogin,
  createCockpitApp,
  createEventHub,
  newCollectorSecret,
  startBackgroundWork,
  systemClock,
} from '@scc/cockpit';
import { serviceTokenVerifier } from '@scc/contracts/service-token';
import { createDatabase, type DatabaseHandle, ensureRuntimeLogin, runtimeLoginName } from '@scc/db';
import { personaByKey, seed, seededBusinessUnit } from '@scc/db/seed';
import { seedDemoBilling } from '@scc/db/seed/billing';
import { createDemoHostApp } from '@scc/demo-host';
import { answerClientErrors } from '@scc/service-kit/client-errors';
import { createLogger } from '@scc/service-kit/log';
import type { ProcessGroup } from '@scc/service-kit/processes';
import { createIdentityProvider } from './local-systems/identity-provider.js';
import { feedSeedContracts } from './local-systems/sales-system.js';
import { feedDemoUsage } from './local-systems/usage-collector.js';
import { createWebhookReceiverApp } from './local-systems/webhook-receiver.js';
import { freePort, startBffProcesses, startCockpitProcesses } from './process-groups.js';

export interface StackOptions {
  /**
   * The cockpit's restricted runtime login on a PostgreSQL server. Unset with `migrationDatabaseUrl`
   * set: the stack creates one from the owner (see {@link ensureRuntimeLogin}). Neither: PGlite in `dataDir`.
   */
  databaseUrl?: string | undefined;
  /** Owner connection that migrates and seeds the server; without one `databaseUrl` does both. */
  migrationDatabaseUrl?: string | undefined;
  /** The login the stack creates when `databaseUrl` is unset; default `scc_cockpit_<database>` ({@link runtimeLoginName}). */
  cockpitLoginName?: string | undefined;
  /** Holds the PGlite database, generated keys and the host registry; `memory://` keeps nothing. */
  dataDir: string;
  /** 0 picks a free port. */
  ports?: { cockpit?: number; bff?: number; demoHost?: number; identityProvider?: number };
  bindHost?: string;
  /** The name browsers use for this machine. */
  publicHost?: string;
  /** Operation workers per cockpit process and the local provisioner's pause per step. */
  operations?: { workers?: number; stepDelayMs?: number };
  /** Port of the demo's stand-in for the sales system's webhook receiver; 0 picks a free one. */
  webhookReceiverPort?: number;
  /**
   * Cockpit and BFF processes, each a group of copies sharing one port (Node's cluster module);
   * 1, the default, serves it from this process. On PGlite the cockpit always runs in this
   * process, whatever is asked: the database lives in it.
   */
  processes?: { cockpit?: number; bff?: number };
  /**
   * The BFF's rate limits when it runs in this process (default: the BFF's defaults); BFF
   * processes of their own read the same variables from the environment they inherit.
   */
  rateLimits?: RateLimitEnvironment;
}

export interface RunningStack {
  urls: { cockpit: string; bff: string; demoHost: string; webhookReceiver: string; identityProvider: string };
  engine: 'postgres' | 'pglite';
  /** How many processes serve the cockpit and the BFF. */
  processes: { cockpit: number; bff: number };
  /** Resolves if a group of processes gives up after the start (a copy that cannot start again): the stack is broken. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

/** The demo host's client id at Contoso ID: the audience of its users' ID tokens. */
const DEMO_CLIENT_ID = 'acme-operations-portal';

/** `env` carries the Node server's bindings: the BFF keys its per-address limits by the socket's peer. */
type Fetch = (req: Request, env?: unknown) => Response | Promise<Response>;

/**
 * Runs the whole product on one machine, the way `pnpm start` and the end-to-end tests need it:
 * cockpit, BFF and demo host as HTTP servers that talk to each other over real HTTP, on a
 * migrated, seeded database, with a demo host application registered at the BFF. The cockpit and
 * the BFF run in this process or, when `processes` asks for more, as groups of their own.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  // What has started, stopped in reverse order by `stop` or when a later step fails.
  const started: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    return await startParts(options, started, stopAll);
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}

async function startParts(
  options: StackOptions,
  started: (() => Promise<unknown>)[],
  stopAll: () => Promise<void>,
): Promise<RunningStack> {
  const bindHost = options.bindHost ?? '127.0.0.1';
  const publicHost = options.publicHost ?? 'localhost';
  const persistent = !options.dataDir.startsWith('memory://');
  // The identity provider's address is seeded (Contoso Retail trusts it), so its port comes first.
  const identityProviderPort = await portFor(options.ports?.identityProvider ?? 4030, bindHost);
  const issuer = `http://${publicHost}:${identityProviderPort}`;
  const identityProvider = { issuer, jwksUri: `${issuer}/jwks`, audience: DEMO_CLIENT_ID };
  // The demo's usage collector reports with this secret (its credential is seeded by its hash).
  const collectorSecret = persistedSecret(options.dataDir, 'usage-collector.secret', persistent, () =>
    newCollectorSecret(),
  );
  let runtimeUrl = options.databaseUrl;
  if (options.migrationDatabaseUrl) {
    const ownerUrl = options.migrationDatabaseUrl;
    const owner = await createDatabase({ url: ownerUrl, maxConnections: 1 });
    try {
      await owner.migrate();
      await seed(owner.db, { identityProvider });
      await seedDemoBilling(owner.db, collectorSecret);
    } finally {
      await owner.close();
    }
    runtimeUrl ??= await ensureRuntimeLogin(ownerUrl, {
      name: options.cockpitLoginName ?? runtimeLoginName(ownerUrl),
      password: persistedSecret(options.dataDir, 'cockpit-database.password', persistent, () =>
        randomBytes(24).toString('base64url'),
      ),
    }).catch((error: unknown) => {
      throw new Error(
        `creating the cockpit's restricted login failed (${(error as Error).message}): the owner needs CREATEROLE, ` +
          'or create one yourself and give it as COCKPIT_DATABASE_URL',
        { cause: error },
      );
    });
  }
  const database = await createDatabase({
    url: runtimeUrl,
    dataDir: persistent ? join(options.dataDir, 'pglite') : options.dataDir,
  });
  started.push(() => database.close());
  if (!options.migrationDatabaseUrl) {
    await database.migrate();
    await seed(database.db, { identityProvider });
    await seedDemoBilling(database.db, collectorSecret);
  }
  // PGlite's one login is a superuser: the embedded demo is the one place the stack allows it.
  await assertRestrictedLogin(database.db, {
    allowedBecause:
      database.engine === 'pglite'
        ? 'the embedded PGlite demo, whose only login is a superuser; DATABASE_URL runs it on a restricted login'
        : undefined,
    warn: (message) => console.warn(message),
  });
  const processes = {
    cockpit: database.engine === 'pglite' ? 1 : (options.processes?.cockpit ?? 1),
    bff: options.processes?.bff ?? 1,
  };
  if (processes.cockpit > 1) {
    // The cockpit's processes open connections of their own; this one only migrated and seeded.
    started.pop();
    await database.close();
  }
  const groups: ProcessGroup[] = [];
  let stopping = false;

  const listen = (fetch: Fetch, port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = serve({ fetch, port, hostname: bindHost }, (info: AddressInfo) => resolve(info.port));
      server.once('error', reject);
      answerClientErrors(server);
      started.push(
        () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      );
    });
  /** A server of Node's own (the identity provider is a Koa app, not a fetch handler). */
  const listenNode = (handler: RequestListener, port: number) =>
    new Promise<void>((resolve, reject) => {
      const server = createServer(handler);
      server.once('error', reject);
      server.listen(port, bindHost, () => resolve());
      started.push(
        () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      );
    });
  const startGroup = async (group: ProcessGroup) => {
    groups.push(group);
    started.push(() => group.stop());
    await group.listening;
  };

  const serviceKey = await persistedKey(options.dataDir, 'service-signing-key', persistent);
  const widgetKey = await persistedKey(options.dataDir, 'widget-signing-key', persistent);

  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const webhookPort = await listen(createWebhookReceiverApp(webhookSecret).fetch, options.webhookReceiverPort ?? 0);
  const webhookReceiverUrl = `http://${bindHost}:${webhookPort}`;
  const webhook = { url: `${webhookReceiverUrl}/hooks/sales`, secret: webhookSecret };
  const workers = options.operations?.workers ?? 2;
  const stepDelayMs = options.operations?.stepDelayMs ?? 400;

  // The sales system's key lives only as long as this process: its one client is the local adapter below.
  const salesApiKey = randomBytes(32).toString('base64url');
  // Kept like the signing keys: enrolled authenticators must still open after a restart.
  const totpKey = persistedSecret(options.dataDir, 'cockpit-totp.key', persistent, () =>
    randomBytes(32).toString('base64'),
  );
  let cockpitPort: number;
  if (processes.cockpit > 1 && runtimeUrl) {
    cockpitPort = await portFor(options.ports?.cockpit ?? 4010, bindHost);
    await startGroup(
      startCockpitProcesses({
        count: processes.cockpit,
        port: cockpitPort,
        host: bindHost,
        databaseUrl: runtimeUrl,
        migrationDatabaseUrl: options.migrationDatabaseUrl,
        trustedServiceKeys: { keys: [serviceKey.publicJwk] },
        workers,
        stepDelayMs,
        webhook,
        salesApiKey,
        totpKey,
      }),
    );
  } else {
    cockpitPort = await serveCockpitHere(options, database, started, {
      listen,
      trustedServiceKey: serviceKey,
      workers,
      stepDelayMs,
      webhook,
      salesApiKey,
      totpKey,
    });
  }
  await feedSeedContracts(`http://${bindHost}:${cockpitPort}`, salesApiKey);
  await feedDemoUsage(`http://${bindHost}:${cockpitPort}`, collectorSecret);

  // The demo host's origin must be known before the BFF registers it, so it listens first
  // and gets its app once the BFF's URL exists.
  let demoHostFetch: Fetch = () => new Response('starting', { status: 503 });
  const demoHostPort = await listen((req) => demoHostFetch(req), options.ports?.demoHost ?? 4000);
  const demoHostUrl = `http://${publicHost}:${demoHostPort}`;

  const apiKey = persistedSecret(options.dataDir, 'demo-host.api-key', persistent, () => newApiKey('demo-host'));
  const hosts: HostApplication[] = [
    {
      id: 'demo-host',
      name: 'Demo enterprise app',
      apiKeyHash: hashApiKey(apiKey),
      homeBusinessUnitId: seededBusinessUnit('msp').id,
      allowedOrigins: [demoHostUrl, `http://127.0.0.1:${demoHostPort}`],
    },
  ];

  const cockpitUrl = `http://${bindHost}:${cockpitPort}`;
  let bffPort: number;
  if (processes.bff > 1) {
    bffPort = await portFor(options.ports?.bff ?? 4020, bindHost);
    await startGroup(
      startBffProcesses({
        count: processes.bff,
        port: bffPort,
        host: bindHost,
        publicUrl: `http://${publicHost}:${bffPort}`,
        cockpitUrl,
        widgetSigningKey: widgetKey.privateJwk,
        serviceSigningKey: serviceKey.privateJwk,
        hosts,
      }),
    );
  } else {
    let bffFetch: Fetch = () => new Response('starting', { status: 503 });
    bffPort = await listen((req, env) => bffFetch(req, env), options.ports?.bff ?? 4020);
    const limits = rateLimitingFromEnvironment(
      options.rateLimits ?? RateLimitEnvironment.parse({}),
      createLogger('bff', { level: 'warn' }),
    );
    started.push(() => limits.close());
    const registry = new HostRegistry(hosts);
    const cockpit = { baseUrl: cockpitUrl, serviceKey };
    const revocations = new RevocationFeed(connectCockpit(cockpit), () => registry.all());
    revocations.start();
    started.push(async () => revocations.close());
    bffFetch = createBffApp({
      hosts: registry,
      tokens: widgetTokenIssuer({ publicUrl: `http://${publicHost}:${bffPort}`, signingKey: widgetKey }),
      cockpit,
      revocations,
      rateLimiting: limits.rateLimiting,
    }).fetch;
  }
  const bffUrl = `http://${publicHost}:${bffPort}`;

  const clientSecret = randomBytes(32).toString('base64url');
  const casey = personaByKey('customer-admin');
  const signIns = createIdentityProvider({
    issuer,
    name: 'Contoso ID',
    client: {
      id: DEMO_CLIENT_ID,
      secret: clientSecret,
      redirectUris: [demoHostUrl, `http://127.0.0.1:${demoHostPort}`].map((url) => `${url}/sign-in/sso/callback`),
    },
    accounts: [{ email: casey.email, name: casey.displayName }],
  });
  await listenNode((req, res) => void signIns(req, res), identityProviderPort);

  demoHostFetch = createDemoHostApp({
    bffInternalUrl: `http://${bindHost}:${bffPort}`,
    bffPublicUrl: bffUrl,
    apiKey,
    singleSignOn: { issuer, clientId: DEMO_CLIENT_ID, clientSecret, name: 'Contoso ID' },
  }).fetch;

  const failed = new Promise<Error>((resolve) => {
    for (const group of groups) {
      void group.ended.then(() => {
        if (!stopping) resolve(new Error('a group of processes gave up: see the errors above'));
      });
    }
  });
  return {
    urls: {
      cockpit: cockpitUrl,
      bff: bffUrl,
      demoHost: demoHostUrl,
      webhookReceiver: webhookReceiverUrl,
      identityProvider: issuer,
    },
    engine: database.engine,
    processes,
    failed,
    async stop() {
      stopping = true;
      await stopAll();
    },
  };
}

interface HereOptions {
  listen: (fetch: Fetch, port: number) => Promise<number>;
  trustedServiceKey: SigningKey;
  workers: number;
  stepDelayMs: number;
  webhook: { url: string; secret: string };
  salesApiKey: string;
  /** Base64, as `COCKPIT_TOTP_KEY`. */
  totpKey: string;
}

/** The cockpit in this process (always on PGlite): its background work, live feed and HTTP server. */
async function serveCockpitHere(
  options: StackOptions,
  database: DatabaseHandle,
  started: (() => Promise<unknown>)[],
  here: HereOptions,
): Promise<number> {
  // Workers, the outbox and the live feed are system work: on a restricted runtime login they use the owner.
  let system = database;
  if (options.migrationDatabaseUrl) {
    const owner = await createDatabase({ url: options.migrationDatabaseUrl, maxConnections: 5 });
    started.push(() => owner.close());
    system = owner;
  }
  const events = createEventHub(system.db);
  started.push(() => events.close());
  const background = startBackgroundWork({
    systemDb: system.db,
    clock: systemClock,
    workers: here.workers,
    stepDelayMs: here.stepDelayMs,
    webhook: here.webhook,
    secretsKey: new Uint8Array(Buffer.from(here.totpKey, 'base64')),
  });
  started.push(() => background.stop());
  const cockpitApp = createCockpitApp({
    db: database.db,
    verifyServiceToken: serviceTokenVerifier([here.trustedServiceKey.publicJwk]),
    systemDb: system.db,
    events,
    salesApiKey: here.salesApiKey,
    totpKey: new Uint8Array(Buffer.from(here.totpKey, 'base64')),
    // The demo's hosts run on this machine, over plain http.
    allowHttpWebhooks: true,
  });
  return here.listen(cockpitApp.fetch, options.ports?.cockpit ?? 4010);
}

/** A group's port: the one asked for, or a free one for 0. */
function portFor(port: number, host: string): Promise<number> {
  return port === 0 ? freePort(host) : Promise.resolve(port);
}

/** A signing key with its private JWK, which processes of a group read from their environment. */
type PrivateSigningKey = Awaited<ReturnType<typeof generateSigningKey>>;

/** Keys survive restarts in the data folder so open widget sessions stay valid across a restart. */
async function persistedKey(dataDir: string, name: string, persistent: boolean): Promise<PrivateSigningKey> {
  const file = join(dataDir, 'keys', `${name}.json`);
  if (persistent && existsSync(file)) {
    const privateJwk = readFileSync(file, 'utf8');
    return { ...(await loadSigningKey(privateJwk)), privateJwk: JSON.parse(privateJwk) };
  }
  const key = await generateSigningKey(`${name}-${new Date().toISOString().slice(0, 10)}`);
  if (persistent) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(file, JSON.stringify(key.privateJwk), { mode: 0o600 });
  }
  return key;
}

/**
 * A generated secret kept in the data folder's `keys/` (like the signing keys), so a restart finds
 * the same one; `memory://` makes a fresh one each start.
 */
function persistedSecret(dataDir: string, name: string, persistent: boolean, generate: () => string): string {
  const file = join(dataDir, 'keys', name);
  if (persistent && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generate();
  if (persistent) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
  }
  return secret;
}
