import { executeRows, type Transaction } from '@scc/db';
import { sql } from 'drizzle-orm';
import { deepEqual, type JsonObject } from './profile-diff.js';

type Writer = Pick<Transaction, 'execute'>;

/**
 * Locks the tenant's row (a subtree move and every other writer of its versions wait) and reads
 * its path and current version. Undefined when the tenant does not exist.
 */
export async function lockProfile(
  tx: Writer,
  tenantId: string,
): Promise<{ buPath: string; productId: string; version: number; document: JsonObject } | undefined> {
  const [row] = await executeRows<{ buPath: string; productId: string }>(
    tx,
    sql`select bu_path::text as "buPath", product_id as "productId" from tenants where id = ${tenantId} for update`,
  );
  if (!row) return undefined;
  const [current] = await executeRows<{ version: number; document: JsonObject }>(
    tx,
    sql`select version, document from solution_profile_versions where tenant_id = ${tenantId}
      order by version desc limit 1`,
  );
  return { ...row, version: current?.version ?? 0, document: current?.document ?? {} };
}

/** The version a request already wrote into the tenant, if it did: a repeated step finds it. */
export async function versionWrittenBy(tx: Writer, tenantId: string, requestId: string): Promise<number | undefined> {
  const [row] = await executeRows<{ version: number }>(
    tx,
    sql`select version from solution_profile_versions where tenant_id = ${tenantId} and created_by_request_id = ${requestId}`,
  );
  return row?.version;
}

/**
 * Writes `document` as the tenant's next version and rewrites its flat rows (the top-level
 * sections copies and archives read) to match, in the caller's transaction, which must hold
 * `lockProfile`'s lock.
 */
export async function writeVersion(
  tx: Writer,
  locked: { buPath: string; version: number },
  tenantId: string,
  document: JsonObject,
  /** The deployment that wrote it; null for an edit. */
  requestId: string | null,
): Promise<number> {
  const version = locked.version + 1;
  await tx.execute(sql`insert into solution_profile_versions (tenant_id, version, document, created_by_request_id, bu_path)
    values (${tenantId}, ${version}, ${JSON.stringify(document)}::jsonb, ${requestId}, ${locked.buPath}::ltree)`);
  await tx.execute(sql`delete from tenant_solution_profile where tenant_id = ${tenantId}`);
  const sections = Object.entries(document);
  if (sections.length > 0) {
    await tx.execute(sql`insert into tenant_solution_profile (tenant_id, key, value, bu_path)
      select ${tenantId}, s.key, s.value, ${locked.buPath}::ltree
      from jsonb_each(${JSON.stringify(document)}::jsonb) s`);
  }
  return version;
}

/**
 * After a copy or restore wrote a tenant's flat profile rows: their document becomes a new
 * version, unless it is the current one already or this request recorded it before.
 */
export async function recordVersionFromRows(tx: Writer, tenantId: string, requestId: string): Promise<void> {
  const locked = await lockProfile(tx, tenantId);
  if (!locked || (await versionWrittenBy(tx, tenantId, requestId)) !== undefined) return;
  const [row] = await executeRows<{ document: JsonObject }>(
    tx,
    sql`select coalesce(jsonb_object_agg(key, value), '{}'::jsonb) as document from tenant_solution_profile
      where tenant_id = ${tenantId}`,
  );
  const document = row?.document ?? {};
  if (deepEqual(document, locked.document)) return;
  await tx.execute(sql`insert into solution_profile_versions (tenant_id, version, document, created_by_request_id, bu_path)
    values (${tenantId}, ${locked.version + 1}, ${JSON.stringify(document)}::jsonb, ${requestId}, ${locked.buPath}::ltree)`);
}
