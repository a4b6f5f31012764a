import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { problemResponses } from '@scc/contracts/problem';
import { CallerSchema } from '@scc/contracts/session';
import { validationHook } from '@scc/service-kit/problem-handlers';
import type { CockpitEnv } from '../scope/caller.js';

const meRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Session'],
  summary: 'Who the service token acts for, and with which roles',
  responses: {
    200: { description: 'The resolved caller', content: { 'application/json': { schema: CallerSchema } } },
    ...problemResponses,
  },
});

export function sessionRoutes() {
  return new OpenAPIHono<CockpitEnv>({ defaultHook: validationHook }).openapi(meRoute, (c) => {
    const { user, businessUnit, roles } = c.get('caller');
    return c.json({ user, businessUnit, roles }, 200);
  });
}
