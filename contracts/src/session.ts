import { z } from '@hono/zod-openapi';
import { RoleNameSchema } from './users.js';

/** What the caller may do on the acting unit, so a client offers only that and never a refusal. */
export const PermissionsSchema = z
  .object({
    order: z.boolean(),
    terminate: z.boolean(),
    restore: z.boolean(),
    administer: z.boolean(),
    audit: z.boolean(),
    brand: z.boolean(),
  })
  .openapi('Permissions');
export type Permissions = z.infer<typeof PermissionsSchema>;

export const CallerSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
    businessUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    roles: z.array(RoleNameSchema),
    permissions: PermissionsSchema,
    assignments: z
      .array(z.object({ businessUnitId: z.uuid(), role: RoleNameSchema }))
      .openapi({ description: 'Roles the user holds on units below the acting unit (they add to `roles` there)' }),
  })
  .openapi('Caller');
