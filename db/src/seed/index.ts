import type { Database } from '../client.js';
import { childPath } from '../paths.js';
import {
  brandLogos,
  businessUnits,
  contracts,
  identityProviders,
  productExtensions,
  products,
  roleAssignments,
  solutionProfileVersions,
  tenantApplicationData,
  tenantExtensions,
  tenantSolutionProfile,
  tenants,
  users,
} from '../schema/index.js';
import { seedBrands } from './brands.js';
import * as catalog from './catalog.js';
import { hierarchy, type SeedBusinessUnit } from './hierarchy.js';
import { seedId } from './ids.js';
import { personas, type SeedPersona } from './personas.js';

export * as catalog from './catalog.js';
export type { SeedPersona } from './personas.js';
export type { SeedBusinessUnit };
export { hierarchy, personas, seedId };

export interface SeededBusinessUnit {
  key: string;
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
}

let cachedUnits: readonly SeededBusinessUnit[] | undefined;

/** Every seeded business unit in pre-order, with ids and paths as the seed writes them. */
export function seededBusinessUnits(): readonly SeededBusinessUnit[] {
  cachedUnits ??= Object.freeze(walkHierarchy().map((unit) => Object.freeze(unit)));
  return cachedUnits;
}

function walkHierarchy(): SeededBusinessUnit[] {
  const out: SeededBusinessUnit[] = [];
  const walk = (node: SeedBusinessUnit, parent: SeededBusinessUnit | null) => {
    const id = seedId('business-unit', node.key);
    const unit = {
      key: node.key,
      id,
      parentId: parent?.id ?? null,
      name: node.name,
      kind: node.kind,
      path: childPath(parent?.path ?? null, id),
    };
    out.push(unit);
    for (const child of node.children ?? []) walk(child, unit);
  };
  walk(hierarchy, null);
  return out;
}

export function personaByKey(key: string): SeedPersona {
  const persona = personas.find((p) => p.key === key);
  if (!persona) throw new Error(`no seeded persona "${key}"`);
  return persona;
}

export function seededBusinessUnit(key: string): SeededBusinessUnit {
  const unit = seededBusinessUnits().find((u) => u.key === key);
  if (!unit) throw new Error(`no seeded business unit "${key}"`);
  return unit;
}

/** The demo's stand-in for Contoso's own identity provider, where it runs this time. */
export interface DemoIdentityProvider {
  issuer: string;
  jwksUri: string;
  /** The demo host's client id there. */
  audience: string;
}

/** Contoso Retail trusts its own identity provider; its subtree's users sign in through it. */
export const DEMO_IDENTITY_PROVIDER = { id: seedId('identity-provider', 'contoso-id'), businessUnit: 'contoso' };

/**
 * Loads the demo hierarchy, personas, products, contracts and tenants. Runs as the owner
 * (outside any scope) and inserts with fixed ids and ON CONFLICT DO NOTHING, so running it
 * twice, or after users changed the data, neither duplicates nor overwrites anything.
 * With `identityProvider`, Contoso Retail registers the demo's identity provider; its address is
 * the one thing the seed overwrites, since it follows the port the demo runs it on.
 */
export async function seed(db: Database, options: { identityProvider?: DemoIdentityProvider } = {}): Promise<void> {
  const units = seededBusinessUnits();
  const byKey = new Map(units.map((u) => [u.key, u]));
  const unit = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`seed refers to unknown business unit "${key}"`);
    return found;
  };
  const msp = unit('msp');
  const brands = new Map(seedBrands().map(({ businessUnit, brand }) => [unit(businessUnit).id, brand]));

  await db.transaction(async (tx) => {
    await tx
      .insert(businessUnits)
      .values(
        units.map(({ id, parentId, name, kind, path }) => ({ id, parentId, name, kind, path, brand: brands.get(id) })),
      )
      .onConflictDoNothing();

    await tx
      .insert(brandLogos)
      .values(
        seedBrands().map(({ businessUnit, logo }) => ({
          businessUnitId: unit(businessUnit).id,
          buPath: unit(businessUnit).path,
          ...logo,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(users)
      .values(
        personas.map((p) => ({
          id: seedId('user', p.key),
          email: p.email,
          displayName: p.displayName,
          businessUnitId: unit(p.businessUnit).id,
          buPath: unit(p.businessUnit).path,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(roleAssignments)
      .values(
        personas.map((p) => ({
          id: seedId('role-assignment', p.key),
          userId: seedId('user', p.key),
          businessUnitId: unit(p.businessUnit).id,
          role: p.role,
          buPath: unit(p.businessUnit).path,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(products)
      .values(
        catalog.products.map((p) => ({
          id: seedId('product', p.code),
          code: p.code,
          name: p.name,
          tenantTypes: p.tenantTypes,
          profileSchema: catalog.profileSchemas[p.code] ?? null,
          ownerBusinessUnitId: msp.id,
          buPath: msp.path,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(contracts)
      .values(
        catalog.contracts.map((c) => ({
          id: seedId('contract', c.externalRef),
          externalRef: c.externalRef,
          businessUnitId: unit(c.businessUnit).id,
          productId: seedId('product', c.product),
          sla: c.sla,
          options: c.extraTestTenants ? { extraTestTenants: c.extraTestTenants } : {},
          startsOn: c.startsOn,
          endsOn: c.endsOn ?? null,
          buPath: unit(c.businessUnit).path,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(tenants)
      .values(
        catalog.tenants.map((t) => ({
          id: seedId('tenant', t.key),
          businessUnitId: unit(t.businessUnit).id,
          productId: seedId('product', t.product),
          name: t.name,
          type: t.type,
          productVersion: catalog.productVersionOf(t),
          lifecycleStatus: t.lifecycleStatus,
          operationalStatus: t.operationalStatus,
          buPath: unit(t.businessUnit).path,
        })),
      )
      .onConflictDoNothing();

    const data = tenantContents();
    for (const [table, rows] of [
      [tenantApplicationData, data.applicationData],
      [tenantSolutionProfile, data.solutionProfile],
    ] as const) {
      await tx
        .insert(table)
        .values(rows.map((row) => ({ ...row, buPath: unit(row.businessUnit).path })))
        .onConflictDoNothing();
    }

    await tx
      .insert(solutionProfileVersions)
      .values(
        catalog.tenants.flatMap((t) =>
          catalog.solutionProfileVersionsFor(t).map((document, index) => ({
            id: seedId('profile-version', `${t.key}/${index + 1}`),
            tenantId: seedId('tenant', t.key),
            version: index + 1,
            document,
            buPath: unit(t.businessUnit).path,
          })),
        ),
      )
      .onConflictDoNothing();

    await tx
      .insert(productExtensions)
      .values(
        catalog.extensions.map((e) => ({
          id: seedId('extension', `${e.product}/${e.name}/${e.version}`),
          productId: seedId('product', e.product),
          name: e.name,
          version: e.version,
          minProductVersion: e.minProductVersion,
          maxProductVersion: e.maxProductVersion ?? null,
          dependsOn: e.dependsOn ?? [],
          buPath: msp.path,
        })),
      )
      .onConflictDoNothing();

    await tx
      .insert(tenantExtensions)
      .values(
        catalog.installedExtensions.map((e) => {
          const tenant = catalog.tenants.find((t) => t.key === e.tenant);
          if (!tenant) throw new Error(`no seeded tenant ${e.tenant}`);
          return {
            id: seedId('tenant-extension', `${e.tenant}/${e.name}`),
            tenantId: seedId('tenant', e.tenant),
            name: e.name,
            version: e.version,
            buPath: unit(tenant.businessUnit).path,
          };
        }),
      )
      .onConflictDoNothing();

    if (options.identityProvider) {
      const { issuer, jwksUri, audience } = options.identityProvider;
      const contoso = unit(DEMO_IDENTITY_PROVIDER.businessUnit);
      await tx
        .insert(identityProviders)
        .values({
          id: DEMO_IDENTITY_PROVIDER.id,
          businessUnitId: contoso.id,
          buPath: contoso.path,
          issuer,
          audience,
          jwksUri,
          algorithms: ['RS256', 'ES256'],
          nameClaim: 'name',
          provisioningRole: 'viewer',
        })
        .onConflictDoUpdate({ target: identityProviders.id, set: { issuer, jwksUri, audience } });
    }
  });
}

interface SeedTenantRow {
  id: string;
  tenantId: string;
  key: string;
  value: unknown;
  businessUnit: string;
}

/** A few rows of application data and solution profile per seeded tenant, so copies and archives move real rows. */
export function tenantContents(): { applicationData: SeedTenantRow[]; solutionProfile: SeedTenantRow[] } {
  const applicationData: SeedTenantRow[] = [];
  const solutionProfile: SeedTenantRow[] = [];
  for (const t of catalog.tenants) {
    const tenantId = seedId('tenant', t.key);
    for (let i = 1; i <= catalog.applicationDataRowsPerTenant; i++) {
      const key = `record-${String(i).padStart(3, '0')}`;
      applicationData.push({
        id: seedId('application-data', `${t.key}/${key}`),
        tenantId,
        key,
        value: { tenant: t.name, sequence: i },
        businessUnit: t.businessUnit,
      });
    }
    // The flat rows are the current (last) version's top-level sections.
    const current = catalog.solutionProfileVersionsFor(t).at(-1) ?? {};
    for (const [key, value] of Object.entries(current)) {
      solutionProfile.push({
        id: seedId('solution-profile', `${t.key}/${key}`),
        tenantId,
        key,
        value,
        businessUnit: t.businessUnit,
      });
    }
  }
  return { applicationData, solutionProfile };
}
