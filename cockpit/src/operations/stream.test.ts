import type { OperationRequest } from '@scc/contracts/operations';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { SseReader } from '../../../test/support/sse.js';
import { createCockpitApp } from '../app.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import type { EventHub } from './event-hub.js';
import { createWorker } from './worker.js';

let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function open(personaKey: string, lastEventId?: number): Promise<SseReader> {
  const token = await harness.tokenFor(personaByKey(personaKey));
  const response = await harness.app.request('/v1/operation-requests/stream', {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = new SseReader(response);
  await reader.connected();
  return reader;
}

async function submit(draft: object): Promise<OperationRequest> {
  const token = await harness.tokenFor(personaByKey('customer-admin'));
  const response = await harness.send('POST', '/v1/operation-requests', token, draft);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as OperationRequest;
}

const finance = seededBusinessUnit('contoso/north/finance').id;

describe('GET /v1/operation-requests/stream', () => {
  test('delivers each subscriber only its subtree’s events, from one LISTEN, and replays after Last-Event-ID', async () => {
    const department = await open('department-user');
    const customer = await open('customer-admin');
    expect(harness.events.subscribers).toBe(2);
    const outside = await submit({
      kind: 'order',
      businessUnitId: seededBusinessUnit('contoso/south/stores').id,
      productId: seedId('product', 'BAAS'),
      type: 'test',
    });
    const inside = await submit({ kind: 'decommission', tenantId: seedId('tenant', 'contoso-finance-test') });

    const departmentSaw = await department.until((e) => e.data.id === inside.id);
    // The outside request was committed first; had it leaked, it would have arrived first.
    expect(departmentSaw.map((e) => e.data.id)).toEqual([inside.id]);
    expect(departmentSaw[0]).toMatchObject({
      event: 'operation-request',
      data: { state: 'queued', businessUnitId: finance },
    });
    const customerSaw = await customer.until((e) => e.data.id === inside.id);
    expect(customerSaw.map((e) => e.data.id)).toEqual([outside.id, inside.id]);

    // The worker's progress arrives live, request and tenant events alike.
    const worker = createWorker({
      db: harness.database.handle.db,
      provisioner: createLocalProvisioner(harness.database.handle.db),
      clock: harness.clock,
    });
    await worker.runUntilIdle();
    const progress = await department.until((e) => e.event === 'tenant');
    expect(progress.every((e) => e.data.businessUnitId === finance)).toBe(true);
    expect(progress.map((e) => e.data.state).filter(Boolean)).toContain('running');
    const ids = progress.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    await department.close();

    // A reconnect with the first event's id gets the rest of the department's events, in order, once.
    const firstId = departmentSaw[0]?.id as number;
    const resumed = await open('department-user', firstId);
    const replayed = await resumed.until((e) => e.id === ids.at(-1));
    expect(replayed.map((e) => e.id)).toEqual(ids);
    await resumed.close();
    await customer.close();
  });

  test('is subscribed before its headers go out: what the caller does on seeing them is in the stream', async () => {
    // A subscription that takes a while to be in place, like a LISTEN on a busy server.
    const slowHub = new Proxy(harness.events, {
      get: (hub, key) =>
        key === 'subscribe'
          ? async (...args: Parameters<EventHub['subscribe']>) => {
              await new Promise((resolve) => setTimeout(resolve, 300));
              return hub.subscribe(...args);
            }
          : Reflect.get(hub, key),
    });
    const app = createCockpitApp({
      db: harness.db,
      verifyServiceToken: harness.keys.verifier,
      systemDb: harness.database.handle.db,
      clock: harness.clock,
      events: slowHub,
    });
    const token = await harness.tokenFor(personaByKey('department-user'));
    const response = await app.request('/v1/operation-requests/stream', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    // No wait for the first byte: a browser's EventSource reports "open" on the headers alone.
    const submitted = await submit({
      kind: 'order',
      businessUnitId: finance,
      productId: seedId('product', 'BAAS'),
      type: 'test',
    });
    const reader = new SseReader(response);
    const seen = await reader.until((e) => e.data.id === submitted.id, 5000);
    expect(seen.at(-1)).toMatchObject({ event: 'operation-request', data: { id: submitted.id } });
    await reader.close();
  });

  test('needs a caller', async () => {
    const response = await harness.app.request('/v1/operation-requests/stream');
    expect(response.status).toBe(401);
  });
});
