import type { RoleName } from '@scc/db';
import { describe, expect, test } from 'vitest';
import { effectiveRoles, grantRefusal, includesRole } from './roles.js';

describe('role implication', () => {
  test.each([
    [['admin'], ['admin', 'operator', 'viewer']],
    [['operator'], ['operator', 'viewer']],
    [['viewer'], ['viewer']],
    [['billing'], ['billing']],
    [
      ['viewer', 'billing'],
      ['viewer', 'billing'],
    ],
    [
      ['operator', 'admin', 'viewer'],
      ['admin', 'operator', 'viewer'],
    ],
    [[], []],
  ] as [RoleName[], RoleName[]][])('%j → %j', (held, expected) => {
    expect(effectiveRoles(held)).toEqual(expected);
  });

  test('billing neither implies nor is implied by the others', () => {
    expect(includesRole(['admin'], 'billing')).toBe(false);
    expect(includesRole(['billing'], 'viewer')).toBe(false);
    expect(includesRole(['operator'], 'admin')).toBe(false);
    expect(includesRole(['admin'], 'viewer')).toBe(true);
  });
});

describe('no escalation when granting', () => {
  test.each([
    [['admin'], 'admin', undefined],
    [['admin'], 'operator', undefined],
    [['admin'], 'viewer', undefined],
    [['admin'], 'billing', 'role-not-held'],
    [['admin', 'billing'], 'billing', undefined],
    [['operator'], 'viewer', 'not-admin'],
    [['operator', 'billing'], 'billing', 'not-admin'],
    [['viewer'], 'viewer', 'not-admin'],
    [['billing'], 'billing', 'not-admin'],
    [[], 'viewer', 'not-admin'],
  ] as [RoleName[], RoleName, string | undefined][])('holding %j, granting %s → %s', (held, role, expected) => {
    expect(grantRefusal(held, role)).toBe(expected);
  });
});
