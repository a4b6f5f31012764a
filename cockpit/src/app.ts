import { randomBytes } from 'node:crypto';
import { problem, problemResponse } from '@scc/contracts/problem';
import type { ServiceTokenVerifier } from '@scc/contracts/service-token';
import { type Database, EMBED_SESSION_ENDED_CODE } from '@scc/db';
import { type HstsMode, securityHeaders } from '@scc/service-kit/api-headers';
import { limitBody } from '@scc/service-kit/body-limit';
import { healthRoutes } from '@scc/service-kit/health';
import { refuseHostileBodies, refuseHostileUrls } from '@scc/service-kit/hostile-input';
import { createLogger, type Logger } from '@scc/service-kit/log';
import { createRouter } from '@scc/service-kit/openapi';
import { onError, onNotFound } from '@scc/service-kit/problem-handlers';
import type { Readiness } from '@scc/service-kit/readiness';
import { requestContext } from '@scc/service-kit/request-context';
import { alertRoutes } from './alerts/routes.js';
import { webhookEndpointRoutes } from './alerts/webhook-endpoint-routes.js';
import { approvalPolicyRoutes } from './approvals/policy-routes.js';
import { approvalRoutes } from './approvals/routes.js';
import { auditRoutes } from './audit/routes.js';
import { forgetCallersAfterChanges, requireCaller } from './auth/require-caller.js';
import { cachingVerifier } from './auth/verified-tokens.js';
import { businessUnitInvoiceRoutes, invoiceRoutes } from './billing/invoices/routes.js';
import { priceListRoutes } from './billing/prices/routes.js';
import { collectorCredentialRoutes, hostCollectorCredentialRoutes } from './billing/usage/collector-credentials.js';
import { DEFAULT_MAX_USAGE_BODY_BYTES, usageIngestRoutes, usageSummaryRoutes } from './billing/usage/routes.js';
import { brandRoutes } from './business-units/brand.js';
import { businessUnitRoutes } from './business-units/routes.js';
import { businessUnitDataSourceRoutes, dataSourceRoutes } from './data-sources/routes.js';
import { requireHost } from './embed-sessions/host-caller.js';
import { createRevocationHub, type RevocationHub } from './embed-sessions/revocation-hub.js';
import { embedSessionRoutes, hostRoutes } from './embed-sessions/routes.js';
import { DEFAULT_MAX_BODY_BYTES } from './env.js';
import { cockpitReadiness } from './health/readiness.js';
import { hierarchyRoutes } from './hierarchy/routes.js';
import { hostApiKeyRoutes } from './host-api-keys/routes.js';
import { hasDatabaseErrorCode, isDatabaseUnavailable } from './http/database-errors.js';
import { identityProviderRoutes } from './identity-providers/routes.js';
import { salesIntegrationRoutes } from './integrations/sales-routes.js';
import { type Clock, systemClock } from './operations/clock.js';
import type { CopyPreviewer } from './operations/copy-overwrites.js';
import { createEventHub, type EventHub } from './operations/event-hub.js';
import { operationRequestRoutes } from './operations/routes.js';
import { productRoutes } from './products/routes.js';
import { createLocalProvisioner } from './provisioner/local-adapter.js';
import { quotaRoutes } from './quotas/routes.js';
import type { CockpitEnv } from './scope/caller.js';
import { type CallerCache, createCallerCache } from './scope/caller-cache.js';
import { sessionRoutes } from './session/routes.js';
import { totpPolicyRoutes } from './step-up/policy-routes.js';
import { stepUpRoutes } from './step-up/routes.js';
import { sealer, secretBox, TOTP_KEY_BYTES, WEBHOOK_SECRET_PURPOSE } from './step-up/secret-box.js';
import { tenantRoutes } from './tenants/routes.js';
import { solutionProfileRoutes, transportRoutes } from './transports/routes.js';
import { roleAssignmentRoutes } from './users/role-assignment-routes.js';
import { userRoutes } from './users/routes.js';

export interface CockpitDependencies {
  /** The runtime connection; every caller's query runs on it inside `withScope`. */
  db: Database;
  verifyServiceToken: ServiceTokenVerifier;
  /**
   * The owner connection for system work outside any caller's scope: the live feed's LISTEN and
   * the sales integration. Defaults to `db` (PGlite, or an owner `DATABASE_URL`).
   */
  systemDb?: Database;
  clock?: Clock;
  /** The process's live-feed hub; one is created on `systemDb` when omitted. */
  events?: EventHub;
  /** Bearer key of the sales system for `/v1/integrations/sales`; without it that API refuses everyone. */
  salesApiKey?: string | undefined;
  /**
   * What `/readyz` reports. Default: `select 1` on `db` within a second, plus `liveFeedReady`
   * when given.
   */
  readiness?: Readiness;
  /**
   * Whether the live feed's LISTEN is in place and the feed readable; `/readyz` is 503 while it
   * is not. Default: the event hub's own word, starting its LISTEN on the first probe.
   */
  liveFeedReady?: () => boolean | Promise<boolean>;
  /** Request lines and errors; default: errors only, so an app embedded in tests stays quiet. */
  log?: Logger;
  /** Larger request bodies are refused with 413; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** Larger usage uploads (`POST /v1/usage`, streamed) are refused with 413; default {@link DEFAULT_MAX_USAGE_BODY_BYTES}. */
  maxUsageBodyBytes?: number;
  /** When answers carry Strict-Transport-Security; default `auto` (requests that came over https). */
  hsts?: HstsMode;
  /** The process's resolved callers; one is created on `db`, listening on `systemDb`, when omitted. */
  callers?: CallerCache;
  /** The process's relay of revoked embed sessions to BFF feeds; one is created on `systemDb` when omitted. */
  revocations?: RevocationHub;
  /**
   * The 32-byte key TOTP secrets and hosts' webhook secrets are encrypted with (`COCKPIT_TOTP_KEY`).
   * Omitted, a random one for this app alone: an app embedded in a test, whose enrolments need not
   * outlive it.
   */
  totpKey?: Uint8Array;
  /** Webhook endpoints may be plain http (a local demo host); otherwise https only. Default false. */
  allowHttpWebhooks?: boolean;
  /** Where copies' previews compare tenants' data; the local provisioner on `systemDb` when omitted. */
  provisioner?: CopyPreviewer;
}

/** The central control center's HTTP API. Routes are chained so `hc<CockpitApp>` keeps their types. */
export function createCockpitApp({
  db,
  verifyServiceToken,
  systemDb = db,
  clock = systemClock,
  events = createEventHub(systemDb),
  salesApiKey,
  liveFeedReady = async () => {
    await events.start();
    return events.healthy;
  },
  readiness = cockpitReadiness({ db, liveFeedReady }),
  log = createLogger('cockpit', { level: 'error' }),
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  maxUsageBodyBytes = DEFAULT_MAX_USAGE_BODY_BYTES,
  hsts,
  callers = createCallerCache(db, { listenOn: systemDb }),
  revocations = createRevocationHub(systemDb),
  totpKey = new Uint8Array(randomBytes(TOTP_KEY_BYTES)),
  allowHttpWebhooks = false,
  provisioner = createLocalProvisioner(systemDb),
}: CockpitDependencies) {
  const app = createRouter<CockpitEnv>();
  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) {
      return problemResponse(problem('unavailable', 'The database cannot be reached. Try again shortly.'), {
        'retry-after': '5',
      });
    }
    // The settings statement of a scoped transaction refused a revoked embed session (migration 0019).
    if (hasDatabaseErrorCode(error, EMBED_SESSION_ENDED_CODE)) {
      return problemResponse(problem('unauthorized', 'The embed session has ended.'));
    }
    return onError(error, c);
  });
  app.notFound(onNotFound);
  app.use(securityHeaders({ hsts }));
  app.use(requestContext(log));
  app.use(refuseHostileUrls());
  // Outside the typed chain below: the BFF's client has no use for them.
  app.route('/', healthRoutes(readiness));
  // Usage uploads are streamed with a limit of their own (billing/usage/routes.ts).
  const bodyLimit = limitBody(maxBodyBytes);
  app.use('/v1/*', (c, next) => (c.req.path === '/v1/usage' ? next() : bodyLimit(c, next)));
  app.use('/v1/*', refuseHostileBodies());
  // Machines with their own keys call the integrations, hosts' backends (through their BFF, acting
  // for no user) their host routes; every other /v1 path needs a user caller.
  const verify = cachingVerifier(verifyServiceToken);
  const callerRequired = requireCaller(callers, verify);
  app.use('/v1/*', forgetCallersAfterChanges(callers));
  app.use('/v1/*', (c, next) =>
    c.req.path.startsWith('/v1/integrations/') || c.req.path.startsWith('/v1/hosts/') || c.req.path === '/v1/usage'
      ? next()
      : callerRequired(c, next),
  );
  app.use('/v1/hosts/*', requireHost(db, verify));
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Service Control Center cockpit',
      version: '1.0.0',
      description: 'Central control center. Callable only by trusted services with a signed service token.',
    },
    security: [{ serviceToken: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'serviceToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT (ES256, audience scc-cockpit)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'collectorCredential', {
    type: 'http',
    scheme: 'bearer',
    description: 'A usage collector’s secret (scc_col_…), scoped to one business unit’s subtree',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'salesApiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The sales system’s shared key (SCC_SALES_API_KEY)',
  });
  return app
    .route('/v1/me', sessionRoutes(db))
    .route('/v1/embed-sessions', embedSessionRoutes(db))
    .route('/v1/step-up', stepUpRoutes({ db, clock, box: secretBox(totpKey) }))
    .route('/v1/hosts', hostRoutes({ db, revocations }))
    .route('/v1/hosts', hostApiKeyRoutes(db))
    .route('/v1/hosts', identityProviderRoutes(db))
    .route(
      '/v1/hosts',
      webhookEndpointRoutes(db, sealer(totpKey, WEBHOOK_SECRET_PURPOSE), { allowHttp: allowHttpWebhooks }),
    )
    .route('/v1/hosts', hostCollectorCredentialRoutes(db))
    .route('/v1/business-units', businessUnitRoutes(db))
    .route('/v1/business-units', brandRoutes(db, clock))
    .route('/v1/business-units', totpPolicyRoutes(db, clock))
    .route('/v1/business-units', hierarchyRoutes(db, clock))
    .route('/v1/business-units', approvalPolicyRoutes(db, clock))
    .route('/v1/business-units', businessUnitDataSourceRoutes(db))
    .route('/v1/data-sources', dataSourceRoutes(db))
    .route('/v1/business-units', collectorCredentialRoutes(db))
    .route('/v1/business-units', usageSummaryRoutes(db))
    .route('/v1/business-units', priceListRoutes(db))
    .route('/v1/business-units', quotaRoutes(db))
    .route('/v1/business-units', businessUnitInvoiceRoutes(db))
    .route('/v1/invoices', invoiceRoutes(db))
    .route('/v1/usage', usageIngestRoutes(db, systemDb, clock, maxUsageBodyBytes))
    .route('/v1/users', userRoutes(db))
    .route('/v1/role-assignments', roleAssignmentRoutes(db, clock))
    .route('/v1/audit-events', auditRoutes(db))
    .route('/v1/alerts', alertRoutes(db))
    .route('/v1/tenants', tenantRoutes(db))
    .route('/v1/tenants', solutionProfileRoutes(db))
    .route('/v1/transports', transportRoutes(db))
    .route('/v1/products', productRoutes(db))
    .route('/v1/operation-requests', operationRequestRoutes({ db, clock, events, provisioner }))
    .route('/v1/approvals', approvalRoutes(db, clock))
    .route('/v1/integrations/sales', salesIntegrationRoutes(systemDb, salesApiKey));
}

export type CockpitApp = ReturnType<typeof createCockpitApp>;
