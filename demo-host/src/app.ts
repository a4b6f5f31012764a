import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { placeholderPage, type Section, servicesPage, signInPage } from './pages.js';
import { type DemoPersona, demoPersonas } from './personas.js';

export interface DemoHostOptions {
  /** Where the host's backend reaches the BFF (server to server). */
  bffInternalUrl: string;
  /** Where browsers reach the BFF: the widget module and its API. */
  bffPublicUrl: string;
  /** The host's API key at the BFF. Used only server-side; never sent to a browser. */
  apiKey: string;
}

type DemoEnv = { Variables: { persona: DemoPersona | undefined } };

export const SESSION_COOKIE = 'acme_session';
/** The header `/app.js` sends; a cross-site form or a simple request cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
const SESSION_MAX_AGE = 8 * 60 * 60;
const BFF_TIMEOUT_MS = 10_000;

const publicFile = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8');
const assets: Record<string, { body: string; type: string }> = {
  '/app.css': { body: publicFile('app.css'), type: 'text/css; charset=utf-8' },
  '/app.js': { body: publicFile('app.js'), type: 'text/javascript; charset=utf-8' },
  '/favicon.svg': { body: publicFile('favicon.svg'), type: 'image/svg+xml' },
};

function problem(c: Context, status: 401 | 403 | 404 | 502, title: string, detail?: string) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), status, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  });
}

/**
 * "Acme Operations Portal": a small enterprise app that embeds the Service Control Center. It has
 * its own (password-less) sign-in, keeps the signed-in persona in a signed, HttpOnly cookie and
 * mints widget sessions at the BFF from its backend, so the API key stays on the server.
 */
export function createDemoHostApp(options: DemoHostOptions) {
  const bffPublicUrl = options.bffPublicUrl.replace(/\/+$/, '');
  const bffInternalUrl = options.bffInternalUrl.replace(/\/+$/, '');
  const bffOrigin = new URL(bffPublicUrl).origin;
  const cookieSecret = randomBytes(32).toString('base64url');
  const personas = demoPersonas();
  const byKey = new Map(personas.map((p) => [p.key, p]));

  const contentSecurityPolicy = [
    "default-src 'self'",
    `script-src 'self' ${bffOrigin}`,
    `connect-src 'self' ${bffOrigin}`,
    "style-src 'self'",
    // The widget shows a brand's logo from a blob: URL (fetched with its token).
    "img-src 'self' data: blob:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

  const securityHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header('content-security-policy', contentSecurityPolicy);
      c.header('cache-control', 'no-store');
    }
  };

  const loadPersona = createMiddleware<DemoEnv>(async (c, next) => {
    const key = await getSignedCookie(c, cookieSecret, SESSION_COOKIE);
    c.set('persona', typeof key === 'string' ? byKey.get(key) : undefined);
    await next();
  });

  const requirePersona = createMiddleware<DemoEnv>(async (c, next) => {
    if (!c.get('persona')) return c.redirect('/sign-in', 302);
    await next();
  });

  const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

  const app = new Hono<DemoEnv>();
  // Form posts (sign-in, sign-out) must come from this origin.
  const sameOriginForm = csrf();
  app.use(securityHeaders);
  app.use(loadPersona);

  app.get('/health', (c) => c.json({ status: 'ok' }));

  for (const [path, asset] of Object.entries(assets)) {
    app.get(path, (c) => c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' }));
  }

  app.get('/', (c) => c.redirect(c.get('persona') ? '/app' : '/sign-in', 303));

  app.get('/sign-in', (c) => c.html(signInPage({ personas, current: c.get('persona') })));

  app.post('/sign-in', sameOriginForm, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const persona = typeof form.persona === 'string' ? byKey.get(form.persona) : undefined;
    if (!persona) return c.html(signInPage({ personas }), 400);
    await setSignedCookie(c, SESSION_COOKIE, persona.key, cookieSecret, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      maxAge: SESSION_MAX_AGE,
    });
    return c.redirect('/app', 303);
  });

  app.post('/sign-out', sameOriginForm, (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.redirect('/sign-in', 303);
  });

  app.get('/app', requirePersona, (c) => {
    const persona = c.get('persona') as DemoPersona;
    return c.html(servicesPage({ persona, bffPublicUrl }));
  });

  const placeholderSections = ['overview', 'orders', 'reports'] as const satisfies readonly Section[];
  for (const section of placeholderSections) {
    app.get(`/app/${section}`, requirePersona, (c) =>
      c.html(placeholderPage(c.get('persona') as DemoPersona, section)),
    );
  }

  /**
   * Called by `/app.js` whenever the widget needs a token. Same-origin only: the custom header
   * cannot be sent cross-site without a CORS preflight, which this app never answers.
   */
  app.post('/api/embed-session', async (c) => {
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite =
      (fetchSite !== undefined && fetchSite !== 'same-origin') ||
      (origin !== undefined && origin !== new URL(c.req.url).origin);
    if (!c.req.header(CSRF_HEADER) || crossSite) {
      return problem(c, 403, 'Forbidden', `Send the ${CSRF_HEADER} header from this origin`);
    }
    const persona = c.get('persona');
    if (!persona) return problem(c, 401, 'Not signed in');

    let response: Response;
    try {
      response = await fetch(`${bffInternalUrl}/v1/embed-sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json, application/problem+json',
        },
        body: JSON.stringify({ user: { email: persona.email }, businessUnitId: persona.businessUnit.id }),
        signal: AbortSignal.timeout(BFF_TIMEOUT_MS),
      });
    } catch (error) {
      console.error(`demo host: the BFF is unreachable: ${(error as Error).message}`);
      return problem(c, 502, 'The Service Control Center is unreachable');
    }
    if (response.status !== 201) {
      const text = await response.text().catch(() => '');
      console.error(`demo host: the BFF refused an embed session (${response.status}): ${text.slice(0, 500)}`);
      return problem(c, 502, 'The Service Control Center refused the session', `HTTP ${response.status}`);
    }
    const session = (await response.json()) as { token?: unknown };
    if (typeof session.token !== 'string') return problem(c, 502, 'The Service Control Center sent no token');
    return c.json({ token: session.token }, 200, { 'cache-control': 'no-store' });
  });

  return app;
}

export type DemoHostApp = ReturnType<typeof createDemoHostApp>;
