import { verifyWebhook } from '@scc/cockpit';
import { Hono } from 'hono';

export interface ReceivedWebhook {
  id: string;
  receivedAt: string;
  signatureValid: boolean;
  /** A repeated delivery of an id already accepted (at-least-once delivery): kept once. */
  duplicate: boolean;
  body: unknown;
}

/**
 * Stands in for the sales and invoicing system: accepts the cockpit's chargeable-operation
 * webhooks at `POST /hooks/sales`, checks their signatures, and lists what arrived at `GET /`.
 */
export function createWebhookReceiverApp(secret: string) {
  const received: ReceivedWebhook[] = [];
  const app = new Hono();
  app.post('/hooks/sales', async (c) => {
    const body = await c.req.text();
    const headers = {
      'webhook-id': c.req.header('webhook-id'),
      'webhook-timestamp': c.req.header('webhook-timestamp'),
      'webhook-signature': c.req.header('webhook-signature'),
    };
    const signatureValid = verifyWebhook(secret, headers, body);
    if (!signatureValid) return c.json({ error: 'invalid signature' }, 401);
    const id = headers['webhook-id'] as string;
    const duplicate = received.some((r) => r.id === id);
    if (!duplicate) {
      received.push({ id, receivedAt: new Date().toISOString(), signatureValid, duplicate, body: JSON.parse(body) });
    }
    return c.body(null, 204);
  });
  app.get('/', (c) => c.json({ received }));
  return app;
}
