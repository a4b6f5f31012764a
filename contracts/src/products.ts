import { z } from '@hono/zod-openapi';

export const ProductSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    tenantTypes: z.array(z.string()),
    ownerBusinessUnitId: z.uuid(),
    /** The caller's subtree owns it (and may change its rules) rather than sharing an ancestor's. */
    own: z.boolean(),
  })
  .openapi('Product');

export const ProductIdParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
