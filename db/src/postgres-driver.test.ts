import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.js';

/**
 * What `patches/postgres@3.4.9.patch` changes in the driver, each on the smallest reproduction
 * (upstream issue numbers of porsager/postgres in the names). Without the patch they end the
 * test process with an uncaught exception or an unhandled rejection, wait for ever, answer a
 * query with the dead session's error, or return a result with holes.
 */
const server = process.env.DATABASE_URL;

describe.skipIf(!server)('postgres.js 3.4.9 as patched', () => {
  let database: TestDatabase;
  let url: string;
  let killer: postgres.Sql;
  const clients: postgres.Sql[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const client = (options: postgres.Options<Record<string, postgres.PostgresType>> = {}) => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, ...options });
    clients.push(sql);
    return sql;
  };
  /** Ends a session the way an administrator or a failover does. */
  const terminate = (pid: number) => killer`select pg_terminate_backend(${pid})`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url as string;
    killer = postgres(url, { max: 1, onnotice: () => {} });
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((sql) => sql.end({ timeout: 1 })));
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await killer?.end({ timeout: 1 });
    await database?.drop();
  });

  test('a transaction whose session is terminated rejects; its rollback on the dead connection does not throw (#1154)', async () => {
    const sql = client();
    const transaction = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await terminate(row?.pid as number);
      await tx`select 1`;
    });
    await expect(transaction).rejects.toMatchObject({ code: expect.stringMatching(/^(CONNECTION_CLOSED|57P01)$/) });
    await settle();
    expect(await sql`select 2 as n`).toEqual([{ n: 2 }]);
    expect(unhandled).toEqual([]);
  });

  test('a reserved connection whose session is terminated rejects every later query (#1208)', async () => {
    const sql = client({ max: 2 });
    const reserved = await sql.reserve();
    const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await terminate(row?.pid as number);
    await expect(reserved`select 1`).rejects.toBeDefined();
    // Used to throw "Cannot read properties of null (reading 'write')" from a setImmediate.
    await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    reserved.release();
    await settle();
    expect(unhandled).toEqual([]);
  });

  test('rows of a result cut off by an error do not shift the next result (#1119, #1181)', async () => {
    const sql = client();
    // Three rows arrive, then the fourth fails; the second query is pipelined behind it.
    const failing = sql`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`.catch((e: Error) => e);
    const next = sql<{ x: number }[]>`select x from generate_series(1, 5) x`;
    expect(await failing).toMatchObject({ code: '22012' });
    const rows = await next;
    expect(rows.length).toBe(5);
    expect([...rows]).toEqual([1, 2, 3, 4, 5].map((x) => ({ x })));
  });

  describe('a session terminated while the driver fetches array types (#1192, #1223)', () => {
    let relay: Server;
    const sockets = new Set<Socket>();
    let relayUrl: string;

    beforeAll(async () => {
      const target = new URL(url);
      let killed = false;
      // Between driver and server: the first time the driver asks for the array types, answer as
      // pg_terminate_backend does (FATAL 57P01) and close; pass everything else through.
      relay = createServer((client) => {
        const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => s.destroy());
          s.on('close', () => sockets.delete(s));
        }
        upstream.pipe(client);
        client.on('data', (chunk: Buffer) => {
          if (!killed && chunk.includes('pg_catalog.pg_type')) {
            killed = true;
            client.end(fatal('57P01', 'terminating connection due to administrator command'));
            upstream.destroy();
            return;
          }
          upstream.write(chunk);
        });
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      const through = new URL(url);
      through.port = String((relay.address() as { port: number }).port);
      relayUrl = through.toString();
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => relay?.close(resolve));
    });

    test('is no unhandled rejection, and the query waiting for the connection gets its answer', async () => {
      const sql = postgres(relayUrl, { max: 1, onnotice: () => {} });
      clients.push(sql);
      // It waited through the reconnect; it used to fail with the dead session's 57P01 (#1223).
      expect(await sql`select 1 as n`).toEqual([{ n: 1 }]);
      await settle();
      expect(unhandled).toEqual([]);
    });
  });
});

/** A backend's ErrorResponse message: severity FATAL, the SQLSTATE and the message. */
function fatal(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', code],
      ['M', message],
    ].map(([type, value]) => Buffer.concat([Buffer.from(type as string), Buffer.from(`${value}\0`)])),
  );
  const body = Buffer.concat([fields, Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
