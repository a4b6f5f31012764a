// The cockpit's signer, so the receiver is checked against what the deliverer really sends.
import { webhookSigner } from '@scc/cockpit';
import { describe, expect, test } from 'vitest';
import { createWebhookReceiverApp, type ReceivedWebhook } from './webhook-receiver.js';

const SECRET = `whsec_${Buffer.from('demo-receiver-secret-with-32-bytes').toString('base64')}`;

function delivery(id: string, body: string, options: { secret?: string; ageSeconds?: number } = {}) {
  const timestamp = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSigner(options.secret ?? SECRET)(id, timestamp, body),
    },
    body,
  };
}

async function receivedBy(app: ReturnType<typeof createWebhookReceiverApp>): Promise<ReceivedWebhook[]> {
  return ((await (await app.request('/')).json()) as { received: ReceivedWebhook[] }).received;
}

describe('demo webhook receiver', () => {
  test('accepts signed deliveries, keeps each id once and counts its deliveries', async () => {
    const app = createWebhookReceiverApp(SECRET);
    const body = JSON.stringify({ type: 'operation.chargeable', timestamp: new Date().toISOString(), data: { a: 1 } });
    expect((await app.request('/hooks/sales', delivery('evt-1', body))).status).toBe(204);
    expect((await app.request('/hooks/sales', delivery('evt-1', body))).status).toBe(204);
    const received = await receivedBy(app);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: 'evt-1', deliveries: 2, body: { type: 'operation.chargeable' } });
  });

  test('refuses a wrong secret, a tampered body, a replay after the tolerance and missing headers', async () => {
    const app = createWebhookReceiverApp(SECRET);
    const body = '{"type":"x"}';
    const wrongSecret = delivery('evt-2', body, { secret: 'whsec_b3RoZXItc2VjcmV0' });
    expect((await app.request('/hooks/sales', wrongSecret)).status).toBe(401);
    const tampered = { ...delivery('evt-3', body), body: '{"type":"y"}' };
    expect((await app.request('/hooks/sales', tampered)).status).toBe(401);
    const stale = delivery('evt-4', body, { ageSeconds: 6 * 60 });
    expect((await app.request('/hooks/sales', stale)).status).toBe(401);
    const unsigned = await app.request('/hooks/sales', { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await receivedBy(app)).toEqual([]);
  });
});
