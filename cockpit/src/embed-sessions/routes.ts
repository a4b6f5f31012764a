import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  type KeyChangedEvent,
  OpenEmbedSessionBody,
  OpenedEmbedSessionSchema,
  type RevocationFeedEvent,
  RevokedEmbedSessionsSchema,
  RevokeEmbedSessionsBody,
  SecurityEventBody,
} from '@scc/contracts/embed-sessions';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { businessUnits, type Database, embedSessions, users, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import { recordAudit } from '../audit/record.js';
import { lockBusinessUnit } from '../business-units/queries.js';
import type { CockpitEnv } from '../scope/caller.js';
import { under } from '../scope/in-subtree.js';
import { type HostEnv, hostActor } from './host-caller.js';
import type { RevocationHub } from './revocation-hub.js';

const openRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Embed sessions'],
  summary: 'Opens the embed session of a widget token the BFF is about to mint for the caller',
  request: { body: { required: true, content: { 'application/json': { schema: OpenEmbedSessionBody } } } },
  responses: { 201: jsonContent(OpenedEmbedSessionSchema, 'The session'), ...problemResponses },
});

const iso = sql<string>`to_char(${embedSessions.expiresAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Sessions are opened for a user caller (resolved by e-mail while a widget token is minted). */
export function embedSessionRoutes(db: Database) {
  return createRouter<CockpitEnv>().openapi(openRoute, async (c) => {
    const caller = c.get('caller');
    const { expiresInSeconds, identityProvider } = c.req.valid('json');
    const session = await withScope(db, caller, async (tx) => {
      // The acting unit's path as of now, held against a concurrent move (see lockBusinessUnit).
      const unit = await lockBusinessUnit(tx, caller, caller.businessUnit.id);
      if (!unit) throw ProblemError.of('unauthorized');
      const [row] = await tx
        .insert(embedSessions)
        .values({
          hostId: caller.hostId,
          userId: caller.user.id,
          businessUnitId: unit.id,
          buPath: unit.path,
          expiresAt: sql`now() + make_interval(secs => ${expiresInSeconds})`,
        })
        .returning({ id: embedSessions.id, expiresAt: iso });
      if (!row) throw new Error('the session was not stored');
      await recordAudit(tx, caller, {
        // A session of an exchanged ID token names the registration that vouched for the user.
        action: identityProvider ? 'embed-session.exchanged' : 'embed-session.issued',
        entityType: 'embed-session',
        entityId: row.id,
        businessUnit: unit,
        before: null,
        after: {
          hostId: caller.hostId,
          userId: caller.user.id,
          expiresAt: row.expiresAt,
          ...(identityProvider ? { identityProviderId: identityProvider.id, issuer: identityProvider.issuer } : {}),
        },
      });
      return row;
    });
    return c.json({ ...session, userId: caller.user.id, businessUnitId: caller.businessUnit.id }, 201);
  });
}

const revokeRoute = createRoute({
  method: 'post',
  path: '/embed-sessions/revoke',
  tags: ['Host'],
  summary: 'Revokes one embed session of the host, or every live one of a user',
  description: 'A session or user outside the host’s sessions and home subtree answers 404.',
  request: { body: { required: true, content: { 'application/json': { schema: RevokeEmbedSessionsBody } } } },
  responses: { 200: jsonContent(RevokedEmbedSessionsSchema, 'The sessions this call revoked'), ...problemResponses },
});

const feedRoute = createRoute({
  method: 'get',
  path: '/embed-sessions/revocations',
  tags: ['Host'],
  summary: 'The host’s revoked, unexpired embed sessions, then each one revoked from now on (SSE)',
  description:
    'Each BFF process follows this feed per host and refuses the sessions it names. It starts with every revoked ' +
    'session whose token has not expired (`event: revoked`), then `: live`, then new revocations as they commit; ' +
    'a comment every 15 s keeps it open. A host API key revoked or shortened by a rotation is `event: key-changed`. ' +
    'A feed that may have missed an event ends: reconnect.',
  responses: {
    200: { description: 'The feed', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses,
  },
});

const securityEventRoute = createRoute({
  method: 'post',
  path: '/security-events',
  tags: ['Host'],
  summary: 'Records a security event a service decided on (a refusal, a rate limit) in the audit log',
  request: { body: { required: true, content: { 'application/json': { schema: SecurityEventBody } } } },
  responses: { 204: { description: 'Recorded' }, ...problemResponses },
});

/** What a host's backend does through its BFF for itself, in its home unit's subtree. */
export function hostRoutes(deps: { db: Database; revocations: RevocationHub; heartbeatMs?: number }) {
  const { db } = deps;
  return createRouter<HostEnv>()
    .openapi(revokeRoute, async (c) => {
      const host = c.get('host');
      const body = c.req.valid('json');
      const revoked = await withScope(db, host, async (tx) => {
        const ofHost = and(eq(embedSessions.hostId, host.hostId), under(embedSessions.buPath, host.scopePath));
        if ('userId' in body) {
          const [user] = await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, body.userId), under(users.buPath, host.scopePath)));
          if (!user) throw ProblemError.of('notFound', 'No such user in the host’s business units');
        } else {
          const [session] = await tx
            .select({ id: embedSessions.id })
            .from(embedSessions)
            .where(and(ofHost, eq(embedSessions.id, body.sessionId)));
          if (!session) throw ProblemError.of('notFound', 'No such embed session of this host');
        }
        const rows = await tx
          .update(embedSessions)
          .set({ revokedAt: sql`now()`, revokedBy: `host:${host.hostId}`, revokedReason: body.reason ?? null })
          .where(
            and(
              ofHost,
              isNull(embedSessions.revokedAt),
              gt(embedSessions.expiresAt, sql`now()`),
              'userId' in body ? eq(embedSessions.userId, body.userId) : eq(embedSessions.id, body.sessionId),
            ),
          )
          .returning({
            id: embedSessions.id,
            userId: embedSessions.userId,
            businessUnitId: embedSessions.businessUnitId,
            buPath: embedSessions.buPath,
            expiresAt: iso,
          });
        for (const row of rows) {
          await recordAudit(tx, hostActor(host), {
            action: 'embed-session.revoked',
            entityType: 'embed-session',
            entityId: row.id,
            businessUnit: { id: row.businessUnitId, path: row.buPath },
            before: null,
            after: { hostId: host.hostId, userId: row.userId, reason: body.reason ?? null },
          });
        }
        return rows.map(({ id, expiresAt }) => ({ id, expiresAt }));
      });
      return c.json({ revoked }, 200);
    })
    .openapi(feedRoute, async (c) => {
      const host = c.get('host');
      const queue: (RevocationFeedEvent | KeyChangedEvent)[] = [];
      let deliver: ((event: RevocationFeedEvent | KeyChangedEvent) => void) | undefined;
      let lost = () => {};
      // Listening before the snapshot is read: a revocation committed in between is in one or both.
      const unsubscribe = await deps.revocations.subscribe(
        host.hostId,
        (event) => (deliver ? deliver(event) : queue.push(event)),
        () => lost(),
      );
      return streamSSE(c, async (stream) => {
        let writing = Promise.resolve();
        const write = (text: string) => {
          writing = writing.then(() => stream.write(text).then(() => {})).catch(() => {});
        };
        const send = (event: RevocationFeedEvent | KeyChangedEvent) =>
          write(`event: ${'keyId' in event ? 'key-changed' : 'revoked'}\ndata: ${JSON.stringify(event)}\n\n`);
        const heartbeat = setInterval(() => write(': heartbeat\n\n'), deps.heartbeatMs ?? 15_000);
        const closed = new Promise<void>((resolve) => {
          stream.onAbort(resolve);
          lost = resolve;
        });
        try {
          const snapshot = await withScope(db, host, (tx) =>
            tx
              .select({ id: embedSessions.id, expiresAt: iso })
              .from(embedSessions)
              .where(
                and(
                  eq(embedSessions.hostId, host.hostId),
                  under(embedSessions.buPath, host.scopePath),
                  sql`${embedSessions.revokedAt} is not null`,
                  gt(embedSessions.expiresAt, sql`now()`),
                ),
              ),
          );
          for (const event of [...snapshot, ...queue.splice(0)]) send(event);
          write(': live\n\n');
          deliver = send;
          await closed;
          await writing;
        } finally {
          clearInterval(heartbeat);
          unsubscribe();
        }
      }) as never;
    })
    .openapi(securityEventRoute, async (c) => {
      const host = c.get('host');
      const event = c.req.valid('json');
      await withScope(db, host, async (tx) => {
        const [unit] = event.businessUnitId
          ? await tx
              .select({ id: businessUnits.id, path: businessUnits.path })
              .from(businessUnits)
              .where(and(eq(businessUnits.id, event.businessUnitId), under(businessUnits.path, host.scopePath)))
          : [];
        const actor = event.user?.id
          ? { user: { id: event.user.id, email: event.user.email ?? `host:${host.hostId}` } }
          : hostActor(host);
        await recordAudit(tx, actor, {
          action: event.action,
          entityType: 'security-event',
          entityId: event.user?.id ?? randomUUID(),
          businessUnit: unit ?? { id: host.homeBusinessUnitId, path: host.scopePath },
          before: null,
          after: {
            ...event.detail,
            hostId: host.hostId,
            ...(event.user?.email ? { email: event.user.email } : {}),
            ...(event.businessUnitId && !unit ? { businessUnitId: event.businessUnitId } : {}),
          },
        });
      });
      return c.body(null, 204);
    });
}
