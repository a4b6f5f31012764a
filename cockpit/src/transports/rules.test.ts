import { ProductRulesSchema } from '@scc/contracts/operations';
import { describe, expect, test } from 'vitest';
import { validateProfile } from './profile-schema.js';
import {
  type CatalogueEntry,
  compareVersions,
  conflictsResolved,
  pairingProblem,
  planExtensions,
  sourceHasProfile,
  type TenantSideFact,
  testedBeforeProductive,
} from './rules.js';

const rules = ProductRulesSchema.parse({ tenantTypes: ['productive', 'test'] });

const tenant = (id: string, type: string, customerPath = 'msp.contoso'): TenantSideFact => ({
  id,
  name: id,
  type,
  productId: 'erp',
  lifecycleStatus: 'live',
  hasOpenDecommission: false,
  customerPath,
});

describe('versions', () => {
  test('compare number by number, a missing part counting as 0', () => {
    expect(compareVersions('2.4', '2.4.0')).toBe(0);
    expect(compareVersions('2.10.0', '2.9.9')).toBe(1);
    expect(compareVersions('1.2.0', '1.10.0')).toBe(-1);
  });
});

describe('extension plan', () => {
  const catalogue: CatalogueEntry[] = [
    { name: 'payroll', version: '1.0.0', minProductVersion: '2.0.0', maxProductVersion: null, dependsOn: [] },
    { name: 'payroll', version: '1.2.0', minProductVersion: '2.4.0', maxProductVersion: null, dependsOn: [] },
    {
      name: 'payroll-de',
      version: '1.0.0',
      minProductVersion: '2.4.0',
      maxProductVersion: '3.0.0',
      dependsOn: [{ name: 'payroll', minVersion: '1.2.0' }],
    },
  ];
  const source = [
    { name: 'payroll', version: '1.2.0' },
    { name: 'payroll-de', version: '1.0.0' },
  ];
  const failedRules = (plan: ReturnType<typeof planExtensions>) =>
    plan.validations.filter((v) => !v.passed).map((v) => [v.rule, v.field]);

  test('an upgrade with its dependency: upgrade and install, every rule passes', () => {
    const plan = planExtensions({
      chosen: source,
      catalogue,
      source,
      target: [{ name: 'payroll', version: '1.0.0' }],
      targetProductVersion: '2.4.0',
    });
    expect(failedRules(plan)).toEqual([]);
    expect(plan.plan.map((p) => [p.name, p.action])).toEqual([
      ['payroll', 'upgrade'],
      ['payroll-de', 'install'],
    ]);
  });

  test('a dependency too old in the target after the transport', () => {
    const plan = planExtensions({
      chosen: [{ name: 'payroll-de', version: '1.0.0' }],
      catalogue,
      source,
      target: [{ name: 'payroll', version: '1.0.0' }],
      targetProductVersion: '2.4.0',
    });
    expect(failedRules(plan)).toEqual([['extension-dependency', 'body.extensions.0']]);
  });

  test('a product version outside the supported range, at either end', () => {
    for (const version of ['2.3.9', '3.0.0']) {
      const plan = planExtensions({
        chosen: source,
        catalogue,
        source,
        target: [],
        targetProductVersion: version,
      });
      expect(failedRules(plan)).toContainEqual(['extension-product-version', 'body.extensions.1']);
    }
  });

  test('not in the source at that version, unknown to the catalogue, a downgrade, chosen twice', () => {
    expect(
      failedRules(
        planExtensions({
          chosen: [{ name: 'payroll', version: '1.0.0' }],
          catalogue,
          source,
          target: [],
          targetProductVersion: '2.4.0',
        }),
      ),
    ).toEqual([['extension-in-source', 'body.extensions.0.version']]);
    expect(
      failedRules(
        planExtensions({
          chosen: [{ name: 'ghost', version: '1.0.0' }],
          catalogue,
          source: [{ name: 'ghost', version: '1.0.0' }],
          target: [],
          targetProductVersion: '2.4.0',
        }),
      ),
    ).toEqual([['extension-known', 'body.extensions.0']]);
    expect(
      failedRules(
        planExtensions({
          chosen: [{ name: 'payroll', version: '1.0.0' }],
          catalogue,
          source: [{ name: 'payroll', version: '1.0.0' }],
          target: [{ name: 'payroll', version: '1.2.0' }],
          targetProductVersion: '2.4.0',
        }),
      ),
    ).toEqual([['extension-downgrade', 'body.extensions.0.version']]);
    expect(
      failedRules(
        planExtensions({
          chosen: [source[0] as { name: string; version: string }, source[0] as { name: string; version: string }],
          catalogue,
          source,
          target: [],
          targetProductVersion: '2.4.0',
        }),
      ),
    ).toEqual([['extension-once', 'body.extensions.1.name']]);
  });
});

describe('productive rules as data', () => {
  const test1 = tenant('test-1', 'test');
  const prodA = tenant('prod-a', 'productive');
  const prodB = tenant('prod-b', 'productive');

  test('a delta into productive from a test tenant passes; from productive only once deployed to a test tenant', () => {
    expect(
      testedBeforeProductive({ mode: 'delta', source: test1, target: prodA, sourceVersion: 3 }, false, rules)?.passed,
    ).toBe(true);
    const refused = testedBeforeProductive(
      { mode: 'delta', source: prodB, target: prodA, sourceVersion: 3 },
      false,
      rules,
    );
    expect(refused).toMatchObject({ rule: 'tested-before-productive', passed: false, field: 'body.sourceTenantId' });
    expect(
      testedBeforeProductive({ mode: 'delta', source: prodB, target: prodA, sourceVersion: 3 }, true, rules)?.passed,
    ).toBe(true);
  });

  test('full transports and targets of other types are not subject to it; the product can change the types', () => {
    expect(
      testedBeforeProductive({ mode: 'full', source: prodB, target: prodA, sourceVersion: 3 }, false, rules),
    ).toBeNull();
    expect(
      testedBeforeProductive({ mode: 'delta', source: prodB, target: test1, sourceVersion: 3 }, false, rules),
    ).toBeNull();
    const strictTest = ProductRulesSchema.parse({
      tenantTypes: ['productive', 'test'],
      transports: { testedFirstFor: ['productive', 'test'] },
    });
    expect(
      testedBeforeProductive({ mode: 'delta', source: prodB, target: test1, sourceVersion: 3 }, false, strictTest)
        ?.passed,
    ).toBe(false);
  });

  test('pairing: the same tenant, another customer or another product is no partner', () => {
    expect(pairingProblem(prodA, prodA)?.message).toBe('Source and target are the same tenant');
    expect(pairingProblem(prodA, tenant('x', 'test', 'msp.fabrikam'))?.field).toBe('body.targetTenantId');
    expect(pairingProblem(prodA, { ...test1, productId: 'baas' })).not.toBeNull();
    expect(pairingProblem(test1, prodA)).toBeNull();
  });

  test('a source without a profile has nothing to transport', () => {
    expect(sourceHasProfile({ name: 'New', profileVersion: 0 })).toMatchObject({
      rule: 'source-profile',
      passed: false,
    });
    expect(sourceHasProfile({ name: 'Old', profileVersion: 3 }).passed).toBe(true);
  });

  test('unresolved conflicts name body.profile.resolutions', () => {
    expect(conflictsResolved(['/mail/sender'])).toMatchObject({ passed: false, field: 'body.profile.resolutions' });
    expect(conflictsResolved([]).passed).toBe(true);
  });
});

describe('profile schema', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      mail: {
        type: 'object',
        required: ['sender'],
        properties: {
          sender: { type: 'string', maxLength: 5 },
          retryCount: { type: 'integer', minimum: 0, maximum: 10 },
        },
      },
      steps: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      mode: { type: 'string', enum: ['a', 'b'] },
    },
  };
  test('every offending path is named under the given field', () => {
    const errors = validateProfile(
      schema,
      { mail: { retryCount: 11.5 }, steps: ['x', 1, 'z'], mode: 'c', extra: true },
      'body.document',
    );
    expect(errors.map((e) => e.field).sort()).toEqual([
      'body.document.extra',
      'body.document.mail.retryCount',
      'body.document.mail.sender',
      'body.document.mode',
      'body.document.steps',
      'body.document.steps.1',
    ]);
  });
  test('a document that fits has no errors; without a schema any object fits', () => {
    expect(validateProfile(schema, { mail: { sender: 'a@b', retryCount: 3 }, steps: ['x'] }, 'body.document')).toEqual(
      [],
    );
    expect(validateProfile(null, { anything: [1, { deep: true }] }, 'body.document')).toEqual([]);
  });
});
