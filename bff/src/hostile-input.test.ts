import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BffKeys,
  createBffKeys,
  embedSessionInit,
  expectProblem,
  issueWidgetToken,
  PUBLIC_URL,
} from '../../test/support/bff-harness.js';
import { seededBusinessUnit } from '../../test/support/seed-model.js';
import { createBffApp } from './app.js';

/**
 * Hostile input at the BFF's edge: each class is a 400 naming the field, answered by the BFF
 * itself (the cockpit never hears of it), with the security headers every answer carries.
 */
const contoso = seededBusinessUnit('contoso');
const id = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

let keys: BffKeys;
let token: string;
let dir: string;
let bundle: string;
const cockpitCalls: string[] = [];

beforeAll(async () => {
  keys = await createBffKeys();
  token = await issueWidgetToken(keys);
  dir = await mkdtemp(join(tmpdir(), 'scc-hostile-'));
  bundle = join(dir, 'bundle.js');
  await writeFile(bundle, 'export {};\n');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const bff = (hsts?: 'auto' | 'always' | 'off') =>
  createBffApp({
    hosts: keys.registry,
    tokens: keys.tokens,
    cockpit: {
      baseUrl: 'http://cockpit.internal',
      serviceKey: keys.serviceKey,
      fetch: async (input) => {
        cockpitCalls.push(String(input instanceof Request ? input.url : input));
        throw new Error('the BFF called the cockpit with input it should have refused');
      },
    },
    widgetBundlePath: bundle,
    ...(hsts ? { hsts } : {}),
  });

function send(path: string, body: string | Uint8Array, method = 'POST') {
  return bff().request(`/v1/widget${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
}

async function refusedFields(res: Response) {
  const problem = await expectProblem(res, 400);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  return problem.errors ?? [];
}

const unit = (name: string) => `{"parentId":"${contoso.id}","name":${name}}`;

describe('hostile bodies are refused by the BFF, naming the field, before any cockpit call', () => {
  it.each([
    ['a NUL', '/business-units', unit('"Au\\u0000dit"'), 'body.name', /NUL/],
    ['a lone surrogate', '/business-units', unit('"Audit\\ud800"'), 'body.name', /surrogate/],
    [
      '__proto__',
      '/business-units',
      `{"parentId":"${contoso.id}","name":"Audit","__proto__":{"a":1}}`,
      'body.__proto__',
      /Unknown field/,
    ],
    [
      'constructor',
      `/data-sources/${id}`,
      '{"attributes":{"constructor":"x"}}',
      'body.attributes.constructor',
      /Unknown field/,
    ],
    ['1e400 in a brand', `/business-units/${id}/brand`, '{"brand":{"radius":1e400}}', 'body.brand.radius', /finite/],
    [
      'deep nesting',
      `/business-units/${id}/move`,
      `{"newParentId":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      'body',
      /deeper/,
    ],
  ])('%s', async (_, path, body, field, message) => {
    const method = path.endsWith('/brand') ? 'PUT' : path.startsWith('/data-sources') ? 'PATCH' : 'POST';
    expect(await refusedFields(await send(path, body, method))).toContainEqual({
      field,
      message: expect.stringMatching(message),
    });
    expect(cockpitCalls).toEqual([]);
  });

  it('invalid UTF-8 bytes in the raw body: 400 naming the body, not a U+FFFD stored', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(unit('"Au')).slice(0, -2), 0xc3, 0x28, 0x22, 0x7d]);
    expect(await refusedFields(await send('/business-units', bytes))).toEqual([
      { field: 'body', message: 'Not valid UTF-8' },
    ]);
    expect(cockpitCalls).toEqual([]);
  });

  it('the embed-session body of a host backend too', async () => {
    const res = await bff().request(
      '/v1/embed-sessions',
      embedSessionInit(
        keys.mspHost.apiKey,
        `{"user":{"email":"a@b.example"},"businessUnitId":"${contoso.id}","__proto__":{}}`,
      ),
    );
    expect(await refusedFields(res)).toContainEqual({ field: 'body.__proto__', message: 'Unknown field' });
  });

  it('queries and paths with NUL or broken encodings', async () => {
    const get = (path: string) => bff().request(`/v1/widget${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await refusedFields(await get('/users?q=a%00'))).toContainEqual({
      field: 'query.q',
      message: expect.any(String),
    });
    expect(await refusedFields(await get('/tenants?__proto__=1'))).toContainEqual({
      field: 'query.__proto__',
      message: 'Unknown field',
    });
    expect(await refusedFields(await get('/business-units/%ED%A0%80'))).toContainEqual({
      field: 'path',
      message: expect.stringMatching(/UTF-8/),
    });
    expect(cockpitCalls).toEqual([]);
  });
});

describe('security headers on every BFF answer', () => {
  const API_CSP = "default-src 'none'; frame-ancestors 'none'";

  it('JWKS, widget bundle, OpenAPI, 401, 404 and 413 all carry nosniff; API answers the CSP', async () => {
    const app = bff();
    const answers = {
      jwks: await app.request('/.well-known/jwks.json'),
      bundle: await app.request('/widget/service-control-center.js'),
      openapi: await app.request('/openapi.json'),
      unauthorized: await app.request('/v1/widget/session'),
      notFound: await app.request('/v1/nowhere'),
      tooLarge: await send('/business-units', unit(`"${'a'.repeat(70 * 1024)}"`)),
    };
    expect(Object.values(answers).map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 413]);
    for (const [name, res] of Object.entries(answers)) {
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), name).toBe(API_CSP);
    }
    // Routes that may be cached say so themselves.
    expect(answers.jwks.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answers.unauthorized.headers.get('cache-control')).toBe('no-store');
  });

  it('HSTS on answers to https requests (directly or behind a TLS proxy), never over plain http', async () => {
    const app = bff();
    expect(PUBLIC_URL).toMatch(/^https:/);
    expect((await app.request(`${PUBLIC_URL}/.well-known/jwks.json`)).headers.get('strict-transport-security')).toMatch(
      /^max-age=\d+; includeSubDomains$/,
    );
    const proxied = await app.request('http://bff.internal/v1/nowhere', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect((await app.request('http://bff.internal/healthz')).headers.get('strict-transport-security')).toBeNull();
    expect((await bff('off').request(`${PUBLIC_URL}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await bff('always').request('http://bff.internal/healthz')).headers.get('strict-transport-security'),
    ).toMatch(/^max-age=/);
  });
});
