import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { auditEvents, type Database, withScope } from '@scc/db';
import { and, desc, sql } from 'drizzle-orm';
import { findBusinessUnit } from '../business-units/queries.js';
import { cursorParam, keysetCursor, limitParam, readTimeIdCursor } from '../http/pagination.js';
import { ProblemError, problemResponses, validationHook } from '../http/problem.js';
import type { CockpitEnv } from '../scope/caller.js';

export const AuditEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string().openapi({ format: 'date-time' }),
    actor: z.object({ userId: z.uuid(), email: z.string() }),
    action: z.string().openapi({ example: 'business-unit.moved' }),
    entityType: z.string().openapi({ example: 'business-unit' }),
    entityId: z.uuid(),
    businessUnitId: z.uuid(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi('AuditEvent');

export type AuditEvent = z.infer<typeof AuditEventSchema>;

const AuditEventPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .openapi('AuditEventPage');

const ListAuditEventsQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'businessUnitId', in: 'query' }, description: 'Events of this unit’s subtree' }),
  limit: limitParam,
  cursor: cursorParam,
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: 'Changes in the caller’s subtree (or one unit’s subtree), newest first',
  request: { query: ListAuditEventsQuery },
  responses: {
    200: { description: 'A page of audit events', content: { 'application/json': { schema: AuditEventPageSchema } } },
    ...problemResponses,
  },
});

/** Microseconds, so a cursor is exact even for events written in one transaction (same now()). */
const exactTime = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function auditRoutes(db: Database) {
  return new OpenAPIHono<CockpitEnv>({ defaultHook: validationHook }).openapi(listRoute, async (c) => {
    const caller = c.get('caller');
    const { businessUnitId, limit, cursor } = c.req.valid('query');
    const after = readTimeIdCursor(cursor);
    const rows = await withScope(db, caller.scopePath, async (tx) => {
      const unit = businessUnitId ? await findBusinessUnit(tx, caller, businessUnitId) : undefined;
      if (businessUnitId && !unit) throw ProblemError.of('notFound');
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
          before: auditEvents.before,
          after: auditEvents.after,
        })
        .from(auditEvents)
        .where(
          and(
            sql`${auditEvents.buPath} <@ ${caller.scopePath}::ltree`,
            sql`${auditEvents.buPath} <@ ${unit?.path ?? caller.scopePath}::ltree`,
            after
              ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(limit + 1);
    });
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
      before: r.before ?? null,
      after: r.after ?? null,
    }));
    return c.json(
      { items, nextCursor: rows.length > limit && last ? keysetCursor([last.exactTime, last.id]) : null },
      200,
    );
  });
}
