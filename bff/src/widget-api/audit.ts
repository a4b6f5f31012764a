import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AuditEventSchema } from '@scc/contracts/audit';
import { problemResponses } from '@scc/contracts/problem';
import { validationHook } from '@scc/service-kit/problem-handlers';
import type { CockpitConnection } from '../cockpit/cockpit-client.js';
import { fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { asJson, businessUnitIdQuery, cockpitForWidget, cursorQuery, json, security } from './forwarding.js';

/** The append-only audit log of the caller's subtree, newest first. */

const AUDIT_PAGE_SIZE = 50;

const AuditEventPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .openapi('WidgetAuditEventPage');
type AuditEventPage = z.infer<typeof AuditEventPageSchema>;

const listRoute = createRoute({
  method: 'get',
  path: '/audit-events',
  tags: ['Widget: audit'],
  summary: 'Changes in the caller’s subtree (or one unit’s subtree), newest first',
  security,
  request: {
    query: z.strictObject({
      businessUnitId: businessUnitIdQuery('Events of this unit’s subtree'),
      cursor: cursorQuery,
    }),
  },
  responses: { 200: json(AuditEventPageSchema, 'A page of audit events'), ...problemResponses },
});

export function auditRoutes(cockpit: CockpitConnection) {
  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook }).openapi(listRoute, async (c) => {
    const { businessUnitId, cursor } = c.req.valid('query');
    const events = cockpitForWidget(cockpit, c).v1['audit-events'];
    const query = {
      limit: String(AUDIT_PAGE_SIZE),
      ...(businessUnitId ? { businessUnitId } : {}),
      ...(cursor ? { cursor } : {}),
    };
    return c.json(await fromCockpit(() => events.$get({ query }), asJson<AuditEventPage>()), 200);
  });
}
