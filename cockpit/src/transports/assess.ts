import type { Determinations, ProductRules, Validation } from '@scc/contracts/operations';
import { ProblemError } from '@scc/contracts/problem';
import type { ProfileRestoreDraft, TransportDraft, TransportPreview } from '@scc/contracts/transports';
import type { Transaction } from '@scc/db';
import { approvalDetermination } from '../approvals/store.js';
import { lockTenant } from '../operations/facts.js';
import { productRules } from '../operations/product-rules.js';
import type { Caller } from '../scope/caller.js';
import { type Change, diffDocuments, type JsonObject, pointerOf, resolveMerge, threeWayMerge } from './profile-diff.js';
import { validateProfile } from './profile-schema.js';
import {
  deployedToTestTenant,
  catalogue as extensionCatalogue,
  installedExtensions,
  lastTransportedVersion,
  productSchemaAndRules,
  profileAt,
  type TransportTenant,
  transportTenants,
} from './queries.js';
import {
  baselineFound,
  conflictsResolved,
  pairingProblem,
  planExtensions,
  profileFitsSchema,
  somethingToDeploy,
  sourceHasProfile,
  tenantUsable,
  testedBeforeProductive,
  transportPermission,
} from './rules.js';

/** What the worker deploys, fixed at submit: the request never depends on what is proposed later. */
export interface TransportPlan extends Record<string, unknown> {
  sourceTenantId: string;
  type: string;
  profile: {
    mode: 'full' | 'delta';
    sourceVersion: number;
    baselineVersion: number | null;
    /** The target's version the changes were worked out against. */
    targetVersion: number;
    /** Delta: what changes in the target (applied to its version at deployment time). */
    changes: Change[];
  } | null;
  extensions: { name: string; version: string }[];
}

export interface ProfileRestorePlan extends Record<string, unknown> {
  version: number;
  type: string;
}

/** The same shape operations' assessments have (operations/assess.ts stores it). */
export interface TransportAssessment {
  validations: Validation[];
  chargeable: boolean;
  determinations: Determinations;
  /** The target's type: whether the deployment waits for approval depends on it. */
  targetTenantType: string;
  businessUnitId: string;
  productId: string;
  tenantId: string;
  buPath: string;
  plan: Record<string, unknown>;
}

const notFound = (field: string, message = 'No such tenant') =>
  ProblemError.of('notFound', undefined, [{ field, message }]);

const side = (tenant: TransportTenant) => ({
  tenantId: tenant.id,
  name: tenant.name,
  type: tenant.type,
  productVersion: tenant.productVersion,
  profileVersion: tenant.profileVersion,
});

async function rulesAndSchema(tx: Transaction, productId: string) {
  const product = await productSchemaAndRules(tx, productId);
  return { rules: productRules(product.rules, product.tenantTypes), schema: product.profileSchema };
}

interface ProfilePart {
  preview: NonNullable<TransportPreview['profile']>;
  plan: NonNullable<TransportPlan['profile']>;
  validations: Validation[];
}

async function assessProfile(
  tx: Transaction,
  draft: TransportDraft & { profile: NonNullable<TransportDraft['profile']> },
  source: TransportTenant,
  target: TransportTenant,
  rules: ProductRules,
  schema: Record<string, unknown> | null,
): Promise<ProfilePart> {
  const { mode } = draft.profile;
  const sourceDocument = (await profileAt(tx, source.id, source.profileVersion)) ?? {};
  const targetDocument = (await profileAt(tx, target.id, target.profileVersion)) ?? {};
  const chosenBaseline = draft.profile.baselineVersion;
  let baseline: number | null = null;
  let result: JsonObject = sourceDocument;
  let conflicts: NonNullable<TransportPreview['profile']>['conflicts'] = [];
  let unresolved: string[] = [];
  if (mode === 'delta') {
    const candidate = chosenBaseline ?? (await lastTransportedVersion(tx, source.id, target.id));
    const base = candidate === null ? undefined : await profileAt(tx, source.id, candidate);
    if (base && candidate !== null) {
      baseline = candidate;
      const merge = threeWayMerge(base, sourceDocument, targetDocument);
      const resolutions = new Map(Object.entries(draft.profile.resolutions ?? {}));
      conflicts = merge.conflicts.map((conflict) => {
        const pointer = pointerOf(conflict.path);
        return { ...conflict, pointer, resolution: resolutions.get(pointer) ?? null };
      });
      unresolved = conflicts.filter((c) => c.resolution === null).map((c) => c.pointer || '/');
      result = resolveMerge(sourceDocument, targetDocument, merge, resolutions);
    } else {
      result = targetDocument;
    }
  }
  const changes = diffDocuments(targetDocument, result);
  const validations: Validation[] = [sourceHasProfile(source), baselineFound(mode, baseline, chosenBaseline)];
  if (mode === 'delta') validations.push(conflictsResolved(unresolved));
  validations.push(profileFitsSchema(validateProfile(schema, result, 'profile')));
  const tested = testedBeforeProductive(
    { mode, source, target, sourceVersion: source.profileVersion },
    await deployedToTestTenant(
      tx,
      source.id,
      source.profileVersion,
      target.customerPath,
      rules.transports.testedFirstFor,
    ),
    rules,
  );
  if (tested) validations.push(tested);
  const withPointers = changes.map((change) => ({ ...change, pointer: pointerOf(change.path) }));
  return {
    preview: {
      mode,
      baselineVersion: baseline,
      resultVersion: target.profileVersion + (changes.length > 0 ? 1 : 0),
      changes: withPointers,
      overwrites: withPointers.filter((change) => change.op !== 'added'),
      conflicts,
    },
    plan: {
      mode,
      sourceVersion: source.profileVersion,
      baselineVersion: baseline,
      targetVersion: target.profileVersion,
      changes,
    },
    validations,
  };
}

/**
 * Everything the preview shows and the submit stores for a transport draft. Tenants outside the
 * caller's subtree, the same tenant twice, or tenants of different customers or products: 404.
 */
export async function assessTransport(
  tx: Transaction,
  caller: Caller,
  draft: TransportDraft,
  options: { lock: boolean },
): Promise<{ assessment: TransportAssessment; preview: TransportPreview }> {
  // The stored request copies the target's path: a subtree move waits for this lock.
  if (options.lock) await lockTenant(tx, draft.targetTenantId, 'share');
  const tenants = await transportTenants(tx, caller, [draft.sourceTenantId, draft.targetTenantId]);
  const source = tenants.get(draft.sourceTenantId);
  const target = tenants.get(draft.targetTenantId);
  if (!source) throw notFound('body.sourceTenantId');
  if (!target) throw notFound('body.targetTenantId');
  const pairing = pairingProblem(source, target);
  if (pairing) throw ProblemError.of('notFound', pairing.message, [pairing]);
  const { rules, schema } = await rulesAndSchema(tx, target.productId);

  const validations: Validation[] = [
    transportPermission('transport', target.type, caller.roles, rules),
    tenantUsable(source, 'body.sourceTenantId'),
    tenantUsable(target, 'body.targetTenantId'),
  ];
  const profile = draft.profile
    ? await assessProfile(tx, { ...draft, profile: draft.profile }, source, target, rules, schema)
    : null;
  if (profile) validations.push(...profile.validations);
  let extensionPlan: TransportPreview['extensions'] = null;
  if (draft.extensions) {
    const planned = planExtensions({
      chosen: draft.extensions,
      catalogue: await extensionCatalogue(tx, target.productId),
      source: await installedExtensions(tx, source.id),
      target: await installedExtensions(tx, target.id),
      targetProductVersion: target.productVersion,
    });
    extensionPlan = planned.plan;
    validations.push(...planned.validations);
  }
  const extensionChanges = (extensionPlan ?? []).filter((item) => item.action !== 'keep').length;
  validations.push(
    somethingToDeploy(
      profile?.preview.changes.length ?? 0,
      extensionChanges,
      draft.profile ? 'body.profile' : 'body.extensions',
    ),
  );
  const approval = await approvalDetermination(
    tx,
    draft,
    { targetTenantType: target.type, buPath: target.buPath, productId: target.productId },
    'A transport',
  );
  const plan: TransportPlan = {
    sourceTenantId: source.id,
    type: target.type,
    profile: profile?.plan ?? null,
    extensions: (extensionPlan ?? [])
      .filter((item) => item.action !== 'keep')
      .map((item) => ({
        name: item.name,
        version: item.toVersion,
      })),
  };
  return {
    assessment: {
      validations,
      chargeable: false,
      determinations: { approvalRequired: approval },
      targetTenantType: target.type,
      businessUnitId: target.businessUnitId,
      productId: target.productId,
      tenantId: target.id,
      buPath: target.buPath,
      plan,
    },
    preview: {
      allowed: validations.every((v) => !v.blocking),
      source: side(source),
      target: side(target),
      profile: profile?.preview ?? null,
      extensions: extensionPlan,
      approvalRequired: approval,
      validations,
    },
  };
}

/** Restoring an earlier version deploys that version's document as the tenant's newest. */
export async function assessProfileRestore(
  tx: Transaction,
  caller: Caller,
  draft: ProfileRestoreDraft,
  options: { lock: boolean },
): Promise<TransportAssessment> {
  if (options.lock) await lockTenant(tx, draft.tenantId, 'share');
  const tenant = (await transportTenants(tx, caller, [draft.tenantId])).get(draft.tenantId);
  if (!tenant) throw notFound('body.tenantId');
  const { rules, schema } = await rulesAndSchema(tx, tenant.productId);
  const document = await profileAt(tx, tenant.id, draft.version);
  const validations: Validation[] = [
    transportPermission('profile-restore', tenant.type, caller.roles, rules),
    tenantUsable(tenant, 'body.tenantId'),
  ];
  if (!document || draft.version >= tenant.profileVersion) {
    validations.push({
      rule: 'profile-version',
      passed: false,
      blocking: true,
      message: document
        ? `Version ${draft.version} is the current one.`
        : `${tenant.name} has no profile version ${draft.version}.`,
      field: 'body.version',
    });
  } else {
    validations.push(profileFitsSchema(validateProfile(schema, document, 'profile')));
  }
  const plan: ProfileRestorePlan = { version: draft.version, type: tenant.type };
  return {
    validations,
    chargeable: false,
    determinations: {
      approvalRequired: await approvalDetermination(
        tx,
        draft,
        { targetTenantType: tenant.type, buPath: tenant.buPath, productId: tenant.productId },
        'Restoring a profile version',
      ),
    },
    targetTenantType: tenant.type,
    businessUnitId: tenant.businessUnitId,
    productId: tenant.productId,
    tenantId: tenant.id,
    buPath: tenant.buPath,
    plan,
  };
}
