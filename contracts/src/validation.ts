import { z } from '@hono/zod-openapi';

/** One rule's verdict on a request: operations and transports answer lists of these. */
export const ValidationSchema = z
  .object({
    rule: z.string().openapi({ example: 'max-live-productive' }),
    passed: z.boolean(),
    blocking: z.boolean().openapi({ description: 'A failed blocking rule rejects the request' }),
    message: z.string(),
    field: z.string().optional().openapi({ example: 'body.type' }),
  })
  .openapi('Validation');
export type Validation = z.infer<typeof ValidationSchema>;
