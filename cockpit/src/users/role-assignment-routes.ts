import { createRoute } from '@hono/zod-openapi';
import { ProblemError } from '@scc/contracts/problem';
import { riskyChangeProblemResponses } from '@scc/contracts/step-up';
import { GrantRoleBody, RoleAssignmentIdParams, RoleAssignmentSchema } from '@scc/contracts/users';
import { type Database, roleAssignments, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { lockBusinessUnit } from '../business-units/queries.js';
import type { Clock } from '../operations/clock.js';
import { requireRole, rolesOn } from '../scope/authorize.js';
import type { CockpitEnv } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import { grantRefusal } from '../scope/roles.js';
import { requireStepUp } from '../step-up/require-step-up.js';
import { findUser } from './queries.js';

const tags = ['Users'];

const grantRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Grant a role on a unit to a user of the subtree (admin there, and holding the role granted)',
  request: { body: jsonBody(GrantRoleBody) },
  responses: {
    201: jsonContent(RoleAssignmentSchema, 'The new assignment'),
    ...riskyChangeProblemResponses,
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Revoke a role assignment (admin on its unit; never your own last admin)',
  request: { params: RoleAssignmentIdParams },
  responses: { 204: { description: 'Revoked' }, ...riskyChangeProblemResponses },
});

export function roleAssignmentRoutes(db: Database, clock: Clock) {
  return createRouter<CockpitEnv>()
    .openapi(grantRoute, async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const assignment = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, body.businessUnitId);
        const user = unit ? await findUser(tx, caller, body.userId) : undefined;
        if (!unit || !user) throw ProblemError.of('notFound');
        const refusal = grantRefusal(await rolesOn(tx, caller, unit.path), body.role);
        if (refusal === 'not-admin') throw ProblemError.of('forbidden');
        if (refusal === 'role-not-held') {
          throw ProblemError.of('forbidden', undefined, [
            { field: 'body.role', message: 'You can only grant roles you hold yourself' },
          ]);
        }
        await requireStepUp(tx, clock, unit.path, caller);
        const [existing] = await tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.userId, user.id),
              eq(roleAssignments.businessUnitId, unit.id),
              eq(roleAssignments.role, body.role),
            ),
          );
        if (existing) {
          throw ProblemError.of('conflict', 'The user already holds this role on this unit', [
            { field: 'body.role', message: 'Already granted' },
          ]);
        }
        const [row] = await tx
          .insert(roleAssignments)
          .values({ userId: user.id, businessUnitId: unit.id, role: body.role, buPath: unit.path })
          .returning({
            id: roleAssignments.id,
            userId: roleAssignments.userId,
            businessUnitId: roleAssignments.businessUnitId,
            role: roleAssignments.role,
          });
        if (!row) throw new Error('role assignment not written');
        await recordAudit(tx, caller, {
          action: 'role-assignment.granted',
          entityType: 'role-assignment',
          entityId: row.id,
          businessUnit: { id: unit.id, path: unit.path },
          before: null,
          after: { userId: user.id, email: user.email, role: row.role },
        });
        return row;
      });
      return c.json(assignment, 201);
    })
    .openapi(revokeRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      await withScope(db, caller, async (tx) => {
        const [assignment] = await tx
          .select()
          .from(roleAssignments)
          .where(and(eq(roleAssignments.id, id), inScope(roleAssignments.buPath, caller)));
        if (!assignment) throw ProblemError.of('notFound');
        await requireRole(tx, caller, assignment.buPath, 'admin');
        await requireStepUp(tx, clock, assignment.buPath, caller);
        if (assignment.userId === caller.user.id && assignment.role === 'admin') {
          // Only admin assignments of one's own on the acting unit can carry one's admin rights.
          const [otherAdmin] = await tx
            .select({ id: roleAssignments.id })
            .from(roleAssignments)
            .where(
              and(
                eq(roleAssignments.userId, caller.user.id),
                eq(roleAssignments.role, 'admin'),
                ne(roleAssignments.id, id),
                sql`${roleAssignments.buPath} @> ${caller.scopePath}::ltree`,
              ),
            );
          if (assignment.buPath === caller.scopePath && !otherAdmin) {
            throw ProblemError.of('conflict', 'You cannot revoke your own last admin role', [
              { field: 'path.id', message: 'Your own last admin role' },
            ]);
          }
        }
        await tx.delete(roleAssignments).where(eq(roleAssignments.id, id));
        await recordAudit(tx, caller, {
          action: 'role-assignment.revoked',
          entityType: 'role-assignment',
          entityId: id,
          businessUnit: { id: assignment.businessUnitId, path: assignment.buPath },
          before: { userId: assignment.userId, role: assignment.role },
          after: null,
        });
      });
      return c.body(null, 204);
    });
}
