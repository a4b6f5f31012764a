import { z } from '@hono/zod-openapi';
import { BusinessUnitRefSchema, BusinessUnitSchema } from '../business-units/schemas.js';

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

const role = z.enum(['viewer', 'operator', 'admin', 'billing']);

const BrandSourceSchema = z
  .object({
    sourceBusinessUnitId: z.uuid(),
    name: z.string().openapi({ description: 'Name of the unit the brand comes from' }),
    brand: z.object({
      displayName: z.string().optional(),
      primaryColor: z.string().optional(),
      logoUrl: z.string().optional(),
    }),
  })
  .nullable()
  .openapi('BrandSource', { description: 'null: no unit inside the caller’s subtree brands it' });

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
    brand: z.object({ before: BrandSourceSchema, after: BrandSourceSchema, changes: z.boolean() }),
    inheritedRoles: z.array(
      z.object({ userId: z.uuid(), email: z.string(), before: z.array(role), after: z.array(role) }),
    ),
  })
  .openapi('MovePreview');

export type MovePreview = z.infer<typeof MovePreviewSchema>;

export const MoveResultSchema = z
  .object({ businessUnit: BusinessUnitSchema, counts: MoveCountsSchema })
  .openapi('MoveResult');
