// The cockpit's signer, so the receiver is checked against what the deliverer really sends.
import { signWebhook } from '@scc/cockpit';
import { describe, expect, test } from 'vitest';
import { createWebhookReceiverApp, type ReceivedWebhook } from './webhook-receiver.js';

const SECRET = `whsec_${Buffer.from('demo-receiver-secret-with-32-bytes').toString('base64')}`;

function delivery(id: string, body: string, secret = SECRET) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(secret, id, timestamp, body),
    },
    body,
  };
}

describe('demo webhook receiver', () => {
  test('accepts signed deliveries once per id and lists them', async () => {
    const app = createWebhookReceiverApp(SECRET);
    const body = JSON.stringify({ type: 'operation.chargeable', timestamp: new Date().toISOString(), data: { a: 1 } });
    expect((await app.request('/hooks/sales', delivery('evt-1', body))).status).toBe(204);
    expect((await app.request('/hooks/sales', delivery('evt-1', body))).status).toBe(204);
    const { received } = (await (await app.request('/')).json()) as { received: ReceivedWebhook[] };
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: 'evt-1', signatureValid: true, body: { type: 'operation.chargeable' } });
  });

  test('refuses a wrong signature or a tampered body', async () => {
    const app = createWebhookReceiverApp(SECRET);
    const body = '{"type":"x"}';
    const wrongKey = delivery('evt-2', body, 'whsec_b3RoZXI=');
    expect((await app.request('/hooks/sales', wrongKey)).status).toBe(401);
    const tampered = { ...delivery('evt-3', body), body: '{"type":"y"}' };
    expect((await app.request('/hooks/sales', tampered)).status).toBe(401);
    const { received } = (await (await app.request('/')).json()) as { received: ReceivedWebhook[] };
    expect(received).toEqual([]);
  });
});
