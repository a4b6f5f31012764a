import {
  catalog,
  personaByKey,
  personas,
  type SeededBusinessUnit,
  type SeedPersona,
  seededBusinessUnit,
  seededBusinessUnits,
  seedId,
} from '@scc/db/seed';

/**
 * What the seed should contain, computed from the seed's declarations rather than read back
 * from a database, so tests compare the system against an independent expectation.
 */
export const seedCatalog = catalog;

export function isInSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

export function subtreeOf(rootKey: string): SeededBusinessUnit[] {
  const root = seededBusinessUnit(rootKey);
  return seededBusinessUnits().filter((u) => isInSubtree(u.path, root.path));
}

export interface ExpectedTenant {
  id: string;
  key: string;
  name: string;
  type: string;
  lifecycleStatus: string;
  operationalStatus: string;
  businessUnitId: string;
  businessUnitPath: string;
  productId: string;
  productName: string;
}

export function seededTenants(): ExpectedTenant[] {
  return catalog.tenants.map((t) => {
    const unit = seededBusinessUnit(t.businessUnit);
    const product = catalog.products.find((p) => p.code === t.product);
    if (!product) throw new Error(`catalog tenant ${t.key} names unknown product ${t.product}`);
    return {
      id: seedId('tenant', t.key),
      key: t.key,
      name: t.name,
      type: t.type,
      lifecycleStatus: t.lifecycleStatus,
      operationalStatus: t.operationalStatus,
      businessUnitId: unit.id,
      businessUnitPath: unit.path,
      productId: seedId('product', t.product),
      productName: product.name,
    };
  });
}

export function tenantsUnder(rootKey: string): ExpectedTenant[] {
  const root = seededBusinessUnit(rootKey);
  return seededTenants().filter((t) => isInSubtree(t.businessUnitPath, root.path));
}

export function personaUserId(persona: SeedPersona): string {
  return seedId('user', persona.key);
}

export { personaByKey, personas, seededBusinessUnit, seededBusinessUnits, seedId };
