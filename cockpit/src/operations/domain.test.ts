import { ProductRulesSchema } from '@scc/contracts/operations';
import { describe, expect, test } from 'vitest';
import { determineOrder, effectiveOrder } from './determinations.js';
import { evaluateCopy, evaluateDecommission, evaluateOrder, evaluateRestore, type OrderFacts } from './evaluate.js';
import { afterRetention, productRules, requiredRole } from './product-rules.js';
import { allowed, type ContractFact, holdsRole, type TenantFact } from './rules.js';
import { canTransition, IllegalTransitionError, openStates, transition } from './state-machine.js';

const rules = productRules({}, ['productive', 'test', 'validation', 'development']);
const contract: ContractFact = { startsOn: '2025-01-01', endsOn: null, extraTestTenants: 0 };
const tenant = (over: Partial<TenantFact> = {}): TenantFact => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Prod',
  type: 'productive',
  productId: 'p1',
  businessUnitId: 'bu',
  lifecycleStatus: 'live',
  hasOpenDecommission: false,
  hasOpenWork: false,
  ...over,
});
const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  type: 'test',
  productId: 'p1',
  rules,
  roles: ['operator'],
  today: '2026-11-22',
  contract,
  liveProductive: 0,
  testTenants: 0,
  sources: { applicationDataSourceTenantId: null, solutionProfileSourceTenantId: null },
  ...over,
});
const failed = (v: { validations: { rule: string; passed: boolean }[] }) =>
  v.validations.filter((x) => !x.passed).map((x) => x.rule);

describe('product rules', () => {
  test('defaults of the brief', () => {
    expect(rules).toMatchObject({
      maxLiveProductive: 1,
      maxTestTenants: 1,
      extraTestTenants: 'chargeable',
      retentionDays: 28,
    });
    expect(afterRetention(rules, 'test')).toBe('delete');
    expect(afterRetention(rules, 'development')).toBe('delete');
    expect(afterRetention(rules, 'productive')).toBe('archive');
    expect(requiredRole(rules, 'decommission', 'productive')).toBe('admin');
    expect(requiredRole(rules, 'decommission', 'test')).toBe('operator');
    expect(requiredRole(rules, 'order', 'productive')).toBe('operator');
  });

  test('stored values override defaults; unknown keys and bad values are refused', () => {
    expect(productRules({ maxTestTenants: 3 }, ['test']).maxTestTenants).toBe(3);
    expect(() => ProductRulesSchema.parse({ tenantTypes: ['test'], retentionDays: -1 })).toThrow();
    expect(() => ProductRulesSchema.parse({ tenantTypes: ['test'], surprise: 1 })).toThrow();
    expect(() => ProductRulesSchema.parse({ tenantTypes: [] })).toThrow();
  });

  test('roles imply the lower ones; billing implies none', () => {
    expect(holdsRole(['admin'], 'operator')).toBe(true);
    expect(holdsRole(['operator'], 'admin')).toBe(false);
    expect(holdsRole(['billing'], 'viewer')).toBe(false);
    expect(holdsRole(['viewer', 'billing'], 'billing')).toBe(true);
  });
});

describe('order rules', () => {
  test('a clean order passes every rule', () => {
    const verdict = evaluateOrder(order());
    expect(failed(verdict)).toEqual([]);
    expect(allowed(verdict.validations)).toBe(true);
    expect(verdict.chargeable).toBe(false);
  });

  test('tenant-type-allowed: only the product’s types', () => {
    expect(failed(evaluateOrder(order({ type: 'sandbox' })))).toEqual(['tenant-type-allowed']);
    const v = evaluateOrder(order({ type: 'sandbox' })).validations.find((x) => x.rule === 'tenant-type-allowed');
    expect(v?.field).toBe('body.type');
  });

  test('max-live-productive: a second productive tenant is refused; one with a decommission request does not count', () => {
    expect(failed(evaluateOrder(order({ type: 'productive', liveProductive: 1 })))).toEqual(['max-live-productive']);
    expect(failed(evaluateOrder(order({ type: 'productive', liveProductive: 0 })))).toEqual([]);
    const two = productRules({ maxLiveProductive: 2 }, ['productive']);
    expect(failed(evaluateOrder(order({ type: 'productive', rules: two, liveProductive: 1 })))).toEqual([]);
  });

  test('max-test-tenants: one included; extras need the contract option and are chargeable', () => {
    const one = evaluateOrder(order({ testTenants: 1 }));
    expect(failed(one)).toEqual(['max-test-tenants']);
    expect(one.validations.find((v) => !v.passed)?.message).toMatch(/already has 1 test tenant and/);
    const extra = evaluateOrder(order({ testTenants: 1, contract: { ...contract, extraTestTenants: 1 } }));
    expect(failed(extra)).toEqual([]);
    expect(extra.chargeable).toBe(true);
    expect(failed(evaluateOrder(order({ testTenants: 2, contract: { ...contract, extraTestTenants: 1 } })))).toEqual([
      'max-test-tenants',
    ]);
    const refuse = productRules({ extraTestTenants: 'refuse' }, ['test']);
    expect(
      failed(evaluateOrder(order({ rules: refuse, testTenants: 1, contract: { ...contract, extraTestTenants: 5 } }))),
    ).toEqual(['max-test-tenants']);
  });

  test('contract-entitlement and contract-valid: a contract for the product, valid today', () => {
    expect(failed(evaluateOrder(order({ contract: null })))).toEqual(['contract-entitlement']);
    expect(failed(evaluateOrder(order({ contract: { ...contract, endsOn: '2026-05-31' } })))).toEqual([
      'contract-valid',
    ]);
    expect(failed(evaluateOrder(order({ contract: { ...contract, startsOn: '2027-01-01' } })))).toEqual([
      'contract-valid',
    ]);
    expect(failed(evaluateOrder(order({ contract: { ...contract, endsOn: '2026-11-22' } })))).toEqual([]);
  });

  test('permission: per operation and type, from the rules', () => {
    expect(failed(evaluateOrder(order({ roles: ['viewer'] })))).toEqual(['permission']);
    const strict = productRules({ permissions: { order: { productive: 'admin', '*': 'operator' } } }, ['productive']);
    expect(failed(evaluateOrder(order({ type: 'productive', rules: strict })))).toEqual(['permission']);
    expect(failed(evaluateOrder(order({ type: 'productive', rules: strict, roles: ['admin'] })))).toEqual([]);
  });

  test('source-in-scope and source-same-product, named per field', () => {
    const verdict = evaluateOrder(
      order({
        sources: {
          applicationDataSourceTenantId: undefined,
          solutionProfileSourceTenantId: tenant({ productId: 'p2' }),
        },
      }),
    );
    expect(verdict.validations.filter((v) => !v.passed).map((v) => `${v.rule} ${v.field}`)).toEqual([
      'source-in-scope body.applicationDataSourceTenantId',
      'source-same-product body.solutionProfileSourceTenantId',
    ]);
  });

  test('every failing rule is reported, not only the first', () => {
    const verdict = evaluateOrder(order({ type: 'productive', roles: ['viewer'], contract: null, liveProductive: 1 }));
    expect(failed(verdict)).toEqual(['permission', 'contract-entitlement', 'max-live-productive']);
  });
});

describe('decommission, restore and copy rules', () => {
  test('terminating a productive tenant needs admin; a test tenant operator', () => {
    expect(failed(evaluateDecommission({ tenant: tenant(), rules, roles: ['operator'] }))).toEqual(['permission']);
    expect(failed(evaluateDecommission({ tenant: tenant(), rules, roles: ['admin'] }))).toEqual([]);
    expect(failed(evaluateDecommission({ tenant: tenant({ type: 'test' }), rules, roles: ['operator'] }))).toEqual([]);
  });

  test('a tenant is terminated once, and only while it is live', () => {
    const roles = ['admin'] as const;
    expect(failed(evaluateDecommission({ tenant: tenant({ hasOpenDecommission: true }), rules, roles }))).toEqual([
      'tenant-state',
    ]);
    expect(failed(evaluateDecommission({ tenant: tenant({ lifecycleStatus: 'retained' }), rules, roles }))).toEqual([
      'tenant-state',
    ]);
  });

  test('a tenant is terminated only while no order, copy or restore works on it', () => {
    expect(failed(evaluateDecommission({ tenant: tenant({ hasOpenWork: true }), rules, roles: ['admin'] }))).toEqual([
      'tenant-busy',
    ]);
  });

  test('a tenant with an open termination is neither copied from nor into, nor the source of an order', () => {
    const terminating = tenant({ id: 's', type: 'test', hasOpenDecommission: true });
    const draft = {
      kind: 'copy' as const,
      sourceTenantId: 's',
      targetTenantId: 't',
      parts: ['solutionProfile' as const],
    };
    const target = tenant({ id: 't' });
    expect(failed(evaluateCopy({ draft, source: terminating, target, rules, roles: ['admin'] }))).toEqual([
      'tenant-state',
    ]);
    expect(
      failed(
        evaluateCopy({
          draft,
          source: tenant({ id: 's' }),
          target: tenant({ id: 't', hasOpenDecommission: true }),
          rules,
          roles: ['admin'],
        }),
      ),
    ).toEqual(['tenant-state']);
    const sources = { applicationDataSourceTenantId: terminating, solutionProfileSourceTenantId: null };
    expect(failed(evaluateOrder(order({ sources })))).toEqual(['tenant-state']);
  });

  test('restore: only archived tenants, always chargeable', () => {
    const base = { rules, roles: ['operator'] as const, contract, today: '2026-11-22', liveProductive: 0 };
    const ok = evaluateRestore({ ...base, tenant: tenant({ lifecycleStatus: 'archived' }) });
    expect(failed(ok)).toEqual([]);
    expect(ok.chargeable).toBe(true);
    expect(failed(evaluateRestore({ ...base, tenant: tenant() }))).toEqual(['tenant-state']);
    const restoring = tenant({ lifecycleStatus: 'archived', hasOpenWork: true });
    expect(failed(evaluateRestore({ ...base, tenant: restoring }))).toEqual(['tenant-state']);
  });

  test('restore: a productive tenant comes back only while the unit has room for it', () => {
    const base = { rules, roles: ['operator'] as const, contract, today: '2026-11-22' };
    const archived = tenant({ lifecycleStatus: 'archived' });
    expect(failed(evaluateRestore({ ...base, tenant: archived, liveProductive: 1 }))).toEqual(['max-live-productive']);
    const test = tenant({ lifecycleStatus: 'archived', type: 'test' });
    expect(failed(evaluateRestore({ ...base, tenant: test, liveProductive: 1 }))).toEqual([]);
  });

  test('copy: into a productive tenant needs admin, same product, not onto itself', () => {
    const draft = {
      kind: 'copy' as const,
      sourceTenantId: 's',
      targetTenantId: 't',
      parts: ['solutionProfile' as const],
    };
    const source = tenant({ id: 's', type: 'test' });
    const target = tenant({ id: 't' });
    expect(failed(evaluateCopy({ draft, source, target, rules, roles: ['operator'] }))).toEqual(['permission']);
    expect(failed(evaluateCopy({ draft, source, target, rules, roles: ['admin'] }))).toEqual([]);
    expect(
      failed(evaluateCopy({ draft, source: tenant({ id: 's', productId: 'x' }), target, rules, roles: ['admin'] })),
    ).toEqual(['source-same-product']);
    expect(failed(evaluateCopy({ draft, source: undefined, target, rules, roles: ['admin'] }))).toEqual([
      'source-in-scope',
    ]);
    const self = { ...draft, sourceTenantId: 't' };
    expect(failed(evaluateCopy({ draft: self, source: target, target, rules, roles: ['admin'] }))).toEqual([
      'source-differs',
    ]);
  });
});

describe('determinations', () => {
  const productive = { id: 'prod', name: 'Prod' };
  const sibling = { id: 'sib', name: 'Sibling prod' };

  test('a test tenant proposes the productive tenant as both sources', () => {
    const d = determineOrder({
      draft: { type: 'test' },
      businessUnitName: 'Finance',
      productive,
      siblingProductive: null,
    });
    expect(d.applicationDataSourceTenantId.value).toBe('prod');
    expect(d.solutionProfileSourceTenantId.value).toBe('prod');
    expect(d.name.value).toBe('Finance test');
  });

  test('a first productive tenant for a subsidiary proposes the siblings’ configuration, none of their data', () => {
    const d = determineOrder({
      draft: { type: 'productive' },
      businessUnitName: 'New',
      productive: null,
      siblingProductive: sibling,
    });
    expect(d.solutionProfileSourceTenantId.value).toBe('sib');
    expect(d.applicationDataSourceTenantId.value).toBeNull();
  });

  test('otherwise an initial tenant', () => {
    const d = determineOrder({
      draft: { type: 'test' },
      businessUnitName: 'X',
      productive: null,
      siblingProductive: sibling,
    });
    expect(d.applicationDataSourceTenantId.value).toBeNull();
    expect(d.solutionProfileSourceTenantId.value).toBeNull();
  });

  test('the client may override each proposal independently; null means none', () => {
    const d = determineOrder({ draft: { type: 'test' }, businessUnitName: 'F', productive, siblingProductive: null });
    const draft = { kind: 'order' as const, businessUnitId: 'b', productId: 'p', type: 'test' };
    expect(effectiveOrder({ ...draft, applicationDataSourceTenantId: null, name: 'Mine' }, d)).toEqual({
      name: 'Mine',
      applicationDataSourceTenantId: null,
      solutionProfileSourceTenantId: 'prod',
    });
    expect(effectiveOrder({ ...draft, solutionProfileSourceTenantId: 'other' }, d).solutionProfileSourceTenantId).toBe(
      'other',
    );
  });
});

describe('state machine', () => {
  test('the happy path and the side exits', () => {
    expect(transition('requested', 'validated')).toBe('validated');
    expect(transition('validated', 'queued')).toBe('queued');
    expect(transition('queued', 'running')).toBe('running');
    expect(transition('running', 'succeeded')).toBe('succeeded');
    expect(canTransition('requested', 'rejected')).toBe(true);
    expect(canTransition('queued', 'cancelled')).toBe(true);
    expect(canTransition('running', 'failed')).toBe(true);
  });

  test('refuses skipping states and leaving a final state', () => {
    expect(() => transition('requested', 'running')).toThrow(IllegalTransitionError);
    expect(() => transition('queued', 'succeeded')).toThrow(IllegalTransitionError);
    for (const final of ['succeeded', 'failed', 'rejected', 'cancelled'] as const) {
      for (const to of [...openStates, 'succeeded', 'failed'] as const) expect(canTransition(final, to)).toBe(false);
    }
  });
});
