import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRuntimeLogin } from '@scc/db';
import { createTestDatabase, dropTestRoles, type TestDatabase, testRolePrefix } from '@scc/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SpawnedCockpit, spawnCockpitProcess, waitForStatus } from '../../../test/support/cockpit-process.js';
import { createServiceKeys, type ServiceKeys } from '../../../test/support/service-tokens.js';

/**
 * The cockpit process, started as in production, on the engine of this run: on a login that row-level
 * security does not bind (PGlite's only login, the server's `postgres`) it refuses to serve unless
 * SCC_ALLOW_SUPERUSER=1 says so; on the restricted login `pnpm start` creates it serves.
 */
const serverUrl = process.env.DATABASE_URL;

// Each test starts a cockpit process (tsx compiles it, PGlite migrates): far beyond the default timeout on a busy machine.
describe('the cockpit process and its database login', { timeout: 120_000 }, () => {
  let keys: ServiceKeys;
  let database: TestDatabase | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'scc-cockpit-login-'));
  const loginPrefix = testRolePrefix('cklogin');
  const spawned: SpawnedCockpit[] = [];

  /** The superuser login of this run: the test database's owner on a server, PGlite in a fresh folder. */
  const spawnOnSuperuser = (allow: '0' | '1') => {
    const cockpit = spawnCockpitProcess({
      ...(database?.url ? { databaseUrl: database.url } : {}),
      trustedKeys: [keys.publicJwk],
      // One PGlite folder: the second start finds it migrated (a fresh one costs seconds of migrations).
      env: { SCC_ALLOW_SUPERUSER: allow, SCC_WORKERS: '0', SCC_DATA_DIR: join(dataDir, 'pglite') },
    });
    spawned.push(cockpit);
    return cockpit;
  };

  beforeAll(async () => {
    keys = await createServiceKeys();
    if (serverUrl) database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const cockpit of spawned) await cockpit.stop('SIGKILL');
    await database?.drop();
    if (serverUrl) await dropTestRoles(serverUrl, loginPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('refuses a superuser login without SCC_ALLOW_SUPERUSER: one line saying why and what to do, exit code 1', async () => {
    const cockpit = spawnOnSuperuser('0');
    const { code } = await cockpit.exited;
    expect(code, cockpit.output()).toBe(1);
    expect(cockpit.output()).not.toMatch(/cockpit listening on/);
    const refusal = cockpit
      .stderr()
      .split('\n')
      .filter((line) => line.includes('Refusing to serve'));
    expect(refusal, cockpit.output()).toHaveLength(1);
    const { level, msg } = JSON.parse(refusal[0] ?? '{}') as { level: string; msg: string };
    expect(level).toBe('error');
    expect(msg).toMatch(/login bypasses row-level security: "[a-z_]+" is a superuser/);
    expect(msg).toMatch(/SCC_ALLOW_SUPERUSER=1/);
  });

  test('serves on it with SCC_ALLOW_SUPERUSER=1, warning that isolation rests on withScope alone', async () => {
    const cockpit = await spawnOnSuperuser('1').listening();
    expect(await waitForStatus(`${cockpit.url}/readyz`, 200)).toBe(200);
    expect(cockpit.stderr()).toMatch(/is a superuser\. Serving anyway \(SCC_ALLOW_SUPERUSER=1\)/);
  });

  test.skipIf(!serverUrl)('serves without a warning on the restricted login created from the owner', async () => {
    const owner = database?.url ?? expect.unreachable();
    const login = await ensureRuntimeLogin(owner, {
      name: `${loginPrefix}${randomBytes(4).toString('hex')}`,
      password: randomBytes(18).toString('base64url'),
    });
    const started = spawnCockpitProcess({
      databaseUrl: login,
      migrationDatabaseUrl: owner,
      trustedKeys: [keys.publicJwk],
      env: { SCC_WORKERS: '0' },
    });
    spawned.push(started);
    const cockpit = await started.listening();
    expect(await waitForStatus(`${cockpit.url}/readyz`, 200)).toBe(200);
    expect(cockpit.stderr()).not.toMatch(/row-level security/);
  });
});
