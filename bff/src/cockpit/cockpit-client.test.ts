import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BffKeys,
  createBffKeys,
  createBffWithCockpit,
  decodeSegment,
  expectProblem,
} from '../../../test/support/bff-harness.js';
import { seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';

/** One request as the cockpit saw it. */
interface Seen {
  path: string;
  serviceToken: string;
  requestId: string | null;
}

let keys: BffKeys;
let casey: string;
let dana: string;

beforeAll(async () => {
  keys = await createBffKeys();
  const session = (user: string, unit: string) =>
    keys.tokens
      .issue({
        userId: seedId('user', user),
        businessUnitId: seededBusinessUnit(unit).id,
        hostId: keys.mspHost.entry.id,
      })
      .then((issued) => issued.token);
  casey = await session('customer-admin', 'contoso');
  dana = await session('department-user', 'contoso/north/finance');
});

/** A BFF whose cockpit answers every call with `answer` and records what it was sent. */
function bffRecording(answer: () => Response = () => Response.json({ items: [], nextCursor: null, total: 0 })) {
  const seen: Seen[] = [];
  const app = createBffWithCockpit(keys, {
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({
        path: new URL(String(input)).pathname,
        serviceToken: (headers.get('authorization') ?? '').replace(/^Bearer /, ''),
        requestId: headers.get('x-request-id'),
      });
      return answer();
    },
  });
  return { app, seen };
}

const get = (app: ReturnType<typeof createBffWithCockpit>, path: string, token: string, requestId?: string) =>
  app.request(path, {
    headers: { authorization: `Bearer ${token}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
  });

describe('one cockpit client for all callers', () => {
  it('sends each call with its own caller’s service token and request id, also when callers interleave', async () => {
    const { app, seen } = bffRecording();
    const calls = Array.from({ length: 20 }, (_, i) => ({
      token: i % 2 === 0 ? casey : dana,
      user: i % 2 === 0 ? 'customer-admin' : 'department-user',
      requestId: `request-${i}`,
    }));
    const answers = await Promise.all(calls.map((c) => get(app, '/v1/widget/tenants', c.token, c.requestId)));
    for (const res of answers) expect(res.status).toBe(200);
    expect(seen).toHaveLength(calls.length);
    for (const call of calls) {
      const received = seen.find((s) => s.requestId === call.requestId);
      expect(received && decodeSegment(received.serviceToken, 1).sub).toBe(seedId('user', call.user));
    }
  });

  it('reuses a caller’s service token across its requests, and gives another caller its own', async () => {
    const { app, seen } = bffRecording();
    for (const token of [casey, casey, dana, casey, dana])
      expect((await get(app, '/v1/widget/tenants', token)).status).toBe(200);
    const bySub = new Map<unknown, Set<string>>();
    for (const { serviceToken } of seen) {
      const sub = decodeSegment(serviceToken, 1).sub;
      bySub.set(sub, (bySub.get(sub) ?? new Set()).add(serviceToken));
    }
    expect([...bySub.values()].map((tokens) => tokens.size)).toEqual([1, 1]);
  });

  it('calls the cockpit for none of a flood of forged tokens among valid ones', async () => {
    const { app, seen } = bffRecording();
    const [header, payload, signature = ''] = casey.split('.');
    const forged = Array.from(
      { length: 30 },
      (_, i) => `${header}.${payload}.${signature.slice(0, -4)}${String(i).padStart(4, 'A')}`,
    );
    let valid = 0;
    for (const [i, token] of forged.entries()) {
      await expectProblem(await get(app, '/v1/widget/tenants', token), 401);
      if (i % 10 === 0) {
        expect((await get(app, '/v1/widget/tenants', casey)).status).toBe(200);
        valid++;
      }
    }
    expect(seen).toHaveLength(valid);
  });
});

describe('answers passed through', () => {
  it('forwards the cockpit’s JSON bytes, status and content type as they came', async () => {
    const body = '{"nextCursor":null,  "items":[ ],"total":0, "totalCapped":false}';
    const { app } = bffRecording(
      () => new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' } }),
    );
    for (const path of ['/v1/widget/tenants', `/v1/widget/users/${seedId('user', 'department-user')}`]) {
      const res = await get(app, path, casey);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(await res.text()).toBe(body);
    }
  });

  it('answers 503 when the cockpit’s success is not JSON', async () => {
    const { app } = bffRecording(
      () => new Response('<html>proxy error</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const res = await get(app, '/v1/widget/tenants', casey);
    await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('the connection to the cockpit', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server?.closeAllConnections();
  });

  it('keeps one connection open across requests instead of connecting for each', async () => {
    let connections = 0;
    const ports = new Set<number>();
    server = createServer((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items":[],"nextCursor":null,"total":0,"totalCapped":false}');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const app = createBffWithCockpit(keys, { baseUrl: `http://127.0.0.1:${port}` });
    for (let i = 0; i < 10; i++) {
      const res = await get(app, '/v1/widget/tenants', i % 2 === 0 ? casey : dana);
      expect(res.status).toBe(200);
      await res.text();
      // The agent takes the connection back once the response has ended, a turn after the body was read.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(connections).toBe(1);
    expect(ports.size).toBe(1);
  });
});
