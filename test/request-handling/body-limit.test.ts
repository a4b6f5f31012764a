import { createBffApp, generateSigningKey, HostRegistry, widgetTokenIssuer } from '@scc/bff';
import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readEnv as readBffEnv } from '../../bff/src/env.js';
import { readEnv as readCockpitEnv } from '../../cockpit/src/env.js';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import { personaByKey } from '../support/seed-model.js';

const KiB = 1024;
const ORIGIN = 'https://portal.example';

/**
 * A JSON body of exactly `bytes` bytes (`prefix` padded with spaces), sent with a content-length
 * (`sized`) or as a stream without one, the way a chunked upload arrives.
 */
function body(bytes: number, how: 'sized' | 'streamed', prefix = '{}'): RequestInit {
  const text = prefix.padEnd(bytes, ' ');
  if (how === 'sized') return { method: 'POST', body: text, headers: { 'content-type': 'application/json' } };
  const encoded = new TextEncoder().encode(text);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= encoded.length) return controller.close();
      controller.enqueue(encoded.subarray(sent, sent + 16 * KiB));
      sent += 16 * KiB;
    },
  });
  // `duplex` is what fetch requires of a streamed request body; the DOM typings lack it.
  return {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': 'application/json' },
  } as RequestInit;
}

async function expectTooLarge(res: Response, maxBytes: number) {
  expect(res.status).toBe(413);
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  expect(await res.json()).toMatchObject({
    status: 413,
    title: 'Payload too large',
    errors: [{ field: 'body', message: `At most ${maxBytes} bytes` }],
    correlationId: res.headers.get('x-request-id'),
  });
}

describe('BFF: request bodies up to 64 KiB', () => {
  const limit = 64 * KiB;
  const bff = async (maxBodyBytes?: number) =>
    createBffApp({
      hosts: new HostRegistry([
        {
          id: 'portal',
          name: 'Portal',
          apiKeyHash: '0'.repeat(64),
          homeBusinessUnitId: crypto.randomUUID(),
          allowedOrigins: [ORIGIN],
        },
      ]),
      tokens: widgetTokenIssuer({ publicUrl: 'https://bff.test', signingKey: await generateSigningKey('widget-1') }),
      // Never reached: every request here ends before a cockpit call.
      cockpit: { baseUrl: 'http://cockpit.invalid', serviceKey: await generateSigningKey('service-1') },
      ...(maxBodyBytes ? { maxBodyBytes } : {}),
    });

  test.each(['sized', 'streamed'] as const)('one byte more is refused with 413 naming body (%s)', async (how) => {
    const app = await bff();
    await expectTooLarge(await app.request('/v1/embed-sessions', body(limit + 1, how)), limit);
    // Widget routes refuse it before authentication, with CORS headers so the widget can read why.
    const widget = await app.request('/v1/widget/business-units', {
      ...body(limit + 1, how),
      headers: { 'content-type': 'application/json', origin: ORIGIN },
    });
    expect(widget.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    await expectTooLarge(widget, limit);
  });

  test.each(['sized', 'streamed'] as const)('a body of exactly the limit reaches the route (%s)', async (how) => {
    const app = await bff();
    // The route reads it and refuses the unknown key: a 401, not a 413.
    const res = await app.request('/v1/embed-sessions', {
      ...body(limit, how, JSON.stringify({ user: { email: 'a@b.example' }, businessUnitId: crypto.randomUUID() })),
      headers: { 'content-type': 'application/json', authorization: 'Bearer portal.unknown' },
    });
    expect(res.status).toBe(401);
  });

  test('the limit is the one configured', async () => {
    const app = await bff(2 * KiB);
    await expectTooLarge(await app.request('/v1/embed-sessions', body(2 * KiB + 1, 'streamed')), 2 * KiB);
    const required = { BFF_WIDGET_SIGNING_KEY: 'k', BFF_SERVICE_SIGNING_KEY: 'k', BFF_HOST_APPLICATIONS: '[]' };
    expect(readBffEnv(required).BFF_MAX_BODY_BYTES).toBe(limit);
    expect(readBffEnv({ ...required, BFF_MAX_BODY_BYTES: '2048' }).BFF_MAX_BODY_BYTES).toBe(2048);
  });
});

describe('cockpit: request bodies up to 1 MiB', () => {
  const limit = 1024 * KiB;
  let cockpit: CockpitHarness;
  let token: string;
  beforeAll(async () => {
    cockpit = await createCockpitHarness();
    token = await cockpit.tokenFor(personaByKey('customer-admin'));
  });
  afterAll(async () => {
    await cockpit?.close();
  });

  const post = (init: RequestInit) =>
    cockpit.app.request('/v1/operation-requests', {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });

  test.each(['sized', 'streamed'] as const)('one byte more is refused with 413 naming body (%s)', async (how) => {
    await expectTooLarge(await post(body(limit + 1, how)), limit);
  });

  test.each(['sized', 'streamed'] as const)('a body of exactly the limit reaches the route (%s)', async (how) => {
    // Read and validated: the empty draft is a 400 naming its missing fields.
    const res = await post(body(limit, how));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'body.kind' })]),
    });
  });

  test('the limit is configurable', () => {
    const required = { SCC_SERVICE_PUBLIC_KEYS: '{"keys":[]}' };
    expect(readCockpitEnv(required).COCKPIT_MAX_BODY_BYTES).toBe(limit);
    expect(readCockpitEnv({ ...required, COCKPIT_MAX_BODY_BYTES: '65536' }).COCKPIT_MAX_BODY_BYTES).toBe(65536);
  });
});
