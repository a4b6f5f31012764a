import { createRoute } from '@hono/zod-openapi';
import { changeProblemResponses, ProblemError, problemContent, problemResponses } from '@scc/contracts/problem';
import { TenantIdParams } from '@scc/contracts/tenants';
import {
  NewProfileVersionBody,
  ProfileVersionParams,
  ProfileVersionSchema,
  SolutionProfileSchema,
  TenantExtensionsSchema,
  TransportDraftSchema,
  TransportPreviewSchema,
} from '@scc/contracts/transports';
import { type Database, executeRows, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { holdsRole } from '../operations/rules.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { assessTransport } from './assess.js';
import type { JsonObject } from './profile-diff.js';
import { validateProfile } from './profile-schema.js';
import {
  catalogue,
  installedExtensions,
  productSchemaAndRules,
  profileAt,
  type TransportTenant,
  transportTenants,
} from './queries.js';
import { lockProfile, writeVersion } from './versions.js';

const previewRoute = createRoute({
  method: 'post',
  path: '/preview',
  tags: ['Transports'],
  summary: 'What a transport would change: the exact diff, conflicts, extension plan and rules; changes nothing',
  description:
    'The body is the transport draft that `POST /v1/operation-requests` takes. Source or target outside the ' +
    'caller’s subtree, the same tenant twice, or tenants of different customers or products: 404.',
  request: { body: jsonBody(TransportDraftSchema) },
  responses: { 200: jsonContent(TransportPreviewSchema, 'The preview'), ...problemResponses },
});

const profileRoute = createRoute({
  method: 'get',
  path: '/{id}/solution-profile',
  tags: ['Transports'],
  summary: 'A tenant’s current solution profile and its versions',
  request: { params: TenantIdParams },
  responses: { 200: jsonContent(SolutionProfileSchema, 'The profile'), ...problemResponses },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/{id}/solution-profile/versions/{version}',
  tags: ['Transports'],
  summary: 'One earlier (or the current) version of a tenant’s solution profile',
  request: { params: ProfileVersionParams },
  responses: { 200: jsonContent(ProfileVersionSchema, 'The version'), ...problemResponses },
});

const editRoute = createRoute({
  method: 'post',
  path: '/{id}/solution-profile/versions',
  tags: ['Transports'],
  summary: 'Save an edited profile as the next version of a non-productive tenant',
  description:
    'Validated against the product’s profile schema (a 400 names each bad path, e.g. `body.document.mail.retryCount`). ' +
    'Productive tenants change only through transports and restores (409, rule `productive-through-transport`).',
  request: { params: TenantIdParams, body: jsonBody(NewProfileVersionBody) },
  responses: {
    ...changeProblemResponses,
    201: jsonContent(ProfileVersionSchema, 'The new version'),
    409: problemContent('Another version was saved since `basedOnVersion`, or the tenant is productive'),
  },
});

const extensionsRoute = createRoute({
  method: 'get',
  path: '/{id}/extensions',
  tags: ['Transports'],
  summary: 'A tenant’s installed extensions, its product version and the product’s extension catalogue',
  request: { params: TenantIdParams },
  responses: { 200: jsonContent(TenantExtensionsSchema, 'The extensions'), ...problemResponses },
});

async function tenantOrNotFound(tx: Transaction, caller: Caller, id: string): Promise<TransportTenant> {
  const tenant = (await transportTenants(tx, caller, [id])).get(id);
  if (!tenant) throw ProblemError.of('notFound', undefined, [{ field: 'path.id', message: 'No such tenant' }]);
  return tenant;
}

export function transportRoutes(db: Database) {
  return createRouter<CockpitEnv>().openapi(previewRoute, async (c) => {
    const caller = c.get('caller');
    const draft = c.req.valid('json');
    // Read-only: the database itself refuses any write a preview might attempt.
    const { preview } = await withScope(db, caller, (tx) => assessTransport(tx, caller, draft, { lock: false }), {
      readOnly: true,
    });
    return c.json(preview, 200);
  });
}

/** Mounted under `/v1/tenants`: a tenant's profile versions and extensions. */
export function solutionProfileRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(profileRoute, async (c) => {
      const caller = c.get('caller');
      const profile = await withScope(
        db,
        caller,
        async (tx) => {
          const tenant = await tenantOrNotFound(tx, caller, c.req.valid('param').id);
          const versions = await executeRows<{ version: number; createdAt: string; createdByRequestId: string | null }>(
            tx,
            sql`select version, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
                created_by_request_id as "createdByRequestId"
              from solution_profile_versions where tenant_id = ${tenant.id} order by version desc`,
          );
          return {
            tenantId: tenant.id,
            version: tenant.profileVersion,
            document: (await profileAt(tx, tenant.id, tenant.profileVersion)) ?? {},
            versions,
          };
        },
        { readOnly: true },
      );
      return c.json(profile, 200);
    })
    .openapi(versionRoute, async (c) => {
      const caller = c.get('caller');
      const { id, version } = c.req.valid('param');
      const document = await withScope(
        db,
        caller,
        async (tx) => profileAt(tx, (await tenantOrNotFound(tx, caller, id)).id, version),
        { readOnly: true },
      );
      if (!document)
        throw ProblemError.of('notFound', undefined, [{ field: 'path.version', message: 'No such version' }]);
      return c.json({ tenantId: id, version, document }, 200);
    })
    .openapi(editRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { basedOnVersion, document } = c.req.valid('json');
      const saved = await withScope(db, caller, async (tx) => {
        const tenant = await tenantOrNotFound(tx, caller, id);
        if (!holdsRole(caller.roles, 'operator')) throw ProblemError.of('forbidden');
        if (tenant.type === 'productive') {
          throw ProblemError.of('conflict', 'A productive tenant’s profile changes only through a transport.', [
            {
              field: 'path.id',
              rule: 'productive-through-transport',
              message: 'Transport the change from a test tenant',
            },
          ]);
        }
        const product = await productSchemaAndRules(tx, tenant.productId);
        const errors = validateProfile(product.profileSchema, document as JsonObject, 'body.document');
        if (errors.length > 0)
          throw ProblemError.of('validation', 'The profile does not fit the product’s schema', errors);
        const locked = await lockProfile(tx, tenant.id);
        if (!locked) throw ProblemError.of('notFound');
        if (locked.version !== basedOnVersion) {
          throw ProblemError.of('conflict', `Version ${locked.version} was saved in the meantime.`, [
            { field: 'body.basedOnVersion', message: `The current version is ${locked.version}` },
          ]);
        }
        const version = await writeVersion(tx, locked, tenant.id, document as JsonObject, null);
        await recordAudit(tx, caller, {
          action: 'solution-profile.edited',
          entityType: 'tenant',
          entityId: tenant.id,
          businessUnit: { id: tenant.businessUnitId, path: tenant.buPath },
          before: { profileVersion: locked.version },
          after: { profileVersion: version },
        });
        return { tenantId: tenant.id, version, document };
      });
      return c.json(saved, 201);
    })
    .openapi(extensionsRoute, async (c) => {
      const caller = c.get('caller');
      const answer = await withScope(
        db,
        caller,
        async (tx) => {
          const tenant = await tenantOrNotFound(tx, caller, c.req.valid('param').id);
          return {
            tenantId: tenant.id,
            productVersion: tenant.productVersion,
            installed: await installedExtensions(tx, tenant.id),
            catalogue: await catalogue(tx, tenant.productId),
          };
        },
        { readOnly: true },
      );
      return c.json(answer, 200);
    });
}
