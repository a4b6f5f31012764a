import { z } from '@hono/zod-openapi';

const roleName = z.enum(['viewer', 'operator', 'admin', 'billing']);
export const operationKinds = ['order', 'copy', 'decommission', 'restore'] as const;
export type OperationKindName = (typeof operationKinds)[number];

/** Role needed per operation and tenant type; `*` applies to every type not listed. */
const PermissionsSchema = z.partialRecord(z.enum(operationKinds), z.record(z.string().min(1).max(50), roleName));

export const defaultPermissions = {
  order: { '*': 'operator' },
  // Deploying into a productive tenant is more restrictive than into any other.
  copy: { productive: 'admin', '*': 'operator' },
  decommission: { productive: 'admin', '*': 'operator' },
  restore: { '*': 'operator' },
} as const satisfies z.infer<typeof PermissionsSchema>;

/**
 * A product's operation rules as data, with the defaults of the product brief. Stored in
 * `products.rules` without `tenantTypes` (the product's own column); anything missing there
 * takes its default, so products created before a rule existed get the default behaviour.
 */
export const ProductRulesSchema = z
  .strictObject({
    tenantTypes: z.array(z.string().min(1).max(50)).min(1).max(20),
    maxLiveProductive: z.number().int().min(0).max(100).default(1),
    maxTestTenants: z.number().int().min(0).max(100).default(1),
    extraTestTenants: z.enum(['refuse', 'chargeable']).default('chargeable'),
    retentionDays: z.number().int().min(0).max(3650).default(28),
    afterRetention: z
      .record(z.string().min(1).max(50), z.enum(['archive', 'delete']))
      .default({ test: 'delete', development: 'delete', '*': 'archive' }),
    permissions: PermissionsSchema.default(defaultPermissions),
  })
  .openapi('ProductRules');

export type ProductRules = z.infer<typeof ProductRulesSchema>;

/** The rules of a product row: its stored rules with defaults filled in. */
export function productRules(stored: Record<string, unknown>, tenantTypes: string[]): ProductRules {
  const { tenantTypes: _ignored, ...rest } = stored;
  return ProductRulesSchema.parse({ ...rest, tenantTypes });
}

/** What `products.rules` keeps: everything but the tenant types. */
export function storedRules(rules: ProductRules): Record<string, unknown> {
  const { tenantTypes: _types, ...rest } = rules;
  return rest;
}

export type RoleNameValue = z.infer<typeof roleName>;

export function requiredRole(rules: ProductRules, operation: OperationKindName, tenantType: string): RoleNameValue {
  const byType: Record<string, RoleNameValue> = rules.permissions[operation] ?? defaultPermissions[operation];
  return byType[tenantType] ?? byType['*'] ?? 'admin';
}

export function afterRetention(rules: ProductRules, tenantType: string): 'archive' | 'delete' {
  return rules.afterRetention[tenantType] ?? rules.afterRetention['*'] ?? 'archive';
}
