import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeRows } from '@scc/db';
import { createTestDatabase, createTestLoginRole, type TestDatabase, type TestLoginRole } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededBusinessUnit, seedId } from '../support/seed-model.js';
import { childProcesses, isRunning, type Launched, launch, widgetTokenFromDemoHost } from './launch.js';

/**
 * `pnpm start`'s launcher on a PostgreSQL server with two cockpit and two BFF processes: twenty
 * productive orders for one unit and product, sent at once to the BFFs' shared port and passed on
 * to the cockpits' shared port, end with exactly one accepted: the count rule is decided under a
 * lock in the database, not in any one process. SIGINT then stops every process.
 */
const server = process.env.DATABASE_URL;
const BAAS = seedId('product', 'BAAS');

describe.skipIf(!server)('two BFF and two cockpit processes (server only: PGlite runs one cockpit process)', () => {
  let dataDir: string | undefined;
  let database: TestDatabase | undefined;
  let login: TestLoginRole | undefined;
  let stack: Launched | undefined;
  let urls: { demoHost: string; bff: string };

  beforeAll(async () => {
    if (!server) return;
    dataDir = mkdtempSync(join(tmpdir(), 'scc-processes-'));
    database = await createTestDatabase();
    login = await createTestLoginRole(server, 'procs');
    const url = database.url as string;
    stack = launch('stack/src/main.ts', {
      DATABASE_URL: login.urlFor(url),
      DATABASE_MIGRATION_URL: url,
      SCC_DATA_DIR: dataDir,
      DEMO_HOST_PORT: '0',
      BFF_PORT: '0',
      COCKPIT_PORT: '0',
      IDENTITY_PROVIDER_PORT: '0',
      SCC_COCKPIT_PROCESSES: '2',
      SCC_BFF_PROCESSES: '2',
    });
    // Migrating, seeding and starting five processes on a busy machine takes a while.
    const [, demoHost, bff] = await stack.waitFor(/Open the demo: +(\S+)\s+BFF: +(\S+)/, 220_000);
    urls = { demoHost: demoHost as string, bff: bff as string };
  }, 240_000);
  afterAll(async () => {
    await stack?.stop('SIGKILL');
    await database?.drop();
    await login?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the launcher runs the cockpit and the BFF as two processes each', () => {
    const pid = stack?.child.pid as number;
    expect(stack?.output()).toMatch(/Processes: +cockpit 2, BFF 2\n/);
    expect(childProcesses(pid, 'cockpit/src/main.ts')).toHaveLength(2);
    expect(childProcesses(pid, 'bff/src/main.ts')).toHaveLength(2);
  });

  test('20 parallel productive orders for one unit and product: exactly one accepted', async () => {
    const token = await widgetTokenFromDemoHost(urls.demoHost, 'customer-admin');
    const north = seededBusinessUnit('contoso/north').id;
    const run = randomUUID().slice(0, 8);
    /**
     * One order, retried as the widget does: the BFF answers 503 when the cockpit took longer than
     * its timeout (twenty orders queue for one lock; on a busy machine the last wait long), and the
     * same Idempotency-Key makes the retry return what the first attempt stored, if it got that far.
     */
    const order = async (key: string) => {
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${urls.bff}/v1/widget/operation-requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ kind: 'order', businessUnitId: north, productId: BAAS, type: 'productive' }),
        });
        if (response.status !== 503 || attempt === 10) return response;
        await response.body?.cancel();
      }
    };
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => order(`${run}-${i}`)));
    const statuses = responses.map((r) => r.status);
    // 202 when the first attempt was answered, 200 when a retry found it stored.
    expect(
      statuses.filter((s) => s === 202 || s === 200),
      String(statuses),
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 422),
      String(statuses),
    ).toHaveLength(19);
    for (const response of responses.filter((r) => r.status === 422)) {
      const body = (await response.json()) as { errors: { rule: string }[] };
      expect(body.errors.map((e) => e.rule)).toEqual(['max-live-productive']);
    }
    const rows = await executeRows<{ accepted: number; rejected: number }>(
      (database as TestDatabase).handle.db,
      sql`select count(*) filter (where state <> 'rejected')::int as accepted,
        count(*) filter (where state = 'rejected')::int as rejected
        from operation_requests where business_unit_id = ${north} and product_id = ${BAAS}`,
    );
    expect(rows).toEqual([{ accepted: 1, rejected: 19 }]);
  });

  test('SIGINT stops the launcher and every process it started', async () => {
    const pid = stack?.child.pid as number;
    const children = [...childProcesses(pid, 'cockpit/src/main.ts'), ...childProcesses(pid, 'bff/src/main.ts')];
    expect(children).toHaveLength(4);
    expect(await stack?.stop('SIGINT')).toEqual({ code: 0, signal: null });
    expect(children.filter(isRunning)).toEqual([]);
  });
});
