import { type HstsMode, securityHeaders } from '@scc/service-kit/api-headers';
import { limitBody } from '@scc/service-kit/body-limit';
import { healthRoutes } from '@scc/service-kit/health';
import { refuseHostileBodies, refuseHostileUrls } from '@scc/service-kit/hostile-input';
import { createLogger, type Logger } from '@scc/service-kit/log';
import { createRouter } from '@scc/service-kit/openapi';
import { onError, onNotFound } from '@scc/service-kit/problem-handlers';
import { type Readiness, readinessOf } from '@scc/service-kit/readiness';
import { REQUEST_ID_HEADER, requestContext } from '@scc/service-kit/request-context';
import { cors } from 'hono/cors';
import { type CockpitConnection, connectCockpit } from './cockpit/cockpit-client.js';
import { embedSessionRoutes } from './embed-sessions/routes.js';
import { InProcessRevocations } from './embed-sessions/session-revocations.js';
import type { WidgetTokenIssuer } from './embed-sessions/widget-token.js';
import { DEFAULT_MAX_BODY_BYTES } from './env.js';
import { HostKeys } from './hosts/host-keys.js';
import type { HostRegistry } from './hosts/host-registry.js';
import { requireWidgetSession, type WidgetEnv } from './http/widget-session.js';
import { type IdTokenVerifier, idTokenVerifier } from './identity-providers/id-token-verifier.js';
import { auditLimited } from './rate-limits/audit.js';
import { clientAddressOf } from './rate-limits/client-ip.js';
import { RATE_LIMIT_HEADERS, rateLimiting } from './rate-limits/middleware.js';
import type { RateLimiting } from './rate-limits/setup.js';
import { webhookEndpointRoutes } from './webhook-endpoints/routes.js';
import { widgetApiRoutes } from './widget-api/routes.js';
import { defaultWidgetBundlePath, widgetBundleHandler, widgetChunkHandler } from './widget-bundle.js';

export interface BffDependencies {
  hosts: HostRegistry;
  tokens: WidgetTokenIssuer;
  cockpit: CockpitConnection;
  widgetBundlePath?: string | undefined;
  /** What `/readyz` reports; default: the cockpit's own `/readyz` answers 200 within a second. */
  readiness?: Readiness;
  /** Request lines and errors; default: errors only, so an app embedded in tests stays quiet. */
  log?: Logger;
  /** Larger request bodies are refused with 413; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /**
   * Rate limits (429 with `Retry-After` and `RateLimit` headers); `main.ts` always sets them from
   * the environment. Without them nothing is limited: an app embedded in a test or a benchmark.
   */
  rateLimiting?: RateLimiting;
  /** When answers carry Strict-Transport-Security; default `auto` (requests that came over https). */
  hsts?: HstsMode;
  /**
   * The revoked embed sessions this process knows of. A deployment gives a started
   * `RevocationFeed` (`main.ts`), which hears of revocations made through any BFF process; the
   * default knows only this app's own, and the cockpit refuses the others.
   */
  revocations?: InProcessRevocations;
  /** How ID tokens of registered identity providers are verified (their keys kept per process); default {@link idTokenVerifier}. */
  idTokens?: IdTokenVerifier;
}

/** The backend-for-frontend: authenticates embeds, isolates callers and forwards to the cockpit. */
export function createBffApp(deps: BffDependencies) {
  const cockpit = connectCockpit({ ...deps.cockpit, ...(deps.log ? { log: deps.log } : {}) });
  const revocations = deps.revocations ?? new InProcessRevocations();
  const app = createRouter<WidgetEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(securityHeaders({ hsts: deps.hsts }));
  app.use(requestContext(deps.log ?? createLogger('bff', { level: 'error' })));
  app.use(refuseHostileUrls());

  const registeredOrigins = deps.hosts.allOrigins();
  app.use(
    '/v1/widget/*',
    cors({
      origin: (origin) => (registeredOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id'],
      exposeHeaders: [...RATE_LIMIT_HEADERS, REQUEST_ID_HEADER],
      maxAge: 600,
    }),
  );
  // After CORS, so that a browser may read the 413.
  app.use('/v1/*', limitBody(deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  const limiting = deps.rateLimiting
    ? rateLimiting({
        limits: deps.rateLimiting.limits,
        clientAddress: clientAddressOf(deps.rateLimiting.trustedProxyHops ?? 0),
        onLimited: deps.rateLimiting.onLimited ?? auditLimited(cockpit),
      })
    : undefined;
  if (limiting) {
    // Every call of the host API (mints and revocations) counts, and its failed keys with it.
    app.use('/v1/embed-sessions/*', limiting.embedSessions);
    app.use('/v1/widget/*', limiting.widgetAuthentication);
  }
  app.use('/v1/*', refuseHostileBodies());
  app.use('/v1/widget/*', requireWidgetSession(deps.tokens, deps.hosts, revocations));
  if (limiting) {
    app.use('/v1/widget/*', limiting.perUser);
    app.on('POST', '/v1/widget/operation-requests', limiting.submitsPerUnit);
    app.on('POST', ['/v1/widget/step-up', '/v1/widget/step-up/enrolment/confirm'], limiting.stepUpsPerUser);
  }

  app.route('/', healthRoutes(deps.readiness ?? readinessOf({ cockpit: cockpit.ready })));
  app.get('/.well-known/jwks.json', (c) => c.json(deps.tokens.jwks(), 200, { 'cache-control': 'public, max-age=300' }));
  const widgetBundlePath = deps.widgetBundlePath ?? defaultWidgetBundlePath;
  app.get('/widget/service-control-center.js', widgetBundleHandler(widgetBundlePath));
  app.get('/widget/:file', widgetChunkHandler(widgetBundlePath));
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Service Control Center BFF', version: '1.0.0' },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'hostApiKey', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'widgetToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT (ES256, 10 minutes)',
  });

  const keys = new HostKeys(deps.hosts, cockpit, revocations);
  return app
    .route(
      '/v1/embed-sessions',
      embedSessionRoutes({
        tokens: deps.tokens,
        keys,
        cockpit,
        revocations,
        idTokens: deps.idTokens ?? idTokenVerifier(),
        afterAuthentication: limiting?.perHost,
      }),
    )
    .route('/v1/webhook-endpoints', webhookEndpointRoutes({ keys, cockpit }))
    .route('/v1/widget', widgetApiRoutes(cockpit, revocations));
}

export type BffApp = ReturnType<typeof createBffApp>;
