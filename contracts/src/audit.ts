import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from './pagination.js';

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

export const AuditEventPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .openapi('AuditEventPage');

export const ListAuditEventsQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'businessUnitId', in: 'query' }, description: 'Events of this unit’s subtree' }),
  limit: limitParam,
  cursor: cursorParam,
});
