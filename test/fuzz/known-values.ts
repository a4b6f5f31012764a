import { personas, seedCatalog, seededBusinessUnits, seededTenants, seedId } from '../support/seed-model.js';
import type { KnownValues } from './openapi-fuzz.js';

/**
 * Ids of the seed for the fuzzer to mix into its uuids, so that requests reach past "not found"
 * into the routes' work. The acting persona's own user is left out: deleting it would end the run.
 */
export function seededIds(actingPersonaKey: string): KnownValues {
  const units = seededBusinessUnits().map((u) => u.id);
  const tenants = seededTenants().map((t) => t.id);
  const products = seedCatalog.products.map((p) => seedId('product', p.code));
  const users = personas.filter((p) => p.key !== actingPersonaKey).map((p) => seedId('user', p.key));
  return {
    uuids: [...units, ...tenants, ...products, ...users],
    byName: {
      'business-units': units,
      businessUnitId: units,
      parentId: units,
      newParentId: units,
      under: units,
      tenants,
      tenantId: tenants,
      products,
      productId: products,
      users,
      userId: users,
    },
  };
}
