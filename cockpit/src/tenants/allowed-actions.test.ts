import { lifecycleStatuses } from '@scc/contracts/tenants';
import type { RoleName } from '@scc/db';
import { describe, expect, test } from 'vitest';
import { fc } from '../../../test/support/fast-check.js';
import { evaluateCopy, evaluateDecommission, evaluateOrder, evaluateRestore } from '../operations/evaluate.js';
import { productRules } from '../operations/product-rules.js';
import { allowed, type TenantFact } from '../operations/rules.js';
import type { Caller } from '../scope/caller.js';
import { effectiveRoles } from '../scope/roles.js';
import { tenantUsable, transportPermission } from '../transports/rules.js';
import { type ActionFacts, allowedActionsOf } from './allowed-actions.js';

const TYPES = ['productive', 'test', 'development'];
const ROLES: RoleName[] = ['viewer', 'operator', 'admin', 'billing'];

const caller = (roles: RoleName[]): Caller => ({
  user: { id: 'u', email: 'u@example.com', displayName: 'U' },
  businessUnit: { id: 'bu', name: 'Unit', kind: 'customer' },
  roles,
  scopePath: 'root',
  hostId: 'host',
});

const tenantArbitrary = fc.record({
  id: fc.constant('00000000-0000-4000-8000-000000000001'),
  name: fc.constant('Tenant'),
  type: fc.constantFrom(...TYPES),
  productId: fc.constant('p1'),
  businessUnitId: fc.constant('bu'),
  lifecycleStatus: fc.constantFrom(...lifecycleStatuses),
  hasOpenDecommission: fc.boolean(),
  hasOpenWork: fc.boolean(),
});

/** A product's stored permissions for copy and order: a role per type, or only the default. */
const permissionsArbitrary = fc.record({
  copy: fc.dictionary(fc.constantFrom('*', ...TYPES), fc.constantFrom<RoleName>('viewer', 'operator', 'admin')),
  order: fc.dictionary(fc.constantFrom('*', ...TYPES), fc.constantFrom<RoleName>('viewer', 'operator', 'admin')),
});

/** Another live tenant of the product, idle: a source that never stands in the way of a copy. */
const idleSource: TenantFact = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Source',
  type: 'test',
  productId: 'p1',
  businessUnitId: 'bu',
  lifecycleStatus: 'live',
  hasOpenDecommission: false,
  hasOpenWork: false,
};

describe('allowedActionsOf', () => {
  test('offers each action exactly when the rules of its submit let the caller start it', () => {
    fc.assert(
      fc.property(
        tenantArbitrary,
        fc.subarray(ROLES),
        fc.subarray(ROLES),
        permissionsArbitrary,
        (tenant, acting, below, permissions) => {
          const stored = {
            permissions: { ...permissions, decommission: { '*': 'operator' }, restore: { '*': 'operator' } },
          };
          const rules = productRules(stored, TYPES);
          const roles = effectiveRoles([...acting, ...below]);
          const granted =
            allowedActionsOf(caller(acting), [
              { ...tenant, storedRules: stored, tenantTypes: TYPES, rolesBelow: below },
            ]).get(tenant.id) ?? [];

          const copyInto = evaluateCopy({
            draft: {
              kind: 'copy',
              sourceTenantId: idleSource.id,
              targetTenantId: tenant.id,
              parts: ['solutionProfile'],
            },
            source: idleSource,
            target: tenant,
            rules,
            roles,
          });
          // With a valid contract and no tenant counted yet, only permission and the source decide.
          const orderFrom = TYPES.some((type) =>
            allowed(
              evaluateOrder({
                type,
                productId: 'p1',
                rules,
                roles,
                today: '2026-11-29',
                contract: { startsOn: '2026-01-01', endsOn: null, extraTestTenants: 0 },
                liveProductive: 0,
                testTenants: 0,
                sources: { applicationDataSourceTenantId: tenant, solutionProfileSourceTenantId: tenant },
              }).validations,
            ),
          );
          const terminate = evaluateDecommission({ tenant, rules, roles });
          const restore = evaluateRestore({
            tenant,
            rules,
            roles,
            contract: { startsOn: '2026-01-01', endsOn: null, extraTestTenants: 0 },
            today: '2026-11-29',
            liveProductive: 0,
          });
          // The transport's and the rollback's own rules, as their assessments apply them.
          const side = { ...tenant, customerPath: 'c' };
          const transport =
            allowed([tenantUsable(side, 'body.sourceTenantId')]) &&
            TYPES.some((type) => allowed([transportPermission('transport', type, roles, rules)]));
          const rollBack = allowed([
            transportPermission('profile-restore', tenant.type, roles, rules),
            tenantUsable(side, 'body.tenantId'),
          ]);
          expect(granted.includes('transport')).toBe(transport);
          expect(granted.includes('profile-versions')).toBe(rollBack);
          expect(granted.includes('copy-into')).toBe(allowed(copyInto.validations));
          expect(granted.includes('order-from')).toBe(orderFrom);
          expect(granted.includes('terminate')).toBe(allowed(terminate.validations));
          expect(granted.includes('restore')).toBe(allowed(restore.validations));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a viewer gets nothing; an operator may copy into a test tenant but, by default, not into a productive one', () => {
    const live = (type: string): TenantFact & ActionFacts => ({
      ...idleSource,
      type,
      storedRules: {},
      tenantTypes: TYPES,
      rolesBelow: [],
    });
    const of = (roles: RoleName[], type: string) => allowedActionsOf(caller(roles), [live(type)]).get(idleSource.id);
    expect(of(['viewer'], 'test')).toEqual([]);
    const everything = ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'];
    expect(of(['operator'], 'test')).toEqual(everything);
    // Into a test tenant an operator may transport from a productive one; its profile is the admin's.
    expect(of(['operator'], 'productive')).toEqual(['order-from', 'transport']);
    expect(of(['admin'], 'productive')).toEqual(everything);
  });
});
