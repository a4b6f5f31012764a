import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BffHarness,
  createBffHarness,
  embedSessionInit,
  expectProblem,
} from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import type { BffApp } from '../app.js';
import type { RateLimitHit } from './middleware.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './policies.js';
import { RateLimits } from './rate-limits.js';

const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const finance = seededBusinessUnit('contoso/north/finance');

let h: BffHarness;
let caseyToken: string;
let danaToken: string;
beforeAll(async () => {
  h = await createBffHarness();
  caseyToken = await h.openSession(h.mspHost, casey.email, contoso.id);
  danaToken = await h.openSession(h.mspHost, dana.email, finance.id);
});
afterAll(async () => {
  await h?.close();
});

// The counters read the time from Date: each test moves it past a window instead of waiting.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
const passSeconds = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

/** A BFF behind one proxy (so each test picks its client's address) with small budgets, recording its hits. */
function limitedBff(settings: Partial<RateLimitSettings>): { app: BffApp; hits: RateLimitHit[] } {
  const hits: RateLimitHit[] = [];
  const app = h.createApp({
    rateLimiting: {
      limits: new RateLimits({ settings }),
      trustedProxyHops: 1,
      onLimited: (hit) => hits.push(hit),
    },
  });
  return { app, hits };
}

const widget = (app: BffApp, token: string, from: string, path = '/session', init: RequestInit = {}) =>
  app.request(`/v1/widget${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `203.0.113.9, ${from}`, ...init.headers },
  });

const mint = (app: BffApp, apiKey: string, from: string) => {
  const init = embedSessionInit(apiKey, { user: { email: casey.email }, businessUnitId: contoso.id });
  return app.request('/v1/embed-sessions', { ...init, headers: { ...init.headers, 'x-forwarded-for': from } });
};

/** A 429 problem whose headers name `policy`, its budget, nothing remaining, and when to retry. */
async function expectLimited(res: Response, policy: string, budget: { points: number; seconds: number }) {
  const body = await expectProblem(res, 429);
  expect(body.type).toBe('https://scc.example/problems/too-many-requests');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(budget.seconds);
  expect(res.headers.get('ratelimit-policy')).toBe(`"${policy}";q=${budget.points};w=${budget.seconds}`);
  expect(res.headers.get('ratelimit')).toBe(`"${policy}";r=0;t=${retryAfter}`);
  return retryAfter;
}

describe('per user on widget routes', () => {
  const budget = { points: 3, seconds: 60 };

  it('answers 429 with the headers past the budget, for that user only, and again after the window', async () => {
    const { app, hits } = limitedBff({ 'widget-per-user': budget });
    for (let i = 0; i < budget.points; i++) expect((await widget(app, caseyToken, '198.51.100.1')).status).toBe(200);
    // Another address does not help: the budget is the user's.
    const refused = await widget(app, caseyToken, '198.51.100.2');
    const retryAfter = await expectLimited(refused, 'widget-per-user', budget);
    expect((await widget(app, danaToken, '198.51.100.1')).status).toBe(200);
    expect(hits).toEqual([
      expect.objectContaining({
        policy: 'widget-per-user',
        key: seedId('user', 'customer-admin'),
        clientAddress: '198.51.100.2',
      }),
    ]);

    passSeconds(retryAfter - 1.5);
    expect((await widget(app, caseyToken, '198.51.100.1')).status).toBe(429);
    passSeconds(1.5);
    expect((await widget(app, caseyToken, '198.51.100.1')).status).toBe(200);
  });

  it('writes the first refusal of a budget in each window to the host subtree’s audit log', async () => {
    const budget = { points: 1, seconds: 60 };
    const app = h.createApp({
      rateLimiting: { limits: new RateLimits({ settings: { 'widget-per-user': budget } }), trustedProxyHops: 1 },
    });
    const audited = async () => {
      const page = await h.app.request('/v1/widget/audit-events?action=rate-limit.exceeded', {
        headers: { authorization: `Bearer ${caseyToken}` },
      });
      const { items } = (await page.json()) as { items: { after: Record<string, unknown>; businessUnitId: string }[] };
      return items.filter((item) => item.after.policy === 'widget-per-user');
    };
    const before = (await audited()).length;
    expect((await widget(app, caseyToken, '198.51.100.9')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await widget(app, caseyToken, '198.51.100.9')).status).toBe(429);
    await expect.poll(async () => (await audited()).length).toBe(before + 1);
    const [event] = await audited();
    expect(event?.businessUnitId).toBe(contoso.id);
    expect(event?.after).toMatchObject({ policy: 'widget-per-user', clientAddress: '198.51.100.9', points: 1 });

    passSeconds(61);
    expect((await widget(app, caseyToken, '198.51.100.9')).status).toBe(200);
    expect((await widget(app, caseyToken, '198.51.100.9')).status).toBe(429);
    await expect.poll(async () => (await audited()).length).toBe(before + 2);
  });

  it('lets a page of the host read the 429 and its headers (CORS)', async () => {
    const { app } = limitedBff({ 'widget-per-user': { points: 1, seconds: 60 } });
    const origin = { origin: h.mspHost.origin };
    await widget(app, danaToken, '198.51.100.3', '/session', { headers: origin });
    const res = await widget(app, danaToken, '198.51.100.3', '/session', { headers: origin });
    expect(res.status).toBe(429);
    expect(res.headers.get('access-control-allow-origin')).toBe(h.mspHost.origin);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'ratelimit-policy', 'ratelimit']));
  });
});

describe('per business unit on operation submits', () => {
  it('counts the submits of the unit a session acts on, not its other requests', async () => {
    const budget = { points: 1, seconds: 60 };
    const { app, hits } = limitedBff({ 'submits-per-unit': budget });
    const submit = (token: string) =>
      widget(app, token, '198.51.100.4', '/operation-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        // Refused by validation: the limit counts attempts, and nothing is written.
        body: JSON.stringify({ kind: 'order' }),
      });
    expect((await submit(caseyToken)).status).toBe(400);
    const retryAfter = await expectLimited(await submit(caseyToken), 'submits-per-unit', budget);
    expect(hits.map((hit) => hit.key)).toEqual([contoso.id]);
    // Dana acts on Finance, a unit of its own; reads are not submits.
    expect((await submit(danaToken)).status).toBe(400);
    expect((await widget(app, caseyToken, '198.51.100.4')).status).toBe(200);
    passSeconds(retryAfter);
    expect((await submit(caseyToken)).status).toBe(400);
  });
});

describe('per user on TOTP codes', () => {
  it('counts every code a user sends, in any session, besides the cockpit’s own lock-out', async () => {
    const budget = { points: 2, seconds: 60 };
    const { app, hits } = limitedBff({ 'step-up-per-user': budget });
    const otherSession = await h.openSession(h.mspHost, casey.email, contoso.id);
    const code = (token: string, path: '/step-up' | '/step-up/enrolment/confirm') =>
      widget(app, token, '198.51.100.7', path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: '123456' }),
      });
    // Casey has no authenticator: the cockpit answers 409, and each attempt counts all the same.
    expect((await code(caseyToken, '/step-up')).status).toBe(409);
    expect((await code(otherSession, '/step-up/enrolment/confirm')).status).toBe(409);
    const retryAfter = await expectLimited(await code(caseyToken, '/step-up'), 'step-up-per-user', budget);
    expect(hits.map((hit) => hit.key)).toEqual([seedId('user', 'customer-admin')]);
    // Another user's codes, and Casey's other requests, are not counted.
    expect((await code(danaToken, '/step-up')).status).toBe(409);
    expect((await widget(app, caseyToken, '198.51.100.7', '/step-up')).status).toBe(200);
    passSeconds(retryAfter);
    expect((await code(caseyToken, '/step-up')).status).toBe(409);
  });
});

describe('embed-session minting', () => {
  it('per client address, before the API key is looked at', async () => {
    const budget = { points: 2, seconds: 60 };
    const { app } = limitedBff({ 'embed-sessions-per-ip': budget });
    for (let i = 0; i < budget.points; i++) expect((await mint(app, h.mspHost.apiKey, '192.0.2.1')).status).toBe(201);
    const retryAfter = await expectLimited(
      await mint(app, h.mspHost.apiKey, '192.0.2.1'),
      'embed-sessions-per-ip',
      budget,
    );
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.2')).status).toBe(201);
    passSeconds(retryAfter);
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.1')).status).toBe(201);
  });

  it('per host, whatever the address', async () => {
    const budget = { points: 2, seconds: 60 };
    const { app, hits } = limitedBff({ 'embed-sessions-per-host': budget });
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.3')).status).toBe(201);
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.4')).status).toBe(201);
    const retryAfter = await expectLimited(
      await mint(app, h.mspHost.apiKey, '192.0.2.5'),
      'embed-sessions-per-host',
      budget,
    );
    expect(hits.map((hit) => hit.key)).toEqual([h.mspHost.entry.id]);
    // Another host's budget is its own.
    expect((await mint(app, h.resellerHost.apiKey, '192.0.2.5')).status).not.toBe(429);
    passSeconds(retryAfter);
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.5')).status).toBe(201);
  });
});

describe('failed authentications', () => {
  const budget = { points: 3, seconds: 60 };

  it('limits wrong host API keys from one address; a good key still works from another', async () => {
    const { app, hits } = limitedBff({ 'failed-authentications-per-ip': budget });
    const wrongKey = `${h.mspHost.apiKey.slice(0, -4)}xxxx`;
    for (let i = 0; i < budget.points; i++) await expectProblem(await mint(app, wrongKey, '192.0.2.66'), 401);
    await expectLimited(await mint(app, wrongKey, '192.0.2.66'), 'failed-authentications-per-ip', budget);
    // Refused before the key is checked: a right guess there would look exactly like a wrong one.
    await expectLimited(await mint(app, h.mspHost.apiKey, '192.0.2.66'), 'failed-authentications-per-ip', budget);
    const retryAfter = Number((await mint(app, h.mspHost.apiKey, '192.0.2.66')).headers.get('retry-after'));
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.67')).status).toBe(201);
    expect(hits[0]).toMatchObject({ policy: 'failed-authentications-per-ip', key: '192.0.2.66' });
    passSeconds(retryAfter);
    expect((await mint(app, h.mspHost.apiKey, '192.0.2.66')).status).toBe(201);
  });

  it('limits forged widget tokens from one address, but never refuses a valid token for them', async () => {
    const { app } = limitedBff({ 'failed-authentications-per-ip': budget });
    const [header, payload] = caseyToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    for (let i = 0; i < budget.points; i++) await expectProblem(await widget(app, forged, '192.0.2.77'), 401);
    await expectLimited(await widget(app, forged, '192.0.2.77'), 'failed-authentications-per-ip', budget);
    await expectLimited(await widget(app, 'not-a-token', '192.0.2.77'), 'failed-authentications-per-ip', budget);
    expect((await widget(app, caseyToken, '192.0.2.77')).status).toBe(200);
    await expectProblem(await widget(app, forged, '192.0.2.78'), 401);
    passSeconds(budget.seconds);
    await expectProblem(await widget(app, forged, '192.0.2.77'), 401);
  });
});

describe('without rate limits', () => {
  it('an app built without them (tests, benchmarks) never answers 429', async () => {
    const points = DEFAULT_RATE_LIMITS['failed-authentications-per-ip'].points;
    for (let i = 0; i <= points; i++) await expectProblem(await h.app.request('/v1/widget/session'), 401);
  });
});
