import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawGet } from '../../test/support/raw-http.js';
import { answerClientErrors } from './client-errors.js';

const server = createServer((_, res) => res.end('ok'));
let port = 0;

beforeAll(async () => {
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) => rawGet(`http://127.0.0.1:${port}${path}`, headers);

describe("answers to requests Node's parser refuses", () => {
  test('header fields over the limit: 431 problem+json with nosniff, not a bare status line', async () => {
    const res = await get('/', { 'x-big': 'a'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, errors: [{ field: 'headers' }] });
  });

  test('a URL over the limit: the same', async () => {
    const res = await get(`/?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
  });

  test('a request within the limits is served (control)', async () => {
    expect((await get('/')).body).toBe('ok');
  });
});
