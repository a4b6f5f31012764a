import { Hono } from 'hono';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  receivedAt: string;
  /** Delivery is at least once: a repeated id is kept once and counted here. */
  deliveries: number;
  body: unknown;
}

/**
 * Stands in for the sales and invoicing system: accepts the cockpit's chargeable-operation
 * webhooks at `POST /hooks/sales` and lists what arrived at `GET /`. It checks signatures with
 * the Standard Webhooks reference library, as a receiver outside our code base would, so the
 * demo shows the cockpit's deliveries verify with it.
 */
export function createWebhookReceiverApp(secret: string) {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  const app = new Hono();
  app.post('/hooks/sales', async (c) => {
    const payload = await c.req.text();
    const headers = {
      'webhook-id': c.req.header('webhook-id') ?? '',
      'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
      'webhook-signature': c.req.header('webhook-signature') ?? '',
    };
    let body: unknown;
    try {
      body = verifier.verify(payload, headers);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return c.json({ error: 'invalid signature' }, 401);
      throw error;
    }
    const earlier = received.find((r) => r.id === headers['webhook-id']);
    if (earlier) earlier.deliveries += 1;
    else received.push({ id: headers['webhook-id'], receivedAt: new Date().toISOString(), deliveries: 1, body });
    return c.body(null, 204);
  });
  app.get('/', (c) => c.json({ received }));
  return app;
}
