import {
  type Database,
  executeRows,
  type TenantSnapshot,
  tenantApplicationData,
  tenantArchives,
  tenantSolutionProfile,
  tenants,
} from '@scc/db';
import { and, asc, desc, eq, getTableName, notInArray, sql } from 'drizzle-orm';
import { recordVersionFromRows } from '../transports/versions.js';
import type { CopyPreview, OperationalStatus, Provisioner, TenantPart, TenantSpec } from './port.js';

export interface LocalProvisionerOptions {
  /** Pause before each unit of work, so steps take realistic time; tests use 0. */
  stepDelayMs?: number;
  /** Rows copied per unit of work. */
  chunkSize?: number;
}

const tables = { applicationData: tenantApplicationData, solutionProfile: tenantSolutionProfile } as const;

const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * The demo's infrastructure: tenants are rows of our own database. It works as the owner (it is
 * the system, not a caller) and stamps every row with the tenant's business-unit path.
 */
export interface LocalProvisioner extends Provisioner {
  /** What monitoring of a real infrastructure would notice: the tenant is now up, degraded, down or in maintenance. */
  reportStatus(tenantId: string, status: OperationalStatus): void;
}

/**
 * A new row's `bu_path`, read in the writing statement with FOR SHARE: a subtree move holds the unit's
 * (or tenant's) row while it rewrites paths, so the write waits for it and takes the new path
 * instead of leaving a row behind at the old one, where the old ancestors would still see it.
 */
const pathOfUnit = (businessUnitId: string) =>
  sql<string>`(select path from business_units where id = ${businessUnitId}::uuid for share)`;
const pathOfTenant = (tenantId: string) =>
  sql<string>`(select bu_path from tenants where id = ${tenantId}::uuid for share)`;

export function createLocalProvisioner(db: Database, options: LocalProvisionerOptions = {}): LocalProvisioner {
  const reported = new Map<string, OperationalStatus>();
  const delay = options.stepDelayMs ?? 0;
  const chunkSize = options.chunkSize ?? 4;

  const removeData = async (tenantId: string) => {
    await db.delete(tenantApplicationData).where(eq(tenantApplicationData.tenantId, tenantId));
    await db.delete(tenantSolutionProfile).where(eq(tenantSolutionProfile.tenantId, tenantId));
  };

  const insertTenant = (spec: TenantSpec, lifecycleStatus: 'provisioning' | 'live') =>
    db
      .insert(tenants)
      .values({
        id: spec.tenantId,
        businessUnitId: spec.businessUnitId,
        productId: spec.productId,
        name: spec.name,
        type: spec.type,
        lifecycleStatus,
        buPath: pathOfUnit(spec.businessUnitId),
      })
      .onConflictDoNothing();

  return {
    async createTenant(_requestId, spec) {
      await pause(delay);
      await insertTenant(spec, 'provisioning');
    },

    async previewCopy(part, sourceTenantId, targetTenantId, sample) {
      const table = sql.identifier(getTableName(tables[part]));
      // One pass over both sides: a key only in the source is added, only in the target removed.
      const compared = sql`select coalesce(s.key, t.key) as key,
          case when t.key is null then 'added' when s.key is null then 'removed'
            when s.value is distinct from t.value then 'changed' else 'unchanged' end as op
        from (select key, value from ${table} where tenant_id = ${sourceTenantId}) s
        full join (select key, value from ${table} where tenant_id = ${targetTenantId}) t on s.key = t.key`;
      const [counts] = await executeRows<Omit<CopyPreview, 'keys'>>(
        db,
        sql`select count(*) filter (where op = 'added')::int as added,
            count(*) filter (where op = 'changed')::int as changed,
            count(*) filter (where op = 'removed')::int as removed,
            count(*) filter (where op = 'unchanged')::int as unchanged
          from (${compared}) c`,
      );
      const keys = await executeRows<CopyPreview['keys'][number]>(
        db,
        sql`select key, op from (${compared}) c where op <> 'unchanged' order by key limit ${sample}`,
      );
      return { added: 0, changed: 0, removed: 0, unchanged: 0, ...counts, keys };
    },

    async copyPart(requestId, part, sourceTenantId, targetTenantId) {
      const table = tables[part];
      const [target] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, targetTenantId));
      if (!target) throw new Error(`target tenant ${targetTenantId} does not exist`);
      const source = await db
        .select({ key: table.key, value: table.value })
        .from(table)
        .where(eq(table.tenantId, sourceTenantId))
        .orderBy(asc(table.key));
      // Chunk by chunk, each an upsert: a copy cut off half-way is completed, never doubled, by the next run.
      for (let i = 0; i < source.length; i += chunkSize) {
        await pause(delay);
        const chunk = source.slice(i, i + chunkSize);
        await db
          .insert(table)
          .values(
            chunk.map((row) => ({
              tenantId: targetTenantId,
              key: row.key,
              value: row.value,
              buPath: pathOfTenant(targetTenantId),
            })),
          )
          .onConflictDoUpdate({
            target: [table.tenantId, table.key],
            set: { value: sql`excluded.value`, updatedAt: sql`now()` },
          });
      }
      await db.delete(table).where(
        and(
          eq(table.tenantId, targetTenantId),
          source.length > 0
            ? notInArray(
                table.key,
                source.map((r) => r.key),
              )
            : undefined,
        ),
      );
      // The copied sections become the target's next profile version (once per request).
      if (part === 'solutionProfile')
        await db.transaction((tx) => recordVersionFromRows(tx, targetTenantId, requestId));
      return { rows: source.length };
    },

    async activateTenant(_requestId, tenantId) {
      await pause(delay);
      await db
        .update(tenants)
        .set({ lifecycleStatus: 'live', updatedAt: sql`now()` })
        .where(and(eq(tenants.id, tenantId), eq(tenants.lifecycleStatus, 'provisioning')));
    },

    async archiveTenant(requestId, tenantId) {
      await pause(delay);
      await db.transaction(async (tx) => {
        const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
        if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
        const [done] = await tx
          .select({ id: tenantArchives.id })
          .from(tenantArchives)
          .where(eq(tenantArchives.requestId, requestId));
        // A repeated archive step finds its snapshot written and the data gone: nothing to do.
        if (done) return;
        // Only a retained tenant is archived: a snapshot of anything else (an archive taken
        // already, a tenant back in use) would be empty or wrong, and a restore would trust it.
        if (tenant.lifecycleStatus !== 'retained')
          throw new Error(`tenant ${tenantId} is ${tenant.lifecycleStatus}, not retained: nothing to archive`);
        const rowsOf = (part: TenantPart) =>
          tx
            .select({ key: tables[part].key, value: tables[part].value })
            .from(tables[part])
            .where(eq(tables[part].tenantId, tenantId))
            .orderBy(asc(tables[part].key));
        const snapshot: TenantSnapshot = {
          tenant: {
            id: tenant.id,
            name: tenant.name,
            type: tenant.type,
            productId: tenant.productId,
            businessUnitId: tenant.businessUnitId,
          },
          applicationData: await rowsOf('applicationData'),
          solutionProfile: await rowsOf('solutionProfile'),
        };
        await tx.insert(tenantArchives).values({ tenantId, requestId, snapshot, buPath: pathOfTenant(tenantId) });
        await tx.delete(tenantApplicationData).where(eq(tenantApplicationData.tenantId, tenantId));
        await tx.delete(tenantSolutionProfile).where(eq(tenantSolutionProfile.tenantId, tenantId));
        await tx
          .update(tenants)
          .set({ lifecycleStatus: 'archived', retainedUntil: null, updatedAt: sql`now()` })
          .where(eq(tenants.id, tenantId));
      });
    },

    async deleteTenant(_requestId, tenantId) {
      await pause(delay);
      await db.transaction(async (tx) => {
        const [tenant] = await tx
          .select({ lifecycle: tenants.lifecycleStatus })
          .from(tenants)
          .where(eq(tenants.id, tenantId))
          .for('update');
        if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
        if (tenant.lifecycle === 'deleted') return;
        if (tenant.lifecycle !== 'retained')
          throw new Error(`tenant ${tenantId} is ${tenant.lifecycle}, not retained: refusing to delete it`);
        await tx.delete(tenantApplicationData).where(eq(tenantApplicationData.tenantId, tenantId));
        await tx.delete(tenantSolutionProfile).where(eq(tenantSolutionProfile.tenantId, tenantId));
        await tx
          .update(tenants)
          .set({ lifecycleStatus: 'deleted', retainedUntil: null, updatedAt: sql`now()` })
          .where(eq(tenants.id, tenantId));
      });
    },

    async restoreTenant(requestId, archivedTenantId, target) {
      await pause(delay);
      const [archive] = await db
        .select({ snapshot: tenantArchives.snapshot })
        .from(tenantArchives)
        .where(eq(tenantArchives.tenantId, archivedTenantId))
        .orderBy(desc(tenantArchives.createdAt))
        .limit(1);
      if (!archive) throw new Error(`no archive of tenant ${archivedTenantId}`);
      await db.transaction(async (tx) => {
        if (target.tenantId !== archivedTenantId) {
          await tx
            .insert(tenants)
            .values({
              id: target.tenantId,
              businessUnitId: target.businessUnitId,
              productId: target.productId,
              name: target.name,
              type: target.type,
              lifecycleStatus: 'provisioning',
              buPath: pathOfUnit(target.businessUnitId),
            })
            .onConflictDoNothing();
        }
        for (const part of ['applicationData', 'solutionProfile'] as const) {
          const rows = archive.snapshot[part];
          if (rows.length === 0) continue;
          await tx
            .insert(tables[part])
            .values(
              rows.map((r) => ({
                tenantId: target.tenantId,
                key: r.key,
                value: r.value,
                buPath: pathOfTenant(target.tenantId),
              })),
            )
            .onConflictDoUpdate({
              target: [tables[part].tenantId, tables[part].key],
              set: { value: sql`excluded.value`, updatedAt: sql`now()` },
            });
        }
        await tx
          .update(tenants)
          .set({ lifecycleStatus: 'live', retainedUntil: null, updatedAt: sql`now()` })
          .where(eq(tenants.id, target.tenantId));
        await recordVersionFromRows(tx, target.tenantId, requestId);
      });
    },

    async discardTenant(_requestId, tenantId) {
      // Its data rows go with it (ON DELETE CASCADE).
      await removeData(tenantId);
      await db.delete(tenants).where(eq(tenants.id, tenantId));
    },

    reportStatus(tenantId, status) {
      reported.set(tenantId, status);
    },

    // Tenants nobody reported on keep the status they have: the local infrastructure has no news of them.
    async operationalStatus(tenantIds) {
      return new Map(
        tenantIds.flatMap((id) => (reported.has(id) ? [[id, reported.get(id) as OperationalStatus]] : [])),
      );
    },
  };
}
