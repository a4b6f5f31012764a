import type { ServiceTokenVerifier } from '@scc/contracts/service-token';
import { beforeAll, describe, expect, test } from 'vitest';
import { createServiceKeys, type ServiceKeys, withTamperedPayload } from '../../../test/support/service-tokens.js';
import { cachingVerifier } from './verified-tokens.js';

let keys: ServiceKeys;
beforeAll(async () => {
  keys = await createServiceKeys();
});

const claims = {
  sub: '00000000-0000-4000-8000-000000000001',
  businessUnitId: '00000000-0000-4000-8000-000000000002',
  homeBusinessUnitId: '00000000-0000-4000-8000-000000000003',
  hostId: 'host',
};

/** The real verifier, counting how often it runs. */
function counting(): { verify: ServiceTokenVerifier; runs: () => number } {
  let runs = 0;
  return {
    verify: (token) => {
      runs += 1;
      return keys.verifier(token);
    },
    runs: () => runs,
  };
}

describe('verified service tokens', () => {
  test('a token is verified once and its claims reused until it expires', async () => {
    const { verify, runs } = counting();
    let now = Date.now();
    const cached = cachingVerifier(verify, { now: () => now });
    const token = await keys.sign(claims);
    expect(await cached(token)).toEqual({ ...claims, email: undefined });
    expect(await cached(token)).toEqual({ ...claims, email: undefined });
    expect(runs()).toBe(1);
    // Past its expiry the cache no longer answers: the verifier decides again.
    now += 61_000;
    await cached(token);
    expect(runs()).toBe(2);
  });

  test('a token that fails is never remembered, and a tampered copy of a good one fails', async () => {
    const { verify, runs } = counting();
    const cached = cachingVerifier(verify);
    const token = await keys.sign(claims);
    await cached(token);
    const tampered = withTamperedPayload(token, (payload) => {
      payload.bu = '00000000-0000-4000-8000-000000000009';
    });
    await expect(cached(tampered)).rejects.toThrow();
    await expect(cached(tampered)).rejects.toThrow();
    expect(runs()).toBe(3);
  });

  test('the oldest token makes room when the cache is full', async () => {
    const { verify, runs } = counting();
    const cached = cachingVerifier(verify, { maxEntries: 2 });
    const [first, second, third] = await Promise.all([
      keys.sign({ ...claims, hostId: 'a' }),
      keys.sign({ ...claims, hostId: 'b' }),
      keys.sign({ ...claims, hostId: 'c' }),
    ]);
    for (const token of [first, second, third, third, second]) await cached(token as string);
    expect(runs()).toBe(3);
    await cached(first as string);
    expect(runs()).toBe(4);
  });
});
