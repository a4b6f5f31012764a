import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@scc/db';
import { auditRoutes } from './audit/routes.js';
import { requireCaller } from './auth/require-caller.js';
import type { ServiceTokenVerifier } from './auth/service-token.js';
import { brandRoutes } from './business-units/brand.js';
import { businessUnitRoutes } from './business-units/routes.js';
import { businessUnitDataSourceRoutes, dataSourceRoutes } from './data-sources/routes.js';
import { hierarchyRoutes } from './hierarchy/routes.js';
import { apiHeaders } from './http/api-headers.js';
import { onError, onNotFound, validationHook } from './http/problem.js';
import type { CockpitEnv } from './scope/caller.js';
import { sessionRoutes } from './session/routes.js';
import { tenantRoutes } from './tenants/routes.js';
import { roleAssignmentRoutes } from './users/role-assignment-routes.js';
import { userRoutes } from './users/routes.js';

export interface CockpitDependencies {
  db: Database;
  verifyServiceToken: ServiceTokenVerifier;
}

/** The central control center's HTTP API. Routes are chained so `hc<CockpitApp>` keeps their types. */
export function createCockpitApp({ db, verifyServiceToken }: CockpitDependencies) {
  const app = new OpenAPIHono<CockpitEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(onNotFound);
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.use('/v1/*', apiHeaders, requireCaller(db, verifyServiceToken));
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
  return app
    .route('/v1/me', sessionRoutes())
    .route('/v1/business-units', businessUnitRoutes(db))
    .route('/v1/business-units', brandRoutes(db))
    .route('/v1/business-units', hierarchyRoutes(db))
    .route('/v1/business-units', businessUnitDataSourceRoutes(db))
    .route('/v1/data-sources', dataSourceRoutes(db))
    .route('/v1/users', userRoutes(db))
    .route('/v1/role-assignments', roleAssignmentRoutes(db))
    .route('/v1/audit-events', auditRoutes(db))
    .route('/v1/tenants', tenantRoutes(db));
}

export type CockpitApp = ReturnType<typeof createCockpitApp>;
