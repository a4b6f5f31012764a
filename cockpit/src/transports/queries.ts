import { executeRows, type Transaction } from '@scc/db';
import { type SQL, sql } from 'drizzle-orm';
import { openTerminationOf } from '../operations/facts.js';
import type { Caller } from '../scope/caller.js';
import { inScope } from '../scope/in-subtree.js';
import type { JsonObject } from './profile-diff.js';
import type { CatalogueEntry, Installed, TenantSideFact } from './rules.js';

/**
 * What transports read, always inside the caller's scope (withScope's transaction, plus the
 * explicit filter), or, for the worker, on the owner connection by tenant id.
 */

export interface TransportTenant extends TenantSideFact {
  businessUnitId: string;
  buPath: string;
  productVersion: string;
  profileVersion: number;
}

/** The caller's tenants among `ids`, with their customer and current profile version. */
export async function transportTenants(
  tx: Transaction,
  caller: Caller,
  ids: readonly string[],
): Promise<Map<string, TransportTenant>> {
  const rows = await executeRows<TransportTenant>(
    tx,
    sql`select t.id, t.name, t.type, t.product_id as "productId", t.lifecycle_status as "lifecycleStatus",
        t.business_unit_id as "businessUnitId", t.bu_path::text as "buPath", t.product_version as "productVersion",
        scc_customer_path(t.bu_path)::text as "customerPath",
        ${openTerminationOf(sql`t.id`)} as "hasOpenDecommission",
        (select coalesce(max(v.version), 0) from solution_profile_versions v where v.tenant_id = t.id)::int
          as "profileVersion"
      from tenants t
      where ${inScope(sql`t.bu_path`, caller)}
        and t.id = any(array(select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)))`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

type Reader = Pick<Transaction, 'execute'>;

/** A tenant's profile at `version` (0: the empty profile a tenant starts with), or undefined if it has no such version. */
export async function profileAt(tx: Reader, tenantId: string, version: number): Promise<JsonObject | undefined> {
  if (version === 0) return {};
  const [row] = await executeRows<{ document: JsonObject }>(
    tx,
    sql`select document from solution_profile_versions where tenant_id = ${tenantId} and version = ${version}`,
  );
  return row?.document;
}

/** The source version the last completed profile transport from `source` into `target` carried. */
export async function lastTransportedVersion(tx: Reader, source: string, target: string): Promise<number | null> {
  const [row] = await executeRows<{ version: number }>(
    tx,
    sql`select source_version as version from transports
      where source_tenant_id = ${source} and target_tenant_id = ${target} and profile_mode is not null
      order by created_at desc, id desc limit 1`,
  );
  return row?.version ?? null;
}

/**
 * Whether `version` of `source` was deployed by a completed transport into a tenant of the same
 * customer whose type is not one of `strictTypes`.
 */
export async function deployedToTestTenant(
  tx: Reader,
  source: string,
  version: number,
  customerPath: string,
  strictTypes: readonly string[],
): Promise<boolean> {
  const [row] = await executeRows<{ found: boolean }>(
    tx,
    sql`select exists (select 1 from transports x
      where x.source_tenant_id = ${source} and x.source_version = ${version} and x.profile_mode is not null
        and not (x.target_type = any(${sqlTextArray(strictTypes)}))
        and scc_customer_path(x.bu_path) = ${customerPath}::ltree) as found`,
  );
  return row?.found ?? false;
}

const sqlTextArray = (values: readonly string[]): SQL =>
  sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;

export async function productSchemaAndRules(
  tx: Reader,
  productId: string,
): Promise<{ rules: Record<string, unknown>; tenantTypes: string[]; profileSchema: Record<string, unknown> | null }> {
  const [row] = await executeRows<{
    rules: Record<string, unknown>;
    tenantTypes: string[];
    profileSchema: Record<string, unknown> | null;
  }>(
    tx,
    sql`select rules, tenant_types as "tenantTypes", profile_schema as "profileSchema" from products where id = ${productId}`,
  );
  if (!row) throw new Error(`product ${productId} is not visible`);
  return row;
}

export async function catalogue(tx: Reader, productId: string): Promise<CatalogueEntry[]> {
  return executeRows<CatalogueEntry>(
    tx,
    sql`select name, version, min_product_version as "minProductVersion", max_product_version as "maxProductVersion",
        depends_on as "dependsOn"
      from product_extensions where product_id = ${productId} order by name, version`,
  );
}

export async function installedExtensions(tx: Reader, tenantId: string): Promise<Installed[]> {
  return executeRows<Installed>(
    tx,
    sql`select name, version from tenant_extensions where tenant_id = ${tenantId} order by name`,
  );
}
