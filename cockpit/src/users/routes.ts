import { createRoute } from '@hono/zod-openapi';
import { keysetCursor, readNameIdCursor } from '@scc/contracts/pagination';
import { changeProblemResponses, ProblemError, problemResponses } from '@scc/contracts/problem';
import {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserIdParams,
  UserPageSchema,
  UserSchema,
} from '@scc/contracts/users';
import { type Database, roleAssignments, type Transaction, users, withScope } from '@scc/db';
import { createRouter, jsonBody, jsonContent } from '@scc/service-kit/openapi';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { findBusinessUnit, lockBusinessUnit } from '../business-units/queries.js';
import { isForeignKeyViolation, isUniqueViolation } from '../http/database-errors.js';
import { requireRole } from '../scope/authorize.js';
import type { Caller, CockpitEnv } from '../scope/caller.js';
import { findUser, listUsers, userView } from './queries.js';

const tags = ['Users'];

const duplicateEmail = () =>
  ProblemError.of('conflict', 'A user with this e-mail address exists', [
    { field: 'body.email', message: 'Already in use' },
  ]);

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Users whose home lies in the caller’s subtree (or in one unit’s subtree), by e-mail',
  request: { query: ListUsersQuery },
  responses: { 200: jsonContent(UserPageSchema, 'A page of users'), ...problemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One user of the caller’s subtree',
  request: { params: UserIdParams },
  responses: { 200: jsonContent(UserSchema, 'The user'), ...problemResponses },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a user with a home business unit (admin on that unit)',
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: jsonContent(UserSchema, 'The new user'), ...changeProblemResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change a user’s display name (admin on the user’s home unit)',
  request: { params: UserIdParams, body: jsonBody(UpdateUserBody) },
  responses: { 200: jsonContent(UserSchema, 'The changed user'), ...changeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a user and its role assignments (admin on the user’s home unit; never yourself)',
  request: { params: UserIdParams },
  responses: { 204: { description: 'Deleted' }, ...changeProblemResponses },
});

async function userForChange(tx: Transaction, caller: Caller, id: string) {
  const user = await findUser(tx, caller, id);
  if (!user) throw ProblemError.of('notFound');
  await requireRole(tx, caller, user.buPath, 'admin');
  return user;
}

const audited = (u: { email: string; displayName: string; businessUnitId: string }) => ({
  email: u.email,
  displayName: u.displayName,
  businessUnitId: u.businessUnitId,
});

export function userRoutes(db: Database) {
  return createRouter<CockpitEnv>()
    .openapi(listRoute, async (c) => {
      const caller = c.get('caller');
      const { businessUnitId, limit, cursor } = c.req.valid('query');
      const after = readNameIdCursor(cursor);
      const page = await withScope(
        db,
        caller,
        async (tx) => {
          const unit = businessUnitId ? await findBusinessUnit(tx, caller, businessUnitId) : undefined;
          if (businessUnitId && !unit) throw ProblemError.of('notFound');
          return listUsers(tx, caller, { underPath: unit?.path ?? caller.scopePath, limit, after });
        },
        { readOnly: true },
      );
      const last = page.items.at(-1);
      return c.json(
        {
          items: page.items.map(userView),
          nextCursor: page.hasMore && last ? keysetCursor([last.email, last.id]) : null,
        },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const caller = c.get('caller');
      const user = await withScope(db, caller, (tx) => findUser(tx, caller, c.req.valid('param').id), {
        readOnly: true,
      });
      if (!user) throw ProblemError.of('notFound');
      return c.json(userView(user), 200);
    })
    .openapi(createUserRoute, async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const user = await withScope(db, caller, async (tx) => {
        const unit = await lockBusinessUnit(tx, caller, body.businessUnitId);
        if (!unit) throw ProblemError.of('notFound');
        await requireRole(tx, caller, unit.path, 'admin');
        const [row] = await tx
          .insert(users)
          .values({ email: body.email, displayName: body.displayName, businessUnitId: unit.id, buPath: unit.path })
          .returning({ id: users.id });
        const created = row ? await findUser(tx, caller, row.id) : undefined;
        if (!created) throw new Error('created user not readable');
        await recordAudit(tx, caller, {
          action: 'user.created',
          entityType: 'user',
          entityId: created.id,
          businessUnit: { id: unit.id, path: unit.path },
          before: null,
          after: audited(created),
        });
        return created;
      }).catch((error: unknown) => {
        throw isUniqueViolation(error, 'users_email_unique') ? duplicateEmail() : error;
      });
      return c.json(userView(user), 201);
    })
    .openapi(updateRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { displayName } = c.req.valid('json');
      const user = await withScope(db, caller, async (tx) => {
        const before = await userForChange(tx, caller, id);
        await tx.update(users).set({ displayName }).where(eq(users.id, id));
        await recordAudit(tx, caller, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          businessUnit: { id: before.businessUnitId, path: before.buPath },
          before: audited(before),
          after: audited({ ...before, displayName }),
        });
        return findUser(tx, caller, id);
      });
      if (!user) throw new Error('updated user not readable');
      return c.json(userView(user), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      await withScope(db, caller, async (tx) => {
        const user = await userForChange(tx, caller, id);
        if (user.id === caller.user.id) {
          throw ProblemError.of('conflict', 'You cannot delete yourself', [
            { field: 'path.id', message: 'This is you' },
          ]);
        }
        await tx.delete(roleAssignments).where(eq(roleAssignments.userId, id));
        await tx.delete(users).where(eq(users.id, id));
        await recordAudit(tx, caller, {
          action: 'user.deleted',
          entityType: 'user',
          entityId: id,
          businessUnit: { id: user.businessUnitId, path: user.buPath },
          before: { ...audited(user), roles: user.roles },
          after: null,
        });
      }).catch((error: unknown) => {
        // Roles the user holds outside the caller's subtree are invisible here and must not vanish with it.
        if (!isForeignKeyViolation(error)) throw error;
        throw ProblemError.of('conflict', 'The user still holds roles or records outside your subtree', [
          { field: 'path.id', message: 'Still referenced outside your subtree' },
        ]);
      });
      return c.body(null, 204);
    });
}
