import { defaultPermissions } from '@scc/contracts/operations';
import type { Permissions } from '@scc/contracts/session';
import type { RoleName } from '@scc/db';
import { includesRole } from '../scope/roles.js';

/**
 * What roles on the acting unit let a caller do there. Operations need the role the product
 * rules' defaults ask for a non-productive tenant (a productive one may need more: each tenant's
 * own `allowedActions` tells); administration, audit and brand need admin. Billing grants none.
 */
export function permissionsFor(roles: readonly RoleName[]): Permissions {
  const administers = includesRole(roles, 'admin');
  return {
    order: includesRole(roles, defaultPermissions.order['*']),
    terminate: includesRole(roles, defaultPermissions.decommission['*']),
    restore: includesRole(roles, defaultPermissions.restore['*']),
    administer: administers,
    audit: administers,
    brand: administers,
  };
}
