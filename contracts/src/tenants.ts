import { z } from '@hono/zod-openapi';
import { cursorParam } from './pagination.js';
import { singleLineText } from './text.js';

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

export const operationalStatuses = ['up', 'degraded', 'down', 'maintenance'] as const;
export type OperationalStatus = (typeof operationalStatuses)[number];

/**
 * What a caller may start on a tenant right now; the widget offers nothing else. `order-from`:
 * order a new tenant with this one as a source; `copy-into`: copy another tenant's parts into it;
 * `transport`: transport its configuration or extensions to (or from) another tenant of its
 * customer; `profile-versions`: roll its solution profile back to an earlier version.
 */
export const tenantActions = [
  'terminate',
  'restore',
  'copy-into',
  'order-from',
  'transport',
  'profile-versions',
] as const;
export type TenantAction = (typeof tenantActions)[number];

export const TenantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.string().openapi({ example: 'productive', description: 'One of the product’s tenant types' }),
    lifecycleStatus: z.enum(lifecycleStatuses),
    operationalStatus: z.enum(operationalStatuses),
    businessUnitId: z.uuid(),
    businessUnitName: z.string(),
    productId: z.uuid(),
    productName: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    retainedUntil: z
      .string()
      .nullable()
      .openapi({ format: 'date-time', description: 'While decommissioned: when the retention period ends' }),
    allowedActions: z.array(z.enum(tenantActions)).openapi({
      description: 'What the caller may request on this tenant now, by its roles and the product’s rules',
    }),
  })
  .openapi('Tenant');

export type Tenant = z.infer<typeof TenantSchema>;

/** Counting stops here: an exact count of a 300,000-tenant subtree would cost more than the page. */
export const TENANT_COUNT_CAP = 10_000;

export const TenantPageSchema = z
  .object({
    items: z.array(TenantSchema),
    nextCursor: z.string().nullable(),
    total: z
      .number()
      .int()
      .min(0)
      .openapi({ description: `Matching tenants, counted up to ${TENANT_COUNT_CAP}` }),
    totalCapped: z.boolean().openapi({ description: `More than ${TENANT_COUNT_CAP} tenants match; total is the cap` }),
  })
  .openapi('TenantPage');

export const tenantSorts = ['name', 'type', 'lifecycle', 'status', 'businessUnit'] as const;
export type TenantSort = (typeof tenantSorts)[number];

export const ListTenantsQuery = z.strictObject({
  businessUnitId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'businessUnitId', in: 'query' },
      description: 'Tenants of this unit and its descendants',
    }),
  // Query text reaches PostgreSQL, which refuses NUL in text: a 400 naming the field, not a 503.
  type: singleLineText(1, 50)
    .optional()
    .openapi({ param: { name: 'type', in: 'query' } }),
  lifecycle: z
    .enum(['all', ...lifecycleStatuses])
    .optional()
    .openapi({
      param: { name: 'lifecycle', in: 'query' },
      description: 'Without it decommissioned tenants (decommissioning, retained, archived, deleted) are hidden',
    }),
  status: z
    .enum(operationalStatuses)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, description: 'Operational status' }),
  q: singleLineText(1, 100)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Part of the tenant’s name, in any case' }),
  sort: z
    .enum(tenantSorts)
    .default('name')
    .openapi({
      param: { name: 'sort', in: 'query' },
      description: 'Ties sort by name, then id; `businessUnit` sorts by the unit’s name',
    }),
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .openapi({ param: { name: 'order', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 50 }),
  cursor: cursorParam.openapi({
    description: 'The `nextCursor` of the previous page, asked with the same sort, order and filters',
  }),
});

export type ListTenantsQuery = z.infer<typeof ListTenantsQuery>;

export const TenantIdParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
