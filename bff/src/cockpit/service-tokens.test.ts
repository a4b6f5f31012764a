import type { ServiceTokenClaims } from '@scc/contracts/service-token';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSegment } from '../../../test/support/bff-harness.js';
import { generateSigningKey, type SigningKey } from '../keys/signing-keys.js';
import { SERVICE_TOKEN_RENEW_BEFORE_SECONDS, serviceTokenSigner } from './service-tokens.js';

const casey: ServiceTokenClaims = {
  sub: 'user-casey',
  businessUnitId: 'bu-contoso',
  homeBusinessUnitId: 'bu-msp',
  hostId: 'msp-portal',
};

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey('service-cache-1');
});

function signerAt(start: Date, maxCallers?: number) {
  let now = start.getTime();
  const sign = serviceTokenSigner(key, { now: () => new Date(now), ...(maxCallers ? { maxCallers } : {}) });
  return {
    sign,
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const start = new Date('2026-11-29T10:00:00.250Z');
const expiryOf = (token: string) => (decodeSegment(token, 1).exp as number) * 1000;

describe('service tokens signed once per caller', () => {
  it('hands the same caller the same token, also to concurrent first calls', async () => {
    const { sign } = signerAt(start);
    const tokens = await Promise.all([sign(casey), sign(casey), sign({ ...casey })]);
    expect(new Set(tokens).size).toBe(1);
    expect(await sign(casey)).toBe(tokens[0]);
  });

  it('hands a caller that differs in any claim its own token, saying its own claims', async () => {
    const { sign } = signerAt(start);
    const others: ServiceTokenClaims[] = [
      { ...casey, sub: 'user-dana' },
      { ...casey, businessUnitId: 'bu-finance' },
      { ...casey, homeBusinessUnitId: 'bu-reseller' },
      { ...casey, hostId: 'reseller-portal' },
      { ...casey, sub: undefined, email: 'casey@contoso.example' },
    ];
    const tokens = await Promise.all([casey, ...others].map((claims) => sign(claims)));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(decodeSegment(tokens[1] ?? '', 1)).toMatchObject({ sub: 'user-dana', bu: 'bu-contoso' });
    expect(decodeSegment(tokens[5] ?? '', 1)).toMatchObject({ email: 'casey@contoso.example' });
    expect(decodeSegment(tokens[5] ?? '', 1)).not.toHaveProperty('sub');
  });

  it('signs a new token before the old one comes near its expiry', async () => {
    const clock = signerAt(start);
    const first = await clock.sign(casey);
    const renewAt = expiryOf(first) - SERVICE_TOKEN_RENEW_BEFORE_SECONDS * 1000;
    clock.advance(renewAt - 1 - clock.now());
    expect(await clock.sign(casey)).toBe(first);
    clock.advance(1);
    const second = await clock.sign(casey);
    expect(second).not.toBe(first);
    expect(expiryOf(second)).toBeGreaterThan(expiryOf(first));
    expect(await clock.sign(casey)).toBe(second);
  });

  it('never hands out a token with less than the margin left', async () => {
    const clock = signerAt(start);
    for (let step = 0; step < 200; step++) {
      const token = await clock.sign(casey);
      expect(expiryOf(token) - clock.now()).toBeGreaterThanOrEqual(SERVICE_TOKEN_RENEW_BEFORE_SECONDS * 1000);
      clock.advance(1_337);
    }
  });

  it('remembers at most its bound of callers', async () => {
    const { sign } = signerAt(start, 2);
    const first = await sign(casey);
    await sign({ ...casey, sub: 'user-dana' });
    await sign({ ...casey, sub: 'user-riley' });
    const again = await sign(casey);
    expect(again).not.toBe(first);
    expect(decodeSegment(again, 1)).toEqual(decodeSegment(first, 1));
  });
});
