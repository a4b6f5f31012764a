import { randomUUID } from 'node:crypto';
import { executeRows } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProcessTestBed, type ProcessTestBed, waitForStatus } from '../support/cockpit-process.js';
import { seededBusinessUnit, seedId } from '../support/seed-model.js';

/**
 * The cockpit process is SIGKILLed while its workers execute orders and while a client's order is
 * on the wire, and PostgreSQL drops its sessions at the same moment. After a restart every order
 * ends `succeeded` exactly once: one request per idempotency key, one complete tenant per order,
 * one claim more for each request that was unfinished at the kill, and the sales system's
 * chargeable event once per request (written with the request, never again by a retry).
 */
const server = process.env.DATABASE_URL;
const BAAS = seedId('product', 'BAAS');
const CHARGEABLE = 'operation.chargeable';
/** Units with a live productive tenant (the order copies its data) and one without (no copy steps). */
const UNITS = ['contoso/south/stores', 'contoso/north/finance', 'contoso/north/logistics', 'contoso/north'];
const LATE_UNIT = 'contoso/south';

interface RequestRow {
  id: string;
  idempotency_key: string;
  state: string;
  attempts: number;
  tenant_id: string | null;
  completed_steps: string[];
  checkpoint: { newTenantId: string; applicationDataSourceTenantId: string | null };
}

describe.skipIf(!server)('the cockpit process killed while it executes orders', () => {
  let bed: ProcessTestBed;

  const query = <T>(q: SQL) => executeRows<T>(bed.owner, q);
  const requests = (keys: string[]) =>
    query<RequestRow>(sql`select id, idempotency_key, state::text, attempts, tenant_id, completed_steps, checkpoint
      from operation_requests where idempotency_key in ${keys} order by idempotency_key`);

  beforeAll(async () => {
    if (!server) return;
    bed = await createProcessTestBed(server, 'killed');
    // Every BAAS test tenant of Contoso is an extra one its contract pays for: each order is chargeable.
    await bed.owner.execute(
      sql`update products set rules = rules || '{"maxTestTenants": 0}'::jsonb where id = ${BAAS}`,
    );
    await bed.owner.execute(
      sql`update contracts set options = options || '{"extraTestTenants": 10}'::jsonb where external_ref = 'RS1-2001'`,
    );
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  test('after SIGKILL and a restart every order succeeds exactly once', async () => {
    const start = () => bed.start({ SCC_WORKERS: '2', SCC_STEP_DELAY_MS: '150', SCC_WORKER_LEASE_MS: '1500' });
    const headers = await bed.headersFor('customer-admin');
    const order = (url: string, unit: string, key: string) =>
      fetch(`${url}/v1/operation-requests`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': key },
        body: JSON.stringify({
          kind: 'order',
          businessUnitId: seededBusinessUnit(unit).id,
          productId: BAAS,
          type: 'test',
        }),
      });
    const run = randomUUID().slice(0, 8);
    const keyOf = (unit: string) => `killed-${run}-${unit}`;
    const allKeys = [...UNITS, LATE_UNIT].map(keyOf);

    const testTenantsOfUnits = async () =>
      (
        await query<{
          n: number;
        }>(sql`select count(*)::int as n from tenants where type = 'test' and product_id = ${BAAS}
          and business_unit_id in ${[...UNITS, LATE_UNIT].map((u) => seededBusinessUnit(u).id)}`)
      )[0]?.n ?? -1;
    const testTenantsBefore = await testTenantsOfUnits();

    const first = await start();
    for (const unit of UNITS) {
      const response = await order(first.url, unit, keyOf(unit));
      expect(response.status, await response.clone().text()).toBe(202);
      expect(((await response.json()) as { chargeable: boolean }).chargeable).toBe(true);
    }
    // Mid-way: a worker has finished a step of some order and has not finished every order.
    let midway = false;
    for (let i = 0; i < 400 && !midway; i++) {
      const rows = await requests(allKeys);
      midway =
        rows.some((r) => r.state === 'running' && r.completed_steps.length > 0) &&
        rows.some((r) => r.state !== 'succeeded');
      if (!midway) await new Promise((r) => setTimeout(r, 25));
    }
    expect(midway, first.output(3000)).toBe(true);

    // A client's order on the wire, the process killed and its sessions ended, all at once.
    const late = order(first.url, LATE_UNIT, keyOf(LATE_UNIT)).then(
      (r) => r.status,
      () => 0,
    );
    await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    // Only the cockpit's sessions: the test's own connection must stay to check the outcome.
    await bed.terminate(first.applicationName);
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    const lateStatus = await late;
    expect([0, 202]).toContain(lateStatus);

    const atKill = new Map((await requests(allKeys)).map((r) => [r.idempotency_key, r]));
    expect(
      [...atKill.values()].filter((r) => r.state !== 'succeeded').length,
      'orders left unfinished by the kill',
    ).toBeGreaterThan(0);

    const second = await start();
    expect(await waitForStatus(`${second.url}/readyz`, 200)).toBe(200);
    // The client never saw an answer for its last order (or did, and retries anyway): the same key again.
    const retried = await order(second.url, LATE_UNIT, keyOf(LATE_UNIT));
    expect(retried.status).toBe(atKill.has(keyOf(LATE_UNIT)) ? 200 : 202);
    // A retry of an order that was stored before the kill is answered from the stored request.
    const replay = await order(second.url, UNITS[0] as string, keyOf(UNITS[0] as string));
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { id: string }).id).toBe(atKill.get(keyOf(UNITS[0] as string))?.id);

    let rows: RequestRow[] = [];
    for (let i = 0; i < 600; i++) {
      rows = await requests(allKeys);
      if (rows.length === allKeys.length && rows.every((r) => r.state === 'succeeded' || r.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const report = `${JSON.stringify(rows, null, 1)}\n${second.output(3000)}`;
    // One request per key, each succeeded.
    expect(rows.map((r) => `${r.idempotency_key} ${r.state}`).sort(), report).toEqual(
      allKeys.map((k) => `${k} succeeded`).sort(),
    );
    for (const row of rows) {
      // One claim more than at the kill for each request the kill left unfinished; one in all for one stored after it.
      const before = atKill.get(row.idempotency_key);
      const expected = before ? (before.state === 'succeeded' ? before.attempts : before.attempts + 1) : 1;
      expect(row.attempts, `${row.idempotency_key} attempts`).toBe(expected);
      expect(new Set(row.completed_steps).size, `${row.idempotency_key} steps`).toBe(row.completed_steps.length);
      expect(row.completed_steps, row.idempotency_key).toContain('activate');
      expect(row.tenant_id, row.idempotency_key).toBe(row.checkpoint.newTenantId);
    }

    // One live tenant per order, complete: the copied parts equal their source's.
    const tenantIds = rows.map((r) => r.tenant_id as string);
    const [tenants] = await query<{ n: number; live: number; units: number }>(sql`select count(*)::int as n,
      count(*) filter (where lifecycle_status = 'live')::int as live, count(distinct business_unit_id)::int as units
      from tenants where id in ${tenantIds}`);
    expect(tenants).toEqual({ n: rows.length, live: rows.length, units: rows.length });
    for (const row of rows) {
      const source = row.checkpoint.applicationDataSourceTenantId;
      if (!source) continue;
      for (const table of ['tenant_application_data', 'tenant_solution_profile']) {
        const contents = (id: string) =>
          query<{ key: string; value: unknown }>(
            sql`select key, value from ${sql.identifier(table)} where tenant_id = ${id} order by key`,
          );
        const copied = await contents(row.tenant_id as string);
        expect(copied.length, `${row.idempotency_key} ${table}`).toBeGreaterThan(0);
        expect(copied, `${row.idempotency_key} ${table}`).toEqual(await contents(source));
      }
    }
    // No order left a second tenant behind in its unit.
    expect(await testTenantsOfUnits()).toBe(testTenantsBefore + rows.length);

    // The sales system hears of each chargeable order once, and of no voided charge.
    const events = await query<{
      request_id: string;
      type: string;
      n: number;
    }>(sql`select payload->>'requestId' as request_id,
        type, count(*)::int as n from outbox_events where payload->>'requestId' in ${rows.map((r) => r.id)}
      group by 1, 2 order by 1, 2`);
    expect(events).toEqual(
      rows
        .map((r) => ({ request_id: r.id, type: CHARGEABLE, n: 1 }))
        .sort((a, b) => a.request_id.localeCompare(b.request_id)),
    );
    expect(second.stderr()).not.toContain('exiting');
  }, 120_000);
});
