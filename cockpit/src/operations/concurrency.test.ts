import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationRequest } from '@scc/contracts/operations';
import { createDatabase } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import { systemClock } from './clock.js';
import { createWorker } from './worker.js';

/** Real parallelism needs the server: PGlite runs one statement at a time. */
const server = process.env.DATABASE_URL;
const BAAS = seedId('product', 'BAAS');
const here = dirname(fileURLToPath(import.meta.url));

describe.skipIf(!server)('on the PostgreSQL server', () => {
  let harness: CockpitHarness;

  beforeAll(async () => {
    // A pool as wide as the burst, so all twenty transactions really run at once.
    harness = await createCockpitHarness({
      connect: (database) => createDatabase({ url: database.url, maxConnections: 21 }),
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await harness.database.handle.db.execute(q));

  test('20 parallel orders of a productive tenant for one business unit: exactly one accepted', async () => {
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const north = seededBusinessUnit('contoso/north').id;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.send('POST', '/v1/operation-requests', token, {
          kind: 'order',
          businessUnitId: north,
          productId: BAAS,
          type: 'productive',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([202, ...Array(19).fill(422)]);
    for (const response of responses.filter((r) => r.status === 422)) {
      const body = (await response.json()) as { errors: { rule: string }[] };
      expect(body.errors.map((e) => e.rule)).toEqual(['max-live-productive']);
    }
    const [row] = await query<{ queued: number; rejected: number }>(sql`select
      count(*) filter (where state = 'queued')::int as queued, count(*) filter (where state = 'rejected')::int as rejected
      from operation_requests where business_unit_id = ${north}`);
    expect(row).toEqual({ queued: 1, rejected: 19 });
  });

  test('20 parallel retries with one Idempotency-Key: one request', async () => {
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const key = `retry-${randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.send(
          'POST',
          '/v1/operation-requests',
          token,
          {
            kind: 'order',
            businessUnitId: seededBusinessUnit('contoso/south').id,
            productId: BAAS,
            type: 'development',
          },
          { 'idempotency-key': key },
        ),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 202]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as OperationRequest).id)));
    expect(ids.size).toBe(1);
    const [row] = await query<{ n: number }>(
      sql`select count(*)::int as n from operation_requests where idempotency_key = ${key}`,
    );
    expect(row?.n).toBe(1);
  });

  test('10 parallel requests with one Idempotency-Key and two bodies: one request, the other body 422', async () => {
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const key = `race-${randomUUID()}`;
    const draft = (type: string) => ({
      kind: 'order',
      businessUnitId: seededBusinessUnit('contoso/south').id,
      productId: BAAS,
      type,
    });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        harness.send('POST', '/v1/operation-requests', token, draft(i % 2 ? 'development' : 'validation'), {
          'idempotency-key': key,
        }),
      ),
    );
    // Whichever body came first owns the key: its five answers are the stored request (accepted or
    // rejected by the rules, then four replays), the other body's five are all 422 key-reused.
    const answers = await Promise.all(
      responses.map(async (r, i) => ({
        body: i % 2,
        status: r.status,
        type: ((await r.json()) as { type?: string }).type ?? '',
      })),
    );
    const reused = answers.filter((a) => a.type.endsWith('/idempotency-key-reused'));
    expect(reused).toHaveLength(5);
    expect(new Set(reused.map((a) => a.body)).size).toBe(1);
    expect(reused.every((a) => a.status === 422)).toBe(true);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(4);
    const [row] = await query<{ n: number }>(
      sql`select count(*)::int as n from operation_requests where idempotency_key = ${key}`,
    );
    expect(row?.n).toBe(1);
  });

  test('several workers share the queue; each request runs exactly once', async () => {
    const db = harness.database.handle.db;
    await db.execute(
      sql`update operation_requests set state = 'cancelled', finished_at = now() where state = 'queued'`,
    );
    const token = await harness.tokenFor(personaByKey('msp-operator'));
    const units = [
      'msp/internal',
      'msp/internal/critical',
      'msp/internal/other',
      'msp/internal/critical/core-databases',
      'msp/internal/critical/erp-servers',
      'msp/internal/other/file-servers',
    ];
    for (const key of units) {
      const response = await harness.send('POST', '/v1/operation-requests', token, {
        kind: 'order',
        businessUnitId: seededBusinessUnit(key).id,
        productId: BAAS,
        type: 'validation',
      });
      expect(response.status, key).toBe(202);
    }
    const workers = Array.from({ length: 3 }, () =>
      createWorker({ db, provisioner: createLocalProvisioner(db, { stepDelayMs: 5 }), clock: systemClock }),
    );
    const done = await Promise.all(workers.map((w) => w.runUntilIdle()));
    expect(done.reduce((a, b) => a + b, 0)).toBe(units.length);
    expect(done.filter((n) => n > 0).length).toBeGreaterThan(1);
    const [row] = await query<{ succeeded: number; attempts: number; tenants: number }>(sql`select
      count(*) filter (where r.state = 'succeeded')::int as succeeded, max(r.attempts)::int as attempts,
      (select count(*)::int from tenants t where t.type = 'validation' and t.product_id = ${BAAS} and t.lifecycle_status = 'live'
        and t.id in (select tenant_id from operation_requests where draft->>'type' = 'validation')) as tenants
      from operation_requests r where r.draft->>'type' = 'validation'`);
    expect(row).toEqual({ succeeded: units.length, attempts: 1, tenants: units.length });
  });

  test('a worker process killed during a copy: after restart the tenant exists once and complete', async () => {
    // Only this test's request may be queued, so the child works on it.
    await harness.database.handle.db.execute(
      sql`update operation_requests set state = 'cancelled', finished_at = now() where state in ('queued', 'running')`,
    );
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const source = seedId('tenant', 'contoso-stores-backup');
    const name = `Crash test ${randomUUID().slice(0, 8)}`;
    const response = await harness.send('POST', '/v1/operation-requests', token, {
      kind: 'order',
      businessUnitId: seededBusinessUnit('contoso/south/stores').id,
      productId: BAAS,
      type: 'test',
      name,
    });
    expect(response.status).toBe(202);
    const request = (await response.json()) as OperationRequest;
    const leaseMs = 1500;
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(here, '../worker-main.ts')], {
      cwd: resolve(here, '../..'),
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_MIGRATION_URL')),
        DATABASE_URL: harness.database.url,
        SCC_STEP_DELAY_MS: '300',
        SCC_WORKER_LEASE_MS: String(leaseMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    let partial = -1;
    try {
      // Wait until the child is inside the copy of application data with some rows written.
      for (let i = 0; i < 300; i++) {
        const [row] = await query<{ step: string | null; rows: number }>(sql`select r.step,
          (select count(*)::int from tenant_application_data d where d.tenant_id = (r.checkpoint->>'newTenantId')::uuid) as rows
          from operation_requests r where r.id = ${request.id}`);
        if (row?.step === 'Copying application data' && row.rows > 0) {
          partial = row.rows;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(partial, output).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const [mid] = await query<{ state: string; rows: number }>(sql`select r.state::text,
      (select count(*)::int from tenant_application_data d where d.tenant_id = (r.checkpoint->>'newTenantId')::uuid) as rows
      from operation_requests r where r.id = ${request.id}`);
    expect(mid?.state).toBe('running');
    expect(mid?.rows).toBeLessThan(12);

    const db = harness.database.handle.db;
    const restarted = createWorker({ db, provisioner: createLocalProvisioner(db), clock: systemClock, leaseMs });
    // The dead worker's lease must run out first; until then nobody else may take the request.
    let resumed = false;
    for (let i = 0; i < 100 && !resumed; i++) {
      resumed = await restarted.runOnce();
      if (!resumed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(resumed).toBe(true);
    const [done] = await query<{ state: string; attempts: number; tenant_id: string }>(
      sql`select state::text, attempts, tenant_id from operation_requests where id = ${request.id}`,
    );
    expect(done).toMatchObject({ state: 'succeeded', attempts: 2 });
    const [tenant] = await query<{ n: number; live: number }>(sql`select count(*)::int as n,
      count(*) filter (where lifecycle_status = 'live')::int as live from tenants where name = ${name}`);
    expect(tenant).toEqual({ n: 1, live: 1 });
    const compare = (table: string, id: string) =>
      query<{ key: string; value: unknown }>(
        sql`select key, value from ${sql.identifier(table)} where tenant_id = ${id} order by key`,
      );
    for (const table of ['tenant_application_data', 'tenant_solution_profile']) {
      expect(await compare(table, done?.tenant_id as string), table).toEqual(await compare(table, source));
    }
  });
});
