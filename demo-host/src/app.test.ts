import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CSRF_HEADER, createDemoHostApp, type DemoHostApp, SESSION_COOKIE } from './app.js';
import { personaRecords } from './personas.js';

/**
 * The demo host in-process (`app.request`) against a stand-in for the BFF: like any host
 * application, it is tested on its own, against the BFF's published embed-session contract.
 * That the real BFF accepts what it sends is the launcher's test (`stack/src/stack.test.ts`).
 */
const ORIGIN = 'http://localhost';
const personas = personaRecords();
const casey = personas.find((p) => p.key === 'customer-admin');
if (!casey) throw new Error('persona customer-admin is missing from personas.json');

const apiKey = `demo-host.${randomBytes(32).toString('base64url')}`;
/** The modules the stand-in BFF serves under /widget/. */
const WIDGET_MODULES = new Set(['service-control-center.js', 'admin.BEuvnruY.js']);
/** The bodies of the embed-session requests the stand-in BFF accepted. */
const embedRequests: unknown[] = [];
/** The bodies of the revocations the stand-in BFF was asked for. */
const revokeRequests: unknown[] = [];
const SCC_USER_ID = '5c1e1d2a-3b4c-4d5e-8f60-718293a4b5c6';
let bffServer: ServerType;
let bffUrl: string;
let app: DemoHostApp;
/** Every response body the tests saw, to prove the API key never left the server. */
const bodies: string[] = [];

function standInBff() {
  const bff = new Hono();
  bff.post('/v1/embed-sessions', async (c) => {
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) {
      return c.json({ type: 'about:blank', title: 'Unauthorized', status: 401 }, 401);
    }
    embedRequests.push(await c.req.json());
    return c.json({ token: 'header.payload.signature', tokenType: 'Bearer', expiresIn: 900, userId: SCC_USER_ID }, 201);
  });
  bff.post('/v1/embed-sessions/revoke', async (c) => {
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) {
      return c.json({ type: 'about:blank', title: 'Unauthorized', status: 401 }, 401);
    }
    revokeRequests.push(await c.req.json());
    return c.json({ revoked: [] }, 200);
  });
  bff.get('/widget/:file', (c) =>
    WIDGET_MODULES.has(c.req.param('file'))
      ? c.body(`export const module = ${JSON.stringify(c.req.param('file'))};`, 200, {
          'content-type': 'text/javascript',
          'cache-control': 'public, max-age=31536000, immutable',
        })
      : c.json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404),
  );
  return bff;
}

async function request(path: string, init: RequestInit = {}, target: DemoHostApp = app): Promise<Response> {
  const response = await target.request(path, init);
  bodies.push(await response.clone().text());
  return response;
}

async function signIn(personaKey: string): Promise<string> {
  const response = await request('/sign-in', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ persona: personaKey }),
  });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/app');
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';', 1)[0] ?? '';
  expect(pair.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  return pair;
}

const embedSession = (headers: Record<string, string>) =>
  request('/api/embed-session', { method: 'POST', headers: { origin: ORIGIN, ...headers } });

beforeAll(async () => {
  bffUrl = await new Promise<string>((resolve) => {
    bffServer = serve({ fetch: standInBff().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  app = createDemoHostApp({ bffInternalUrl: bffUrl, bffPublicUrl: bffUrl, apiKey });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (bffServer ? bffServer.close(() => resolve()) : resolve()));
});

describe('demo host', () => {
  test('answers /health', async () => {
    const response = await request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('the sign-in page lists every persona of the directory with role and business unit', async () => {
    const response = await request('/sign-in');
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const p of personas) {
      expect(page).toContain(`data-persona="${p.key}"`);
      expect(page).toContain(p.displayName);
      expect(page).toContain(p.email);
    }
    expect(page).toContain('Customer admin of Contoso Retail');
    expect(page).toContain('Administrator');
  });

  test('signing in sets an HttpOnly, SameSite=Lax cookie holding only a random session id', async () => {
    const response = await request('/sign-in', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: casey.key }),
    });
    expect(response.status).toBe(303);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).not.toContain(casey.key);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
  });

  test('rejects a sign-in from another site and an unknown persona', async () => {
    const crossSite = await request('/sign-in', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: casey.key }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();

    const unknown = await request('/sign-in', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: 'nobody' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  test('the app page needs a valid session cookie', async () => {
    const anonymous = await request('/app');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/sign-in');

    const cookie = await signIn(casey.key);
    const forged = `${cookie.slice(0, -4)}AAAA`;
    const tampered = await request('/app', { headers: { cookie: forged } });
    expect(tampered.status).toBe(302);
  });

  test('the app page embeds the widget with one script tag and one element under a strict CSP', async () => {
    const cookie = await signIn(casey.key);
    const response = await request('/app', { headers: { cookie } });
    expect(response.status).toBe(200);
    const bff = bffUrl;
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' ${bff}; connect-src 'self' ${bff}; style-src 'self'; ` +
        "img-src 'self' data: blob:; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    const page = await response.text();
    expect(page.match(/<service-control-center\b/g)).toHaveLength(1);
    expect(page).toContain(`<service-control-center api-base="${bff}"`);
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.filter((s) => s.includes(`src="${bff}/widget/service-control-center.js"`))).toHaveLength(1);
    // Nothing inline: every script has a src, and there is no style element or attribute.
    expect(scripts.every((s) => / src="[^"]+"/.test(s))).toBe(true);
    expect(page).not.toMatch(/<style\b|\sstyle=/);
    expect(page).toContain(casey.displayName);
  });

  test('the strict-CSP page allows scripts and styles from its own origin only and loads the widget from there', async () => {
    const cookie = await signIn(casey.key);
    const response = await request('/app/strict', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${bffUrl}; ` +
        "img-src 'self' blob:; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    const page = await response.text();
    expect(page).toContain('<script type="module" src="/widget/service-control-center.js"></script>');
    expect(page).toContain(`<service-control-center api-base="${bffUrl}"`);
  });

  test('the widget modules are served from this origin as the BFF has them, and nothing else of the BFF', async () => {
    for (const file of WIDGET_MODULES) {
      const response = await request(`/widget/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/javascript');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await response.text()).toBe(`export const module = ${JSON.stringify(file)};`);
    }
    for (const path of ['/widget/missing.abcdefgh.js', '/widget/openapi.json', '/widget/..%2Fv1%2Fwidget%2Fsession']) {
      const response = await request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  test('the React and hostile-CSS pages embed the same tag; the hostile page can leave it out', async () => {
    const cookie = await signIn(casey.key);
    const react = await (await request('/app/react', { headers: { cookie } })).text();
    expect(react).toContain(`<div id="react-root" data-bff="${bffUrl}"></div>`);
    expect(react).toContain('<script type="module" src="/react-page.js"></script>');

    const hostile = await (await request('/app/hostile', { headers: { cookie } })).text();
    expect(hostile).toContain('<link rel="stylesheet" href="/hostile.css" />');
    expect(hostile).toContain(`<service-control-center api-base="${bffUrl}"`);
    const without = await (await request('/app/hostile?widget=off', { headers: { cookie } })).text();
    expect(without).not.toContain('service-control-center');
    // The stylesheet hides every div: the page must not need one.
    expect(hostile).not.toMatch(/<div\b/);
  });

  test('the placeholder sections show the host chrome but no widget', async () => {
    const cookie = await signIn(casey.key);
    const response = await request('/app/orders', { headers: { cookie } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('aria-current="page"');
    expect(page).not.toContain('<service-control-center');
  });

  test('/api/embed-session refuses callers without a session or without the CSRF header', async () => {
    const cookie = await signIn(casey.key);

    const anonymous = await embedSession({ [CSRF_HEADER]: 'fetch' });
    expect(anonymous.status).toBe(401);

    const noHeader = await embedSession({ cookie });
    expect(noHeader.status).toBe(403);

    const crossSite = await embedSession({ cookie, [CSRF_HEADER]: 'fetch', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);

    const crossSiteFetch = await embedSession({ cookie, [CSRF_HEADER]: 'fetch', 'sec-fetch-site': 'cross-site' });
    expect(crossSiteFetch.status).toBe(403);
  });

  test('/api/embed-session returns a widget token for the signed-in persona', async () => {
    const cookie = await signIn(casey.key);
    const response = await embedSession({ cookie, [CSRF_HEADER]: 'fetch' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string };
    expect(Object.keys(body)).toEqual(['token']);
    expect(body.token.split('.')).toHaveLength(3);

    // The BFF is asked for Casey, in Casey's business unit, with the host's key.
    expect(body.token).toBe('header.payload.signature');
    expect(embedRequests.at(-1)).toEqual({ user: { email: casey.email }, businessUnitId: casey.businessUnit.id });
  });

  test('signing out clears the session cookie', async () => {
    const cookie = await signIn(casey.key);
    const response = await request('/sign-out', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
  });

  test('signing out ends the session on the server and revokes the user’s widget sessions; a replayed cookie is refused', async () => {
    const cookie = await signIn(casey.key);
    expect((await request('/app', { headers: { cookie } })).status).toBe(200);
    expect((await embedSession({ cookie, [CSRF_HEADER]: 'fetch' })).status).toBe(200);
    const signOut = await request('/sign-out', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signOut.status).toBe(303);
    expect(revokeRequests.at(-1)).toEqual({ userId: SCC_USER_ID, reason: 'signed out' });

    // The old cookie, replayed as an attacker who copied it would: no page, no widget token.
    const replayed = await request('/app', { headers: { cookie } });
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get('location')).toBe('/sign-in');
    const token = await embedSession({ cookie, [CSRF_HEADER]: 'fetch' });
    expect(token.status).toBe(401);
    expect(token.headers.get('content-type')).toBe('application/problem+json');
  });

  test('signing in again replaces the previous session of that browser', async () => {
    const first = await signIn(casey.key);
    const response = await request('/sign-in', {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: 'msp-operator' }),
    });
    expect(response.status).toBe(303);
    expect((await request('/app', { headers: { cookie: first } })).status).toBe(302);
  });

  test('a BFF that refuses the key becomes a 502 without echoing the key', async () => {
    const wrongKey = `demo-host.${randomBytes(32).toString('base64url')}`;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const misconfigured = createDemoHostApp({
      bffInternalUrl: bffUrl,
      bffPublicUrl: bffUrl,
      apiKey: wrongKey,
    });
    const signedIn = await request(
      '/sign-in',
      {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ persona: casey.key }),
      },
      misconfigured,
    );
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
    const response = await request(
      '/api/embed-session',
      { method: 'POST', headers: { origin: ORIGIN, cookie, [CSRF_HEADER]: 'fetch' } },
      misconfigured,
    );
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.text();
    expect(body).not.toContain(wrongKey);
    expect(body).not.toContain(wrongKey.split('.')[1]);
    // The operator's log says what happened, without the key either.
    expect(logged).toHaveBeenCalledOnce();
    const line = String(logged.mock.calls[0]?.[0]);
    expect(line).toContain('(401)');
    expect(line).not.toContain(wrongKey.split('.')[1]);
    logged.mockRestore();
  });

  test('serves its stylesheet and script', async () => {
    for (const [path, type] of [
      ['/app.css', 'text/css'],
      ['/app.js', 'text/javascript'],
      ['/favicon.svg', 'image/svg+xml'],
      ['/hostile.css', 'text/css'],
    ] as const) {
      const response = await request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  test('single sign-on: the sign-in page offers it, and a callback this browser did not start is refused', async () => {
    const withSso = createDemoHostApp({
      bffInternalUrl: bffUrl,
      bffPublicUrl: bffUrl,
      apiKey,
      singleSignOn: { issuer: 'http://127.0.0.1:9', clientId: 'acme', clientSecret: 'secret', name: 'Contoso ID' },
    });
    expect(await (await request('/sign-in', {}, withSso)).text()).toContain('href="/sign-in/sso"');
    expect(await (await request('/sign-in')).text()).not.toContain('/sign-in/sso');
    // Login CSRF: a code and state sent to the victim's browser without its attempt cookie.
    const forged = await request('/sign-in/sso/callback?code=attacker&state=attacker', {}, withSso);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie') ?? '').not.toContain(`${SESSION_COOKIE}=`);
    // The provider is unreachable: the host says so instead of failing.
    expect((await request('/sign-in/sso', {}, withSso)).status).toBe(502);
  });

  test('the API key never appears in any response body', () => {
    expect(bodies.length).toBeGreaterThan(15);
    const secret = apiKey.split('.')[1] ?? apiKey;
    for (const body of bodies) {
      expect(body).not.toContain(apiKey);
      expect(body).not.toContain(secret);
    }
  });
});
