import { personas, type SeededBusinessUnit, seededBusinessUnits } from '@scc/db/seed';

/** A seed persona as the demo host shows it: who, where in the hierarchy, with which role. */
export interface DemoPersona {
  key: string;
  email: string;
  displayName: string;
  initials: string;
  role: string;
  roleLabel: string;
  description: string;
  businessUnit: { id: string; name: string; kind: string };
  /** Names from the root down to the persona's business unit. */
  breadcrumb: string[];
  /** 1–6: picks one of the avatar colours in app.css. */
  tone: number;
}

const roleLabels: Record<string, string> = {
  admin: 'Administrator',
  operator: 'Operator',
  viewer: 'Viewer',
};

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function breadcrumbOf(unit: SeededBusinessUnit, byId: Map<string, SeededBusinessUnit>): string[] {
  const names: string[] = [];
  for (let at: SeededBusinessUnit | undefined = unit; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    names.unshift(at.name);
  }
  return names;
}

/** The demo's sign-in choices, in the seed's order (MSP operator first). */
export function demoPersonas(): DemoPersona[] {
  const units = seededBusinessUnits();
  const byKey = new Map(units.map((u) => [u.key, u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  return personas.map((p, index) => {
    const unit = byKey.get(p.businessUnit);
    if (!unit) throw new Error(`persona "${p.key}" refers to unknown business unit "${p.businessUnit}"`);
    return {
      key: p.key,
      email: p.email,
      displayName: p.displayName,
      initials: initialsOf(p.displayName),
      role: p.role,
      roleLabel: roleLabels[p.role] ?? p.role,
      description: p.description,
      businessUnit: { id: unit.id, name: unit.name, kind: unit.kind },
      breadcrumb: breadcrumbOf(unit, byId),
      tone: (index % 6) + 1,
    };
  });
}
