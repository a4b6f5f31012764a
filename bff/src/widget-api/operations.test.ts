import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffHarness, createBffHarness, expectProblem } from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { createBffApp } from '../app.js';

const casey = personaByKey('customer-admin');
const dana = personaByKey('department-user');
const contoso = seededBusinessUnit('contoso');
const stores = seededBusinessUnit('contoso/south/stores');
const finance = seededBusinessUnit('contoso/north/finance');
const baas = seedId('product', 'BAAS');
const storesProductive = seedId('tenant', 'contoso-stores-backup');

let h: BffHarness;
let token: string;
beforeAll(async () => {
  h = await createBffHarness();
  token = await h.openSession(h.resellerHost, casey.email, contoso.id);
});
afterAll(async () => {
  await h?.close();
});

const call = (path: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
  const { json, as = token, ...rest } = init;
  return h.app.request(`/v1/widget${path}`, {
    ...rest,
    headers: {
      authorization: `Bearer ${as}`,
      origin: h.resellerHost.origin,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(rest.headers as Record<string, string> | undefined),
    },
    ...(json === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(json) }),
  });
};

const testOrder = (unit = stores.id) => ({ kind: 'order', businessUnitId: unit, productId: baas, type: 'test' });

/** Reads SSE events from a response until `until` accepts what was read. */
async function readEvents(res: Response, until: (events: { id: string; event: string; data: unknown }[]) => boolean) {
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  const events: { id: string; event: string; data: unknown }[] = [];
  let buffer = '';
  while (!until(events)) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((line) => line && !line.startsWith(':'))
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
      );
      if (fields.data)
        events.push({ id: fields.id ?? '', event: fields.event ?? 'message', data: JSON.parse(fields.data) });
    }
  }
  await reader.cancel();
  return events;
}

describe('widget operations through the BFF', () => {
  it('lists the products the caller can order with their tenant types', async () => {
    const res = await call('/products');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; name: string; tenantTypes: string[] }[] };
    const product = items.find((p) => p.id === baas);
    expect(product).toEqual({ id: baas, name: 'Backup as a Service', tenantTypes: expect.arrayContaining(['test']) });
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'tenantTypes']);
  });

  it('dry-runs a draft: proposals and validations, nothing created', async () => {
    const before = (await (await call('/operation-requests?state=open')).json()) as { items: unknown[] };
    const res = await call('/operation-requests/dry-run', { json: testOrder() });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      allowed: boolean;
      validations: { rule: string; passed: boolean }[];
      determinations: Record<string, { value: unknown }>;
    };
    expect(body.allowed).toBe(true);
    expect(body.determinations.applicationDataSourceTenantId?.value).toBe(storesProductive);
    expect(body.determinations.solutionProfileSourceTenantId?.value).toBe(storesProductive);
    expect(body.validations.length).toBeGreaterThan(0);
    const after = (await (await call('/operation-requests?state=open')).json()) as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });

  it('names the bad field of a malformed draft', async () => {
    const res = await call('/operation-requests/dry-run', { json: { ...testOrder(), productId: 'nope' } });
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toEqual(['body.productId']);
  });

  it('submits once per idempotency key, lists the open request and cancels it', async () => {
    const key = crypto.randomUUID();
    const first = await call('/operation-requests', { json: testOrder(), headers: { 'idempotency-key': key } });
    expect(first.status, await first.clone().text()).toBe(202);
    const request = (await first.json()) as { id: string; state: string; kind: string };
    expect(request.kind).toBe('order');
    const retries = await Promise.all(
      [1, 2, 3].map(() => call('/operation-requests', { json: testOrder(), headers: { 'idempotency-key': key } })),
    );
    for (const retry of retries) {
      expect([200, 202]).toContain(retry.status);
      expect(((await retry.json()) as { id: string }).id).toBe(request.id);
    }

    const open = (await (await call('/operation-requests')).json()) as { items: { id: string }[] };
    expect(open.items.filter((r) => r.id === request.id)).toHaveLength(1);

    const cancelled = await call(`/operation-requests/${request.id}/cancel`, { method: 'POST' });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    expect(((await cancelled.json()) as { state: string }).state).toBe('cancelled');
    await expectProblem(await call(`/operation-requests/${request.id}/cancel`, { method: 'POST' }), 409);
    const openAfter = (await (await call('/operation-requests')).json()) as { items: { id: string }[] };
    expect(openAfter.items.map((r) => r.id)).not.toContain(request.id);
  });

  it('passes a rejection on with each failed rule named', async () => {
    const res = await call('/operation-requests', {
      json: { kind: 'order', businessUnitId: stores.id, productId: baas, type: 'productive' },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    const body = (await expectProblem(res, 422)) as unknown as {
      requestId: string;
      errors: { rule: string; field: string }[];
    };
    expect(body.errors.map((e) => e.rule)).toContain('max-live-productive');
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps other subtrees out: a tenant of another customer is not found', async () => {
    const danaToken = await h.openSession(h.resellerHost, dana.email, finance.id);
    const res = await call('/operation-requests', {
      as: danaToken,
      json: { kind: 'decommission', tenantId: storesProductive },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect([404, 422]).toContain(res.status);
    if (res.status === 422) {
      const body = (await res.json()) as { errors: { rule: string }[] };
      expect(body.errors.map((e) => e.rule)).toContain('source-in-scope');
    }
  });

  it('streams the caller’s events and replays what came after Last-Event-ID', async () => {
    const stream = await call('/events', { headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('access-control-allow-origin')).toBe(h.resellerHost.origin);
    const submitted = call('/operation-requests', {
      json: testOrder(),
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    const events = await readEvents(stream, (seen) => seen.some((e) => e.event === 'operation-request'));
    const { id } = (await (await submitted).json()) as { id: string };
    const event = events.find((e) => e.event === 'operation-request');
    expect(event?.data).toMatchObject({ id });
    expect(Number(event?.id)).toBeGreaterThan(0);

    const resumed = await call('/events', { headers: { 'last-event-id': String(Number(event?.id) - 1) } });
    const replayed = await readEvents(resumed, (seen) => seen.some((e) => e.id === event?.id));
    expect(replayed.map((e) => e.id)).toContain(event?.id);
  });

  it('refuses the stream to other origins and without a token', async () => {
    await expectProblem(await call('/events', { headers: { origin: 'https://evil.example' } }), 403);
    await expectProblem(await h.app.request('/v1/widget/events'), 401);
  });

  it('lets the browser send Idempotency-Key and Last-Event-ID cross-origin', async () => {
    const res = await h.app.request('/v1/widget/operation-requests', {
      method: 'OPTIONS',
      headers: {
        origin: h.resellerHost.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key,last-event-id',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(h.resellerHost.origin);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'last-event-id']),
    );
  });
});

describe('the event stream proxy', () => {
  it('passes Last-Event-ID and a service token on, and closes the cockpit stream when the widget goes away', async () => {
    let cancelled = false;
    let seen: Headers | undefined;
    const app = createBffApp({
      hosts: h.registry,
      tokens: h.tokens,
      cockpit: {
        ...h.cockpit,
        fetch: async (input, init) => {
          seen = new Headers(init?.headers);
          expect(String(input)).toMatch(/\/v1\/operation-requests\/stream$/);
          const body = new ReadableStream<Uint8Array>({
            start: (controller) => controller.enqueue(new TextEncoder().encode('id: 8\nevent: tenant\ndata: {}\n\n')),
            cancel: () => {
              cancelled = true;
            },
          });
          return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
        },
      },
    });
    const res = await app.request('/v1/widget/events', {
      headers: { authorization: `Bearer ${token}`, 'last-event-id': '7' },
    });
    expect(res.status).toBe(200);
    const events = await readEvents(res, (e) => e.length > 0);
    expect(events).toEqual([{ id: '8', event: 'tenant', data: {} }]);
    expect(seen?.get('last-event-id')).toBe('7');
    expect(seen?.get('authorization')).toMatch(/^Bearer ey/);
    expect(cancelled).toBe(true);
  });

  it('ends the widget’s stream cleanly when the cockpit connection drops, so the widget reconnects', async () => {
    const app = createBffApp({
      hosts: h.registry,
      tokens: h.tokens,
      cockpit: {
        ...h.cockpit,
        fetch: async () => {
          let pulls = 0;
          const body = new ReadableStream<Uint8Array>({
            pull: (controller) => {
              if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('id: 9\nevent: tenant\ndata: {}\n\n'));
              else controller.error(new Error('aborted'));
            },
          });
          return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
        },
      },
    });
    const res = await app.request('/v1/widget/events', { headers: { authorization: `Bearer ${token}` } });
    // readEvents stops at the end of the stream; an error would reject instead.
    await expect(readEvents(res, () => false)).resolves.toEqual([{ id: '9', event: 'tenant', data: {} }]);
  });

  it('ends the stream when the widget token expires', async () => {
    let upstreamSignal: AbortSignal | undefined;
    const app = createBffApp({
      hosts: h.registry,
      tokens: {
        ...h.tokens,
        verify: async (t) => ({ ...(await h.tokens.verify(t)), expiresAt: new Date(Date.now() + 200) }),
      },
      cockpit: {
        ...h.cockpit,
        fetch: async (_input, init) => {
          upstreamSignal = init?.signal ?? undefined;
          const body = new ReadableStream<Uint8Array>({
            start: (controller) => {
              controller.enqueue(new TextEncoder().encode(': connected\n\n'));
              upstreamSignal?.addEventListener('abort', () => controller.error(upstreamSignal?.reason));
            },
          });
          return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
        },
      },
    });
    const res = await app.request('/v1/widget/events', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await expect(readEvents(res, () => false)).resolves.toEqual([]);
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('turns an unreachable cockpit into a 503 the widget retries', async () => {
    const app = createBffApp({
      hosts: h.registry,
      tokens: h.tokens,
      cockpit: { ...h.cockpit, fetch: async () => Promise.reject(new TypeError('fetch failed')) },
    });
    const res = await app.request('/v1/widget/events', { headers: { authorization: `Bearer ${token}` } });
    await expectProblem(res, 503);
  });
});
