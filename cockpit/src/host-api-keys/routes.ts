import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateHostApiKeyBody,
  HostApiKeyListSchema,
  HostApiKeySchema,
  VerifiedHostApiKeySchema,
  VerifyHostApiKeyBody,
} from '@scc/contracts/host-api-keys';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { type Database, hostApiKeys, type Transaction, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit/record.js';
import { type HostCaller, type HostEnv, hostActor } from '../embed-sessions/host-caller.js';
import { under } from '../scope/in-subtree.js';

const isoOrNull = (column: AnyPgColumn) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const keyColumns = {
  id: hostApiKeys.id,
  createdAt: sql<string>`to_char(${hostApiKeys.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  expiresAt: isoOrNull(hostApiKeys.expiresAt),
  lastUsedAt: isoOrNull(hostApiKeys.lastUsedAt),
  revokedAt: isoOrNull(hostApiKeys.revokedAt),
};

const live: SQL = sql`${hostApiKeys.revokedAt} is null and (${hostApiKeys.expiresAt} is null or ${hostApiKeys.expiresAt} > now())`;

const ofHost = (host: HostCaller) =>
  and(eq(hostApiKeys.hostId, host.hostId), under(hostApiKeys.buPath, host.scopePath));

const KeyIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const verifyRoute = createRoute({
  method: 'post',
  path: '/api-keys/verify',
  tags: ['Host'],
  summary: 'Whether a key (by its hash) is a live key of the host; notes its use, at most once a minute',
  request: { body: { required: true, content: { 'application/json': { schema: VerifyHostApiKeyBody } } } },
  responses: { 200: jsonContent(VerifiedHostApiKeySchema, 'A live key of the host'), ...problemResponses },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['Host'],
  summary: 'The host’s API keys, newest first, live or not',
  responses: { 200: jsonContent(HostApiKeyListSchema, 'The keys'), ...problemResponses },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['Host'],
  summary: 'Adds a key (by its hash); with `rotation`, the other live keys expire after the overlap',
  request: { body: { required: true, content: { 'application/json': { schema: CreateHostApiKeyBody } } } },
  responses: { 201: jsonContent(HostApiKeySchema, 'The new key'), ...problemResponses },
});

const revokeKeyRoute = createRoute({
  method: 'post',
  path: '/api-keys/{id}/revoke',
  tags: ['Host'],
  summary: 'Ends a key at once',
  request: { params: KeyIdParam },
  responses: { 200: jsonContent(HostApiKeySchema, 'The revoked key'), ...problemResponses },
});

async function audit(tx: Transaction, host: HostCaller, action: 'created' | 'rotated' | 'revoked', keyId: string) {
  await recordAudit(tx, hostActor(host), {
    action: `host-api-key.${action}`,
    entityType: 'host-api-key',
    entityId: keyId,
    businessUnit: { id: host.homeBusinessUnitId, path: host.scopePath },
    before: null,
    after: { hostId: host.hostId },
  });
}

/** A host's API keys, managed by the operator's admin CLI and verified by the BFF, all as the host itself. */
export function hostApiKeyRoutes(db: Database) {
  return createRouter<HostEnv>()
    .openapi(verifyRoute, async (c) => {
      const host = c.get('host');
      const { hash } = c.req.valid('json');
      const [key] = await withScope(db, host, async (tx) => {
        const found = await tx
          .select({ id: hostApiKeys.id, expiresAt: keyColumns.expiresAt, lastUsedAt: hostApiKeys.lastUsedAt })
          .from(hostApiKeys)
          .where(and(ofHost(host), eq(hostApiKeys.hash, hash), live));
        const used = found[0];
        if (used && (!used.lastUsedAt || used.lastUsedAt.getTime() < Date.now() - 60_000)) {
          await tx
            .update(hostApiKeys)
            .set({ lastUsedAt: sql`now()` })
            .where(
              and(
                eq(hostApiKeys.id, used.id),
                or(isNull(hostApiKeys.lastUsedAt), sql`${hostApiKeys.lastUsedAt} < now() - interval '1 minute'`),
              ),
            );
        }
        return found;
      });
      if (!key) throw ProblemError.of('notFound', 'No such live key of this host');
      return c.json({ id: key.id, expiresAt: key.expiresAt }, 200);
    })
    .openapi(listRoute, async (c) => {
      const host = c.get('host');
      const items = await withScope(db, host, (tx) =>
        tx.select(keyColumns).from(hostApiKeys).where(ofHost(host)).orderBy(desc(hostApiKeys.createdAt)),
      );
      return c.json({ items }, 200);
    })
    .openapi(createKeyRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      const key = await withScope(db, host, async (tx) => {
        const [created] = await tx
          .insert(hostApiKeys)
          .values({
            hostId: host.hostId,
            buPath: host.scopePath,
            hash: body.hash,
            expiresAt: body.expiresInSeconds ? sql`now() + make_interval(secs => ${body.expiresInSeconds})` : null,
          })
          .onConflictDoNothing()
          .returning(keyColumns);
        if (!created) throw ProblemError.of('conflict', 'That key exists already');
        if (body.rotation) {
          const until = sql`now() + make_interval(secs => ${body.rotation.overlapSeconds})`;
          await tx
            .update(hostApiKeys)
            .set({ expiresAt: sql`least(coalesce(${hostApiKeys.expiresAt}, 'infinity'), ${until})` })
            .where(and(ofHost(host), ne(hostApiKeys.id, created.id), live));
        }
        await audit(tx, host, body.rotation ? 'rotated' : 'created', created.id);
        return created;
      });
      return c.json(key, 201);
    })
    .openapi(revokeKeyRoute, async (c) => {
      const host = c.get('host');
      const { id } = c.req.valid('param');
      const key = await withScope(db, host, async (tx) => {
        const [revoked] = await tx
          .update(hostApiKeys)
          .set({ revokedAt: sql`coalesce(${hostApiKeys.revokedAt}, now())` })
          .where(and(ofHost(host), eq(hostApiKeys.id, id)))
          .returning(keyColumns);
        if (!revoked) throw ProblemError.of('notFound', 'No such key of this host');
        await audit(tx, host, 'revoked', id);
        return revoked;
      });
      return c.json(key, 200);
    });
}
