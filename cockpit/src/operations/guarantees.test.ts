import type { OperationRequest } from '@scc/contracts/operations';
import { createDatabase, type Database, type DatabaseHandle } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waiveApprovals } from '../../../test/support/approvals.js';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf, sqlErrorOf } from '../../../test/support/sql.js';
import { type FeedEvent, SseReader } from '../../../test/support/sse.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import { createWorker, type Worker } from './worker.js';

/**
 * The promises of docs/operations.md ("Guarantees"), each with the case that broke it before:
 * one open termination per tenant, a restore that brings back the data, a cancelled termination
 * that obeys the productive rule, and a live feed in commit order that loses nothing.
 */
const server = process.env.DATABASE_URL;
const BAAS = seedId('product', 'BAAS');

let harness: CockpitHarness;
let worker: Worker;

beforeAll(async () => {
  // On the server a pool as wide as the bursts below, so they really run at once.
  harness = await createCockpitHarness(
    server ? { connect: (database) => createDatabase({ url: database.url, maxConnections: 21 }) } : {},
  );
  const db = harness.database.handle.db;
  // About the engine's guarantees: four eyes are approvals.test.ts's.
  await waiveApprovals(db);
  worker = createWorker({ db, provisioner: createLocalProvisioner(db), clock: harness.clock });
});
afterAll(async () => {
  await harness?.close();
});

const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await harness.database.handle.db.execute(q));
const as = (persona: string) => harness.tokenFor(personaByKey(persona));
const post = async (path: string, body?: object, persona = 'customer-admin') =>
  harness.send('POST', path, await as(persona), body);

async function accepted(draft: object): Promise<OperationRequest> {
  const response = await post('/v1/operation-requests', draft);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as OperationRequest;
}

const contents = (tenantId: string) =>
  query<{ part: string; key: string; value: unknown }>(sql`
    select 'application' as part, key, value from tenant_application_data where tenant_id = ${tenantId}
    union all select 'profile', key, value from tenant_solution_profile where tenant_id = ${tenantId}
    order by 1, 2`);

const openTerminations = async (tenantId: string) =>
  (
    await query<{ n: number }>(sql`select count(*)::int as n from operation_requests
      where tenant_id = ${tenantId} and kind = 'decommission' and state in ('requested', 'validated', 'queued', 'running')`)
  )[0]?.n;

describe('a tenant has at most one open termination', () => {
  const tenantId = seedId('tenant', 'contoso-stores-backup');

  test('a second termination is rejected while the first is queued; cancelling the first leaves none open', async () => {
    const first = await accepted({ kind: 'decommission', tenantId });
    const second = await post('/v1/operation-requests', { kind: 'decommission', tenantId });
    expect(second.status).toBe(422);
    const body = (await problemOf(second)) as unknown as { errors: { rule: string; field: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ rule: 'tenant-state', field: 'body.tenantId' })]);
    expect(await openTerminations(tenantId)).toBe(1);

    expect((await post(`/v1/operation-requests/${first.id}/cancel`)).status).toBe(200);
    expect(await openTerminations(tenantId)).toBe(0);
  });

  test('the database refuses a second open termination that got past the check', async () => {
    const first = await accepted({ kind: 'decommission', tenantId });
    const error = await sqlErrorOf(
      harness.database.handle.db.execute(sql`insert into operation_requests
        (kind, state, business_unit_id, product_id, tenant_id, draft, requested_by_user_id, requested_by_email, bu_path)
        select kind, 'queued', business_unit_id, product_id, tenant_id, draft, requested_by_user_id, requested_by_email, bu_path
        from operation_requests where id = ${first.id}`),
    );
    expect(error).toMatchObject({ code: '23505', constraint: 'operation_requests_one_open_termination' });
    expect((await post(`/v1/operation-requests/${first.id}/cancel`)).status).toBe(200);
  });

  test.skipIf(!server)('20 parallel terminations of one tenant: exactly one accepted', async () => {
    const target = seedId('tenant', 'contoso-logistics-backup');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post('/v1/operation-requests', { kind: 'decommission', tenantId: target })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([202, ...Array(19).fill(422)]);
    expect(await openTerminations(target)).toBe(1);
  });
});

describe('a chargeable request is charged and voided once', () => {
  test.skipIf(!server)(
    '20 parallel cancels of one chargeable order: one succeeds, one void reaches the sales system',
    async () => {
      const token = await harness.tokenFor(personaByKey('customer-one-admin'));
      const ordered = await harness.send('POST', '/v1/operation-requests', token, {
        kind: 'order',
        businessUnitId: seededBusinessUnit('customer-one').id,
        productId: seedId('product', 'ERP'),
        type: 'test',
      });
      expect(ordered.status).toBe(202);
      const order = (await ordered.json()) as OperationRequest;
      expect(order.chargeable).toBe(true);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => harness.send('POST', `/v1/operation-requests/${order.id}/cancel`, token)),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
      const events = await query<{ type: string; n: number }>(sql`select type, count(*)::int as n from outbox_events
      where payload->>'requestId' = ${order.id} group by type order by type`);
      expect(events).toEqual([
        { type: 'operation.chargeable', n: 1 },
        { type: 'operation.chargeable-voided', n: 1 },
      ]);
    },
  );
});

describe('a restore brings back what the tenant had when it was terminated', () => {
  test('terminated, archived after retention and restored: the same rows, however often termination was asked', async () => {
    const tenantId = seedId('tenant', 'contoso-finance-backup');
    const before = await contents(tenantId);
    expect(before.length).toBeGreaterThan(0);
    await accepted({ kind: 'decommission', tenantId });
    // Repeated requests, sequential and parallel, must not become further terminations.
    const again = await Promise.all(
      Array.from({ length: 5 }, () => post('/v1/operation-requests', { kind: 'decommission', tenantId })),
    );
    expect(again.map((r) => r.status)).toEqual(Array(5).fill(422));
    await worker.runUntilIdle();
    harness.clock.advanceDays(29);
    await worker.runUntilIdle();
    const archives = await query<{ rows: number }>(sql`select
      (jsonb_array_length(snapshot->'applicationData') + jsonb_array_length(snapshot->'solutionProfile'))::int as rows
      from tenant_archives where tenant_id = ${tenantId}`);
    expect(archives).toEqual([{ rows: before.length }]);

    const restore = await accepted({ kind: 'restore', tenantId, mode: 'same' });
    await worker.runUntilIdle();
    const [row] = await query<{ state: string }>(
      sql`select state::text from operation_requests where id = ${restore.id}`,
    );
    expect(row?.state).toBe('succeeded');
    expect(await contents(tenantId)).toEqual(before);
  });

  test('the provisioner archives only a retained tenant, and a repeated archive step writes nothing new', async () => {
    const db = harness.database.handle.db;
    const provisioner = createLocalProvisioner(db);
    const live = seedId('tenant', 'contoso-erp-prod');
    const requestId = '00000000-0000-4000-8000-00000000a001';
    await expect(provisioner.archiveTenant(requestId, live)).rejects.toThrow(/not retained/);
    expect(await query(sql`select 1 from tenant_archives where request_id = ${requestId}`)).toEqual([]);
    expect((await contents(live)).length).toBeGreaterThan(0);
  });
});

describe('cancelling a termination passes the productive rule', () => {
  const unit = seededBusinessUnit('contoso/south/stores').id;

  const liveProductive = async () =>
    (
      await query<{ n: number }>(sql`select count(*)::int as n from tenants t
        where t.business_unit_id = ${unit} and t.product_id = ${BAAS} and t.type = 'productive'
          and t.lifecycle_status in ('provisioning', 'live')
          and not exists (select 1 from operation_requests r where r.tenant_id = t.id and r.kind = 'decommission'
            and r.state in ('requested', 'validated', 'queued', 'running'))`)
    )[0]?.n;

  test('P1 terminated, P2 ordered and live: cancelling P1’s termination is refused and P1 stays retained', async () => {
    // The first describe block cancelled its terminations of this tenant; start from a clean queue.
    await worker.runUntilIdle();
    const p1 = seedId('tenant', 'contoso-stores-backup');
    const termination = await accepted({ kind: 'decommission', tenantId: p1 });
    await worker.runUntilIdle();
    const order = await accepted({ kind: 'order', businessUnitId: unit, productId: BAAS, type: 'productive' });

    // While P2's order is still queued, it already counts.
    const early = await post(`/v1/operation-requests/${termination.id}/cancel`);
    expect(early.status).toBe(409);
    expect((await problemOf(early)).errors).toEqual([
      expect.objectContaining({ field: 'path.id', rule: 'max-live-productive' }),
    ]);

    await worker.runUntilIdle();
    const [p2] = await query<{ lifecycle: string }>(sql`select t.lifecycle_status::text as lifecycle
      from tenants t join operation_requests r on r.tenant_id = t.id where r.id = ${order.id}`);
    expect(p2?.lifecycle).toBe('live');

    const refused = await post(`/v1/operation-requests/${termination.id}/cancel`);
    expect(refused.status).toBe(409);
    const problem = await problemOf(refused);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'path.id', rule: 'max-live-productive' })]);
    const [after] = await query<{ lifecycle: string; state: string }>(sql`select t.lifecycle_status::text as lifecycle,
      r.state::text as state from tenants t join operation_requests r on r.tenant_id = t.id where r.id = ${termination.id}`);
    expect(after).toEqual({ lifecycle: 'retained', state: 'running' });
    expect(await liveProductive()).toBe(1);
  });

  test('the database refuses a second live productive tenant from any writer', async () => {
    const [spare] = await query<{ id: string }>(sql`insert into tenants
      (business_unit_id, product_id, name, type, lifecycle_status, bu_path)
      select business_unit_id, product_id, 'Spare', 'productive', 'archived', bu_path from tenants
      where id = ${seedId('tenant', 'contoso-stores-backup')} returning id`);
    const error = await sqlErrorOf(
      harness.database.handle.db.execute(sql`update tenants set lifecycle_status = 'live' where id = ${spare?.id}`),
    );
    expect(error).toMatchObject({ code: '23514', constraint: 'tenants_live_productive_limit' });
    expect(await liveProductive()).toBe(1);
  });
});

describe('the live feed', () => {
  const financePath = seededBusinessUnit('contoso/north/finance').path;

  async function open(persona: string, lastEventId?: number): Promise<SseReader> {
    const response = await harness.app.request('/v1/operation-requests/stream', {
      headers: {
        authorization: `Bearer ${await as(persona)}`,
        ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
      },
    });
    expect(response.status).toBe(200);
    const reader = new SseReader(response);
    await reader.connected();
    return reader;
  }

  /** Events written straight into the feed (as any transaction of the engine writes them). */
  const insertEvents = (client: Pick<Database, 'execute'>, marker: string, count = 1) =>
    client.execute(sql`insert into operation_request_events (kind, payload, bu_path)
      select 'tenant', jsonb_build_object('id', ${marker}::text || '-' || g, 'businessUnitId', 'x'), ${financePath}::ltree
      from generate_series(1, ${count}::int) g`);

  /** A connection of its own, beside the harness's pools. */
  const connection = () => createDatabase({ url: harness.database.url, maxConnections: 1 });

  test('a reconnect replays a backlog of any length in order, then goes live', async () => {
    await harness.database.handle.db.execute(sql`insert into operation_request_events (kind, payload, bu_path)
      select 'tenant', jsonb_build_object('id', 'backlog-' || g, 'businessUnitId', 'x'), ${financePath}::ltree
      from generate_series(1, 1205) g`);
    const reader = await open('department-user', 0);
    const seen = await reader.until((e) => e.data.id === 'backlog-1205', 30_000);
    const backlog = seen.filter((e) => e.data.id.startsWith('backlog-'));
    expect(backlog.map((e) => e.data.id)).toEqual(Array.from({ length: 1205 }, (_, i) => `backlog-${i + 1}`));
    const ids = seen.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    await reader.close();
  });

  test.skipIf(!server)(
    'an event whose transaction took its id first but commits last is delivered, after the other',
    async () => {
      const reader = await open('department-user');
      const early: DatabaseHandle = await connection();
      const late: DatabaseHandle = await connection();
      try {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        let inserted!: () => void;
        const insertedFirst = new Promise<void>((resolve) => {
          inserted = resolve;
        });
        const slow = early.db.transaction(async (tx) => {
          await insertEvents(tx, 'slow');
          inserted();
          await gate;
        });
        await insertedFirst;
        await late.db.transaction((tx) => insertEvents(tx, 'fast'));
        release();
        await slow;
        const seen = await reader.until((e) => e.data.id === 'slow-1');
        const order = seen.map((e) => e.data.id).filter((id) => id === 'fast-1' || id === 'slow-1');
        expect(order).toEqual(['fast-1', 'slow-1']);
        const [ids] = await query<{ slow: number; fast: number; slow_position: number; fast_position: number }>(sql`
          select max(id) filter (where payload->>'id' = 'slow-1')::int as slow,
            max(id) filter (where payload->>'id' = 'fast-1')::int as fast,
            max(position) filter (where payload->>'id' = 'slow-1')::int as slow_position,
            max(position) filter (where payload->>'id' = 'fast-1')::int as fast_position
          from operation_request_events`);
        // The slow transaction took the lower id, yet its feed position follows the commit order.
        expect(ids?.slow).toBeLessThan(ids?.fast as number);
        expect(ids?.slow_position).toBeGreaterThan(ids?.fast_position as number);
      } finally {
        await Promise.all([early.close(), late.close(), reader.close()]);
      }
    },
  );

  test.skipIf(!server)(
    'events committed while the LISTEN connection was down arrive without a reconnect, and the LISTEN comes back',
    async () => {
      const reader = await open('department-user');
      const admin = await connection();
      // A database's connections are switched off from another database.
      const outside = await createDatabase({ url: server, maxConnections: 1 });
      const name = new URL(harness.database.url ?? '').pathname.slice(1);
      const database = sql.identifier(name);
      try {
        await admin.db.execute(sql`select 1`);
        // While the database takes no new connections, the hub's LISTEN connection ends and
        // events are committed: nobody is listening to be notified.
        await outside.db.execute(sql`alter database ${database} allow_connections false`);
        await outside.db.execute(sql`select pg_terminate_backend(pid, 5000) from pg_stat_activity
          where datname = ${name} and query ilike 'listen%'`);
        await insertEvents(admin.db, 'unheard', 3);
        await outside.db.execute(sql`alter database ${database} allow_connections true`);
        const seen: FeedEvent[] = await reader.until((e) => e.data.id === 'unheard-3', 15_000);
        expect(seen.map((e) => e.data.id).filter((id) => id.startsWith('unheard-'))).toEqual([
          'unheard-1',
          'unheard-2',
          'unheard-3',
        ]);
        // Notifications reach the hub again: a LISTEN is back in place.
        await insertEvents(admin.db, 'heard', 1);
        await reader.until((e) => e.data.id === 'heard-1', 15_000);
        for (let i = 0; i < 100; i++) {
          const listeners = rowsOf<{ n: number }>(
            await admin.db.execute(sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and query ilike 'listen%'`),
          );
          if (listeners[0]?.n === 1) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(harness.events.healthy).toBe(true);
        expect((await harness.app.request('/readyz')).status).toBe(200);
      } finally {
        await outside.db.execute(sql`alter database ${database} allow_connections true`);
        await Promise.all([admin.close(), outside.close(), reader.close()]);
      }
    },
  );
});
