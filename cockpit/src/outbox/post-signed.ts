import type { WebhookSigner } from './signature.js';

export interface SignedDelivery {
  url: string;
  sign: WebhookSigner;
  /** The `webhook-id`: the same on every attempt, so receivers drop duplicates. */
  id: string;
  type: string;
  data: unknown;
  /** Unix seconds of this attempt. */
  timestamp: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** What one attempt came to: `error` is null when the receiver answered 2xx. */
export interface DeliveryOutcome {
  statusCode: number | null;
  error: string | null;
}

/** One Standard Webhooks delivery attempt: `{ type, timestamp, data }`, signed over id, timestamp and body. */
export async function postSigned(delivery: SignedDelivery): Promise<DeliveryOutcome> {
  const body = JSON.stringify({
    type: delivery.type,
    timestamp: new Date(delivery.timestamp * 1000).toISOString(),
    data: delivery.data,
  });
  try {
    const response = await delivery.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(delivery.timestamp),
        'webhook-signature': delivery.sign(delivery.id, delivery.timestamp, body),
      },
      body,
      // A receiver's redirect could point anywhere, the cockpit's own network included.
      redirect: 'manual',
      signal: AbortSignal.timeout(delivery.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (cause) {
    return { statusCode: null, error: cause instanceof Error ? cause.message : String(cause) };
  }
}
