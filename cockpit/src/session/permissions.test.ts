import { describe, expect, test } from 'vitest';
import { permissionsFor } from './permissions.js';

describe('permissionsFor', () => {
  test('an admin may do everything', () => {
    expect(permissionsFor(['admin'])).toEqual({
      order: true,
      terminate: true,
      restore: true,
      administer: true,
      audit: true,
      brand: true,
    });
  });

  test('an operator runs tenants but administers nothing', () => {
    expect(permissionsFor(['operator'])).toEqual({
      order: true,
      terminate: true,
      restore: true,
      administer: false,
      audit: false,
      brand: false,
    });
  });

  test.each([[['viewer']], [['billing']], [[]]] as const)('%j may only look', (roles) => {
    expect(Object.values(permissionsFor(roles)).some(Boolean)).toBe(false);
  });

  test('billing beside operator adds nothing', () => {
    expect(permissionsFor(['billing', 'operator'])).toEqual(permissionsFor(['operator']));
  });
});
