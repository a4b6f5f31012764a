import './admin-calls.js';
import './operation-calls.js';
import {
  assert,
  assertEqual,
  assertRejects,
  type FetchStub,
  json,
  problem,
  session,
  stubFetch,
  tenants,
} from '../../test/helpers.js';
import { BffClient, BffError } from './bff-client.js';

function client(tokens: string[] = ['t1', 't2', 't3']) {
  const calls = { get: 0, refresh: [] as string[] };
  let current = tokens[0] ?? '';
  let next = 1;
  const c = new BffClient({
    apiBase: 'http://bff.test/',
    getToken: async () => {
      calls.get++;
      return current;
    },
    refreshToken: async (rejected) => {
      calls.refresh.push(rejected);
      current = tokens[next++] ?? 'none';
      return current;
    },
  });
  return { c, calls };
}

describe('BffClient', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
  });
  afterEach(() => stub.restore());

  it('sends the bearer token to {apiBase}/v1/... and returns typed data', async () => {
    const { c } = client();
    const s = await c.getSession();
    assertEqual(s.user.displayName, session.user.displayName);
    const page = await c.listTenants();
    assertEqual(page.items.length, tenants.length);
    assertEqual(page.total, tenants.length);
    assertEqual(stub.requests[0]?.url, 'http://bff.test/v1/widget/session', 'no double slash');
    assertEqual(stub.requests[0]?.authorization, 'Bearer t1');
  });

  it('asks for one page of tenants with the sort, filters, search and cursor given, and returns it whole', async () => {
    const answer = { items: tenants.slice(0, 2), nextCursor: 'next-1', total: 12_000, totalCapped: true };
    stub.on('/v1/widget/tenants', () => json(answer));
    const { c } = client();
    const abort = new AbortController();
    const page = await c.listTenants(
      {
        businessUnitId: 'critical',
        sort: 'businessUnit',
        order: 'desc',
        status: 'down',
        q: 'prod & test',
        limit: 50,
        cursor: 'abc',
      },
      abort.signal,
    );
    assertEqual(JSON.stringify(page), JSON.stringify(answer));
    assertEqual(
      stub.requestsTo('/v1/widget/tenants').at(-1)?.query.toString(),
      'businessUnitId=critical&sort=businessUnit&order=desc&status=down&q=prod+%26+test&limit=50&cursor=abc',
    );
  });

  it('rejects a tenant page without its count', async () => {
    stub.on('/v1/widget/tenants', () => json({ items: [], nextCursor: null }));
    const { c } = client();
    await assertRejects(c.listTenants(), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.kind, 'invalid');
    });
  });

  it('parses application/problem+json into a BffError', async () => {
    stub.on('/v1/widget/tenants', () => problem(503, 'Cockpit unreachable', 'try later'));
    const { c } = client();
    await assertRejects(c.listTenants(), (error) => {
      assert(error instanceof BffError, 'BffError');
      assertEqual(error.kind, 'http');
      assertEqual(error.status, 503);
      assertEqual(error.title, 'Cockpit unreachable');
      assertEqual(error.detail, 'try later');
      assertEqual(error.retryable, true);
    });
  });

  it('falls back to the status text for non-problem errors', async () => {
    stub.on('/v1/widget/tenants', () => new Response('nope', { status: 500, statusText: 'Internal Server Error' }));
    const { c } = client();
    await assertRejects(c.listTenants(), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.status, 500);
      assertEqual(error.title, 'Internal Server Error');
      assertEqual(error.retryable, false);
    });
  });

  it('maps a rejected fetch to a network error with status 0', async () => {
    stub.on('/v1/widget/session', () => {
      throw new TypeError('Failed to fetch');
    });
    const { c } = client();
    await assertRejects(c.getSession(), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.kind, 'network');
      assertEqual(error.status, 0);
      assertEqual(error.retryable, true);
    });
  });

  it('rejects bodies of the wrong shape', async () => {
    stub.on('/v1/widget/tenants', () => json({ tenants: [] }));
    const { c } = client();
    await assertRejects(c.listTenants(), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.kind, 'invalid');
    });
  });

  it('on 401 refreshes the token once and retries once', async () => {
    stub.on('/v1/widget/session', () => problem(401, 'expired'), { once: true });
    const { c, calls } = client();
    const s = await c.getSession();
    assertEqual(s.user.id, session.user.id);
    assertEqual(calls.refresh.length, 1);
    assertEqual(calls.refresh[0], 't1', 'refresh is told which token was rejected');
    assertEqual(stub.requests.length, 2);
    assertEqual(stub.requests[1]?.authorization, 'Bearer t2');
  });

  it('a second 401 is an error, not a loop', async () => {
    stub.on('/v1/widget/session', () => problem(401, 'bad token'));
    const { c, calls } = client();
    await assertRejects(c.getSession(), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.status, 401);
      assertEqual(error.title, 'bad token');
    });
    assertEqual(calls.refresh.length, 1);
    assertEqual(stub.requests.length, 2);
  });

  it('passes the abort signal through', async () => {
    stub.hold();
    const { c } = client();
    const abort = new AbortController();
    const pending = c.getSession(abort.signal);
    abort.abort();
    stub.release();
    await assertRejects(pending, (error) => {
      assert(!(error instanceof BffError), 'an abort is not reported as a BFF error');
    });
  });

  it('sends changes as JSON with the right method, and reads 204 as done', async () => {
    let contentType: string | null = null;
    const stubbed = window.fetch;
    window.fetch = async (input, init) => {
      contentType = new Headers(init?.headers).get('content-type');
      return stubbed(input, init);
    };
    try {
      stub.on('/v1/widget/business-units', () => json({ id: 'n', parentId: 'p', name: 'N', kind: '', depth: 1 }, 201));
      const { c } = client();
      const created = await c.createBusinessUnit({ parentId: 'p', name: 'N' });
      assertEqual(created.id, 'n');
      assertEqual(contentType, 'application/json');
      const post = stub.requestsTo('/v1/widget/business-units')[0];
      assertEqual(post?.method, 'POST');
      assertEqual(JSON.stringify(post?.body), JSON.stringify({ parentId: 'p', name: 'N' }));

      stub.on('/v1/widget/business-units/n', () => new Response(null, { status: 204 }));
      await c.deleteBusinessUnit('n');
      assertEqual(stub.requestsTo('/v1/widget/business-units/n')[0]?.method, 'DELETE');

      stub.on('/v1/widget/business-units', () => json({ items: [], nextCursor: 'next' }));
      const level = await c.listBusinessUnitLevel('p', 'abc');
      assertEqual(level.nextCursor, 'next');
      assertEqual(stub.requestsTo('/v1/widget/business-units').at(-1)?.query.toString(), 'parentId=p&cursor=abc');
    } finally {
      window.fetch = stubbed;
    }
  });

  it('keeps the fields a problem names', async () => {
    stub.on(
      '/v1/widget/users',
      () =>
        new Response(
          JSON.stringify({
            type: 'https://scc.example/problems/conflict',
            title: 'Conflict',
            status: 409,
            detail: 'That e-mail is taken',
            errors: [{ field: 'body.email', message: 'Already in use' }, { field: 7 }],
          }),
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const { c } = client();
    await assertRejects(c.createUser({ email: 'a@b.example', displayName: 'A', businessUnitId: 'u' }), (error) => {
      assert(error instanceof BffError);
      assertEqual(error.status, 409);
      assertEqual(error.detail, 'That e-mail is taken');
      assertEqual(error.errors.length, 1, 'malformed entries dropped');
      assertEqual(error.fieldMessage('body.email'), 'Already in use');
      assertEqual(error.fieldMessage('body.name'), undefined);
    });
  });
});
