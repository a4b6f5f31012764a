/**
 * `pnpm bench load` (needs DATABASE_URL, a PostgreSQL server): throughput of the request path as a
 * ratio to the floor. The floor is bare Hono and postgres.js doing each request kind's database
 * work without auth, scope or row-level security (support/floor-server.ts); the product is the
 * cockpit and the BFF as separate processes (their own `main.ts`), on a fresh seeded database. For
 * each request kind autocannon runs alternate between the floor, the cockpit alone and the whole
 * path (widget token → BFF → cockpit → PostgreSQL), so each hop's cost shows. Then the same tenant
 * page at one connection on PGlite against the server. Prints numbers; asserts nothing.
 *
 * Settings: LOAD_SECONDS (per run, default 10), LOAD_ROUNDS (default 3), LOAD_CONNECTIONS (50),
 * LOAD_PARTS (default `requests,cpu,pglite,feed,notify`), CPU_REQUESTS (5000), FEED_CLIENTS (500), FEED_EVENTS (20),
 * SCC_BFF_PROCESSES / SCC_COCKPIT_PROCESSES (passed to the product's processes).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, hashApiKey, newApiKey, type SigningKey } from '@scc/bff';
import { signServiceToken } from '@scc/contracts/service-token';
import { ensureRuntimeLogin, runtimeLoginName } from '@scc/db';
import { seededBusinessUnit, seedId } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import postgres from 'postgres';
import { cpuMillisDuring, processTree } from './support/cpu-time.js';
import { handshakes, type LoadResult, load, send, type Target } from './support/load.js';
import { repoRoot, type ServiceProcess, startServiceProcess } from './support/service-process.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.log(
    'load: needs a PostgreSQL server, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench load',
  );
  process.exit(0);
}
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const parts = new Set((process.env.LOAD_PARTS ?? 'requests,cpu,pglite,feed,notify').split(','));
const CPU_REQUESTS = Number(process.env.CPU_REQUESTS ?? 5000);
const processCounts = {
  ...(process.env.SCC_BFF_PROCESSES ? { SCC_BFF_PROCESSES: process.env.SCC_BFF_PROCESSES } : {}),
  ...(process.env.SCC_COCKPIT_PROCESSES ? { SCC_COCKPIT_PROCESSES: process.env.SCC_COCKPIT_PROCESSES } : {}),
};

const msp = seededBusinessUnit('msp');
const contoso = seededBusinessUnit('contoso');
const caseyId = seedId('user', 'customer-admin');
const productId = seedId('product', 'BAAS');
const HOST_ID = 'load-host';

const started: ServiceProcess[] = [];
const dataDirs: string[] = [];
const database = await createTestDatabase({ seed: true });

/** A cockpit and a BFF process on `databaseUrl` (unset: PGlite in `dataDir`), with fresh keys. */
type GeneratedKey = Awaited<ReturnType<typeof generateSigningKey>>;

interface ProductKeys {
  serviceKey: GeneratedKey;
  widgetKey: GeneratedKey;
  apiKey: string;
}

async function productKeys(label: string): Promise<ProductKeys> {
  return {
    serviceKey: await generateSigningKey(`${label}-service`),
    widgetKey: await generateSigningKey(`${label}-widget`),
    apiKey: newApiKey(HOST_ID),
  };
}

/** Opens an embed session for Casey, Contoso's admin, the way a host's backend does. */
async function widgetHeadersFor(bffUrl: string, apiKey: string): Promise<Record<string, string>> {
  const session = await fetch(`${bffUrl}/v1/embed-sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { email: 'casey@contoso.example' }, businessUnitId: contoso.id }),
  });
  if (session.status !== 201) throw new Error(`embed session: ${session.status} ${await session.text()}`);
  const { token } = (await session.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

async function startProduct(
  label: string,
  env: { databaseUrl?: string; dataDir?: string },
  keys?: ProductKeys,
  /** Processes per service; unset: SCC_BFF_PROCESSES / SCC_COCKPIT_PROCESSES, else one per core. */
  processes?: number,
) {
  const { serviceKey, widgetKey, apiKey } = keys ?? (await productKeys(label));
  const counts = processes
    ? { SCC_BFF_PROCESSES: String(processes), SCC_COCKPIT_PROCESSES: String(processes) }
    : processCounts;
  // On the server the cockpit serves on its restricted login, as in production; PGlite has only a superuser.
  const storage: Record<string, string> = env.databaseUrl
    ? {
        DATABASE_URL: await ensureRuntimeLogin(env.databaseUrl, { name: runtimeLoginName(env.databaseUrl) }),
        DATABASE_MIGRATION_URL: env.databaseUrl,
      }
    : { SCC_DATA_DIR: env.dataDir ?? '', SCC_ALLOW_SUPERUSER: '1' };
  const cockpit = await startServiceProcess(`${label} cockpit`, 'cockpit/src/main.ts', {
    ...storage,
    ...counts,
    SCC_SERVICE_PUBLIC_KEYS: JSON.stringify({ keys: [serviceKey.publicJwk] }),
    COCKPIT_TOTP_KEY: randomBytes(32).toString('base64'),
    COCKPIT_PORT: '0',
    SCC_WORKERS: '1',
  });
  started.push(cockpit);
  const bff = await startServiceProcess(`${label} BFF`, 'bff/src/main.ts', {
    ...counts,
    BFF_PORT: '0',
    BFF_PUBLIC_URL: 'http://bff.load.example',
    COCKPIT_URL: cockpit.url,
    BFF_WIDGET_SIGNING_KEY: JSON.stringify(widgetKey.privateJwk),
    BFF_SERVICE_SIGNING_KEY: JSON.stringify(serviceKey.privateJwk),
    // One user sends all of the load: the limit stays in the measured path but never refuses.
    BFF_RATE_LIMIT_WIDGET_PER_USER: '999999999/60',
    BFF_RATE_LIMIT_SUBMITS_PER_UNIT: '999999999/60',
    BFF_HOST_APPLICATIONS: JSON.stringify([
      {
        id: HOST_ID,
        name: 'Load',
        apiKeyHash: hashApiKey(apiKey),
        homeBusinessUnitId: msp.id,
        allowedOrigins: ['http://host.load.example'],
      },
    ]),
  });
  started.push(bff);
  return { cockpit, bff, widgetHeaders: await widgetHeadersFor(bff.url, apiKey), serviceKey, apiKey };
}

/** Service tokens live a minute: each cockpit run gets a fresh one, as the BFF would send. */
async function serviceHeaders(key: SigningKey): Promise<Record<string, string>> {
  const token = await signServiceToken(key, {
    sub: caseyId,
    businessUnitId: contoso.id,
    homeBusinessUnitId: msp.id,
    hostId: HOST_ID,
  });
  return { authorization: `Bearer ${token}` };
}

interface RequestKind {
  name: string;
  floor: Target;
  cockpit: (headers: Record<string, string>) => Target;
  product: Target;
  measure: (target: Target, connections: number, seconds: number) => Promise<LoadResult>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function summarize(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    perSecond: median(results.map((r) => r.perSecond)),
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
    failed: results.reduce((n, r) => n + r.failed, 0),
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rate = (value: number) => Math.round(value).toLocaleString('en-US');

async function run() {
  console.log(
    `load: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per target, alternating; ` +
      `medians of the rounds. Node ${process.version}, ${(await import('node:os')).availableParallelism()} cores.`,
  );
  const url = database.url ?? '';
  const floor = await startServiceProcess('floor', 'test/bench/support/floor-server.ts', { FLOOR_DATABASE_URL: url });
  started.push(floor);
  const server = await startProduct('server', { databaseUrl: url });

  const dryRunBody = JSON.stringify({
    kind: 'order',
    businessUnitId: contoso.id,
    productId,
    type: 'development',
    name: 'Load sandbox',
    applicationDataSourceTenantId: null,
    solutionProfileSourceTenantId: null,
  });
  const json = { 'content-type': 'application/json' };
  const kinds: RequestKind[] = [
    {
      name: 'tenant page (50 of the caller’s subtree, counted)',
      floor: { url: `${floor.url}/tenants?scope=${contoso.path}` },
      cockpit: (headers) => ({ url: `${server.cockpit.url}/v1/tenants?limit=50`, headers }),
      product: { url: `${server.bff.url}/v1/widget/tenants?limit=50`, headers: server.widgetHeaders },
      measure: load,
    },
    {
      name: 'one tree level (children of the caller’s unit)',
      floor: { url: `${floor.url}/business-units?parentId=${contoso.id}` },
      cockpit: (headers) => ({ url: `${server.cockpit.url}/v1/business-units?parentId=${contoso.id}`, headers }),
      product: {
        url: `${server.bff.url}/v1/widget/business-units?parentId=${contoso.id}`,
        headers: server.widgetHeaders,
      },
      measure: load,
    },
    {
      name: 'dry-run of an order',
      floor: { url: `${floor.url}/dry-run`, method: 'POST', headers: json, body: dryRunBody },
      cockpit: (headers) => ({
        url: `${server.cockpit.url}/v1/operation-requests/dry-run`,
        method: 'POST',
        headers: { ...headers, ...json },
        body: dryRunBody,
      }),
      product: {
        url: `${server.bff.url}/v1/widget/operation-requests/dry-run`,
        method: 'POST',
        headers: { ...server.widgetHeaders, ...json },
        body: dryRunBody,
      },
      measure: load,
    },
    {
      name: 'live feed handshake (open, first bytes, close)',
      floor: { url: `${floor.url}/events` },
      cockpit: (headers) => ({ url: `${server.cockpit.url}/v1/operation-requests/stream`, headers }),
      product: { url: `${server.bff.url}/v1/widget/events`, headers: server.widgetHeaders },
      measure: handshakes,
    },
  ];

  if (parts.has('requests')) {
    const lines: string[] = [];
    for (const kind of kinds) {
      const runs: Record<'floor' | 'cockpit' | 'product', LoadResult[]> = { floor: [], cockpit: [], product: [] };
      // Warm-up: JIT, pools and caches of all three before anything counts.
      await kind.measure(kind.floor, CONNECTIONS, 2);
      await kind.measure(kind.cockpit(await serviceHeaders(server.serviceKey)), CONNECTIONS, 2);
      await kind.measure(kind.product, CONNECTIONS, 2);
      for (let round = 0; round < ROUNDS; round++) {
        runs.floor.push(await kind.measure(kind.floor, CONNECTIONS, SECONDS));
        runs.cockpit.push(
          await kind.measure(kind.cockpit(await serviceHeaders(server.serviceKey)), CONNECTIONS, SECONDS),
        );
        runs.product.push(await kind.measure(kind.product, CONNECTIONS, SECONDS));
      }
      const floorResult = summarize(runs.floor);
      for (const [who, results] of Object.entries(runs)) {
        const r = summarize(results);
        const ratio = who === 'floor' ? '1' : (r.perSecond / floorResult.perSecond).toFixed(3);
        const label = { floor: 'floor', cockpit: 'cockpit alone', product: 'BFF → cockpit' }[who];
        lines.push(
          `| ${kind.name} | ${label} | ${rate(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ratio} |${r.failed ? ` ${r.failed} failed` : ''}`,
        );
      }
      console.log(lines.slice(-3).join('\n'));
    }
    console.log(
      '\n| request | path | req/s | p50 | p95 | p99 | × floor |\n| --- | --- | --- | --- | --- | --- | --- |',
    );
    console.log(lines.join('\n'));
  }

  if (parts.has('cpu'))
    await cpuPerRequest(
      url,
      server,
      kinds.filter((kind) => kind.measure === load),
    );

  if (parts.has('pglite')) {
    // PGlite, the demo's database, against the server: the same tenant page, one connection.
    const dataDir = mkdtempSync(join(tmpdir(), 'scc-load-pglite-'));
    dataDirs.push(dataDir);
    const migrated = spawnSync(process.execPath, ['--import', 'tsx', 'db/src/cli/migrate.ts', '--seed'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', SCC_DATA_DIR: join(dataDir, 'pglite') },
      stdio: 'inherit',
    });
    if (migrated.status !== 0) throw new Error('seeding the PGlite database failed');
    const pglite = await startProduct('pglite', { dataDir: join(dataDir, 'pglite') });
    const page = (bff: ServiceProcess, headers: Record<string, string>) => ({
      url: `${bff.url}/v1/widget/tenants?limit=50`,
      headers,
    });
    await load(page(pglite.bff, pglite.widgetHeaders), 1, 2);
    await load(page(server.bff, server.widgetHeaders), 1, 2);
    const one: Record<'server' | 'pglite', LoadResult[]> = { server: [], pglite: [] };
    for (let round = 0; round < ROUNDS; round++) {
      one.server.push(await load(page(server.bff, server.widgetHeaders), 1, SECONDS));
      one.pglite.push(await load(page(pglite.bff, pglite.widgetHeaders), 1, SECONDS));
    }
    const [s, p] = [summarize(one.server), summarize(one.pglite)];
    console.log('\n| tenant page through the BFF, 1 connection | req/s | p50 | p95 | p99 | PGlite ÷ server (p50) |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(`| PostgreSQL server | ${rate(s.perSecond)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | |`);
    console.log(
      `| PGlite | ${rate(p.perSecond)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${(p.p50 / s.p50).toFixed(2)} |`,
    );
  }

  if (parts.has('feed')) await liveFeed(url);
  if (parts.has('notify')) await notifyCapacity(url);
}

/**
 * What one request costs each process, in CPU milliseconds: the cockpit's processes, the BFF's
 * and the database's backends, for the cockpit alone and for the whole path. A busy machine
 * stretches requests per second but hardly what a request costs, so this is the figure that
 * shows a change to the hot path while other work runs.
 */
async function cpuPerRequest(url: string, product: Awaited<ReturnType<typeof startProduct>>, kinds: RequestKind[]) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const lines: string[] = [];
    for (const kind of kinds) {
      for (const path of ['cockpit', 'product'] as const) {
        const run = async (amount: number) => {
          // A fresh service token per run: they live a minute.
          const target = path === 'cockpit' ? kind.cockpit(await serviceHeaders(product.serviceKey)) : kind.product;
          const failed = await send(target, CONNECTIONS, amount);
          if (failed) throw new Error(`${kind.name} (${path}): ${failed} of ${amount} requests failed`);
        };
        await run(Math.min(CPU_REQUESTS, 1000));
        const backends = await admin<{ pid: number }[]>`
          select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
        const spent = await cpuMillisDuring(
          {
            cockpit: processTree(product.cockpit.child.pid ?? 0),
            bff: processTree(product.bff.child.pid ?? 0),
            postgres: backends.map((b) => b.pid),
          },
          () => run(CPU_REQUESTS),
        );
        const per = (ms: number) => (ms / CPU_REQUESTS).toFixed(2);
        const label = path === 'cockpit' ? 'cockpit alone' : 'BFF → cockpit';
        lines.push(
          `| ${kind.name} | ${label} | ${path === 'cockpit' ? '–' : per(spent.bff)} | ${per(spent.cockpit)} | ${per(spent.postgres)} | ${per((path === 'cockpit' ? 0 : spent.bff) + spent.cockpit + spent.postgres)} |`,
        );
      }
    }
    console.log(
      `\nCPU per request (ms; ${CPU_REQUESTS} requests at ${CONNECTIONS} connections, after a warm-up):\n` +
        '| request | path | BFF | cockpit | PostgreSQL | together |\n| --- | --- | --- | --- | --- | --- |',
    );
    console.log(lines.join('\n'));
  } finally {
    await admin.end();
  }
}

/**
 * How far LISTEN/NOTIFY carries: writers commit small transactions with and without a NOTIFY
 * (PostgreSQL serializes the commits that notify on one global queue lock), while one listener
 * counts what arrives. Shows the commit rate at which that lock starts to limit.
 */
async function notifyCapacity(url: string) {
  const owner = postgres(url, { max: 40, onnotice: () => {} });
  const listener = postgres(url, { max: 1 });
  await owner`create table load_notify_probe (id bigserial primary key, at timestamptz not null default now())`;
  let received = 0;
  await listener.listen('load_notify_probe', () => {
    received++;
  });
  console.log(
    '\n| commits of one row, concurrent writers | without NOTIFY (commits/s) | with NOTIFY (commits/s) | delivered to one listener (events/s) |',
  );
  console.log('| --- | --- | --- | --- |');
  for (const writers of [1, 4, 16, 32]) {
    const rates: number[] = [];
    for (const notify of [false, true]) {
      received = 0;
      let commits = 0;
      const until = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (performance.now() < until) {
            await owner.begin(async (tx) => {
              await tx`insert into load_notify_probe default values`;
              if (notify) await tx`select pg_notify('load_notify_probe', 'x')`;
            });
            commits++;
          }
        }),
      );
      rates.push(commits / SECONDS);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    console.log(`| ${writers} | ${rate(rates[0] ?? 0)} | ${rate(rates[1] ?? 0)} | ${rate(received / SECONDS)} |`);
  }
  await listener.end();
  await owner.end();
}

/**
 * The live feed across processes: two cockpits and two BFFs (BFF n → cockpit n), FEED_CLIENTS
 * widget streams split between the BFFs, and orders submitted through the first BFF one after
 * another. A submit's answer comes after its commit and its event leaves after it, so "from the
 * answer" is a lower bound of commit → client and "from the request" an upper bound.
 */
async function liveFeed(url: string) {
  const CLIENTS = Number(process.env.FEED_CLIENTS ?? 500);
  const EVENTS = Number(process.env.FEED_EVENTS ?? 20);
  const keys = await productKeys('feed');
  const sides = [
    await startProduct('feed A', { databaseUrl: url }, keys, 1),
    await startProduct('feed B', { databaseUrl: url }, keys, 1),
  ];
  const arrivals = new Map<string, number[]>();
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const side = sides[i % sides.length];
      if (!side) return;
      const res = await fetch(`${side.bff.url}/v1/widget/events`, { headers: side.widgetHeaders });
      if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
      const reader = res.body.getReader();
      readers.push(reader);
      const decoder = new TextDecoder();
      let buffer = '';
      void (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
          if (chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((line) => line.startsWith('data:'));
            const name = data ? (JSON.parse(data.slice(5)) as { draft?: { name?: string } }).draft?.name : undefined;
            if (name?.startsWith('Live ') && !arrivals.get(name)?.includes(i)) {
              arrivals.set(name, [...(arrivals.get(name) ?? []), i, performance.now()]);
            }
          }
        }
      })();
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const [first] = sides;
  if (!first) return;
  const fromRequest: number[] = [];
  const fromAnswer: number[] = [];
  let missing = 0;
  for (let n = 0; n < EVENTS; n++) {
    const name = `Live ${n}`;
    const requested = performance.now();
    const res = await fetch(`${first.bff.url}/v1/widget/operation-requests`, {
      method: 'POST',
      headers: { ...first.widgetHeaders, 'content-type': 'application/json', 'idempotency-key': `load-live-${n}` },
      body: JSON.stringify({
        kind: 'order',
        businessUnitId: contoso.id,
        productId,
        type: 'development',
        name,
        applicationDataSourceTenantId: null,
        solutionProfileSourceTenantId: null,
      }),
    });
    const answered = performance.now();
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${await res.text()}`);
    await res.body?.cancel();
    const deadline = answered + 5000;
    while ((arrivals.get(name)?.length ?? 0) < CLIENTS * 2 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const seen = arrivals.get(name) ?? [];
    missing += CLIENTS - seen.length / 2;
    for (let k = 1; k < seen.length; k += 2) {
      const at = seen[k] ?? Number.NaN;
      fromRequest.push(at - requested);
      fromAnswer.push(Math.max(0, at - answered));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const reader of readers) await reader.cancel().catch(() => undefined);
  const quantiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return `${ms(at(0.5))} | ${ms(at(0.95))} | ${ms(at(0.99))} | ${ms(sorted.at(-1) ?? Number.NaN)}`;
  };
  console.log(
    `\n| live feed: commit → ${CLIENTS} clients, 2 cockpit + 2 BFF processes, ${EVENTS} events | p50 | p95 | p99 | max |`,
  );
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| from the submit's answer (lower bound) | ${quantiles(fromAnswer)} |`);
  console.log(`| from the submit's request (upper bound) | ${quantiles(fromRequest)} |`);
  console.log(`deliveries: ${fromAnswer.length} of ${CLIENTS * EVENTS} (${missing} missing after 5 s)`);
}

try {
  await run();
} finally {
  for (const service of started.reverse()) await service.stop();
  await database.drop();
  const cluster = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await cluster`drop role if exists ${cluster(runtimeLoginName(database.url ?? ''))}`;
  await cluster.end();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
