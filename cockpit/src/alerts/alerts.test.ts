import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertPage, CreatedWebhookEndpoint } from '@scc/contracts/alerts';
import type { OperationRequest } from '@scc/contracts/operations';
import { executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf, TEST_HOST_ID } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { SseReader } from '../../../test/support/sse.js';
import { createCockpitApp } from '../app.js';
import { createWorker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import type { Provisioner } from '../provisioner/port.js';
import { sealer, WEBHOOK_SECRET_PURPOSE } from '../step-up/secret-box.js';
import { createAlertDeliverer } from './deliverer.js';
import { raiseAlert } from './raise.js';
import { RETENTION_WARNING_MS, raiseTimedAlerts, STUCK_AFTER_MS } from './sweep.js';

/**
 * Alerts end to end inside the cockpit: a failed request raises one, live and in the list, only
 * inside its subtree; a host's endpoint on the unit gets it signed (checked with the Standard
 * Webhooks reference library), a sibling's endpoint does not; sweeps raise stuck and retention
 * alerts once each.
 */
const key = new Uint8Array(randomBytes(32));
let harness: CockpitHarness;
let server: Server;
let receiverUrl: string;
const received: { headers: Record<string, string>; body: string; path: string }[] = [];

const contoso = seededBusinessUnit('contoso');
const fabrikam = seededBusinessUnit('fabrikam');
const logistics = seededBusinessUnit('contoso/north/logistics');

const hostToken = (home: { id: string }, hostId = TEST_HOST_ID) =>
  harness.keys.sign({ actsAsHost: true, businessUnitId: home.id, homeBusinessUnitId: home.id, hostId });

async function alertsOf(personaKey: string, query = ''): Promise<AlertPage> {
  const response = await harness.get(`/v1/alerts${query}`, await harness.tokenFor(personaByKey(personaKey)));
  expect(response.status).toBe(200);
  return (await response.json()) as AlertPage;
}

async function register(token: string, body: object): Promise<Response> {
  return harness.send('POST', '/v1/hosts/webhook-endpoints', token, body);
}

beforeAll(async () => {
  harness = await createCockpitHarness({ totpKey: key, allowHttpWebhooks: true });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
        path: req.url ?? '',
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await harness?.close();
});

let contosoEndpoint: CreatedWebhookEndpoint;

describe('webhook endpoints of hosts', () => {
  test('a host registers an endpoint on its home unit and sees its secret once', async () => {
    const token = await hostToken(contoso);
    const response = await register(token, { url: `${receiverUrl}/contoso`, kinds: ['operation-failed'] });
    expect(response.status, await response.clone().text()).toBe(201);
    contosoEndpoint = (await response.json()) as CreatedWebhookEndpoint;
    expect(contosoEndpoint).toMatchObject({ businessUnitId: contoso.id, kinds: ['operation-failed'] });
    expect(contosoEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = (await (await harness.get('/v1/hosts/webhook-endpoints', token)).json()) as { items: unknown[] };
    expect(list.items).toEqual([expect.objectContaining({ id: contosoEndpoint.id })]);
    expect(JSON.stringify(list)).not.toContain(contosoEndpoint.secret);
  });

  test('a unit outside the host’s home subtree, or another host’s endpoint, is 404', async () => {
    const contosoHost = await hostToken(contoso);
    expect((await register(contosoHost, { url: `${receiverUrl}/x`, businessUnitId: fabrikam.id })).status).toBe(404);
    const fabrikamHost = await hostToken(fabrikam, 'fabrikam-host');
    const sibling = await register(fabrikamHost, { url: `${receiverUrl}/fabrikam` });
    expect(sibling.status).toBe(201);
    const { id } = (await sibling.json()) as CreatedWebhookEndpoint;
    expect((await harness.send('DELETE', `/v1/hosts/webhook-endpoints/${id}`, contosoHost)).status).toBe(404);
    expect(
      (await harness.send('DELETE', `/v1/hosts/webhook-endpoints/${contosoEndpoint.id}`, fabrikamHost)).status,
    ).toBe(404);
  });

  test('an address with credentials or of another scheme is refused naming body.url; without the demo switch, http too', async () => {
    const token = await hostToken(contoso);
    for (const url of ['ftp://host.example/hook', 'https://user:secret@host.example/hook', 'not a url']) {
      const response = await register(token, { url });
      expect(response.status).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.field)).toContain('body.url');
    }
    const strict = createCockpitApp({
      db: harness.db,
      verifyServiceToken: harness.keys.verifier,
      systemDb: harness.database.handle.db,
      clock: harness.clock,
      events: harness.events,
    });
    const plain = await strict.request('/v1/hosts/webhook-endpoints', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://host.example/hook' }),
    });
    expect(plain.status).toBe(400);
    expect((await problemOf(plain)).errors?.map((e) => e.field)).toEqual(['body.url']);
  });
});

describe('a failed operation request', () => {
  let failedRequest: OperationRequest;

  test('raises one alert, live on the feed and in the list of its subtree only', async () => {
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const stream = await harness.get('/v1/operation-requests/stream', casey);
    const feed = new SseReader(stream);
    const failing: Provisioner = {
      ...createLocalProvisioner(harness.database.handle.db),
      copyPart: async () => {
        throw new Error('storage unavailable');
      },
    };
    const worker = createWorker({
      db: harness.database.handle.db,
      provisioner: failing,
      clock: harness.clock,
      maxAttempts: 1,
    });
    const submitted = await harness.send('POST', '/v1/operation-requests', casey, {
      kind: 'order',
      businessUnitId: logistics.id,
      productId: seedId('product', 'BAAS'),
      type: 'test',
    });
    expect(submitted.status).toBe(202);
    failedRequest = (await submitted.json()) as OperationRequest;
    await worker.runUntilIdle();
    await worker.runUntilIdle();

    const live = await feed.until((e) => e.event === 'alert');
    await feed.close();
    expect(live.at(-1)?.data).toMatchObject({ kind: 'operation-failed', read: false, businessUnitId: logistics.id });

    const page = await alertsOf('customer-admin');
    const failed = page.items.filter((a) => a.subject.operationRequestId === failedRequest.id);
    expect(failed).toEqual([
      expect.objectContaining({
        kind: 'operation-failed',
        severity: 'critical',
        businessUnitId: logistics.id,
        read: false,
        subject: expect.objectContaining({ operationKind: 'order', errorCode: 'operation-failed' }),
      }),
    ]);
    expect(page.unread).toBeGreaterThanOrEqual(1);
    expect((await alertsOf('customer-one-admin')).items).toEqual([]);
  });

  test('reaches the endpoint on its unit’s ancestor, signed per Standard Webhooks, and not the sibling’s', async () => {
    const deliverer = createAlertDeliverer({
      db: harness.database.handle.db,
      clock: harness.clock,
      secrets: sealer(key, WEBHOOK_SECRET_PURPOSE),
    });
    expect(await deliverer.runUntilIdle()).toBe(1);
    expect(received.map((r) => r.path)).toEqual(['/contoso']);
    const [delivery] = received;
    const payload = new Webhook(contosoEndpoint.secret).verify(delivery?.body ?? '', delivery?.headers ?? {}) as {
      type: string;
      data: { kind: string; subject: { operationRequestId: string }; summary: string };
    };
    expect(payload.type).toBe('alert.raised');
    expect(payload.data).toMatchObject({ kind: 'operation-failed', subject: { operationRequestId: failedRequest.id } });
    expect(payload.data.summary).toContain('failed');
    expect(() =>
      new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(delivery?.body ?? '', delivery?.headers ?? {}),
    ).toThrow();
    expect(await deliverer.runUntilIdle()).toBe(0);
  });

  test('is marked read per person; foreign ids are skipped', async () => {
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const before = await alertsOf('customer-admin', '?unread=true');
    const alert = before.items.find((a) => a.subject.operationRequestId === failedRequest.id);
    expect(alert).toBeDefined();
    const outsider = await harness.tokenFor(personaByKey('customer-one-admin'));
    const foreign = await harness.send('POST', '/v1/alerts/read', outsider, { ids: [alert?.id] });
    expect(await foreign.json()).toMatchObject({ marked: 0 });
    const marked = await harness.send('POST', '/v1/alerts/read', casey, { ids: [alert?.id] });
    expect(await marked.json()).toEqual({ marked: 1, unread: before.unread - 1 });
    expect((await alertsOf('customer-admin', '?unread=true')).items.map((a) => a.id)).not.toContain(alert?.id);
    const again = await harness.send('POST', '/v1/alerts/read', casey, { ids: [alert?.id] });
    expect(await again.json()).toMatchObject({ marked: 0 });
    const neither = await harness.send('POST', '/v1/alerts/read', casey, {});
    expect(neither.status).toBe(400);
  });
});

describe('timed alerts', () => {
  test('a request nobody works on is stuck once; a retention about to end warns once', async () => {
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const queued = await harness.send('POST', '/v1/operation-requests', casey, {
      kind: 'order',
      businessUnitId: logistics.id,
      productId: seedId('product', 'BAAS'),
      type: 'development',
    });
    expect(queued.status).toBe(202);
    const request = (await queued.json()) as OperationRequest;
    const db = harness.database.handle.db;
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(0);
    harness.clock.advance(STUCK_AFTER_MS + 60_000);
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(1);
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(0);
    const stuck = (await alertsOf('customer-admin')).items.filter((a) => a.kind === 'operation-stuck');
    expect(stuck.map((a) => a.subject.operationRequestId)).toEqual([request.id]);

    const worker = createWorker({ db, provisioner: createLocalProvisioner(db), clock: harness.clock });
    await worker.runUntilIdle();
    const terminated = await harness.send('POST', '/v1/operation-requests', casey, {
      kind: 'decommission',
      tenantId: ((await (await harness.get(`/v1/operation-requests/${request.id}`, casey)).json()) as OperationRequest)
        .tenantId,
    });
    expect(terminated.status).toBe(202);
    await worker.runUntilIdle();
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(0);
    harness.clock.advanceDays(28);
    harness.clock.advance(-RETENTION_WARNING_MS + 60_000);
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(1);
    expect(await raiseTimedAlerts(db, harness.clock)).toBe(0);
    const ending = (await alertsOf('customer-admin')).items.filter((a) => a.kind === 'retention-expiring');
    expect(ending).toEqual([expect.objectContaining({ severity: 'warning', businessUnitId: logistics.id })]);
    expect(ending[0]?.subject.retainedUntil).toEqual(expect.any(String));
  });
});

describe('callers racing and hostile input', () => {
  test('twenty raises of one occurrence at once make one alert, one feed event and one delivery per endpoint', async () => {
    const db = harness.database.handle.db;
    const dedupeKey = `race:${randomBytes(8).toString('hex')}`;
    const raised = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction((tx) =>
          raiseAlert(tx, {
            kind: 'operation-failed',
            businessUnitId: logistics.id,
            subject: { tenantName: 'Raced' },
            dedupeKey,
            raisedAt: harness.clock.now(),
          }),
        ),
      ),
    );
    const ids = raised.filter((alert) => alert !== undefined).map((alert) => alert.id);
    expect(ids).toHaveLength(1);
    const [counts] = await executeRows<{ alerts: number; events: number; deliveries: number }>(
      db,
      sql`select (select count(*)::int from alerts where dedupe_key = ${dedupeKey}) as alerts,
        (select count(*)::int from operation_request_events where kind = 'alert' and payload->>'id' = ${ids[0]}) as events,
        (select count(*)::int from alert_deliveries where alert_id = ${ids[0]}::uuid) as deliveries`,
    );
    // The contoso endpoint takes operation-failed; the sibling's endpoint lies elsewhere.
    expect(counts).toEqual({ alerts: 1, events: 1, deliveries: 1 });
  });

  test('twenty "mark all read" at once mark each alert once', async () => {
    const db = harness.database.handle.db;
    for (const n of [1, 2, 3]) {
      await db.transaction((tx) =>
        raiseAlert(tx, {
          kind: 'operation-stuck',
          businessUnitId: logistics.id,
          subject: { tenantName: `Stuck ${n}` },
          dedupeKey: `mark-race:${n}:${randomBytes(4).toString('hex')}`,
          raisedAt: harness.clock.now(),
        }),
      );
    }
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const unread = (await alertsOf('customer-admin')).unread;
    expect(unread).toBeGreaterThanOrEqual(3);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => harness.send('POST', '/v1/alerts/read', casey, { all: true })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const marked = (await Promise.all(answers.map((a) => a.json() as Promise<{ marked: number }>))).reduce(
      (sum, a) => sum + a.marked,
      0,
    );
    expect(marked).toBe(unread);
    expect((await alertsOf('customer-admin')).unread).toBe(0);
  });

  test('NUL, lone surrogates, deep nesting and huge values are 400s naming the field, and write nothing', async () => {
    const host = await hostToken(contoso);
    const casey = await harness.tokenFor(personaByKey('customer-admin'));
    const before = (await (await harness.get('/v1/hosts/webhook-endpoints', host)).json()) as { items: unknown[] };
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/hosts/webhook-endpoints', { url: 'https://h.example/\u0000' }, 'body.url'],
      ['POST', '/v1/hosts/webhook-endpoints', { url: `https://h.example/${'a'.repeat(5000)}` }, 'body.url'],
      ['POST', '/v1/hosts/webhook-endpoints', { url: 'https://h.example/x', kinds: ['\ud800'] }, 'body.kinds.0'],
      ['POST', '/v1/alerts/read', { ids: ['\u0000'] }, 'body.ids.0'],
    ];
    for (const [method, path, body, field] of cases) {
      const token = path.includes('/hosts/') ? host : casey;
      const response = await harness.send(method, path, token, body);
      expect(response.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.field)).toContain(field);
    }
    const deep = await harness.app.request('/v1/alerts/read', {
      method: 'POST',
      headers: { authorization: `Bearer ${casey}`, 'content-type': 'application/json' },
      body: `${'{"ids":'.repeat(5000)}true${'}'.repeat(5000)}`,
    });
    expect(deep.status).toBe(400);
    const after = (await (await harness.get('/v1/hosts/webhook-endpoints', host)).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });
});
