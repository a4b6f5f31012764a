import { randomUUID } from 'node:crypto';
import {
  type BffApp,
  createBffApp,
  generateSigningKey,
  HostRegistry,
  hashApiKey,
  newApiKey,
  widgetTokenIssuer,
} from '@scc/bff';
import { createLogger, type LogEntry } from '@scc/service-kit/log';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../support/seed-model.js';

/**
 * One request id across both services: the BFF takes the caller's (or makes one), sends it with
 * every cockpit call, and both log it and name it in their problems. Log entries are collected
 * in memory, so nothing here depends on output timing.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const casey = personaByKey('customer-admin');
const contoso = seededBusinessUnit('contoso');

let cockpit: CockpitHarness;
let bff: BffApp;
let apiKey: string;
const bffLog: LogEntry[] = [];
const cockpitLog: LogEntry[] = [];

beforeAll(async () => {
  cockpit = await createCockpitHarness({ log: createLogger('cockpit', { sink: (e) => cockpitLog.push(e) }) });
  apiKey = newApiKey('portal');
  const host = {
    id: 'portal',
    name: 'Portal',
    apiKeyHash: hashApiKey(apiKey),
    homeBusinessUnitId: seededBusinessUnit('msp').id,
    allowedOrigins: ['https://portal.example'],
  };
  bff = createBffApp({
    hosts: new HostRegistry([host]),
    tokens: widgetTokenIssuer({ publicUrl: 'https://bff.test', signingKey: await generateSigningKey('widget-1') }),
    cockpit: {
      baseUrl: 'http://cockpit.internal',
      serviceKey: { ...cockpit.keys.signingKey, publicJwk: cockpit.keys.publicJwk },
      fetch: async (input, init) => cockpit.app.request(input, init),
    },
    log: createLogger('bff', { sink: (e) => bffLog.push(e) }),
  });
});
afterAll(async () => {
  await cockpit?.close();
});
beforeEach(() => {
  bffLog.length = 0;
  cockpitLog.length = 0;
});

const openSession = (headers: Record<string, string> = {}) =>
  bff.request('/v1/embed-sessions', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ user: { email: casey.email }, businessUnitId: contoso.id }),
  });

async function widgetToken(): Promise<string> {
  const res = await openSession();
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const idsOf = (entries: LogEntry[]) => [...new Set(entries.map((e) => e.requestId))];

describe('request ids across the BFF and the cockpit', () => {
  test('a given id is echoed and is the id of every log line of the request, in both services', async () => {
    const res = await openSession({ 'x-request-id': 'portal.req:42' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('portal.req:42');
    expect(bffLog).toEqual([
      expect.objectContaining({
        service: 'bff',
        requestId: 'portal.req:42',
        method: 'POST',
        path: '/v1/embed-sessions',
        status: 201,
      }),
    ]);
    // The BFF asked the cockpit to open the user's embed session, under the same id.
    expect(cockpitLog).toEqual([
      expect.objectContaining({
        service: 'cockpit',
        requestId: 'portal.req:42',
        path: '/v1/embed-sessions',
        status: 201,
      }),
    ]);
  });

  test('a cockpit problem passed on by the BFF names the id, and the cockpit logged it under that id', async () => {
    const token = await widgetToken();
    bffLog.length = 0;
    cockpitLog.length = 0;
    const res = await bff.request(`/v1/widget/business-units/${randomUUID()}`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'widget-7' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('widget-7');
    expect(await res.json()).toMatchObject({ status: 404, correlationId: 'widget-7' });
    expect(cockpitLog).toEqual([expect.objectContaining({ requestId: 'widget-7', status: 404 })]);
    expect(idsOf(bffLog)).toEqual(['widget-7']);
  });

  test('without an id the BFF makes one, answers with it and hands it to the cockpit', async () => {
    const res = await openSession();
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(idsOf(bffLog)).toEqual([id]);
    expect(idsOf(cockpitLog)).toEqual([id]);
  });

  test.each([
    ['too long', 'x'.repeat(65)],
    ['with a control character', 'abc\u0001def'],
    ['with a space', 'abc def'],
  ])('an id %s is replaced before it reaches a log or the cockpit', async (_name, hostile) => {
    const res = await openSession({ 'x-request-id': hostile });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(idsOf(bffLog)).toEqual([id]);
    expect(idsOf(cockpitLog)).toEqual([id]);
  });

  test('a problem of the BFF itself names the id too', async () => {
    const res = await bff.request('/v1/widget/tenants', { headers: { 'x-request-id': 'no-token-1' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, correlationId: 'no-token-1' });
    expect(cockpitLog).toEqual([]);
  });
});
