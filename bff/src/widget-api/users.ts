import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changeProblemResponses, problemResponses } from '@scc/contracts/problem';
import { RoleAssignmentSchema, type User, UserSchema } from '@scc/contracts/users';
import { validationHook } from '@scc/service-kit/problem-handlers';
import type { InferRequestType } from 'hono/client';
import type { CockpitClient, CockpitConnection } from '../cockpit/cockpit-client.js';
import { fromCockpit } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';
import {
  asJson,
  businessUnitIdQuery,
  cockpitForWidget,
  cursorQuery,
  forwardedBody,
  IdParams,
  json,
  noBody,
  security,
} from './forwarding.js';

/** Delegated administration: users of the subtree and their role assignments. */

/** A page the user admin screen lists at once. */
const USER_PAGE_SIZE = 100;

type Users = CockpitClient['v1']['users'];
type CreateBody = InferRequestType<Users['$post']>['json'];
type UpdateBody = InferRequestType<Users[':id']['$patch']>['json'];
type GrantBody = InferRequestType<CockpitClient['v1']['role-assignments']['$post']>['json'];

const UserPageSchema = z
  .object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })
  .openapi('WidgetUserPage');
type UserPage = z.infer<typeof UserPageSchema>;
type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

const tags = ['Widget: users and roles'];

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Users whose home lies in the caller’s subtree, or in one unit’s subtree',
  security,
  request: {
    query: z.strictObject({
      businessUnitId: businessUnitIdQuery('Users whose home lies in this unit’s subtree'),
      cursor: cursorQuery,
    }),
  },
  responses: { 200: json(UserPageSchema, 'A page of users with their roles'), ...problemResponses },
});

const getRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  tags,
  security,
  request: { params: IdParams },
  responses: { 200: json(UserSchema, 'The user'), ...problemResponses },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a user with a home business unit (admin there)',
  security,
  request: { body: forwardedBody('WidgetCreateUser', '`{ email, displayName, businessUnitId }`') },
  responses: { 201: json(UserSchema, 'The new user'), ...changeProblemResponses },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags,
  security,
  request: { params: IdParams, body: forwardedBody('WidgetUpdateUser', '`{ displayName }`') },
  responses: { 200: json(UserSchema, 'The changed user'), ...changeProblemResponses },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/users/{id}',
  tags,
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...changeProblemResponses },
});

const grantRoute = createRoute({
  method: 'post',
  path: '/role-assignments',
  tags,
  summary: 'Grant a role the caller holds itself, on a unit it administers',
  security,
  request: { body: forwardedBody('WidgetGrantRole', '`{ userId, businessUnitId, role }`') },
  responses: { 201: json(RoleAssignmentSchema, 'The assignment'), ...changeProblemResponses },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/role-assignments/{id}',
  tags,
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Revoked' }, ...changeProblemResponses },
});

export function userRoutes(cockpit: CockpitConnection) {
  return new OpenAPIHono<WidgetEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const { businessUnitId, cursor } = c.req.valid('query');
      const users = cockpitForWidget(cockpit, c).v1.users;
      const query = {
        limit: String(USER_PAGE_SIZE),
        ...(businessUnitId ? { businessUnitId } : {}),
        ...(cursor ? { cursor } : {}),
      };
      return c.json(await fromCockpit(() => users.$get({ query }), asJson<UserPage>()), 200);
    })
    .openapi(getRoute, async (c) => {
      const param = c.req.valid('param');
      const user = cockpitForWidget(cockpit, c).v1.users[':id'];
      return c.json(await fromCockpit(() => user.$get({ param }), asJson<User>()), 200);
    })
    .openapi(createUserRoute, async (c) => {
      const json = c.req.valid('json') as CreateBody;
      const users = cockpitForWidget(cockpit, c).v1.users;
      return c.json(await fromCockpit(() => users.$post({ json }), asJson<User>()), 201);
    })
    .openapi(updateRoute, async (c) => {
      const param = c.req.valid('param');
      const json = c.req.valid('json') as UpdateBody;
      const user = cockpitForWidget(cockpit, c).v1.users[':id'];
      return c.json(await fromCockpit(() => user.$patch({ param, json }), asJson<User>()), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const param = c.req.valid('param');
      const user = cockpitForWidget(cockpit, c).v1.users[':id'];
      await fromCockpit(() => user.$delete({ param }), noBody);
      return c.body(null, 204);
    })
    .openapi(grantRoute, async (c) => {
      const json = c.req.valid('json') as GrantBody;
      const assignments = cockpitForWidget(cockpit, c).v1['role-assignments'];
      return c.json(await fromCockpit(() => assignments.$post({ json }), asJson<RoleAssignment>()), 201);
    })
    .openapi(revokeRoute, async (c) => {
      const param = c.req.valid('param');
      const assignment = cockpitForWidget(cockpit, c).v1['role-assignments'][':id'];
      await fromCockpit(() => assignment.$delete({ param }), noBody);
      return c.body(null, 204);
    });
}
