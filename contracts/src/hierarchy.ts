import { z } from '@hono/zod-openapi';
import { BusinessUnitRefSchema, BusinessUnitSchema, EffectiveBrandSchema } from './business-units.js';
import { RoleNameSchema } from './users.js';

export const MoveBody = z.strictObject({ newParentId: z.uuid() }).openapi('MoveBusinessUnit');

export const MoveCountsSchema = z
  .object({
    businessUnits: z.number().int(),
    tenants: z.number().int(),
    users: z.number().int(),
    roleAssignments: z.number().int(),
    dataSources: z.number().int(),
  })
  .openapi('MoveCounts');

const PlaceSchema = z.object({
  parentId: z.uuid().nullable(),
  path: z.array(z.string()).openapi({ description: 'Names from the caller’s own unit down to the parent' }),
});

export const MovePreviewSchema = z
  .object({
    businessUnit: BusinessUnitRefSchema,
    from: PlaceSchema,
    to: PlaceSchema,
    counts: MoveCountsSchema,
    brand: z.object({ before: EffectiveBrandSchema, after: EffectiveBrandSchema, changes: z.boolean() }),
    inheritedRoles: z.array(
      z.object({
        userId: z.uuid(),
        email: z.string(),
        before: z.array(RoleNameSchema),
        after: z.array(RoleNameSchema),
      }),
    ),
  })
  .openapi('MovePreview');

export type MovePreview = z.infer<typeof MovePreviewSchema>;

export const MoveResultSchema = z
  .object({ businessUnit: BusinessUnitSchema, counts: MoveCountsSchema })
  .openapi('MoveResult');
