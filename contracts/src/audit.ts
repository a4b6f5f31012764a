import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from './pagination.js';
import { singleLineText } from './text.js';

export const AuditEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string().openapi({ format: 'date-time' }),
    actor: z.object({ userId: z.uuid(), email: z.string() }),
    action: z.string().openapi({ example: 'business-unit.moved' }),
    entityType: z.string().openapi({ example: 'business-unit' }),
    entityId: z.uuid(),
    businessUnitId: z.uuid(),
    businessUnitName: z.string().nullable().openapi({ description: 'Null once the unit was deleted' }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi('AuditEvent');

export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEventPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .openapi('AuditEventPage');

const instant = z.iso.datetime({ offset: true }).openapi({ format: 'date-time', example: '2026-01-31T00:00:00Z' });

/** `from` after `to` is refused by the route (a refinement here would keep the BFF from omitting `limit`). */
export const ListAuditEventsQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'businessUnitId', in: 'query' }, description: 'Events of this unit’s subtree' }),
  action: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z-]+(\.[a-z-]*)?$/, 'An action or its prefix, e.g. operation-request. or user.created')
    .optional()
    .openapi({
      param: { name: 'action', in: 'query' },
      description: 'An action, or a prefix ending in a dot (`operation-request.`)',
    }),
  entityType: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[a-z-]+$/, 'An entity type, e.g. business-unit')
    .optional()
    .openapi({ param: { name: 'entityType', in: 'query' } }),
  actor: singleLineText(1, 320)
    .optional()
    .openapi({ param: { name: 'actor', in: 'query' }, description: 'Part of the actor’s e-mail (any case)' }),
  from: instant.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'At or after' }),
  to: instant.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Before' }),
  limit: limitParam,
  cursor: cursorParam,
});
export type AuditEventFilters = Omit<z.infer<typeof ListAuditEventsQuery>, 'limit' | 'cursor' | 'businessUnitId'>;
