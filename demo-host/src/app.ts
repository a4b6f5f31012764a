import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import {
  hostilePage,
  placeholderPage,
  reactPage,
  type Section,
  servicesPage,
  signInPage,
  strictPage,
} from './pages.js';
import { type DemoPersona, demoPersonas } from './personas.js';
import { HostSessions } from './sessions.js';
import { type SignedInTokens, SignInFailed, SingleSignOn, type SingleSignOnOptions } from './single-sign-on.js';

export interface DemoHostOptions {
  /** Where the host's backend reaches the BFF (server to server). */
  bffInternalUrl: string;
  /** Where browsers reach the BFF: the widget module and its API. */
  bffPublicUrl: string;
  /** The host's API key at the BFF. Used only server-side; never sent to a browser. */
  apiKey: string;
  /**
   * The identity provider some of the host's users sign in with. Their widget sessions are minted
   * by exchanging their ID token at the BFF instead of naming their e-mail.
   */
  singleSignOn?: SingleSignOnOptions | undefined;
}

type DemoEnv = { Variables: { persona: DemoPersona | undefined; sessionId: string | undefined } };

export const SESSION_COOKIE = 'acme_session';
/** The attempt of a single sign-on under way, from the redirect to the provider until it returns. */
const SIGN_IN_ATTEMPT_COOKIE = 'acme_sign_in';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';
/** The header `/app.js` sends; a cross-site form or a simple request cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
const SESSION_MAX_AGE = 8 * 60 * 60;
const BFF_TIMEOUT_MS = 10_000;

const publicFile = (name: string) => readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8');
const assets: Record<string, { body: string; type: string }> = {
  '/app.css': { body: publicFile('app.css'), type: 'text/css; charset=utf-8' },
  '/app.js': { body: publicFile('app.js'), type: 'text/javascript; charset=utf-8' },
  '/favicon.svg': { body: publicFile('favicon.svg'), type: 'image/svg+xml' },
  '/hostile.css': { body: publicFile('hostile.css'), type: 'text/css; charset=utf-8' },
};

/** The React page's bundle, built by `pnpm --filter @scc/demo-host build` (esbuild, React inside). */
const reactBundle = new URL('../dist/react-page.js', import.meta.url);

/**
 * The widget's modules as the BFF names them: the entry and its lazy chunks `<name>.<hash>.js`.
 * One path segment, so nothing else of the BFF can be reached through this host.
 */
const WIDGET_MODULE = /^(service-control-center|[a-z][a-z0-9-]*\.[A-Za-z0-9_-]{8,})\.js$/;

function problem(c: Context, status: 401 | 403 | 404 | 502, title: string, detail?: string) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), status, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  });
}

/**
 * "Acme Operations Portal": a small enterprise app that embeds the Service Control Center. It has
 * its own (password-less) sign-in, keeps its sessions on the server (the HttpOnly cookie holds a
 * random id) and mints widget sessions at the BFF from its backend, so the API key stays on the
 * server. Signing out ends the host session and revokes the user's widget sessions at the BFF.
 */
export function createDemoHostApp(options: DemoHostOptions) {
  const bffPublicUrl = options.bffPublicUrl.replace(/\/+$/, '');
  const bffInternalUrl = options.bffInternalUrl.replace(/\/+$/, '');
  const bffOrigin = new URL(bffPublicUrl).origin;
  const sessions = new HostSessions(SESSION_MAX_AGE);
  const personas = demoPersonas();
  const byKey = new Map(personas.map((p) => [p.key, p]));
  const singleSignOn = options.singleSignOn ? new SingleSignOn(options.singleSignOn) : undefined;

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

  /**
   * The strict-CSP page's policy: scripts and styles from this origin only, no inline code, and
   * connections to this origin (the token) and the BFF (the widget's API). The widget's module is
   * served from here; its styles are constructed style sheets, which `style-src` does not govern.
   */
  const strictContentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${bffOrigin}`,
    "img-src 'self' blob:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

  const securityHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      // A page with a stricter policy of its own keeps it.
      if (!c.res.headers.has('content-security-policy')) c.header('content-security-policy', contentSecurityPolicy);
      c.header('cache-control', 'no-store');
    }
  };

  const loadPersona = createMiddleware<DemoEnv>(async (c, next) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    const session = sessions.get(sessionId);
    c.set('sessionId', session ? sessionId : undefined);
    c.set('persona', session ? byKey.get(session.personaKey) : undefined);
    await next();
  });

  /** Ends every widget session of the user at the BFF; a failure is logged, the sign-out stands. */
  const revokeWidgetSessions = async (userId: string) => {
    try {
      const response = await fetch(`${bffInternalUrl}/v1/embed-sessions/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userId, reason: 'signed out' }),
        signal: AbortSignal.timeout(BFF_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status !== 200) console.error(`demo host: the BFF did not revoke on sign-out (${response.status})`);
    } catch (error) {
      console.error(`demo host: the BFF is unreachable to revoke on sign-out: ${(error as Error).message}`);
    }
  };

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

  app.get('/sign-in', (c) =>
    c.html(signInPage({ personas, current: c.get('persona'), singleSignOn: singleSignOn?.options.name })),
  );

  const startSession = (c: Context, personaKey: string, tokens?: SignedInTokens) => {
    sessions.delete(getCookie(c, SESSION_COOKIE));
    setCookie(c, SESSION_COOKIE, sessions.create(personaKey, tokens), {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      maxAge: SESSION_MAX_AGE,
    });
  };

  if (singleSignOn) {
    app.get('/sign-in/sso', async (c) => {
      const redirectUri = `${new URL(c.req.url).origin}/sign-in/sso/callback`;
      const started = await singleSignOn.start(redirectUri).catch((error: unknown) => {
        console.error(`demo host: the identity provider is unreachable: ${(error as Error).message}`);
        return undefined;
      });
      if (!started) return problem(c, 502, `${singleSignOn.options.name} is unreachable`);
      // Lax: the provider's redirect back is a top-level navigation, which carries it.
      setCookie(c, SIGN_IN_ATTEMPT_COOKIE, started.attempt, {
        path: '/sign-in/sso',
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(c),
        maxAge: 600,
      });
      return c.redirect(started.location, 302);
    });

    app.get('/sign-in/sso/callback', async (c) => {
      const attempt = getCookie(c, SIGN_IN_ATTEMPT_COOKIE);
      deleteCookie(c, SIGN_IN_ATTEMPT_COOKIE, { path: '/sign-in/sso', secure: secure(c) });
      const tokens = await singleSignOn.finish(attempt, c.req.query()).catch((error: unknown) => {
        if (error instanceof SignInFailed) return error;
        throw error;
      });
      if (tokens instanceof SignInFailed) return problem(c, 401, 'Single sign-on failed', tokens.message);
      // The provider vouches for the e-mail; whom it names in this app is the app's own directory's business.
      const persona = personas.find((p) => p.email.toLowerCase() === tokens.email);
      if (!persona) return problem(c, 403, 'No account in this application', tokens.email);
      startSession(c, persona.key, tokens);
      return c.redirect('/app', 303);
    });
  }

  app.post('/sign-in', sameOriginForm, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const persona = typeof form.persona === 'string' ? byKey.get(form.persona) : undefined;
    if (!persona) return c.html(signInPage({ personas, singleSignOn: singleSignOn?.options.name }), 400);
    startSession(c, persona.key);
    return c.redirect('/app', 303);
  });

  app.post('/sign-out', sameOriginForm, async (c) => {
    const ended = sessions.delete(c.get('sessionId'));
    if (ended?.sccUserId) await revokeWidgetSessions(ended.sccUserId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
    return c.redirect('/sign-in', 303);
  });

  app.get('/app', requirePersona, (c) => {
    const persona = c.get('persona') as DemoPersona;
    return c.html(servicesPage({ persona, bffPublicUrl }));
  });

  app.get('/app/react', requirePersona, (c) =>
    c.html(reactPage({ persona: c.get('persona') as DemoPersona, bffPublicUrl })),
  );

  app.get('/app/strict', requirePersona, (c) => {
    c.header('content-security-policy', strictContentSecurityPolicy);
    return c.html(strictPage({ persona: c.get('persona') as DemoPersona, bffPublicUrl }));
  });

  app.get('/app/hostile', requirePersona, (c) =>
    c.html(
      hostilePage({
        persona: c.get('persona') as DemoPersona,
        bffPublicUrl,
        withWidget: c.req.query('widget') !== 'off',
      }),
    ),
  );

  app.get('/react-page.js', async (c) => {
    const body = await readFile(reactBundle, 'utf8').catch(() => undefined);
    if (body === undefined) {
      return problem(c, 404, 'The React page is not built', 'Run pnpm --filter @scc/demo-host build');
    }
    return c.body(body, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });

  /**
   * The widget's modules from this origin, for pages whose CSP allows scripts only from here: the
   * host's backend fetches them from the BFF, as a host that self-hosts the package would serve it.
   */
  app.get('/widget/:file', async (c) => {
    const file = c.req.param('file');
    if (!WIDGET_MODULE.test(file)) return problem(c, 404, 'No such widget module');
    let response: Response;
    try {
      response = await fetch(`${bffInternalUrl}/widget/${file}`, { signal: AbortSignal.timeout(BFF_TIMEOUT_MS) });
    } catch (error) {
      console.error(`demo host: the BFF is unreachable: ${(error as Error).message}`);
      return problem(c, 502, 'The Service Control Center is unreachable');
    }
    if (response.status === 404) return problem(c, 404, 'No such widget module');
    if (!response.ok)
      return problem(c, 502, 'The Service Control Center refused the module', `HTTP ${response.status}`);
    return c.body(await response.text(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': response.headers.get('cache-control') ?? 'no-cache',
    });
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

    const hostSession = sessions.get(c.get('sessionId'));
    // Signed in through the identity provider: its ID token, not the e-mail, names the user.
    const signedIn = hostSession?.tokens && singleSignOn ? await singleSignOn.fresh(hostSession.tokens) : undefined;
    if (hostSession?.tokens && !signedIn) {
      sessions.delete(c.get('sessionId'));
      return problem(c, 401, 'Not signed in', 'The single sign-on has ended');
    }
    if (hostSession && signedIn) hostSession.tokens = signedIn;
    const mint = signedIn
      ? {
          path: '/v1/embed-sessions/token-exchange',
          type: 'application/x-www-form-urlencoded',
          body: new URLSearchParams({
            grant_type: TOKEN_EXCHANGE,
            subject_token: signedIn.idToken,
            subject_token_type: ID_TOKEN,
            businessUnitId: persona.businessUnit.id,
          }).toString(),
          status: 200,
        }
      : {
          path: '/v1/embed-sessions',
          type: 'application/json',
          body: JSON.stringify({ user: { email: persona.email }, businessUnitId: persona.businessUnit.id }),
          status: 201,
        };
    let response: Response;
    try {
      response = await fetch(`${bffInternalUrl}${mint.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          'content-type': mint.type,
          accept: 'application/json, application/problem+json',
        },
        body: mint.body,
        signal: AbortSignal.timeout(BFF_TIMEOUT_MS),
      });
    } catch (error) {
      console.error(`demo host: the BFF is unreachable: ${(error as Error).message}`);
      return problem(c, 502, 'The Service Control Center is unreachable');
    }
    if (response.status !== mint.status) {
      const text = await response.text().catch(() => '');
      console.error(`demo host: the BFF refused an embed session (${response.status}): ${text.slice(0, 500)}`);
      return problem(c, 502, 'The Service Control Center refused the session', `HTTP ${response.status}`);
    }
    const session = (await response.json()) as { token?: unknown; userId?: unknown };
    if (typeof session.token !== 'string') return problem(c, 502, 'The Service Control Center sent no token');
    if (hostSession && typeof session.userId === 'string') hostSession.sccUserId = session.userId;
    return c.json({ token: session.token }, 200, { 'cache-control': 'no-store' });
  });

  return app;
}

export type DemoHostApp = ReturnType<typeof createDemoHostApp>;
