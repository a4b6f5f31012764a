import { personas, seedCatalog, seededBusinessUnits, seededTenants, seedId } from '../support/seed-model.js';
import type { KnownValues } from './openapi-fuzz.js';

/**
 * Ids of the seed for the fuzzer to mix into its uuids, so that requests reach past "not found"
 * into the routes' work. The acting persona's own user is left out: deleting it would end the run.
 */
export function seededIds(actingPersonaKey: string): KnownValues {
  return {
    uuids: [
      ...seededBusinessUnits().map((u) => u.id),
      ...seededTenants().map((t) => t.id),
      ...seedCatalog.products.map((p) => seedId('product', p.code)),
      ...personas.filter((p) => p.key !== actingPersonaKey).map((p) => seedId('user', p.key)),
    ],
  };
}
