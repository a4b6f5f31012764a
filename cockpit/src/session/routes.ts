import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '@scc/contracts/problem';
import { CallerSchema } from '@scc/contracts/session';
import { type Database, roleAssignments, withScope } from '@scc/db';
import { createRouter, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { permissionsFor } from './permissions.js';

const meRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Session'],
  summary: 'Who the service token acts for, with which roles, and what they may do',
  responses: {
    200: jsonContent(CallerSchema, 'The resolved caller'),
    ...problemResponses,
  },
});

export function sessionRoutes(db: Database) {
  return createRouter<CockpitEnv>().openapi(meRoute, async (c) => {
    const caller = c.get('caller');
    const { user, businessUnit, roles } = caller;
    const assignments = await withScope(
      db,
      caller,
      (tx) =>
        tx
          .select({ businessUnitId: roleAssignments.businessUnitId, role: roleAssignments.role })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.userId, user.id),
              inScope(roleAssignments.buPath, caller),
              // Strictly below: roles on the acting unit and above are `roles` already.
              sql`${roleAssignments.buPath} <> ${caller.scopePath}::ltree`,
            ),
          )
          .orderBy(roleAssignments.buPath, roleAssignments.role),
      { readOnly: true },
    );
    return c.json({ user, businessUnit, roles, permissions: permissionsFor(roles), assignments }, 200);
  });
}
