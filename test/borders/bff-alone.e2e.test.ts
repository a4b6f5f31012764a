import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningKey, type HostApplication, hashApiKey, newApiKey } from '@scc/bff';
import { createTestDatabase, createTestLoginRole, type TestDatabase, type TestLoginRole } from '@scc/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitProcess, startCockpitProcess } from '../support/cockpit-process.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';

/**
 * The BFF runs alone: `pnpm deploy --prod` installs only its production dependencies into a
 * folder outside the workspace, and the BFF started there with `node --import tsx src/main.ts`
 * serves widget calls from a cockpit started separately, as in a deployment of its own.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const server = process.env.DATABASE_URL;
const forbiddenPackages = ['@scc/cockpit', '@scc/db', 'drizzle-orm', '@electric-sql/pglite', 'postgres'];

/** Every package installed under `nodeModules`: linked at the top or kept in pnpm's store folder. */
function installedPackages(nodeModules: string): Set<string> {
  const names = new Set<string>();
  const collect = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) for (const name of readdirSync(join(dir, entry))) names.add(`${entry}/${name}`);
      else names.add(entry);
    }
  };
  collect(nodeModules);
  for (const stored of readdirSync(join(nodeModules, '.pnpm'))) {
    const inner = join(nodeModules, '.pnpm', stored, 'node_modules');
    if (existsSync(inner)) collect(inner);
  }
  return names;
}

interface Bff {
  url: string;
  stop(): Promise<void>;
}

/** Starts the deployed BFF on a free port; resolves once it listens, rejects with its output if it ends first. */
function startBff(dir: string, env: Record<string, string>): Promise<Bff> {
  // PATH only: nothing of this process (NODE_OPTIONS, a DATABASE_URL) may help it along.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', BFF_PORT: '0', BFF_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolveStart, rejectStart) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /BFF listening on (http:\/\/[^\s"]+)/.exec(output)?.[1];
      if (url) resolveStart({ url, stop });
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code) => rejectStart(new Error(`the BFF ended (code ${code}):\n${output}`)));
  });
}

/** The JSON log lines a process wrote. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the BFF installed and started on its own', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'scc-bff-alone-'));
  const bffDir = join(workDir, 'bff');
  const apiKey = newApiKey('portal');
  const casey = personaByKey('customer-admin');
  let database: TestDatabase | undefined;
  let login: TestLoginRole | undefined;
  let cockpit: CockpitProcess | undefined;
  let bff: Bff | undefined;

  beforeAll(async () => {
    // Prefer the store, but a fresh machine's metadata cache is empty after a frozen-lockfile
    // install: then pnpm asks the registry for what it lacks instead of failing.
    const deploy = spawnSync(
      'pnpm',
      ['--filter', '@scc/bff', 'deploy', '--prod', '--legacy', '--prefer-offline', bffDir],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(deploy.status, `${deploy.stdout}\n${deploy.stderr}`).toBe(0);

    const widgetKey = await generateSigningKey('widget-1');
    const serviceKey = await generateSigningKey('service-1');
    if (server) {
      database = await createTestDatabase({ seed: true });
      const url = database.url ?? '';
      // As deployed: the cockpit on a restricted login, the owner only for migrations and system work.
      login = await createTestLoginRole(server, 'bffalone');
      cockpit = await startCockpitProcess({
        databaseUrl: login.urlFor(url),
        migrationDatabaseUrl: url,
        trustedKeys: [serviceKey.publicJwk],
      });
    } else {
      // PGlite allows one process per folder: seed it, then hand it to the cockpit.
      const dataDir = join(workDir, 'pglite');
      const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'db/src/cli/migrate.ts', '--seed'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', SCC_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      cockpit = await startCockpitProcess({ trustedKeys: [serviceKey.publicJwk], env: { SCC_DATA_DIR: dataDir } });
    }

    const host: HostApplication = {
      id: 'portal',
      name: 'Portal',
      apiKeyHash: hashApiKey(apiKey),
      homeBusinessUnitId: seededBusinessUnit('msp').id,
      allowedOrigins: ['https://portal.example'],
    };
    bff = await startBff(bffDir, {
      BFF_PUBLIC_URL: 'http://bff.test',
      COCKPIT_URL: cockpit.url,
      BFF_WIDGET_SIGNING_KEY: JSON.stringify(widgetKey.privateJwk),
      BFF_SERVICE_SIGNING_KEY: JSON.stringify(serviceKey.privateJwk),
      BFF_HOST_APPLICATIONS: JSON.stringify([host]),
    });
  });

  afterAll(async () => {
    await bff?.stop();
    await cockpit?.stop();
    await database?.drop();
    await login?.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('the pruned install holds no cockpit, no @scc/db and no database driver', () => {
    const installed = installedPackages(join(bffDir, 'node_modules'));
    expect(forbiddenPackages.filter((name) => installed.has(name))).toEqual([]);
    // What it does need is there, so the check looked at a real install.
    expect(['@scc/contracts', '@scc/service-kit', 'hono', 'tsx'].filter((name) => !installed.has(name))).toEqual([]);
  });

  test('it is ready against the separately started cockpit', async () => {
    const res = await fetch(`${bff?.url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', checks: { cockpit: 'up' } });
  });

  test('it opens a widget session and serves the tenants the cockpit knows, under the caller’s request id', async () => {
    const session = await fetch(`${bff?.url}/v1/embed-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { email: casey.email }, businessUnitId: seededBusinessUnit('contoso').id }),
    });
    expect(session.status).toBe(201);
    const { token } = (await session.json()) as { token: string };

    const tenants = await fetch(`${bff?.url}/v1/widget/tenants`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'bff-alone-1' },
    });
    expect(tenants.status).toBe(200);
    expect(tenants.headers.get('x-request-id')).toBe('bff-alone-1');
    expect(((await tenants.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    // Request lines leave at the end of the cockpit's event-loop turn, after the answer may have.
    await expect
      .poll(() => logLines(cockpit?.output() ?? ''))
      .toContainEqual(
        expect.objectContaining({ service: 'cockpit', requestId: 'bff-alone-1', path: '/v1/tenants', status: 200 }),
      );
  });

  test('over the network, both services refuse a chunked body over their limit', async () => {
    const chunked = (bytes: number): RequestInit => {
      const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= bytes) return controller.close();
          controller.enqueue(chunk);
          sent += chunk.length;
        },
      });
      // A stream body goes out with transfer-encoding: chunked and no content-length.
      return { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit;
    };
    for (const [url, bytes] of [
      [`${bff?.url}/v1/embed-sessions`, 80 * 1024],
      [`${cockpit?.url}/v1/operation-requests`, 1100 * 1024],
    ] as const) {
      const res = await fetch(url, chunked(bytes));
      expect(res.status, url).toBe(413);
      expect(await res.json()).toMatchObject({ status: 413, errors: [{ field: 'body' }] });
    }
  });
});
