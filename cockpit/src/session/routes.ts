import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '@scc/contracts/problem';
import { CallerSchema } from '@scc/contracts/session';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import type { CockpitEnv } from '../scope/caller.js';

const meRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Session'],
  summary: 'Who the service token acts for, and with which roles',
  responses: {
    200: jsonContent(CallerSchema, 'The resolved caller'),
    ...problemResponses,
  },
});

export function sessionRoutes() {
  return createRouter<CockpitEnv>().openapi(meRoute, (c) => {
    const { user, businessUnit, roles } = c.get('caller');
    return c.json({ user, businessUnit, roles }, 200);
  });
}
