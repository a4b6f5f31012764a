import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The host's own user directory: `personas.json` beside this package, the way any customer's
 * app keeps its users. The Service Control Center's seed has the same people; a cross-part test
 * (`test/demo-host-personas.test.ts`) keeps the two from drifting apart.
 */
const PersonaRecordSchema = z.object({
  key: z.string().min(1),
  email: z.email(),
  displayName: z.string().min(1),
  role: z.string().min(1),
  description: z.string(),
  businessUnit: z.object({ id: z.uuid(), name: z.string().min(1), kind: z.string().min(1) }),
  /** Names from the root down to the persona's business unit. */
  breadcrumb: z.array(z.string().min(1)).min(1),
});

export type PersonaRecord = z.infer<typeof PersonaRecordSchema>;

/** A persona as the demo host shows it: who, where in the hierarchy, with which role. */
export interface DemoPersona extends PersonaRecord {
  initials: string;
  roleLabel: string;
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

/** The directory as stored, validated: a broken file stops the host at start, not at sign-in. */
export function personaRecords(): PersonaRecord[] {
  const text = readFileSync(new URL('../personas.json', import.meta.url), 'utf8');
  return z.array(PersonaRecordSchema).min(1).parse(JSON.parse(text));
}

/** The demo's sign-in choices, in the directory's order (MSP operator first). */
export function demoPersonas(): DemoPersona[] {
  return personaRecords().map((record, index) => ({
    ...record,
    initials: initialsOf(record.displayName),
    roleLabel: roleLabels[record.role] ?? record.role,
    tone: (index % 6) + 1,
  }));
}
