import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createLogger, type LogEntry } from '@scc/service-kit/log';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffKeys, createBffKeys, issueWidgetToken } from '../../../test/support/bff-harness.js';
import { type BffApp, createBffApp } from '../app.js';
import { RateLimits } from './rate-limits.js';
import { connectRedis } from './setup.js';

const quiet = createLogger('bff', { sink: () => {} });
/** The cockpit is not asked: every request the limits let through answers 503 at once. */
const noCockpit = { fetch: async () => new Response(null, { status: 503 }) };

let keys: BffKeys;
beforeAll(async () => {
  keys = await createBffKeys();
});

function bffOn(limits: RateLimits): BffApp {
  return createBffApp({
    hosts: keys.registry,
    tokens: keys.tokens,
    cockpit: { baseUrl: 'http://cockpit.internal', serviceKey: keys.serviceKey, ...noCockpit },
    rateLimiting: { limits, onLimited: () => {} },
  });
}

async function statuses(apps: BffApp[], token: string, count: number): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await apps[i % apps.length]?.request('/v1/widget/session', {
      headers: { authorization: `Bearer ${token}` },
    });
    answers.push(res?.status ?? 0);
  }
  return answers;
}

describe.skipIf(!process.env.SCC_TEST_REDIS_URL)('on Redis (SCC_TEST_REDIS_URL)', () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit()));
  });

  /** Each BFF with a connection of its own, as two processes would have. */
  async function connected(): Promise<Redis> {
    const client = connectRedis(process.env.SCC_TEST_REDIS_URL ?? '', quiet);
    clients.push(client);
    if (client.status !== 'ready') await once(client, 'ready');
    return client;
  }

  it('two BFFs spend one budget per user', async () => {
    const budget = { points: 4, seconds: 60 };
    // A user of its own per run: Redis outlives the test.
    const { token } = await keys.tokens.issue({
      userId: randomUUID(),
      businessUnitId: randomUUID(),
      hostId: keys.mspHost.entry.id,
    });
    const apps = [
      bffOn(
        new RateLimits({
          settings: { 'widget-per-user': budget },
          store: { kind: 'redis', client: await connected() },
        }),
      ),
      bffOn(
        new RateLimits({
          settings: { 'widget-per-user': budget },
          store: { kind: 'redis', client: await connected() },
        }),
      ),
    ];
    expect(await statuses(apps, token, 6)).toEqual([503, 503, 503, 503, 429, 429]);
  });
});

describe('when the store fails', () => {
  it('each process goes on counting in its own memory, and says so once', async () => {
    const lines: LogEntry[] = [];
    const log = createLogger('bff', { sink: (entry) => lines.push(entry) });
    // Nothing listens there: every command fails at once.
    const broken = connectRedis('redis://127.0.0.1:9', log);
    try {
      const budget = { points: 2, seconds: 60 };
      const limits = new RateLimits({
        settings: { 'widget-per-user': budget },
        store: { kind: 'redis', client: broken },
        log,
      });
      const token = await issueWidgetToken(keys);
      expect(await statuses([bffOn(limits)], token, 4)).toEqual([503, 503, 429, 429]);
      expect(lines.filter((l) => l.msg.startsWith('rate limit store failed'))).toHaveLength(1);
    } finally {
      broken.disconnect();
    }
  });
});
