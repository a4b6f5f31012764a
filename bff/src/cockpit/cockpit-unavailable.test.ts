import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BffKeys,
  createBffKeys,
  createBffWithCockpit,
  embedSessionInit,
  expectProblem,
  issueWidgetToken,
} from '../../../test/support/bff-harness.js';
import { seededBusinessUnit } from '../../../test/support/seed-model.js';
import type { BffApp } from '../app.js';
import type { CockpitConnection } from '../cockpit/cockpit-client.js';

const WIDGET_PATHS = [
  '/v1/widget/session',
  '/v1/widget/business-units',
  '/v1/widget/tenants',
  '/v1/widget/products',
  '/v1/widget/operation-requests',
  '/v1/widget/events',
];
const contoso = seededBusinessUnit('contoso');

let keys: BffKeys;
/** A token the BFF accepts on its own; only the cockpit behind it is broken. */
let token: string;

beforeAll(async () => {
  keys = await createBffKeys();
  token = await issueWidgetToken(keys);
});

const bffWith = (cockpit: Partial<CockpitConnection>) => createBffWithCockpit(keys, cockpit);

/** Every call that needs the cockpit: the widget reads, the event stream and opening an embed session. */
async function callsNeedingTheCockpit(app: BffApp): Promise<Response[]> {
  const responses: Response[] = [];
  for (const path of WIDGET_PATHS) {
    responses.push(await app.request(path, { headers: { authorization: `Bearer ${token}` } }));
  }
  responses.push(
    await app.request(
      '/v1/embed-sessions',
      embedSessionInit(keys.mspHost.apiKey, { user: { email: 'casey@contoso.example' }, businessUnitId: contoso.id }),
    ),
  );
  return responses;
}

async function expectUnavailable(res: Response) {
  const text = await res.clone().text();
  const body = await expectProblem(res, 503);
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  return { body, text };
}

describe('an unreachable cockpit', () => {
  it('answers 503 with retry-after when nothing listens at the cockpit URL', async () => {
    const app = bffWith({ baseUrl: 'http://127.0.0.1:1' });
    for (const res of await callsNeedingTheCockpit(app)) {
      const { text } = await expectUnavailable(res);
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed/i);
    }
  });

  it('answers 503 when the connection fails in any other way', async () => {
    const app = bffWith({
      fetch: async () => {
        throw new TypeError('getaddrinfo ENOTFOUND cockpit.internal');
      },
    });
    for (const res of await callsNeedingTheCockpit(app)) {
      const { text } = await expectUnavailable(res);
      expect(text).not.toContain('ENOTFOUND');
    }
  });
});

describe('a failing cockpit', () => {
  it('turns a 500 into a 503 without passing its body on', async () => {
    const calls: string[] = [];
    const app = bffWith({
      fetch: async (input) => {
        calls.push(String(input instanceof Request ? input.url : input));
        return new Response('boom', { status: 500 });
      },
    });
    for (const res of await callsNeedingTheCockpit(app)) {
      const { text } = await expectUnavailable(res);
      expect(text).not.toContain('boom');
    }
    // The failure really came from the cockpit: every call reached it.
    expect(calls.length).toBeGreaterThanOrEqual(4);
  });

  it('does not pass on a cockpit problem body of a 5xx either', async () => {
    const app = bffWith({
      fetch: async () =>
        new Response(
          JSON.stringify({ type: 'x', title: 'boom', status: 502, detail: 'stack trace: boom at db.query' }),
          { status: 502, headers: { 'content-type': 'application/problem+json' } },
        ),
    });
    for (const res of await callsNeedingTheCockpit(app)) {
      const { text } = await expectUnavailable(res);
      expect(text).not.toContain('boom');
    }
  });

  it('still refuses a bad widget token with 401 before calling the cockpit', async () => {
    let called = false;
    const app = bffWith({
      fetch: async () => {
        called = true;
        return new Response('boom', { status: 500 });
      },
    });
    const res = await app.request('/v1/widget/session', { headers: { authorization: 'Bearer nope' } });
    await expectProblem(res, 401);
    expect(called).toBe(false);
  });
});
