import { createRoute } from '@hono/zod-openapi';
import {
  type AuditEvent,
  type AuditEventFilters,
  AuditEventPageSchema,
  ListAuditEventsQuery,
} from '@scc/contracts/audit';
import { keysetCursor, readTimeIdCursor } from '@scc/contracts/pagination';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { auditEvents, businessUnits, type Database, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { findBusinessUnit } from '../business-units/queries.js';
import { rolesOn } from '../scope/authorize.js';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope, under } from '../scope/in-subtree.js';
import { includesRole } from '../scope/roles.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: 'Changes in the caller’s subtree (or one unit’s subtree), newest first; admins only',
  description: 'Without admin on the unit the log is as absent as a unit outside the subtree: 404.',
  request: { query: ListAuditEventsQuery },
  responses: {
    200: jsonContent(AuditEventPageSchema, 'A page of audit events'),
    ...problemResponses,
  },
});

/** Microseconds, so a cursor is exact even for events written in one transaction (same now()). */
const exactTime = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A trailing dot makes `action` a prefix (`operation-request.`); otherwise it names one action. */
function filterConditions({ action, entityType, actor, from, to }: AuditEventFilters): (SQL | undefined)[] {
  return [
    action?.endsWith('.')
      ? sql`starts_with(${auditEvents.action}, ${action})`
      : action
        ? eq(auditEvents.action, action)
        : undefined,
    entityType ? eq(auditEvents.entityType, entityType) : undefined,
    // strpos, not ILIKE: an e-mail's `_` and `%` are plain characters here.
    actor ? sql`strpos(lower(${auditEvents.actorEmail}), lower(${actor})) > 0` : undefined,
    from ? gte(auditEvents.occurredAt, new Date(from)) : undefined,
    to ? lt(auditEvents.occurredAt, new Date(to)) : undefined,
  ];
}

export function auditRoutes(db: Database) {
  return createRouter<CockpitEnv>().openapi(listRoute, async (c) => {
    const caller = c.get('caller');
    const { businessUnitId, limit, cursor, ...filters } = c.req.valid('query');
    const after = readTimeIdCursor(cursor);
    if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to))
      throw ProblemError.of('validation', 'Invalid query.to', [
        { field: 'query.to', message: 'Must not be before query.from' },
      ]);
    const rows = await withScope(
      db,
      caller,
      async (tx) => {
        const unit = businessUnitId ? await findBusinessUnit(tx, caller, businessUnitId) : undefined;
        if (businessUnitId && !unit) throw ProblemError.of('notFound');
        const path = unit?.path ?? caller.scopePath;
        if (!includesRole(await rolesOn(tx, caller, path), 'admin')) throw ProblemError.of('notFound');
        return tx
          .select({
            id: auditEvents.id,
            exactTime,
            occurredAt: sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
            actorUserId: auditEvents.actorUserId,
            actorEmail: auditEvents.actorEmail,
            action: auditEvents.action,
            entityType: auditEvents.entityType,
            entityId: auditEvents.entityId,
            businessUnitId: auditEvents.businessUnitId,
            businessUnitName: businessUnits.name,
            before: auditEvents.before,
            after: auditEvents.after,
          })
          .from(auditEvents)
          .leftJoin(businessUnits, eq(businessUnits.id, auditEvents.businessUnitId))
          .where(
            and(
              inScope(auditEvents.buPath, caller),
              under(auditEvents.buPath, path),
              ...filterConditions(filters),
              after
                ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
                : undefined,
            ),
          )
          .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
          .limit(limit + 1);
      },
      { readOnly: true },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const items: AuditEvent[] = page.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt,
      actor: { userId: r.actorUserId, email: r.actorEmail },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      businessUnitId: r.businessUnitId,
      businessUnitName: r.businessUnitName,
      before: r.before ?? null,
      after: r.after ?? null,
    }));
    return c.json(
      { items, nextCursor: rows.length > limit && last ? keysetCursor([last.exactTime, last.id]) : null },
      200,
    );
  });
}
