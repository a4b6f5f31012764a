import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from './pagination.js';

export const lifecycleStatuses = [
  'provisioning',
  'live',
  'decommissioning',
  'retained',
  'archived',
  'deleted',
] as const;
export type LifecycleStatus = (typeof lifecycleStatuses)[number];
/** Lifecycle states of a decommissioned tenant: customers' lists hide them unless asked. */
export const hiddenLifecycleStatuses: readonly LifecycleStatus[] = [
  'decommissioning',
  'retained',
  'archived',
  'deleted',
];

export const TenantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.string().openapi({ example: 'productive', description: 'One of the product’s tenant types' }),
    lifecycleStatus: z.enum(lifecycleStatuses),
    operationalStatus: z.enum(['up', 'degraded', 'down', 'maintenance']),
    businessUnitId: z.uuid(),
    productId: z.uuid(),
    productName: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    retainedUntil: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'While decommissioned: when the retention period ends' }),
  })
  .openapi('Tenant');

export type Tenant = z.infer<typeof TenantSchema>;

export const TenantPageSchema = z
  .object({ items: z.array(TenantSchema), nextCursor: z.string().nullable() })
  .openapi('TenantPage');

export const ListTenantsQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'businessUnitId', in: 'query' },
      description: 'Tenants of this unit and its descendants',
    }),
  type: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .openapi({ param: { name: 'type', in: 'query' } }),
  lifecycle: z
    .enum(['all', ...lifecycleStatuses])
    .optional()
    .openapi({
      param: { name: 'lifecycle', in: 'query' },
      description: 'Without it decommissioned tenants (decommissioning, retained, archived, deleted) are hidden',
    }),
  limit: limitParam,
  cursor: cursorParam,
});

export const TenantIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
