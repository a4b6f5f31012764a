import type { OperationRequest } from '@scc/contracts/operations';
import type { Tenant } from '@scc/contracts/tenants';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waiveApprovals } from '../../../test/support/approvals.js';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import type { Provisioner } from '../provisioner/port.js';
import { createWorker, type Worker } from './worker.js';

let harness: CockpitHarness;
let worker: Worker;

beforeAll(async () => {
  harness = await createCockpitHarness();
  // About execution: four eyes are approvals.test.ts's.
  await waiveApprovals(harness.database.handle.db);
  worker = createWorker({
    db: harness.database.handle.db,
    provisioner: createLocalProvisioner(harness.database.handle.db),
    clock: harness.clock,
  });
});
afterAll(async () => {
  await harness?.close();
});

const BAAS = seedId('product', 'BAAS');
const stores = seededBusinessUnit('contoso/south/stores').id;
const storesBackup = seedId('tenant', 'contoso-stores-backup');

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await harness.database.handle.db.execute(q));
}
const contents = (tenantId: string) =>
  query<{ part: string; key: string; value: unknown }>(sql`
    select 'application' as part, key, value from tenant_application_data where tenant_id = ${tenantId}
    union all select 'profile', key, value from tenant_solution_profile where tenant_id = ${tenantId}
    order by 1, 2`);

async function submit(personaKey: string, draft: object): Promise<OperationRequest> {
  const token = await harness.tokenFor(personaByKey(personaKey));
  const response = await harness.send('POST', '/v1/operation-requests', token, draft);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as OperationRequest;
}
async function fetchRequest(id: string): Promise<OperationRequest> {
  const token = await harness.tokenFor(personaByKey('customer-admin'));
  return (await (await harness.get(`/v1/operation-requests/${id}`, token)).json()) as OperationRequest;
}
async function visibleTenants(query = ''): Promise<Tenant[]> {
  const token = await harness.tokenFor(personaByKey('customer-admin'));
  return ((await (await harness.get(`/v1/tenants${query}`, token)).json()) as { items: Tenant[] }).items;
}

let testTenantId: string;

describe('order', () => {
  test('a test tenant is created from the proposed productive tenant, data and profile alike', async () => {
    const request = await submit('customer-admin', {
      kind: 'order',
      businessUnitId: stores,
      productId: BAAS,
      type: 'test',
      name: 'Stores test',
    });
    expect(await worker.runUntilIdle()).toBeGreaterThanOrEqual(1);
    const done = await fetchRequest(request.id);
    expect(done).toMatchObject({ state: 'succeeded', progress: 100, error: null });
    expect(done.finishedAt).not.toBeNull();
    testTenantId = done.tenantId as string;
    const tenant = (await visibleTenants()).find((t) => t.id === testTenantId);
    expect(tenant).toMatchObject({
      name: 'Stores test',
      type: 'test',
      lifecycleStatus: 'live',
      businessUnitId: stores,
    });
    const source = await contents(storesBackup);
    expect(source.length).toBe(15);
    expect(await contents(testTenantId)).toEqual(source);
    const [row] = await query<{ bu_path: string }>(sql`select bu_path::text from tenants where id = ${testTenantId}`);
    expect(row?.bu_path).toBe(seededBusinessUnit('contoso/south/stores').path);
    const states = await query<{ state: string; progress: number }>(sql`
      select payload->>'state' as state, (payload->>'progress')::int as progress from operation_request_events
      where request_id = ${request.id} order by id`);
    expect(states[0]?.state).toBe('queued');
    expect(states.at(-1)).toEqual({ state: 'succeeded', progress: 100 });
    const progress = states.map((s) => s.progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  test('a request that cannot finish fails and leaves no tenant behind', async () => {
    const failing: Provisioner = {
      ...createLocalProvisioner(harness.database.handle.db),
      copyPart: async () => {
        throw new Error('storage unavailable');
      },
    };
    const fragile = createWorker({
      db: harness.database.handle.db,
      provisioner: failing,
      clock: harness.clock,
      maxAttempts: 1,
    });
    const before = await query<{ n: number }>(sql`select count(*)::int as n from tenants`);
    const request = await submit('customer-admin', {
      kind: 'order',
      businessUnitId: seededBusinessUnit('contoso/north/logistics').id,
      productId: BAAS,
      type: 'test',
    });
    await fragile.runUntilIdle();
    const failed = await fetchRequest(request.id);
    expect(failed).toMatchObject({ state: 'failed', tenantId: null, error: { code: 'operation-failed' } });
    expect(failed.error?.message).toContain('storage unavailable');
    expect(await query<{ n: number }>(sql`select count(*)::int as n from tenants`)).toEqual(before);
  });
});

describe('decommission, retention and restore', () => {
  test('a terminated tenant disappears from the list, and cancelling brings it back as it was', async () => {
    const before = await contents(testTenantId);
    const request = await submit('customer-admin', { kind: 'decommission', tenantId: testTenantId });
    await worker.runUntilIdle();
    const retained = await fetchRequest(request.id);
    expect(retained).toMatchObject({ state: 'running', progress: 50, allowedActions: ['cancel'] });
    expect(Date.parse(retained.retainedUntil ?? '') - harness.clock.now().getTime()).toBe(28 * 24 * 60 * 60 * 1000);
    expect((await visibleTenants()).map((t) => t.id)).not.toContain(testTenantId);
    const hidden = (await visibleTenants('?lifecycle=retained')).find((t) => t.id === testTenantId);
    expect(hidden?.lifecycleStatus).toBe('retained');
    expect(hidden?.retainedUntil).not.toBeNull();
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const cancelled = await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, token);
    expect(cancelled.status).toBe(200);
    const live = (await visibleTenants()).find((t) => t.id === testTenantId);
    expect(live).toMatchObject({ lifecycleStatus: 'live', retainedUntil: null });
    expect(await contents(testTenantId)).toEqual(before);
  });

  test('after the retention period a test tenant is deleted', async () => {
    const request = await submit('customer-admin', { kind: 'decommission', tenantId: testTenantId });
    await worker.runUntilIdle();
    harness.clock.advanceDays(27);
    expect(await worker.runUntilIdle()).toBe(0);
    harness.clock.advanceDays(2);
    expect(await worker.runUntilIdle()).toBe(1);
    expect(await fetchRequest(request.id)).toMatchObject({ state: 'succeeded', progress: 100 });
    const [tenant] = await visibleTenants('?lifecycle=deleted');
    expect(tenant).toMatchObject({ id: testTenantId, lifecycleStatus: 'deleted' });
    expect(await contents(testTenantId)).toEqual([]);
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    expect((await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, token)).status).toBe(409);
  });

  test('a productive tenant is archived, then restored into the same id or a new one (chargeable)', async () => {
    const before = await contents(storesBackup);
    await submit('customer-admin', { kind: 'decommission', tenantId: storesBackup });
    await worker.runUntilIdle();
    harness.clock.advanceDays(29);
    await worker.runUntilIdle();
    expect((await visibleTenants('?lifecycle=archived')).map((t) => t.id)).toContain(storesBackup);
    expect(await contents(storesBackup)).toEqual([]);
    const archives = await query<{ n: number }>(
      sql`select count(*)::int as n from tenant_archives where tenant_id = ${storesBackup}`,
    );
    expect(archives[0]?.n).toBe(1);

    const outbox = async () => (await query<{ n: number }>(sql`select count(*)::int as n from outbox_events`))[0]?.n;
    const outboxBefore = await outbox();
    const restoreNew = await submit('customer-admin', { kind: 'restore', tenantId: storesBackup, mode: 'new' });
    expect(restoreNew.chargeable).toBe(true);
    expect(await outbox()).toBe((outboxBefore ?? 0) + 1);
    await worker.runUntilIdle();
    expect(await fetchRequest(restoreNew.id)).toMatchObject({ state: 'succeeded' });
    const copy = (await visibleTenants()).find((t) => t.name === 'South Stores backup (restored)');
    expect(copy?.lifecycleStatus).toBe('live');
    expect(await contents(copy?.id as string)).toEqual(before);

    // The restored copy is the unit's live productive tenant now: bringing back the original as
    // well would make two, so it is rejected until the product allows two.
    const token = await harness.tokenFor(personaByKey('customer-admin'));
    const refused = await harness.send('POST', '/v1/operation-requests', token, {
      kind: 'restore',
      tenantId: storesBackup,
      mode: 'same',
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { rule: string }[] }).errors.map((e) => e.rule)).toEqual([
      'max-live-productive',
    ]);
    await harness.database.handle.db.execute(
      sql`update products set rules = rules || '{"maxLiveProductive": 2}'::jsonb where id = ${BAAS}`,
    );
    const restoreSame = await submit('customer-admin', { kind: 'restore', tenantId: storesBackup, mode: 'same' });
    await worker.runUntilIdle();
    expect(await fetchRequest(restoreSame.id)).toMatchObject({ state: 'succeeded' });
    expect((await visibleTenants()).find((t) => t.id === storesBackup)?.lifecycleStatus).toBe('live');
    expect(await contents(storesBackup)).toEqual(before);
    await harness.database.handle.db.execute(
      sql`update products set rules = rules - 'maxLiveProductive' where id = ${BAAS}`,
    );
  });
});

describe('copy', () => {
  test('copies the solution profile from one tenant onto another, replacing it', async () => {
    const source = seedId('tenant', 'contoso-finance-test');
    const target = seedId('tenant', 'contoso-finance-backup');
    const request = await submit('customer-admin', {
      kind: 'copy',
      sourceTenantId: source,
      targetTenantId: target,
      parts: ['solutionProfile'],
    });
    await worker.runUntilIdle();
    expect(await fetchRequest(request.id)).toMatchObject({ state: 'succeeded' });
    const profile = (rows: { part: string; key: string; value: unknown }[]) =>
      rows.filter((r) => r.part === 'profile').map(({ key, value }) => ({ key, value }));
    expect(profile(await contents(target))).toEqual(profile(await contents(source)));
  });
});

test('every request left one audit event when submitted and one when it ended, in the same transaction', async () => {
  const requests = await query<{ id: string; kind: string; state: string }>(
    sql`select id, kind, state::text from operation_requests`,
  );
  const expected = (r: { kind: string; state: string }): string[] => {
    if (r.state === 'rejected') return ['rejected'];
    const ended = {
      succeeded: r.kind === 'restore' ? 'restored' : 'completed',
      failed: 'failed',
      cancelled: 'cancelled',
    };
    const end = ended[r.state as keyof typeof ended];
    return end ? ['submitted', end] : ['submitted'];
  };
  expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['succeeded', 'failed', 'rejected', 'cancelled']));
  for (const request of requests) {
    const events = await query<{ action: string; actor_email: string; after: { state: string } }>(
      sql`select action, actor_email, after from audit_events where entity_id = ${request.id} order by occurred_at, id`,
    );
    expect(
      events.map((e) => e.action),
      request.kind,
    ).toEqual(expected(request).map((a) => `operation-request.${a}`));
    expect(events.at(-1)?.after.state).toBe(request.state);
    expect(new Set(events.map((e) => e.actor_email))).toEqual(new Set([personaByKey('customer-admin').email]));
  }
});
