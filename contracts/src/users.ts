import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from './pagination.js';
import { singleLineText } from './text.js';

export const RoleNameSchema = z.enum(['viewer', 'operator', 'admin', 'billing']).openapi('RoleName');
export type RoleName = z.infer<typeof RoleNameSchema>;

export const UserRoleSchema = z
  .object({ id: z.uuid(), businessUnitId: z.uuid(), businessUnitName: z.string(), role: RoleNameSchema })
  .openapi('UserRole');

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    businessUnitId: z.uuid().openapi({ description: 'Home business unit' }),
    roles: z.array(UserRoleSchema).openapi({ description: 'Assignments inside the caller’s subtree' }),
  })
  .openapi('User');

export type User = z.infer<typeof UserSchema>;

export const UserPageSchema = z
  .object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage');

export const ListUsersQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'businessUnitId', in: 'query' },
      description: 'Users whose home lies in this unit’s subtree',
    }),
  limit: limitParam,
  cursor: cursorParam,
});

const displayName = singleLineText(1, 200);

export const CreateUserBody = z
  .strictObject({
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    displayName,
    businessUnitId: z.uuid(),
  })
  .openapi('CreateUser');

export const UpdateUserBody = z.strictObject({ displayName }).openapi('UpdateUser');

export const UserIdParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const RoleAssignmentSchema = z
  .object({ id: z.uuid(), userId: z.uuid(), businessUnitId: z.uuid(), role: RoleNameSchema })
  .openapi('RoleAssignment');

export const RoleAssignmentIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const GrantRoleBody = z
  .strictObject({ userId: z.uuid(), businessUnitId: z.uuid(), role: RoleNameSchema })
  .openapi('GrantRole');
