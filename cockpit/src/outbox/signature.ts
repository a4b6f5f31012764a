import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

/** Signs one delivery: the value of its `webhook-signature` header. */
export type WebhookSigner = (id: string, timestamp: number, body: string) => string;

/**
 * Standard Webhooks signatures: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the
 * bytes of the secret `whsec_<base64>` (the prefix optional, as in the spec's reference
 * library). A secret that is not canonical base64 is refused here: read as text, it would sign
 * with a key no Standard Webhooks receiver derives, and every delivery would be rejected.
 */
export function webhookSigner(secret: string): WebhookSigner {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0 || key.toString('base64') !== encoded) {
    throw new Error(`the webhook secret must be ${PREFIX} followed by base64`);
  }
  return (id, timestamp, body) =>
    `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
