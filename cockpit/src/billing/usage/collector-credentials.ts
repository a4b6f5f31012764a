import { createHash, randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  type CollectorCredential,
  CollectorCredentialIdParams,
  CollectorCredentialListSchema,
  CreateCollectorCredentialBody,
  CreatedCollectorCredentialSchema,
  HostCreateCollectorCredentialBody,
} from '@scc/contracts/billing';
import { BusinessUnitIdParams } from '@scc/contracts/business-units';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import { businessUnits, collectorCredentials, type Database, executeRows, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../../audit/record.js';
import { type HostEnv, hostActor } from '../../embed-sessions/host-caller.js';
import { requireRole } from '../../scope/authorize.js';
import type { CockpitEnv } from '../../scope/caller.js';
import { under } from '../../scope/in-subtree.js';
import { isoTimestamp, unitInScope } from '../access.js';

/** A collector's secret: 256 random bits, recognisable in logs and secret scanners by its prefix. */
export const newCollectorSecret = () => `scc_col_${randomBytes(32).toString('base64url')}`;
export const hashCollectorSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const columns = {
  id: collectorCredentials.id,
  businessUnitId: collectorCredentials.businessUnitId,
  name: collectorCredentials.name,
  createdAt: collectorCredentials.createdAt,
  lastUsedAt: collectorCredentials.lastUsedAt,
  revokedAt: collectorCredentials.revokedAt,
};

type Row = {
  id: string;
  businessUnitId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const view = (row: Row): CollectorCredential => ({
  id: row.id,
  businessUnitId: row.businessUnitId,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: isoTimestamp(row.lastUsedAt),
  revokedAt: isoTimestamp(row.revokedAt),
});

async function create(tx: Transaction, actor: AuditActor, unit: { id: string; path: string }, name: string) {
  const secret = newCollectorSecret();
  const [row] = await tx
    .insert(collectorCredentials)
    .values({ businessUnitId: unit.id, name, hash: hashCollectorSecret(secret), buPath: unit.path })
    .returning(columns);
  if (!row) throw new Error('credential not created');
  await recordAudit(tx, actor, {
    action: 'collector-credential.created',
    entityType: 'collector-credential',
    entityId: row.id,
    businessUnit: unit,
    before: null,
    after: { name },
  });
  return { credential: view(row), secret };
}

async function revoke(tx: Transaction, actor: AuditActor, scopePath: string, unitId: string | undefined, id: string) {
  const [row] = await tx
    .update(collectorCredentials)
    .set({ revokedAt: sql`coalesce(${collectorCredentials.revokedAt}, now())` })
    .where(
      and(
        eq(collectorCredentials.id, id),
        under(collectorCredentials.buPath, scopePath),
        unitId ? eq(collectorCredentials.businessUnitId, unitId) : undefined,
      ),
    )
    .returning({ ...columns, path: collectorCredentials.buPath });
  if (!row) throw ProblemError.of('notFound');
  await recordAudit(tx, actor, {
    action: 'collector-credential.revoked',
    entityType: 'collector-credential',
    entityId: row.id,
    businessUnit: { id: row.businessUnitId, path: row.path },
    before: null,
    after: { name: row.name },
  });
  return view(row);
}

const tags = ['Usage collection'];

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/collector-credentials',
  tags,
  summary: 'Usage collectors reporting for this unit (admin)',
  request: { params: BusinessUnitIdParams },
  responses: { 200: jsonContent(CollectorCredentialListSchema, 'Its collectors'), ...changeProblemResponses },
});

const createCredentialRoute = createRoute({
  method: 'post',
  path: '/{id}/collector-credentials',
  tags,
  summary: 'A credential for a usage collector of this unit’s subtree (admin); the secret is shown once',
  request: { params: BusinessUnitIdParams, body: jsonBody(CreateCollectorCredentialBody) },
  responses: {
    201: jsonContent(CreatedCollectorCredentialSchema, 'The credential and its secret'),
    ...changeProblemResponses,
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/{id}/collector-credentials/{credentialId}/revoke',
  tags,
  summary: 'Ends a collector credential at once (admin)',
  request: { params: CollectorCredentialIdParams },
  responses: {
    200: jsonContent(CollectorCredentialListSchema.shape.items.element, 'The revoked credential'),
    ...changeProblemResponses,
  },
});

/** `/v1/business-units/{id}/collector-credentials`: admins of a unit manage its collectors. */
export function collectorCredentialRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const items = await withScope(db, caller, async (tx) => {
        const unit = await unitInScope(tx, caller, c.req.valid('param').id);
        await requireRole(tx, caller, unit.path, 'admin');
        return tx
          .select(columns)
          .from(collectorCredentials)
          .where(
            and(under(collectorCredentials.buPath, caller.scopePath), eq(collectorCredentials.businessUnitId, unit.id)),
          )
          .orderBy(desc(collectorCredentials.createdAt));
      });
      return c.json({ items: items.map(view) }, 200);
    })
    .openapi(createCredentialRoute, async (c) => {
      const caller = c.get('caller');
      const created = await withScope(db, caller, async (tx) => {
        const unit = await unitInScope(tx, caller, c.req.valid('param').id);
        await requireRole(tx, caller, unit.path, 'admin');
        return create(tx, caller, unit, c.req.valid('json').name);
      });
      return c.json(created, 201);
    })
    .openapi(revokeRoute, async (c) => {
      const caller = c.get('caller');
      const { id, credentialId } = c.req.valid('param');
      const revoked = await withScope(db, caller, async (tx) => {
        const unit = await unitInScope(tx, caller, id);
        await requireRole(tx, caller, unit.path, 'admin');
        return revoke(tx, caller, caller.scopePath, unit.id, credentialId);
      });
      return c.json(revoked, 200);
    });
}

const hostTags = ['Host'];
const HostCredentialParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const hostListRoute = createRoute({
  method: 'get',
  path: '/collector-credentials',
  tags: hostTags,
  summary: 'The usage collectors of the host’s subtree',
  responses: { 200: jsonContent(CollectorCredentialListSchema, 'The collectors'), ...problemResponses },
});

const hostCreateRoute = createRoute({
  method: 'post',
  path: '/collector-credentials',
  tags: hostTags,
  summary: 'A credential for a usage collector of a unit in the host’s subtree; the secret is shown once',
  request: { body: jsonBody(HostCreateCollectorCredentialBody) },
  responses: {
    201: jsonContent(CreatedCollectorCredentialSchema, 'The credential and its secret'),
    ...problemResponses,
  },
});

const hostRevokeRoute = createRoute({
  method: 'post',
  path: '/collector-credentials/{id}/revoke',
  tags: hostTags,
  summary: 'Ends a collector credential at once',
  request: { params: HostCredentialParams },
  responses: {
    200: jsonContent(CollectorCredentialListSchema.shape.items.element, 'The revoked credential'),
    ...problemResponses,
  },
});

/** `/v1/hosts/collector-credentials`: the operator's admin CLI, acting as the host. */
export function hostCollectorCredentialRoutes(db: Database) {
  return createRouter<HostEnv>()
    .openapi(hostListRoute, async (c) => {
      const host = c.get('host');
      const items = await withScope(db, host, (tx) =>
        tx
          .select(columns)
          .from(collectorCredentials)
          .where(under(collectorCredentials.buPath, host.scopePath))
          .orderBy(desc(collectorCredentials.createdAt)),
      );
      return c.json({ items: items.map(view) }, 200);
    })
    .openapi(hostCreateRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      const created = await withScope(db, host, async (tx) => {
        const [unit] = await tx
          .select({ id: businessUnits.id, path: businessUnits.path })
          .from(businessUnits)
          .where(and(eq(businessUnits.id, body.businessUnitId), under(businessUnits.path, host.scopePath)));
        if (!unit)
          throw ProblemError.of('notFound', undefined, [
            { field: 'body.businessUnitId', message: 'No such business unit' },
          ]);
        return create(tx, hostActor(host), unit, body.name);
      });
      return c.json(created, 201);
    })
    .openapi(hostRevokeRoute, async (c) => {
      const host = c.get('host');
      const revoked = await withScope(db, host, (tx) =>
        revoke(tx, hostActor(host), host.scopePath, undefined, c.req.valid('param').id),
      );
      return c.json(revoked, 200);
    });
}

/** The collector behind a bearer secret: its id and the subtree it reports for, or undefined. */
export async function collectorFor(db: Database, secret: string) {
  if (!secret.startsWith('scc_col_') || secret.length > 100) return undefined;
  const [row] = await executeRows<{ id: string; business_unit_id: string; bu_path: string }>(
    db,
    sql`select id, business_unit_id, bu_path::text as bu_path from scc_collector_credential(${hashCollectorSecret(secret)})`,
  );
  return row ? { id: row.id, businessUnitId: row.business_unit_id, scopePath: row.bu_path } : undefined;
}

/**
 * Notes a collector's use at most once a minute, in its upload's transaction. A row another
 * upload of the same collector is noting is skipped, not waited for: that lock lasts until the
 * other upload commits, and parallel uploads would otherwise run one after the other.
 */
export async function noteCollectorUse(tx: Transaction, id: string): Promise<void> {
  await tx.execute(sql`update collector_credentials set last_used_at = now()
    where id = (select c.id from collector_credentials c
      where c.id = ${id} and (c.last_used_at is null or c.last_used_at < now() - interval '1 minute')
      for update skip locked)`);
}
