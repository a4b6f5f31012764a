import { assertDeepEqual } from '../../test/helpers.js';
import { rolesOn } from './roles.js';

const path = [
  { id: 'contoso', name: 'Contoso' },
  { id: 'north', name: 'North' },
  { id: 'finance', name: 'Finance' },
];

describe('rolesOn', () => {
  it('expands what a role implies', () => {
    assertDeepEqual(rolesOn(path, ['admin'], []).sort(), ['admin', 'operator', 'viewer']);
    assertDeepEqual(rolesOn(path, ['operator', 'billing'], []).sort(), ['billing', 'operator', 'viewer']);
    assertDeepEqual(rolesOn(path, ['unknown'], []), []);
  });

  it('adds roles assigned on the unit or above it, never beside or below it', () => {
    const assignments = [
      { businessUnitId: 'north', role: 'admin' as const },
      { businessUnitId: 'south', role: 'billing' as const },
    ];
    assertDeepEqual(rolesOn(path, ['viewer'], assignments).sort(), ['admin', 'operator', 'viewer']);
    assertDeepEqual(rolesOn(path.slice(0, 1), ['viewer'], assignments), ['viewer'], 'north is below contoso');
  });
});
