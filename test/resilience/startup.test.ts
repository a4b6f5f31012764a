import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@scc/db/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnCockpitProcess, startCockpitProcess, waitForStatus } from '../support/cockpit-process.js';
import { createServiceKeys } from '../support/service-tokens.js';

/**
 * A cockpit started before its database (a container start order, a database restart) waits for
 * it, retrying with backoff and a log line per retry, for `SCC_STARTUP_TIMEOUT_MS`; then it gives up
 * with exit code 1 so that its supervisor sees the failure.
 */
const server = process.env.DATABASE_URL;

/** A port nothing listens on yet (taken and freed again). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('cockpit start-up without its database', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  test('gives up after SCC_STARTUP_TIMEOUT_MS: one line per retry, exit code 1', async () => {
    const keys = await createServiceKeys();
    const port = await freePort();
    const child = startCockpitProcess({
      databaseUrl: `postgres://postgres@127.0.0.1:${port}/nowhere`,
      trustedKeys: [keys.publicJwk],
      env: { SCC_STARTUP_TIMEOUT_MS: '1500' },
      startTimeoutMs: 20_000,
    });
    // It never listens: starting fails with its output.
    const failure = await child.then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^the cockpit ended before listening \(code 1, signal null\)/);
    const lines = (failure ?? '').split('\n').filter((l) => l.startsWith('cockpit:'));
    const retries = lines.filter((l) => /^cockpit: migrating failed \(.*ECONNREFUSED.*\); retry \d+ in /.test(l));
    expect(retries.length, failure).toBeGreaterThanOrEqual(2);
    expect(retries.map((l) => /retry (\d+) in/.exec(l)?.[1])).toEqual(retries.map((_, i) => String(i + 1)));
    expect(lines.at(-1), failure).toMatch(
      /^cockpit: (unhandled rejection|uncaught exception), exiting: .*ECONNREFUSED/,
    );
  });

  test.skipIf(!server)('waits for a database that comes up after it', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    if (!database.url) throw new Error('a server database has a URL');
    const target = new URL(database.url);
    const keys = await createServiceKeys();
    const port = await freePort();
    const through = new URL(database.url);
    through.port = String(port);

    const spawned = spawnCockpitProcess({
      databaseUrl: through.toString(),
      trustedKeys: [keys.publicJwk],
      // The owner through a relay: waiting is the subject here, not the login (cockpit-login.test.ts).
      env: { SCC_STARTUP_TIMEOUT_MS: '30000', SCC_WORKERS: '0', SCC_ALLOW_SUPERUSER: '1' },
    });
    cleanups.push(() => spawned.stop('SIGKILL'));

    // Refused twice (so it waits rather than fails), then "start the database": a TCP relay on that port.
    for (let i = 0; i < 400 && !/retry 2 in/.test(spawned.stderr()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(spawned.stderr()).toMatch(/^cockpit: migrating failed \(.*ECONNREFUSED.*\); retry 1 in .*\n.*retry 2 in /);
    expect(spawned.alive()).toBe(true);
    const sockets = new Set<Socket>();
    const relay: Server = createServer((client) => {
      const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          for (const s of sockets) s.destroy();
          relay.close(resolve);
        }),
    );

    const started = await spawned.listening();
    expect(await waitForStatus(`${started.url}/readyz`, 200)).toBe(200);
    expect(started.alive()).toBe(true);
  });
});
