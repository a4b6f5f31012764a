import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, ProblemError, problem } from '@scc/contracts/problem';
import { describe, expect, test } from 'vitest';
import { createLogger, type LogEntry } from './log.js';
import { onError, onNotFound, validationHook } from './problem-handlers.js';
import { REQUEST_ID_HEADER, requestContext } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A small service with our conventions whose log entries land in `entries`. */
function service() {
  const entries: LogEntry[] = [];
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(requestContext(createLogger('probe', { sink: (entry) => entries.push(entry) })));
  app.get('/ok', (c) => c.json({ seen: c.var.requestId }));
  app.get('/conflict', () => {
    throw ProblemError.of('conflict', 'Already there');
  });
  app.get('/crash', () => {
    throw new Error('connection string postgres://secret@db');
  });
  // As a service passing another one's problem on: a plain Response with that answer's length.
  app.get('/passed-on', () => {
    const body = JSON.stringify(problem('notFound'));
    return new Response(body, {
      status: 404,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': String(body.length) },
    });
  });
  app.get('/not-json', () => new Response('gone', { status: 410, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/validated',
      request: { query: z.object({ limit: z.coerce.number().int().min(1) }) },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.body(null, 200),
  );
  const get = (path: string, id?: string) =>
    app.request(path, id === undefined ? {} : { headers: { [REQUEST_ID_HEADER]: id } });
  return { app, entries, get };
}

describe('request ids', () => {
  test('a request without one gets a fresh one: in the header, in a problem, on the log line', async () => {
    const { get, entries } = service();
    const res = await get('/nowhere?q=secret-search');
    const id = res.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(UUID);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ...problem('notFound'), correlationId: id });
    expect(entries).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'info',
        service: 'probe',
        msg: 'request',
        requestId: id,
        method: 'GET',
        path: '/nowhere',
        status: 404,
        ms: expect.any(Number),
      },
    ]);
    // The query stays out of the log: it may hold what a user searched for.
    expect(JSON.stringify(entries)).not.toContain('secret-search');
  });

  test.each([
    ['a UUID', '3f2c0a1e-8b1d-4c7e-9f00-2a6b5c4d3e21'],
    ['a tracing header with dots, colons and semicolons', 'Root=1-5759e988-bd862e3f;Sampled=1:a.b'],
    ['64 visible characters', `${'x'.repeat(63)}~`],
  ])('a valid id (%s) is kept: echoed, in problems, on the log line and for calls onwards', async (_name, id) => {
    const { get, entries } = service();
    const ok = await get('/ok', id);
    expect(ok.headers.get(REQUEST_ID_HEADER)).toBe(id);
    expect(await ok.json()).toEqual({ seen: id });
    const conflict = await get('/conflict', id);
    expect(conflict.headers.get(REQUEST_ID_HEADER)).toBe(id);
    expect(await conflict.json()).toMatchObject({ status: 409, correlationId: id });
    expect(entries.map((e) => e.requestId)).toEqual([id, id]);
  });

  test.each([
    ['65 characters', 'x'.repeat(65)],
    ['a control character', 'abc\u0007def'],
    ['a tab', 'abc\tdef'],
    ['a space', 'abc def'],
    ['a character beyond ASCII', 'abc\u00e9'],
    ['a forged log line', 'abc"}\u000b{"level":"error"'],
  ])('a hostile id (%s) is replaced by a fresh one everywhere', async (_name, hostile) => {
    const { get, entries } = service();
    const res = await get('/conflict', hostile);
    const id = res.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(UUID);
    expect(await res.json()).toMatchObject({ correlationId: id });
    expect(entries.map((e) => e.requestId)).toEqual([id]);
    expect(JSON.stringify(entries)).not.toContain(hostile);
  });

  test('every kind of problem answer carries it: invalid input, a crash, one passed on', async () => {
    const { get, entries } = service();
    const invalid = await get('/validated?limit=0', 'req-invalid');
    expect(await invalid.json()).toMatchObject({ status: 400, correlationId: 'req-invalid' });

    const crash = await get('/crash', 'req-crash');
    expect(crash.status).toBe(500);
    const crashBody = await crash.text();
    expect(JSON.parse(crashBody)).toEqual({ ...problem('internal'), correlationId: 'req-crash' });
    expect(crashBody).not.toContain('secret');
    // The cause is in the log, under the same id, for whoever is quoted the id.
    expect(entries.filter((e) => e.requestId === 'req-crash').map((e) => [e.level, e.msg])).toEqual([
      ['error', 'unhandled error'],
      ['warn', 'request'],
    ]);
    expect(entries.find((e) => e.msg === 'unhandled error')?.error).toMatch(/^Error: connection string/);

    const passedOn = await get('/passed-on', 'req-passed-on');
    const text = await passedOn.text();
    expect(JSON.parse(text)).toEqual({ ...problem('notFound'), correlationId: 'req-passed-on' });
    expect(passedOn.headers.get('content-length')).not.toBe(String(JSON.stringify(problem('notFound')).length));

    const notJson = await get('/not-json', 'req-not-json');
    expect(notJson.status).toBe(410);
    expect(await notJson.text()).toBe('gone');
    expect(notJson.headers.get(REQUEST_ID_HEADER)).toBe('req-not-json');
  });
});

describe('createLogger', () => {
  test('drops entries below its level and writes errors as one line with their causes', () => {
    const entries: LogEntry[] = [];
    const log = createLogger('probe', { level: 'warn', sink: (entry) => entries.push(entry) }).child({ job: 'sync' });
    log.info('quiet');
    log.error('failed', { error: new Error('outer', { cause: new Error('inner\nsecond line') }) });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'error', service: 'probe', msg: 'failed', job: 'sync' });
    expect(entries[0]?.error).toMatch(/^Error: outer; caused by Error: inner second line \(at /);
  });
});
