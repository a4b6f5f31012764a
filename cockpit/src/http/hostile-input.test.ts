import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';

/**
 * Hostile input at the cockpit's own edge (it is reachable by any service holding a key, not only
 * the BFF): each class is a 400 naming the field, nothing is written, and every answer carries
 * the security headers.
 */
let harness: CockpitHarness;
let token: string;
const contoso = seededBusinessUnit('contoso');

beforeAll(async () => {
  harness = await createCockpitHarness();
  token = await harness.tokenFor(personaByKey('customer-admin'));
});
afterAll(async () => {
  await harness?.close();
});

/** Rows of every table the requests below could write. */
async function rows(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await harness.database.handle.db.execute(sql`select
      (select count(*) from business_units) + (select count(*) from users) + (select count(*) from data_sources)
      + (select count(*) from operation_requests) + (select count(*) from audit_events) as n`),
  );
  return Number(row?.n);
}

const send = (method: string, path: string, body: string | Uint8Array) =>
  harness.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });

describe('hostile bodies are refused by the cockpit, naming the field, writing nothing', () => {
  const unit = (name: string, extra = '') => `{"parentId":"${contoso.id}","name":${name}${extra}}`;
  it.each([
    ['a NUL', 'POST', '/v1/business-units', unit('"Au\\u0000dit"'), 'body.name'],
    ['a lone surrogate', 'POST', '/v1/business-units', unit('"Audit\\udfff"'), 'body.name'],
    ['__proto__', 'POST', '/v1/business-units', unit('"Audit"', ',"__proto__":{"kind":"x"}'), 'body.__proto__'],
    ['prototype', 'POST', '/v1/business-units', unit('"Audit"', ',"prototype":1'), 'body.prototype'],
    ['1e400', 'PUT', `/v1/business-units/${contoso.id}/brand`, '{"brand":{"radius":1e400}}', 'body.brand.radius'],
    ['deep nesting', 'POST', '/v1/operation-requests', `{"kind":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`, 'body'],
  ])('%s', async (_, method, path, body, field) => {
    const before = await rows();
    const res = await send(method, path, body);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.map((e) => e.field)).toContain(field);
    expect(await rows()).toBe(before);
  });

  it('invalid UTF-8 bytes: 400 naming the body, nothing stored with a replacement character', async () => {
    const before = await rows();
    const text = new TextEncoder().encode(unit('"Audit"'));
    const bytes = new Uint8Array([...text.subarray(0, -3), 0xed, 0xa0, 0x80, ...text.subarray(-3)]);
    const res = await send('POST', '/v1/business-units', bytes);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([{ field: 'body', message: 'Not valid UTF-8' }]);
    expect(await rows()).toBe(before);
  });

  it('a query with a NUL or a prototype key', async () => {
    for (const [query, field] of [
      ['q=a%00', 'query.q'],
      ['constructor=1', 'query.constructor'],
    ]) {
      const res = await harness.get(`/v1/tenants?${query}`, token);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors?.map((e) => e.field)).toContain(field);
    }
  });
});

describe('security headers on every cockpit answer', () => {
  it('success, 401, 404, 413 and the health and OpenAPI routes', async () => {
    const answers = [
      await harness.get('/v1/me', token),
      await harness.get('/v1/me', null),
      await harness.get('/v1/nowhere', token),
      await send('POST', '/v1/business-units', `{"name":"${'a'.repeat(1024 * 1024)}"}`),
      await harness.app.request('/healthz'),
      await harness.app.request('/openapi.json'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 413, 200, 200]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
