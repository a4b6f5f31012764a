import type { ProductRules, Validation } from '@scc/contracts/operations';
import type { FieldError } from '@scc/contracts/problem';
import type { RoleName } from '@scc/db';
import { requiredRole } from '../operations/product-rules.js';
import { holdsRole } from '../operations/rules.js';

/**
 * The rules of transports and profile restores, pure functions of gathered facts: the preview,
 * the dry run and the submit share one verdict.
 */

function pass(rule: string, message: string, field?: string): Validation {
  return { rule, passed: true, blocking: false, message, ...(field ? { field } : {}) };
}
function fail(rule: string, message: string, field?: string): Validation {
  return { rule, passed: false, blocking: true, message, ...(field ? { field } : {}) };
}

/** Compares versions such as 2.4 and 2.4.1 number by number (a missing part counts as 0). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export interface CatalogueEntry {
  name: string;
  version: string;
  minProductVersion: string;
  maxProductVersion: string | null;
  dependsOn: { name: string; minVersion: string }[];
}

export interface Installed {
  name: string;
  version: string;
}

export interface ExtensionPlanItem {
  name: string;
  action: 'install' | 'upgrade' | 'keep';
  fromVersion: string | null;
  toVersion: string;
}

export interface ExtensionFacts {
  chosen: readonly Installed[];
  catalogue: readonly CatalogueEntry[];
  source: readonly Installed[];
  target: readonly Installed[];
  targetProductVersion: string;
}

/**
 * What installing the chosen source extensions does to the target, and whether it may: each must
 * be installed in the source at that version, fit the target's product version, not downgrade the
 * target, and find every extension it depends on in the target afterwards, recent enough.
 */
export function planExtensions(facts: ExtensionFacts): { plan: ExtensionPlanItem[]; validations: Validation[] } {
  const validations: Validation[] = [];
  const plan: ExtensionPlanItem[] = [];
  const after = new Map(facts.target.map((e) => [e.name, e.version]));
  for (const chosen of facts.chosen) after.set(chosen.name, chosen.version);
  const seen = new Set<string>();
  for (const [index, chosen] of facts.chosen.entries()) {
    const field = `body.extensions.${index}`;
    if (seen.has(chosen.name)) {
      validations.push(fail('extension-once', `${chosen.name} is chosen twice.`, `${field}.name`));
      continue;
    }
    seen.add(chosen.name);
    const inSource = facts.source.find((e) => e.name === chosen.name);
    if (inSource?.version !== chosen.version) {
      validations.push(
        fail(
          'extension-in-source',
          inSource
            ? `The source runs ${chosen.name} ${inSource.version}, not ${chosen.version}.`
            : `${chosen.name} is not installed in the source.`,
          `${field}.version`,
        ),
      );
      continue;
    }
    const entry = facts.catalogue.find((e) => e.name === chosen.name && e.version === chosen.version);
    if (!entry) {
      validations.push(fail('extension-known', `The product offers no ${chosen.name} ${chosen.version}.`, field));
      continue;
    }
    const product = facts.targetProductVersion;
    const supported =
      compareVersions(product, entry.minProductVersion) >= 0 &&
      (entry.maxProductVersion === null || compareVersions(product, entry.maxProductVersion) < 0);
    validations.push(
      supported
        ? pass(
            'extension-product-version',
            `${chosen.name} ${chosen.version} supports product version ${product}.`,
            field,
          )
        : fail(
            'extension-product-version',
            `${chosen.name} ${chosen.version} needs product version ${entry.minProductVersion}` +
              `${entry.maxProductVersion ? ` up to (not including) ${entry.maxProductVersion}` : ' or later'}; ` +
              `the target runs ${product}.`,
            field,
          ),
    );
    const installed = facts.target.find((e) => e.name === chosen.name);
    if (installed && compareVersions(installed.version, chosen.version) > 0) {
      validations.push(
        fail(
          'extension-downgrade',
          `The target runs ${chosen.name} ${installed.version}, newer than ${chosen.version}.`,
          `${field}.version`,
        ),
      );
      continue;
    }
    for (const dependency of entry.dependsOn) {
      const present = after.get(dependency.name);
      validations.push(
        present !== undefined && compareVersions(present, dependency.minVersion) >= 0
          ? pass('extension-dependency', `${dependency.name} ${present} is there for ${chosen.name}.`, field)
          : fail(
              'extension-dependency',
              present === undefined
                ? `${chosen.name} needs ${dependency.name} ${dependency.minVersion} or later; the target would not have it.`
                : `${chosen.name} needs ${dependency.name} ${dependency.minVersion} or later; the target would run ${present}.`,
              field,
            ),
      );
    }
    plan.push({
      name: chosen.name,
      action: !installed ? 'install' : installed.version === chosen.version ? 'keep' : 'upgrade',
      fromVersion: installed?.version ?? null,
      toVersion: chosen.version,
    });
  }
  return { plan, validations };
}

export interface TenantSideFact {
  id: string;
  name: string;
  type: string;
  productId: string;
  lifecycleStatus: string;
  hasOpenDecommission: boolean;
  customerPath: string;
}

export function transportPermission(
  kind: 'transport' | 'profile-restore',
  type: string,
  roles: readonly RoleName[],
  rules: ProductRules,
) {
  const needed = requiredRole(rules, kind, type);
  const what = kind === 'transport' ? 'transport into' : 'restore the profile of';
  return holdsRole(roles, needed)
    ? pass('permission', `You may ${what} ${type} tenants.`)
    : fail('permission', `Only a user with the ${needed} role may ${what} a ${type} tenant.`);
}

/** Both ends must be usable: live (or still provisioning) and not on their way out. */
export function tenantUsable(tenant: TenantSideFact, field: string): Validation {
  if (!['provisioning', 'live'].includes(tenant.lifecycleStatus))
    return fail('tenant-state', `${tenant.name} is ${tenant.lifecycleStatus}.`, field);
  if (tenant.hasOpenDecommission)
    return fail('tenant-state', `${tenant.name} has a termination request; cancel it first.`, field);
  return pass('tenant-state', `${tenant.name} is ${tenant.lifecycleStatus}.`, field);
}

/**
 * Why a source and a target cannot be paired at all: the same tenant, another product or another
 * customer. These answer 404 like a tenant outside the caller's subtree: the target is no
 * possible partner of the source.
 */
export function pairingProblem(source: TenantSideFact, target: TenantSideFact): FieldError | null {
  if (source.id === target.id)
    return { field: 'body.targetTenantId', message: 'Source and target are the same tenant' };
  if (source.customerPath !== target.customerPath)
    return { field: 'body.targetTenantId', message: 'No such tenant of the source’s customer' };
  if (source.productId !== target.productId)
    return { field: 'body.targetTenantId', message: 'No such tenant of the source’s product' };
  return null;
}

/** Every conflict must have a resolution before the request can be submitted. */
export function conflictsResolved(unresolved: readonly string[]): Validation {
  const field = 'body.profile.resolutions';
  return unresolved.length === 0
    ? pass('conflicts-resolved', 'Every conflict has a resolution.', field)
    : fail(
        'conflicts-resolved',
        `Choose source or target for ${unresolved.length === 1 ? 'the conflict at' : 'the conflicts at'} ${unresolved.join(', ')}.`,
        field,
      );
}

export function baselineFound(mode: 'full' | 'delta', baseline: number | null, chosen: number | undefined): Validation {
  const field = 'body.profile.baselineVersion';
  if (mode === 'full') return pass('baseline', 'A full transport needs no baseline.', field);
  if (baseline !== null) return pass('baseline', `Changes since source version ${baseline}.`, field);
  return fail(
    'baseline',
    chosen === undefined
      ? 'Nothing was transported from this source into this target yet: choose a baseline version or transport in full.'
      : `The source has no version ${chosen}.`,
    field,
  );
}

/** A source without any profile version has nothing to transport (a full one would empty the target). */
export function sourceHasProfile(source: { name: string; profileVersion: number }): Validation {
  const field = 'body.profile';
  return source.profileVersion > 0
    ? pass('source-profile', `${source.name} has profile version ${source.profileVersion}.`, field)
    : fail('source-profile', `${source.name} has no solution profile yet.`, field);
}

export function somethingToDeploy(changes: number, extensions: number, field: string): Validation {
  return changes + extensions > 0
    ? pass('changes', 'The transport changes the target.', field)
    : fail('changes', 'The target already has everything this transport would bring.', field);
}

/** The deployed profile must fit the target product's schema (errors name paths of the result). */
export function profileFitsSchema(errors: readonly FieldError[]): Validation {
  const field = 'body.profile';
  if (errors.length === 0) return pass('profile-schema', 'The resulting profile fits the product’s schema.', field);
  return fail(
    'profile-schema',
    `The resulting profile does not fit the product’s schema: ${errors
      .slice(0, 5)
      .map((e) => `${e.field} (${e.message})`)
      .join('; ')}.`,
    field,
  );
}

/**
 * A delta into a tenant type the product names in `transports.testedFirstFor` (productive by
 * default) carries only changes already running in a tenant of another type of the same customer:
 * the source itself is such a tenant, or the same source version was deployed into one by a
 * completed transport.
 */
export function testedBeforeProductive(
  facts: { mode: 'full' | 'delta'; source: TenantSideFact; target: TenantSideFact; sourceVersion: number },
  deployedToTestTenant: boolean,
  rules: ProductRules,
): Validation | null {
  if (facts.mode !== 'delta' || !rules.transports.testedFirstFor.includes(facts.target.type)) return null;
  const field = 'body.sourceTenantId';
  if (!rules.transports.testedFirstFor.includes(facts.source.type))
    return pass(
      'tested-before-productive',
      `The changes run in ${facts.source.type} tenant ${facts.source.name}.`,
      field,
    );
  return deployedToTestTenant
    ? pass(
        'tested-before-productive',
        `Version ${facts.sourceVersion} of ${facts.source.name} was deployed to a non-productive tenant first.`,
        field,
      )
    : fail(
        'tested-before-productive',
        `Deploy version ${facts.sourceVersion} of ${facts.source.name} to a non-productive tenant of the customer first.`,
        field,
      );
}
