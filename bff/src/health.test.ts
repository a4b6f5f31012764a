import { beforeAll, describe, expect, test } from 'vitest';
import { type BffKeys, COCKPIT_URL, createBffKeys, PROBLEM_CONTENT_TYPE } from '../../test/support/bff-harness.js';
import { createBffApp } from './app.js';
import type { CockpitConnection } from './cockpit/cockpit-client.js';

let keys: BffKeys;

beforeAll(async () => {
  keys = await createBffKeys();
});

/** A BFF whose cockpit is `cockpitFetch`; every URL it was asked for is recorded. */
function bffWith(cockpitFetch: CockpitConnection['fetch']) {
  const asked: { url: string; authorization: string | null }[] = [];
  const app = createBffApp({
    hosts: keys.registry,
    tokens: keys.tokens,
    cockpit: {
      baseUrl: COCKPIT_URL,
      serviceKey: keys.serviceKey,
      fetch: async (input, init) => {
        asked.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        if (!cockpitFetch) throw new Error('no cockpit');
        return cockpitFetch(input, init);
      },
    },
  });
  return { app, asked };
}

const cockpitAnswering = (status: number) => async () =>
  new Response(JSON.stringify(status === 200 ? { status: 'ready' } : { status }), { status });

describe('GET /healthz', () => {
  test.each(['/healthz', '/health'])('%s answers without asking the cockpit', async (path) => {
    const { app, asked } = bffWith(undefined);
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(asked).toEqual([]);
  });
});

describe('GET /readyz', () => {
  test('200 when the cockpit’s /readyz is 200; asks it without credentials', async () => {
    const { app, asked } = bffWith(cockpitAnswering(200));
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready', checks: { cockpit: 'up' } });
    expect(asked).toEqual([{ url: `${COCKPIT_URL}/readyz`, authorization: null }]);
  });

  test.each([
    ['the cockpit is not ready', cockpitAnswering(503)],
    ['the cockpit answers something else', cockpitAnswering(404)],
    [
      'the cockpit cannot be reached',
      async () => {
        throw new TypeError('fetch failed: connect ECONNREFUSED 10.0.0.7:4010');
      },
    ],
  ])('503 when %s', async (_case, cockpitFetch) => {
    const { app } = bffWith(cockpitFetch);
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get('retry-after')).toBe('5');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 503, checks: { cockpit: 'down' } });
    expect(text).not.toContain('10.0.0.7');
  });

  test('503 within the timeout when the cockpit does not answer, and the call is aborted', async () => {
    let aborted: Promise<unknown> | undefined;
    const { app } = bffWith(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          aborted = new Promise((resolve) => init?.signal?.addEventListener('abort', resolve));
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { cockpit: 'down' } });
    await expect(aborted).resolves.toBeDefined();
  });

  test('a readiness passed in replaces the cockpit check', async () => {
    const app = createBffApp({
      hosts: keys.registry,
      tokens: keys.tokens,
      cockpit: { baseUrl: COCKPIT_URL, serviceKey: keys.serviceKey },
      readiness: async () => ({ ready: false, checks: { cockpit: 'up', signingKeys: 'down' } }),
    });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      detail: 'Not ready: signingKeys down.',
      checks: { cockpit: 'up', signingKeys: 'down' },
    });
  });
});
