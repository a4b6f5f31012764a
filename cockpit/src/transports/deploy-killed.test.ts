import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationRequest } from '@scc/contracts/operations';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { systemClock } from '../operations/clock.js';
import { createWorker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';

/** A real worker process killed in the middle of a deployment's transaction needs the server. */
const server = process.env.DATABASE_URL;
const here = dirname(fileURLToPath(import.meta.url));

describe.skipIf(!server)('a worker process killed during a deployment (PostgreSQL server)', () => {
  let harness: CockpitHarness;
  beforeAll(async () => {
    harness = await createCockpitHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  const query = async <T>(q: SQL) => rowsOf<T>(await harness.database.handle.db.execute(q));

  test('the target ends on the old or the new version, never a mix, and the resumed request writes one version', async () => {
    const target = seedId('tenant', 'contoso-erp-test');
    const response = await harness.send(
      'POST',
      '/v1/operation-requests',
      await harness.tokenFor(personaByKey('customer-admin')),
      {
        kind: 'transport',
        sourceTenantId: seedId('tenant', 'contoso-erp-prod'),
        targetTenantId: target,
        profile: { mode: 'full' },
      },
    );
    expect(response.status).toBe(202);
    const request = (await response.json()) as OperationRequest;
    const state = () =>
      query<{ versions: number; current: number; flat: string }>(sql`select
        (select count(*)::int from solution_profile_versions where tenant_id = ${target}) as versions,
        (select max(version)::int from solution_profile_versions where tenant_id = ${target}) as current,
        (select string_agg(key || '=' || value::text, ';' order by key) from tenant_solution_profile where tenant_id = ${target}) as flat`);
    const [before] = await state();

    // Hold the target's flat rows: the deployment writes its version, then waits here, inside its transaction.
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let locked = () => {};
    const holding = new Promise<void>((r) => {
      locked = r;
    });
    const holder = harness.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select id from tenant_solution_profile where tenant_id = ${target} for update`);
      locked();
      await released;
    });
    await holding;

    const leaseMs = 1500;
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(here, '../worker-main.ts')], {
      cwd: resolve(here, '../..'),
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_MIGRATION_URL')),
        DATABASE_URL: harness.database.url,
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
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    let blockedPid: number | undefined;
    try {
      for (let i = 0; i < 400 && blockedPid === undefined; i++) {
        const [row] = await query<{ pid: number }>(sql`select pid from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'
            and query ilike 'delete from tenant_solution_profile%'`);
        blockedPid = row?.pid;
        if (blockedPid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(blockedPid, output).toBeDefined();
    } finally {
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      release();
      await holder;
    }
    // The orphaned backend finds its client gone and rolls back.
    for (let i = 0; i < 200; i++) {
      const [alive] = await query<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where pid = ${blockedPid ?? 0}`,
      );
      if (alive?.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await state()).toEqual([before]);
    expect(await query(sql`select id from transports where request_id = ${request.id}`)).toEqual([]);

    const db = harness.database.handle.db;
    const restarted = createWorker({ db, provisioner: createLocalProvisioner(db), clock: systemClock, leaseMs });
    // Nobody may take the request over before the dead worker's lease has run out.
    let resumed = false;
    for (let i = 0; i < 100 && !resumed; i++) {
      resumed = await restarted.runOnce();
      if (!resumed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(resumed).toBe(true);
    const [done] = await query<{ state: string; attempts: number }>(
      sql`select state::text, attempts from operation_requests where id = ${request.id}`,
    );
    expect(done).toEqual({ state: 'succeeded', attempts: 2 });
    const [after] = await state();
    expect(after?.versions).toBe((before?.versions ?? 0) + 1);
    expect(after?.current).toBe((before?.current ?? 0) + 1);
    const [document] = await query<{
      flat: string;
    }>(sql`select string_agg(s.key || '=' || s.value::text, ';' order by s.key) as flat
      from solution_profile_versions v, jsonb_each(v.document) s where v.tenant_id = ${target} and v.version = ${after?.current ?? 0}`);
    expect(after?.flat).toBe(document?.flat);
  });
});
