import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ProblemError, problemResponses } from '@scc/contracts/problem';
import { CallerSchema } from '@scc/contracts/session';
import { type Tenant, TenantSchema } from '@scc/contracts/tenants';
import { validationHook } from '@scc/service-kit/problem-handlers';
import { type CockpitConnection, fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import { auditRoutes } from './audit.js';
import { dataSourceRoutes } from './data-sources.js';
import { cockpitForWidget } from './forwarding.js';
import { hierarchyRoutes } from './hierarchy.js';
import { userRoutes } from './users.js';

/**
 * View-shaped endpoints for the widget: one call per screen region. For tenants the BFF pages
 * through the cockpit so the widget gets a whole (bounded) list in one answer; the hierarchy
 * (`hierarchy.ts`) is loaded level by level instead; users and roles, data sources and the audit log
 * have their own files. Items keep the cockpit's shapes.
 */
const MAX_PAGES = 20;
const PAGE_SIZE = 1000;

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['Widget'],
  security: [{ widgetToken: [] }],
  responses: { 200: json(CallerSchema, 'The signed-in user, acting business unit and roles'), ...problemResponses },
});

const tenantsRoute = createRoute({
  method: 'get',
  path: '/tenants',
  tags: ['Widget'],
  security: [{ widgetToken: [] }],
  request: {
    query: z.strictObject({
      businessUnitId: z
        .uuid()
        .optional()
        .openapi({ param: { name: 'businessUnitId', in: 'query' } }),
      lifecycle: z
        .enum(['all', 'provisioning', 'live', 'decommissioning', 'retained', 'archived', 'deleted'])
        .optional()
        .openapi({
          param: { name: 'lifecycle', in: 'query' },
          description: 'Default: the tenants customers see. `all`, or one lifecycle status such as `retained`',
        }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(TenantSchema) }).openapi('TenantList'), 'Tenants of the caller’s subtree'),
    ...problemResponses,
  },
});

async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Response>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await fromCockpit(
      () => fetchPage(cursor),
      async (res) => (await res.json()) as { items: T[]; nextCursor: string | null },
    );
    items.push(...body.items);
    if (!body.nextCursor) return items;
    cursor = body.nextCursor;
  }
  throw ProblemError.of('conflict', 'The list is too long to show at once; narrow it to a business unit');
}

export function widgetApiRoutes(cockpit: CockpitConnection) {
  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook })
    .openapi(sessionRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const me = await fromCockpit(
        () => client.v1.me.$get(),
        async (res) => (await res.json()) as z.infer<typeof CallerSchema>,
      );
      return c.json(me, 200);
    })
    .openapi(tenantsRoute, async (c) => {
      const client = cockpitForWidget(cockpit, c);
      const { businessUnitId, lifecycle } = c.req.valid('query');
      const items = await allPages<Tenant>((cursor) =>
        client.v1.tenants.$get({
          query: {
            limit: String(PAGE_SIZE),
            ...(cursor ? { cursor } : {}),
            ...(businessUnitId ? { businessUnitId } : {}),
            ...(lifecycle ? { lifecycle } : {}),
          },
        }),
      );
      return c.json({ items }, 200);
    })
    .route('/', hierarchyRoutes(cockpit))
    .route('/', dataSourceRoutes(cockpit))
    .route('/', userRoutes(cockpit))
    .route('/', auditRoutes(cockpit));
}
