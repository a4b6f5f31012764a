import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from '../http/pagination.js';

export const BusinessUnitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable().openapi({ description: 'null for the caller’s own business unit' }),
    name: z.string(),
    kind: z.string().openapi({ example: 'customer' }),
    depth: z.number().int().openapi({ description: 'Levels below the caller’s own business unit' }),
  })
  .openapi('BusinessUnit');

export type BusinessUnit = z.infer<typeof BusinessUnitSchema>;

export const BusinessUnitPageSchema = z
  .object({ items: z.array(BusinessUnitSchema), nextCursor: z.string().nullable() })
  .openapi('BusinessUnitPage');

export const ListBusinessUnitsQuery = z.strictObject({
  parentId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'parentId', in: 'query' }, description: 'Only the direct children of this unit' }),
  limit: limitParam,
  cursor: cursorParam,
});

export const BusinessUnitIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
