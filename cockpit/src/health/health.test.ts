import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { createDatabase, type DatabaseHandle } from '@scc/db';
import { createTestDatabase, type TestDatabase } from '@scc/db/testing';
import { readinessOf } from '@scc/service-kit/readiness';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServiceKeys, type ServiceKeys } from '../../../test/support/service-tokens.js';
import { type CockpitDependencies, createCockpitApp } from '../app.js';
import { createEventHub, type EventHub } from '../operations/event-hub.js';

/** Credentials and a place that must never reach a prober, even when that database is the one down. */
const UNREACHABLE = 'postgres://scc_secret_user:s3cret-pa55@127.0.0.1:1/scc_hidden_db';

let database: TestDatabase;
let keys: ServiceKeys;
let unreachable: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  keys = await createServiceKeys();
  // Port 1 refuses at once: the driver reports the refusal, with host and port in its message.
  unreachable = await createDatabase({ url: UNREACHABLE, maxConnections: 1 });
});
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  await unreachable?.close();
  await database?.drop();
});

/** The live-feed hubs of the apps below, closed after the file. */
const hubs: EventHub[] = [];

const cockpit = (overrides: Partial<CockpitDependencies> = {}) => {
  const events = createEventHub(overrides.db ?? database.handle.db);
  hubs.push(events);
  return createCockpitApp({ db: database.handle.db, verifyServiceToken: keys.verifier, events, ...overrides });
};

describe('GET /healthz', () => {
  test.each(['/healthz', '/health'])('%s answers without a token and without asking the database', async (path) => {
    const app = cockpit({ db: unreachable.db });
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /readyz', () => {
  test('200 when the runtime database answers and the live feed listens (the hub starts on the first probe)', async () => {
    const response = await cockpit().request('/readyz');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'up', liveFeed: 'up' } });
  });

  test('503 problem naming the database when it refuses, without leaking where it is', async () => {
    const response = await cockpit({ db: unreachable.db }).request('/readyz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      type: 'https://scc.example/problems/unavailable',
      title: 'Service unavailable',
      status: 503,
      detail: 'Not ready: database, liveFeed down.',
      checks: { database: 'down', liveFeed: 'down' },
      correlationId: response.headers.get('x-request-id'),
    });
    for (const secret of ['scc_secret_user', 's3cret', 'scc_hidden_db', '127.0.0.1', 'ECONNREFUSED']) {
      expect(text).not.toContain(secret);
    }
  });

  test('503 while the live feed’s LISTEN is not in place, 200 once it is', async () => {
    let listening = false;
    const app = cockpit({ liveFeedReady: () => listening });
    const down = await app.request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      detail: 'Not ready: liveFeed down.',
      checks: { database: 'up', liveFeed: 'down' },
    });
    listening = true;
    const up = await app.request('/readyz');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', checks: { database: 'up', liveFeed: 'up' } });
  });

  test('a failing live-feed check counts as down, not as an error', async () => {
    const app = cockpit({
      liveFeedReady: () => {
        throw new Error('hub closed');
      },
    });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { database: 'up', liveFeed: 'down' } });
  });

  test('is documented in the OpenAPI document without authentication', async () => {
    const doc = (await (await cockpit().request('/openapi.json')).json()) as {
      paths: Record<string, { get?: { security?: unknown[]; responses: Record<string, unknown> } }>;
    };
    for (const path of ['/healthz', '/health', '/readyz']) {
      expect(doc.paths[path]?.get?.security, path).toEqual([]);
    }
    expect(Object.keys(doc.paths['/readyz']?.get?.responses ?? {}).sort()).toEqual(['200', '503']);
  });
});

describe('readinessOf', () => {
  test('a check that does not answer in time is down, and its signal aborts', async () => {
    let signal: AbortSignal | undefined;
    const readiness = readinessOf(
      {
        fast: () => true,
        stuck: (s) => {
          signal = s;
          return new Promise<boolean>(() => {});
        },
      },
      50,
    );
    expect(await readiness()).toEqual({ ready: false, checks: { fast: 'up', stuck: 'down' } });
    expect(signal?.aborted).toBe(true);
  });

  test('probes that arrive while one runs share it', async () => {
    let calls = 0;
    let release: (up: boolean) => void = () => {};
    const readiness = readinessOf({
      database: () => {
        calls++;
        return new Promise<boolean>((resolve) => {
          release = resolve;
        });
      },
    });
    const first = readiness();
    const second = readiness();
    await new Promise((r) => setImmediate(r));
    release(true);
    expect(await Promise.all([first, second])).toEqual([
      { ready: true, checks: { database: 'up' } },
      { ready: true, checks: { database: 'up' } },
    ]);
    expect(calls).toBe(1);
    // The next probe asks again.
    const third = readiness();
    await new Promise((r) => setImmediate(r));
    release(false);
    expect(await third).toEqual({ ready: false, checks: { database: 'down' } });
    expect(calls).toBe(2);
  });
});
