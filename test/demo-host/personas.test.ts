import { personas, type SeededBusinessUnit, seededBusinessUnit, seededBusinessUnits } from '@scc/db/seed';
import { personaRecords } from '@scc/demo-host';
import { describe, expect, test } from 'vitest';

/**
 * The demo host keeps its own user directory (`demo-host/personas.json`), as any host app does;
 * the seed has the same people in the Service Control Center. A sign-in the BFF would not
 * recognise, or a business unit that is not there, must fail here and not in the demo.
 */
function breadcrumbOf(unit: SeededBusinessUnit): string[] {
  const byId = new Map(seededBusinessUnits().map((u) => [u.id, u]));
  const names: string[] = [];
  for (let at: SeededBusinessUnit | undefined = unit; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    names.unshift(at.name);
  }
  return names;
}

describe("the demo host's personas", () => {
  test('are the seed personas, in the seed order, in their seeded business units', () => {
    const expected = personas.map((p) => {
      const unit = seededBusinessUnit(p.businessUnit);
      return {
        key: p.key,
        email: p.email,
        displayName: p.displayName,
        role: p.role,
        description: p.description,
        businessUnit: { id: unit.id, name: unit.name, kind: unit.kind },
        breadcrumb: breadcrumbOf(unit),
      };
    });
    expect(personaRecords()).toEqual(expected);
  });
});
