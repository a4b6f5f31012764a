import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OperationRequest } from '@scc/contracts/operations';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createOutboxDeliverer } from './deliverer.js';

const SECRET = `whsec_${Buffer.from('outbox-test-secret-32-bytes-long!').toString('base64')}`;

interface Received {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let harness: CockpitHarness;
let server: Server;
let url: string;
const received: Received[] = [];
/** Answers to give, in order; afterwards 204. */
const answers: number[] = [];

beforeAll(async () => {
  harness = await createCockpitHarness();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 204;
      received.push({
        status,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sales`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await harness?.close();
});

describe('outbox delivery', () => {
  test('a receiver failing twice then succeeding gets the event once accepted, signed, with three logged attempts', async () => {
    const token = await harness.tokenFor(personaByKey('customer-one-admin'));
    const response = await harness.send('POST', '/v1/operation-requests', token, {
      kind: 'order',
      businessUnitId: seededBusinessUnit('customer-one').id,
      productId: seedId('product', 'ERP'),
      type: 'test',
    });
    expect(response.status).toBe(202);
    const request = (await response.json()) as OperationRequest;
    const deliverer = createOutboxDeliverer({
      db: harness.database.handle.db,
      clock: harness.clock,
      url,
      secret: SECRET,
    });
    answers.push(500, 503);

    expect(await deliverer.runUntilIdle()).toBe(1);
    // Not due again until the backoff has passed.
    expect(await deliverer.runOnce()).toBe(false);
    harness.clock.advance(1000);
    expect(await deliverer.runUntilIdle()).toBe(1);
    harness.clock.advance(1000);
    expect(await deliverer.runOnce()).toBe(false);
    harness.clock.advance(1000);
    expect(await deliverer.runUntilIdle()).toBe(1);
    harness.clock.advanceDays(1);
    expect(await deliverer.runUntilIdle()).toBe(0);

    expect(received.map((r) => r.status)).toEqual([500, 503, 204]);
    const ids = new Set(received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    // As the receiver checks them, with the Standard Webhooks reference library; the test clock
    // started at the real time and moved seconds, well inside the library's tolerance.
    const verifier = new Webhook(SECRET);
    for (const delivery of received) {
      expect(verifier.verify(delivery.body, delivery.headers)).toEqual(JSON.parse(delivery.body));
    }
    const last = received.at(-1) as Received;
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'operation.chargeable',
      data: { requestId: request.id, kind: 'order' },
    });

    const log = rowsOf<{ attempt: number; status_code: number; succeeded: boolean }>(
      await harness.database.handle.db.execute(sql`select d.attempt, d.status_code, d.succeeded from webhook_deliveries d
        join outbox_events e on e.id = d.event_id where e.payload->>'requestId' = ${request.id} order by d.attempt`),
    );
    expect(log).toEqual([
      { attempt: 1, status_code: 500, succeeded: false },
      { attempt: 2, status_code: 503, succeeded: false },
      { attempt: 3, status_code: 204, succeeded: true },
    ]);
    const [event] = rowsOf<{ delivered: boolean; id: string }>(
      await harness.database.handle.db.execute(
        sql`select id, delivered_at is not null as delivered from outbox_events where payload->>'requestId' = ${request.id}`,
      ),
    );
    expect(event).toEqual({ id: [...ids][0], delivered: true });
  });

  test('an unreachable receiver is logged and retried', async () => {
    const db = harness.database.handle.db;
    await db.execute(sql`insert into outbox_events (type, payload, bu_path, next_attempt_at)
      values ('test.event', '{}'::jsonb, ${seededBusinessUnit('msp').path}::ltree, ${harness.clock.now().toISOString()}::timestamptz)`);
    const deliverer = createOutboxDeliverer({
      db,
      clock: harness.clock,
      url: 'http://127.0.0.1:9/nothing',
      secret: SECRET,
    });
    expect(await deliverer.runUntilIdle()).toBe(1);
    const [row] = rowsOf<{ attempts: number; last_error: string | null; delivered_at: unknown }>(
      await db.execute(sql`select attempts, last_error, delivered_at from outbox_events where type = 'test.event'`),
    );
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toBeTruthy();
    expect(row?.delivered_at).toBeNull();
  });
});
