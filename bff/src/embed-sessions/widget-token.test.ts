import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment } from '../../../test/support/bff-harness.js';
import { generateSigningKey, type SigningKey } from '../keys/signing-keys.js';
import { InProcessRevocations } from './session-revocations.js';
import { WIDGET_TOKEN_TTL_SECONDS, type WidgetSession, widgetTokenIssuer } from './widget-token.js';

const PUBLIC_URL = 'https://bff.cache.test';
const casey: WidgetSession = { userId: 'user-casey', businessUnitId: 'bu-contoso', hostId: 'msp-portal' };

let key: SigningKey;
let otherKey: SigningKey;

beforeAll(async () => {
  key = await generateSigningKey('widget-cache-1');
  // Same kid: only the signature tells the two apart.
  otherKey = await generateSigningKey('widget-cache-1');
});

/** An issuer on a clock the test moves. */
function issuerAt(start: Date, options: { revocations?: InProcessRevocations; cacheSize?: number } = {}) {
  let now = start.getTime();
  const issuer = widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: key, now: () => new Date(now), ...options });
  return {
    issuer,
    advance(ms: number) {
      now += ms;
    },
  };
}

const start = new Date('2026-11-29T10:00:00.000Z');

describe('verified widget tokens are remembered', () => {
  it('answers a token verified before with the very session it verified', async () => {
    const { issuer } = issuerAt(start);
    const { token, sessionId, expiresAt } = await issuer.issue(casey);
    const first = await issuer.verify(token);
    expect(first).toEqual({ ...casey, sessionId, expiresAt });
    expect(await issuer.verify(token)).toBe(first);
  });

  it('refuses a revoked session on its next request while its verification is remembered', async () => {
    const revocations = new InProcessRevocations(() => start);
    const { issuer } = issuerAt(start, { revocations });
    const revoked = await issuer.issue(casey);
    const other = await issuer.issue(casey);
    const remembered = await issuer.verify(revoked.token);
    expect(await issuer.verify(revoked.token)).toBe(remembered);
    const otherSession = await issuer.verify(other.token);

    revocations.revoke(revoked.sessionId, revoked.expiresAt);

    await expect(issuer.verify(revoked.token)).rejects.toThrow();
    await expect(issuer.verify(revoked.token)).rejects.toThrow();
    // Another embed session of the same user and unit goes on.
    expect(await issuer.verify(other.token)).toBe(otherSession);
  });

  it('refuses a revoked session whose token it has not seen before', async () => {
    const revocations = new InProcessRevocations(() => start);
    const { issuer } = issuerAt(start, { revocations });
    const { token, sessionId, expiresAt } = await issuer.issue(casey);
    revocations.revoke(sessionId, expiresAt);
    await expect(issuer.verify(token)).rejects.toThrow();
  });

  it('refuses a remembered token once it has expired', async () => {
    const clock = issuerAt(start);
    const { token } = await clock.issuer.issue(casey);
    const session = await clock.issuer.verify(token);
    clock.advance(WIDGET_TOKEN_TTL_SECONDS * 1000 - 1);
    expect(await clock.issuer.verify(token)).toBe(session);
    clock.advance(1);
    await expect(clock.issuer.verify(token)).rejects.toThrow();
    await expect(clock.issuer.verify(token)).rejects.toThrow();
  });

  it('refuses a remembered token once it is older than any token may be, whatever its expiry says', async () => {
    const clock = issuerAt(start);
    const sign = widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: key, now: () => start });
    const { token } = await sign.issue(casey);
    const payload = decodeSegment(token, 1);
    // Re-signed with the real key and a far expiry: only the token's age can end it.
    const longLived = await resign({ ...payload, exp: (payload.exp as number) + 3600 }, key);
    const session = await clock.issuer.verify(longLived);
    clock.advance((WIDGET_TOKEN_TTL_SECONDS + 60) * 1000);
    expect(await clock.issuer.verify(longLived)).toBe(session);
    clock.advance(1000);
    await expect(clock.issuer.verify(longLived)).rejects.toThrow();
  });

  it('refuses forged tokens beside a remembered one, and remembers none of them', async () => {
    const { issuer } = issuerAt(start);
    const { token } = await issuer.issue(casey);
    const session = await issuer.verify(token);
    const [header, payload, signature] = token.split('.');

    const forgeries = [
      // The remembered token's header and claims, signed with another key of the same kid.
      await resign(decodeSegment(token, 1), otherKey),
      // Its signature kept, the claims changed.
      `${header}.${encodeSegment({ ...decodeSegment(token, 1), bu: 'bu-fabrikam' })}.${signature}`,
      // Its header and claims, the signature changed in one byte.
      `${header}.${payload}.${flipFirstCharacter(signature ?? '')}`,
      // Nothing of it: a token of another issuer's key altogether.
      (await widgetTokenIssuer({ publicUrl: PUBLIC_URL, signingKey: otherKey }).issue(casey)).token,
    ];
    for (const forged of forgeries) {
      await expect(issuer.verify(forged)).rejects.toThrow();
      // Refused again: a refusal is not remembered as anything.
      await expect(issuer.verify(forged)).rejects.toThrow();
    }
    expect(await issuer.verify(token)).toBe(session);
  });

  it('remembers at most its bound, forgetting the least recently used token first', async () => {
    const { issuer } = issuerAt(start, { cacheSize: 3 });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => issuer.issue(casey)));
    const first = await issuer.verify(tokens[0]?.token ?? '');
    const sessions = [];
    for (const { token } of tokens.slice(1)) sessions.push(await issuer.verify(token));
    // The last three are remembered; the first was forgotten and is verified anew, still valid.
    for (const [i, { token }] of tokens.slice(7).entries()) expect(await issuer.verify(token)).toBe(sessions[i + 6]);
    const again = await issuer.verify(tokens[0]?.token ?? '');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('refuses a validly signed token without a session id: it could not be revoked', async () => {
    const { issuer } = issuerAt(start);
    const { token } = await issuer.issue(casey);
    const { jti: _jti, ...withoutSessionId } = decodeSegment(token, 1);
    await expect(issuer.verify(await resign(withoutSessionId, key))).rejects.toThrow();
  });
});

async function resign(payload: Record<string, unknown>, signingKey: SigningKey): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
    .sign(signingKey.privateKey);
}

function flipFirstCharacter(segment: string): string {
  return `${segment[0] === 'A' ? 'B' : 'A'}${segment.slice(1)}`;
}
