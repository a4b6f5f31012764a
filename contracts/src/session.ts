import { z } from '@hono/zod-openapi';

export const CallerSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
    businessUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    roles: z.array(z.enum(['viewer', 'operator', 'admin', 'billing'])),
  })
  .openapi('Caller');
