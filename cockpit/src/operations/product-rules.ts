import {
  defaultPermissions,
  type OperationKindName,
  type ProductRules,
  ProductRulesSchema,
} from '@scc/contracts/operations';
import type { RoleName } from '@scc/contracts/users';

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

export function requiredRole(rules: ProductRules, operation: OperationKindName, tenantType: string): RoleName {
  const byType: Record<string, RoleName> = rules.permissions[operation] ?? defaultPermissions[operation];
  return byType[tenantType] ?? byType['*'] ?? 'admin';
}

export function afterRetention(rules: ProductRules, tenantType: string): 'archive' | 'delete' {
  return rules.afterRetention[tenantType] ?? rules.afterRetention['*'] ?? 'archive';
}
