import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { encodeCursor } from '@scc/contracts/pagination';
import { fieldErrors, PROBLEM_CONTENT_TYPE, type Problem, ProblemError, problem } from '@scc/contracts/problem';
import { onError, onNotFound } from '@scc/service-kit/problem-handlers';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededTenants } from '../../../test/support/seed-model.js';

describe('problem()', () => {
  test('builds RFC 9457 bodies with stable kebab-case types and no empty members', () => {
    expect(problem('notFound')).toEqual({
      type: 'https://scc.example/problems/not-found',
      title: 'Not found',
      status: 404,
    });
    expect(problem('unsupportedMediaType').type).toBe('https://scc.example/problems/unsupported-media-type');
    expect(problem('validation', 'Invalid query.limit', [{ field: 'query.limit', message: 'Too small' }])).toEqual({
      type: 'https://scc.example/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'Invalid query.limit',
      errors: [{ field: 'query.limit', message: 'Too small' }],
    });
    expect(problem('validation', undefined, [])).not.toHaveProperty('errors');
    expect(problem('unauthorized')).not.toHaveProperty('detail');
  });

  test('fieldErrors names nested fields and each unknown key separately', () => {
    const schema = z.strictObject({ limit: z.number().min(1), filter: z.strictObject({ type: z.string() }) });
    const result = schema.safeParse({ limit: 0, filter: { type: 1, extra: true }, foo: 1, bar: 2 });
    if (result.success) throw new Error('expected a failure');
    expect(
      fieldErrors('query', result.error)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['query.bar', 'query.filter.extra', 'query.filter.type', 'query.foo', 'query.limit']);
  });
});

describe('onError / onNotFound', () => {
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);
  app.get('/problem', () => {
    throw ProblemError.of('conflict', 'Already decommissioned');
  });
  app.get('/http-400', () => {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  });
  app.get('/http-415', () => {
    throw new HTTPException(415);
  });
  app.get('/crash', () => {
    throw new Error('connection string postgres://secret@db');
  });

  const read = async (path: string) => {
    const response = await app.request(path);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    return { status: response.status, body: (await response.json()) as Problem };
  };

  test('a ProblemError is rendered as thrown', async () => {
    expect(await read('/problem')).toEqual({
      status: 409,
      body: {
        type: 'https://scc.example/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'Already decommissioned',
      },
    });
  });

  test('Hono’s own 400 becomes a validation problem naming the body', async () => {
    const { status, body } = await read('/http-400');
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'body', message: 'Malformed JSON in request body' }]);
  });

  test('other HTTP exceptions keep their status and kind', async () => {
    expect(await read('/http-415')).toEqual({ status: 415, body: problem('unsupportedMediaType') });
  });

  test('an unexpected error is a 500 that leaks nothing', async () => {
    // Without a request context, the error goes to stderr as one JSON line.
    const log = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { status, body } = await read('/crash');
      expect(status).toBe(500);
      expect(body).toEqual(problem('internal'));
      expect(JSON.stringify(body)).not.toContain('secret');
      expect(log).toHaveBeenCalledOnce();
      expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({ level: 'error', msg: 'unhandled error' });
    } finally {
      log.mockRestore();
    }
  });

  test('an unknown route is a 404 problem', async () => {
    expect(await read('/nowhere')).toEqual({ status: 404, body: problem('notFound') });
  });
});

describe('bad input on the API: 400 problem+json naming the field', () => {
  let harness: CockpitHarness;
  let token: string;

  beforeAll(async () => {
    harness = await createCockpitHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const cases: [string, string[]][] = [
    ['/v1/business-units?limit=0', ['query.limit']],
    ['/v1/business-units?limit=-5', ['query.limit']],
    ['/v1/business-units?limit=1001', ['query.limit']],
    ['/v1/business-units?limit=abc', ['query.limit']],
    ['/v1/business-units?limit=1.5', ['query.limit']],
    ['/v1/business-units?parentId=not-a-uuid', ['query.parentId']],
    ['/v1/business-units?foo=1', ['query.foo']],
    ['/v1/business-units?limit=0&foo=1&parentId=x', ['query.foo', 'query.limit', 'query.parentId']],
    ['/v1/business-units?cursor=!!!', ['query.cursor']],
    ['/v1/business-units?cursor=%00', ['query.cursor']],
    [`/v1/business-units?cursor=${'A'.repeat(2001)}`, ['query.cursor']],
    ['/v1/business-units?cursor=_w', ['query.cursor']], // decodes to a byte that is no path
    [`/v1/business-units?cursor=${encodeCursor('a'.repeat(300))}`, ['query.cursor']], // label too long for ltree
    [
      `/v1/business-units?cursor=${encodeCursor(`a|${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)}`,
      ['query.cursor'],
    ],
    ['/v1/business-units/not-a-uuid', ['path.id']],
    ['/v1/tenants?limit=0', ['query.limit']],
    ['/v1/tenants?limit=abc', ['query.limit']],
    ['/v1/tenants?businessUnitId=42', ['query.businessUnitId']],
    ['/v1/tenants?type=', ['query.type']],
    [`/v1/tenants?type=${'x'.repeat(51)}`, ['query.type']],
    ['/v1/tenants?foo=1', ['query.foo']],
    ['/v1/tenants?cursor=!!!', ['query.cursor']],
    ['/v1/tenants?cursor=YQ', ['query.cursor']], // a business-unit cursor ("a") is not a tenant cursor
    [`/v1/tenants?cursor=${encodeCursor(`a|${seededTenants()[0]?.id}`)}`, ['query.cursor']], // nor a path one
    [`/v1/tenants?cursor=${encodeCursor(`a|${'-'.repeat(36)}`)}`, ['query.cursor']], // not a uuid
    [`/v1/tenants?cursor=${encodeCursor(`${'a'.repeat(300)}|${randomUUID()}`)}`, ['query.cursor']],
    ['/v1/tenants/not-a-uuid', ['path.id']],
  ];

  test.each(cases)('%s', async (path, fields) => {
    token ??= await harness.tokenFor(personaByKey('msp-operator'));
    const response = await harness.get(path, token);
    expect(response.status).toBe(400);
    const body = await problemOf(response);
    expect(body).toMatchObject({
      type: 'https://scc.example/problems/validation',
      title: 'Invalid request',
      status: 400,
    });
    expect(body.errors?.map((e) => e.field).sort()).toEqual(fields);
    for (const error of body.errors ?? []) expect(error.message).not.toBe('');
  });

  test('a tenant cursor is accepted by /v1/tenants (control for the cases above)', async () => {
    token ??= await harness.tokenFor(personaByKey('msp-operator'));
    const { nextCursor } = (await (await harness.get('/v1/tenants?limit=1', token)).json()) as { nextCursor: string };
    expect((await harness.get(`/v1/tenants?cursor=${nextCursor}`, token)).status).toBe(200);
  });

  test('validation happens after authentication: bad input without a token is a 401', async () => {
    expect((await harness.get('/v1/business-units?limit=0', null)).status).toBe(401);
  });
});
