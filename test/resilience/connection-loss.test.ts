import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProcessTestBed, type ProcessTestBed, waitForStatus } from '../support/cockpit-process.js';
import { personaByKey, personaUserId, seededBusinessUnit, seedId } from '../support/seed-model.js';

/**
 * PostgreSQL ends a cockpit's connections (an administrator, a failover, a pooler restart) while
 * it serves requests and its workers poll. postgres.js 3.4.9 could then write to a socket it had
 * already dropped, from a `setImmediate`, where no caller can catch it, and the process died
 * (`patches/postgres@3.4.9.patch`). The cockpit must live through it and report ready again.
 */
const server = process.env.DATABASE_URL;
const ROUNDS = 40;
const CALLERS = 8;
const BAAS = seedId('product', 'BAAS');

describe.skipIf(!server)('the cockpit process while PostgreSQL terminates its connections', () => {
  let bed: ProcessTestBed;

  beforeAll(async () => {
    if (server) bed = await createProcessTestBed(server, 'connloss');
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  test(`survives ${ROUNDS} rounds of pg_terminate_backend under load and is ready again`, async () => {
    const cockpit = await bed.start({ SCC_WORKERS: '2', SCC_STEP_DELAY_MS: '10', SCC_WORKER_LEASE_MS: '2000' });
    const { url } = cockpit;
    expect(await waitForStatus(`${url}/readyz`, 200)).toBe(200);

    const headers = await bed.headersFor('customer-admin');
    const units = ['contoso/north', 'contoso/south', 'contoso/south/stores'].map((k) => seededBusinessUnit(k).id);
    // Reads and writes, each in its own scoped transaction; orders also give the workers work.
    const calls: (() => Promise<Response>)[] = [
      () => fetch(`${url}/v1/me`, { headers }),
      () => fetch(`${url}/v1/tenants?limit=50`, { headers }),
      () => fetch(`${url}/v1/business-units?limit=50`, { headers }),
      () => fetch(`${url}/v1/operation-requests?limit=20`, { headers }),
      () =>
        fetch(`${url}/v1/operation-requests`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            kind: 'order',
            businessUnitId: units[Math.floor(Math.random() * units.length)],
            productId: BAAS,
            type: 'test',
          }),
        }),
    ];

    let storming = true;
    const statuses = new Map<number, number>();
    const callers = Array.from({ length: CALLERS }, async (_, caller) => {
      for (let i = caller; storming && cockpit.alive(); i++) {
        const call = calls[i % calls.length];
        if (!call) continue;
        const status = await call().then(
          async (r) => {
            await r.body?.cancel();
            return r.status;
          },
          () => 0,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });

    let ended = 0;
    try {
      for (let round = 0; round < ROUNDS && cockpit.alive(); round++) {
        ended += await bed.terminate();
        await new Promise((r) => setTimeout(r, 40 + Math.random() * 80));
      }
    } finally {
      storming = false;
      await Promise.all(callers);
    }

    const report = `ended ${ended} sessions; answers ${JSON.stringify(Object.fromEntries(statuses))}\n${cockpit.output(3000)}`;
    expect(cockpit.alive(), report).toBe(true);
    expect(cockpit.stderr()).not.toContain('Cannot read properties of null');
    expect(ended, report).toBeGreaterThan(ROUNDS);
    expect(statuses.get(200) ?? 0, report).toBeGreaterThan(0);
    // The token stays valid: a 401 would mean the caller lookup got another result than its own.
    expect(statuses.get(401) ?? 0, report).toBe(0);
    // A lost connection is the database being unavailable for a moment: 503 with retry-after, never a 500.
    expect(statuses.get(500) ?? 0, report).toBe(0);
    // Recovered: ready again, and an authenticated call succeeds on fresh connections.
    expect(await waitForStatus(`${url}/readyz`, 200), report).toBe(200);
    const me = await fetch(`${url}/v1/me`, { headers });
    expect(me.status, report).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: personaUserId(personaByKey('customer-admin')) } });
  }, 90_000);
});
