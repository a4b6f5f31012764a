import { LitElement } from 'lit';
import {
  assert,
  assertEqual,
  assertRejects,
  cleanup,
  makeToken,
  mount,
  sleep,
  tokenSource,
  waitFor,
} from '../../test/helpers.js';
import { MissingFetchTokenError, SessionTokenController } from './session-token-controller.js';

class TokenHost extends LitElement {
  fetchToken: (() => Promise<string>) | undefined;
  refreshErrors: unknown[] = [];
  readonly tokens = new SessionTokenController(this, {
    fetchToken: () => this.fetchToken,
    onRefreshError: (error) => this.refreshErrors.push(error),
  });
}
customElements.define('test-token-host', TokenHost);

function host(fetchToken?: () => Promise<string>): TokenHost {
  const el = document.createElement('test-token-host') as TokenHost;
  el.fetchToken = fetchToken;
  return mount(el);
}

describe('SessionTokenController', () => {
  afterEach(cleanup);

  it('fetches once for concurrent callers and caches the token', async () => {
    const source = tokenSource();
    const el = host(source.fetchToken);
    const [a, b] = await Promise.all([el.tokens.getToken(), el.tokens.getToken()]);
    assertEqual(a, b);
    assertEqual(await el.tokens.getToken(), a);
    assertEqual(source.calls, 1);
    assert(el.tokens.expiresAt && el.tokens.expiresAt > Date.now() + 500_000, 'exp decoded');
  });

  it('refresh(rejected) fetches once, even when several requests were rejected', async () => {
    const source = tokenSource();
    const el = host(source.fetchToken);
    const first = await el.tokens.getToken();
    const [x, y] = await Promise.all([el.tokens.refresh(first), el.tokens.refresh(first)]);
    assertEqual(x, y);
    assertEqual(source.calls, 2);
    // a late caller with the old token gets the new one without another fetch
    assertEqual(await el.tokens.refresh(first), x);
    assertEqual(source.calls, 2);
  });

  it('schedules a refresh 60 s before expiry for long-lived tokens', async () => {
    const realSetTimeout = window.setTimeout;
    const delays: number[] = [];
    window.setTimeout = ((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, 1e9);
    }) as typeof window.setTimeout;
    try {
      const el = host(async () => makeToken(600));
      await el.tokens.getToken();
      const delay = delays.at(-1) ?? 0;
      assert(delay > 538_000 && delay <= 540_000, `delay ${delay} is about 9 minutes`);
      assert(el.tokens.refreshScheduled);
      el.remove();
      assert(!el.tokens.refreshScheduled, 'cleared on disconnect');
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });

  it('refreshes a short-lived token at half-life, repeatedly', async function () {
    this.timeout(8000);
    const source = tokenSource(2);
    const el = host(source.fetchToken);
    await el.tokens.getToken();
    await waitFor(() => source.calls >= 2, 'first refresh', 2500);
    assertEqual(el.tokens.token, source.issued[1]);
    await waitFor(() => source.calls >= 3, 'second refresh', 2500);
    el.remove();
  });

  it('keeps no timer after disconnect and re-arms on reconnect', async function () {
    this.timeout(8000);
    const source = tokenSource(3);
    const el = host(source.fetchToken);
    await el.tokens.getToken();
    assert(el.tokens.refreshScheduled);
    el.remove();
    assert(!el.tokens.refreshScheduled);
    await sleep(1600);
    assertEqual(source.calls, 1, 'no refresh while disconnected');
    document.body.append(el);
    assert(el.tokens.refreshScheduled, 're-armed');
    el.remove();
  });

  it('does not arm a timer when the token arrives after disconnect', async () => {
    let resolve: ((token: string) => void) | undefined;
    const el = host(() => new Promise<string>((r) => (resolve = r)));
    const pending = el.tokens.getToken();
    el.remove();
    await waitFor(() => resolve, 'fetchToken called');
    resolve?.(makeToken(600));
    await pending;
    assertEqual(el.tokens.refreshScheduled, false);
  });

  it('rejects without fetchToken and reports background refresh failures', async () => {
    const el = host();
    await assertRejects(el.tokens.getToken(), (error) => assert(error instanceof MissingFetchTokenError));
    let n = 0;
    el.fetchToken = async () => {
      n++;
      if (n > 1) throw new Error('host offline');
      return makeToken(1);
    };
    await el.tokens.getToken();
    await waitFor(() => el.refreshErrors.length === 1, 'refresh error reported', 2500);
    el.remove();
  });

  it('treats tokens without exp as valid and schedules nothing', async () => {
    const el = host(async () => 'opaque-token');
    assertEqual(await el.tokens.getToken(), 'opaque-token');
    assertEqual(el.tokens.refreshScheduled, false);
  });
});
