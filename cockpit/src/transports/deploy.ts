import { type Database, executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { OperationRequestRow } from '../operations/records.js';
import type { ProfileRestorePlan, TransportPlan } from './assess.js';
import { applyDiff, type JsonObject } from './profile-diff.js';
import { validateProfile } from './profile-schema.js';
import { productSchemaAndRules, profileAt } from './queries.js';
import { lockProfile, versionWrittenBy, writeVersion } from './versions.js';

/**
 * The worker's deployments, each ONE transaction on the owner connection: the new profile
 * version, the flat rows, the extensions, the transport record and the audit event commit
 * together or not at all, so a worker killed during a deployment leaves the target on its old or
 * its new version, never a mix. A repeated step finds its transport record (or version) and
 * does nothing: requests resume by their completed steps, and the last step may run twice.
 */

const requester = (request: OperationRequestRow) => ({
  user: { id: request.requestedByUserId, email: request.requestedByEmail },
});

export async function deployTransport(db: Database, request: OperationRequestRow): Promise<void> {
  const plan = request.checkpoint as TransportPlan;
  const targetId = request.tenantId as string;
  await db.transaction(async (tx) => {
    const locked = await lockProfile(tx, targetId);
    if (!locked) throw new Error(`target tenant ${targetId} does not exist`);
    const [done] = await executeRows<{ id: string }>(
      tx,
      sql`select id from transports where request_id = ${request.id}`,
    );
    if (done) return;
    let after: number | null = null;
    if (plan.profile) {
      const document: JsonObject =
        plan.profile.mode === 'full'
          ? ((await profileAt(tx, plan.sourceTenantId, plan.profile.sourceVersion)) ??
            failWith(`source version ${plan.profile.sourceVersion} is gone`))
          : applyDiff(locked.document, plan.profile.changes);
      const product = await productSchemaAndRules(tx, locked.productId);
      const errors = validateProfile(product.profileSchema, document, 'profile');
      if (errors.length > 0) failWith(`the resulting profile does not fit the product’s schema: ${errors[0]?.field}`);
      after = await writeVersion(tx, locked, targetId, document, request.id);
    }
    for (const extension of plan.extensions) {
      await tx.execute(sql`insert into tenant_extensions (tenant_id, name, version, installed_by_request_id, bu_path)
        values (${targetId}, ${extension.name}, ${extension.version}, ${request.id}, ${locked.buPath}::ltree)
        on conflict (tenant_id, name) do update set version = excluded.version,
          installed_by_request_id = excluded.installed_by_request_id, updated_at = now()`);
    }
    await tx.execute(sql`insert into transports (request_id, source_tenant_id, target_tenant_id, target_type, profile_mode,
        source_version, baseline_version, target_version_before, target_version_after, extensions, bu_path)
      values (${request.id}, ${plan.sourceTenantId}, ${targetId}, ${plan.type}, ${plan.profile?.mode ?? null},
        ${plan.profile?.sourceVersion ?? null}, ${plan.profile?.baselineVersion ?? null},
        ${plan.profile ? locked.version : null}, ${after}, ${JSON.stringify(plan.extensions)}::jsonb,
        ${locked.buPath}::ltree)`);
    await recordAudit(tx, requester(request), {
      action: 'transport.deployed',
      entityType: 'operation-request',
      entityId: request.id,
      businessUnit: { id: request.businessUnitId, path: locked.buPath },
      before: { tenantId: targetId, profileVersion: locked.version },
      after: {
        tenantId: targetId,
        sourceTenantId: plan.sourceTenantId,
        mode: plan.profile?.mode ?? null,
        profileVersion: after ?? locked.version,
        extensions: plan.extensions,
      },
    });
  });
}

export async function restoreProfileVersion(db: Database, request: OperationRequestRow): Promise<void> {
  const plan = request.checkpoint as ProfileRestorePlan;
  const tenantId = request.tenantId as string;
  await db.transaction(async (tx) => {
    const locked = await lockProfile(tx, tenantId);
    if (!locked) throw new Error(`tenant ${tenantId} does not exist`);
    if ((await versionWrittenBy(tx, tenantId, request.id)) !== undefined) return;
    const document = (await profileAt(tx, tenantId, plan.version)) ?? failWith(`version ${plan.version} is gone`);
    const version = await writeVersion(tx, locked, tenantId, document, request.id);
    await recordAudit(tx, requester(request), {
      action: 'solution-profile.restored',
      entityType: 'operation-request',
      entityId: request.id,
      businessUnit: { id: request.businessUnitId, path: locked.buPath },
      before: { tenantId, profileVersion: locked.version },
      after: { tenantId, profileVersion: version, restoredFrom: plan.version },
    });
  });
}

function failWith(message: string): never {
  throw new Error(message);
}
