import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { webhookSigner } from './signature.js';

/**
 * Receivers check our deliveries with whatever Standard Webhooks library they use, so the signer
 * is held to the spec's reference implementation, not to a verifier of our own.
 */
const bytes = randomBytes(24);
const SECRET = `whsec_${bytes.toString('base64')}`;
const body = JSON.stringify({ type: 'operation.chargeable', timestamp: new Date().toISOString(), data: { a: 1 } });

function headersFor(secret: string, id: string, timestamp: number, payload = body) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': webhookSigner(secret)(id, timestamp, payload),
  };
}

const now = () => Math.floor(Date.now() / 1000);

describe('webhook signatures', () => {
  test.each([
    ['whsec_ and base64', SECRET],
    ['whsec_ and padded base64', `whsec_${randomBytes(32).toString('base64')}`],
    ['base64 without the prefix', bytes.toString('base64')],
  ])('verify with the reference library for a secret of %s', (_, secret) => {
    expect(new Webhook(secret).verify(body, headersFor(secret, 'msg_1', now()))).toEqual(JSON.parse(body));
  });

  test('the reference library rejects a tampered body, a wrong secret and a timestamp out of tolerance', () => {
    const verifier = new Webhook(SECRET);
    const rejected = (payload: string, headers: Record<string, string>) =>
      expect(() => verifier.verify(payload, headers)).toThrow(WebhookVerificationError);
    rejected(`${body} `, headersFor(SECRET, 'msg_2', now()));
    rejected(body, headersFor(`whsec_${randomBytes(24).toString('base64')}`, 'msg_3', now()));
    rejected(body, headersFor(SECRET, 'msg_4', now() - 6 * 60));
    rejected(body, headersFor(SECRET, 'msg_5', now() + 6 * 60));
  });

  test('a secret that is not base64 is refused up front, not signed with as text', () => {
    expect(() => webhookSigner('whsec_not base64!')).toThrow(/base64/);
    expect(() => webhookSigner('a-passphrase-of-sixteen-or-more')).toThrow(/base64/);
    expect(() => webhookSigner('whsec_')).toThrow(/base64/);
  });
});
