import { createRoute, z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { describe, expect, test } from 'vitest';
import { securityHeaders } from './api-headers.js';
import { limitBody } from './body-limit.js';
import { refuseHostileBodies, refuseHostileUrls } from './hostile-input.js';
import { createRouter } from './openapi.js';
import { onError, onNotFound } from './problem-handlers.js';

/** A service with our edge in front of one route that records what reached it. */
function service() {
  const reached: unknown[] = [];
  const app = createRouter();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(securityHeaders());
  app.use(refuseHostileUrls());
  app.use('/v1/*', limitBody(64 * 1024));
  app.use('/v1/*', refuseHostileBodies());
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/things',
      request: {
        query: z.strictObject({ q: z.string().optional() }),
        body: {
          required: true,
          content: { 'application/json': { schema: z.strictObject({ name: z.string(), data: z.unknown() }) } },
        },
      },
      responses: { 201: { description: 'made' } },
    }),
    (c) => {
      reached.push(c.req.valid('json'));
      return c.body(null, 201);
    },
  );
  const post = (body: string | Uint8Array, query = '') =>
    app.request(`/v1/things${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { app, post, reached };
}

async function fields(res: Response): Promise<{ field: string; message: string }[]> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  return ((await res.json()) as { errors: { field: string; message: string }[] }).errors;
}

const nested = (depth: number) => `{"name":"a","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('hostile JSON bodies are refused at the edge, naming the field, and never reach the route', () => {
  test('a well-formed body passes (control)', async () => {
    const { post, reached } = service();
    expect((await post(JSON.stringify({ name: 'Ünïcødé 😀', data: [1, 'a\nb'] }))).status).toBe(201);
    expect(reached).toEqual([{ name: 'Ünïcødé 😀', data: [1, 'a\nb'] }]);
  });

  test.each([
    ['NUL (escaped)', '{"name":"a\\u0000b"}', 'body.name', /NUL/],
    ['a lone high surrogate', '{"name":"a\\ud800"}', 'body.name', /surrogate/],
    ['a lone low surrogate deep inside', '{"name":"a","data":{"list":[1,"\\udc00"]}}', 'body.data.list.1', /surrogate/],
    ['__proto__', '{"name":"a","__proto__":{"admin":true}}', 'body.__proto__', /Unknown field/],
    ['constructor', '{"name":"a","data":{"constructor":{"prototype":1}}}', 'body.data.constructor', /Unknown/],
    ['prototype', '{"name":"a","data":[{"prototype":1}]}', 'body.data.0.prototype', /Unknown field/],
    ['1e400', '{"name":"a","data":1e400}', 'body.data', /finite/],
    ['-1e400', '{"name":"a","data":[-1e400]}', 'body.data.0', /finite/],
    ['a NUL in a key', '{"name":"a","data":{"x\\u0000":1}}', 'body.data', /key contains a NUL/],
    ['too deep', nested(40), 'body', /deeper than 32/],
    ['not JSON', '{"name":', 'body', /Not valid JSON/],
  ])('%s', async (_, body, field, message) => {
    const { post, reached } = service();
    const errors = await fields(await post(body));
    expect(errors).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(reached).toEqual([]);
  });

  test('nesting of exactly the limit passes; a depth of 30 000 answers 400 at once, not 5xx', async () => {
    const { post } = service();
    expect((await post(nested(31))).status).toBe(201);
    expect(await fields(await post(`{"name":"a","data":${'['.repeat(30_000)}`))).toEqual([
      { field: 'body', message: 'Nested deeper than 32 levels' },
    ]);
  });

  test('brackets inside strings do not count as nesting', async () => {
    const { post } = service();
    expect((await post(JSON.stringify({ name: '[{'.repeat(100), data: '\\"[[[[' }))).status).toBe(201);
  });

  test('invalid UTF-8 bytes are refused instead of becoming U+FFFD', async () => {
    const { post, reached } = service();
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"a'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ]);
    expect(await fields(await post(bytes))).toEqual([{ field: 'body', message: 'Not valid UTF-8' }]);
    // An encoded surrogate half (CESU-8) is invalid UTF-8 too.
    expect(await fields(await post(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])))).toEqual([
      { field: 'body', message: 'Not valid UTF-8' },
    ]);
    expect(reached).toEqual([]);
  });
});

describe('queries and paths', () => {
  test.each([
    ['?q=a%00b', 'query.q', /NUL/],
    ['?q=%ED%A0%80', 'query.q', /UTF-8/],
    ['?q=%FF', 'query.q', /UTF-8/],
    ['?__proto__=x', 'query.__proto__', /Unknown field/],
    ['?constructor=x', 'query.constructor', /Unknown field/],
  ])('%s names %s', async (query, field, message) => {
    const { post, reached } = service();
    expect(await fields(await post('{"name":"a"}', query))).toContainEqual({
      field,
      message: expect.stringMatching(message),
    });
    expect(reached).toEqual([]);
  });

  test('a NUL or invalid UTF-8 in the path is refused', async () => {
    const { app } = service();
    for (const path of ['/v1/things%00', '/v1/%C0%AF']) {
      expect(await fields(await app.request(path))).toEqual([{ field: 'path', message: expect.any(String) }]);
    }
  });

  test('a URL over 8 KiB answers 414 problem+json', async () => {
    const { post } = service();
    const res = await post('{"name":"a"}', `?q=${'a'.repeat(9000)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'url' }] });
  });
});

describe('security headers on every answer', () => {
  test('success, 404 and 413 all carry nosniff, the API CSP and no-store; HSTS only over https', async () => {
    const { app, post } = service();
    const answers = [
      await post('{"name":"a","data":null}'),
      await app.request('/nowhere'),
      await post(`{"name":"${'a'.repeat(70 * 1024)}"}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 404, 413]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const viaProxy = await app.request('/nowhere', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect((await app.request('https://api.example/nowhere')).headers.get('strict-transport-security')).toMatch(
      /^max-age=/,
    );
  });

  test('hsts: off never sends it, always always does', async () => {
    for (const [hsts, expected] of [
      ['off', null],
      ['always', expect.stringMatching(/^max-age=/)],
    ] as const) {
      const app = createRouter();
      app.use(securityHeaders({ hsts }));
      app.get('/x', (c) => c.text('x'));
      const url = hsts === 'off' ? 'https://api.example/x' : 'http://api.example/x';
      expect((await app.request(url)).headers.get('strict-transport-security')).toEqual(expected);
    }
  });
});
