import { dataSources, roleAssignments, users } from '@scc/db';
import type { SeededBusinessUnit, SeedPersona } from '@scc/db/seed';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import {
  isInSubtree,
  personas,
  personaUserId,
  seededBusinessUnit,
  seededBusinessUnits,
  seedId,
} from '../support/seed-model.js';

/**
 * Every seeded persona × every cockpit endpoint that names a business unit (directly or through
 * an object inside it) × every seeded business unit. Expected, from the seed alone: outside the
 * persona's subtree → 404; inside with a role too low → 403; otherwise the endpoint's success
 * (or, where the request is built to break a rule, that rule's 409). Each (persona, unit) pair
 * has its own probe user, data source and role assignment, so no request disturbs another.
 */
let harness: CockpitHarness;
const tokens = new Map<string, string>();

const probe = (kind: string, persona: SeedPersona, unit: SeededBusinessUnit) =>
  seedId(`matrix-${kind}`, `${persona.key}/${unit.key}`);

beforeAll(async () => {
  harness = await createCockpitHarness();
  const db = harness.database.handle.db;
  const pairs = personas.flatMap((persona) => seededBusinessUnits().map((unit) => ({ persona, unit })));
  await db.insert(users).values(
    pairs.map(({ persona, unit }) => ({
      id: probe('user', persona, unit),
      email: `${probe('user', persona, unit)}@matrix.example`,
      displayName: 'Probe',
      businessUnitId: unit.id,
      buPath: unit.path,
    })),
  );
  await db.insert(roleAssignments).values(
    pairs.map(({ persona, unit }) => ({
      id: probe('assignment', persona, unit),
      userId: probe('user', persona, unit),
      businessUnitId: unit.id,
      role: 'viewer' as const,
      buPath: unit.path,
    })),
  );
  await db.insert(dataSources).values(
    pairs.map(({ persona, unit }) => ({
      id: probe('source', persona, unit),
      businessUnitId: unit.id,
      kind: 'probe',
      externalRef: probe('source', persona, unit),
      name: 'Probe',
      buPath: unit.path,
    })),
  );
  for (const persona of personas) tokens.set(persona.key, await harness.tokenFor(persona));
});
afterAll(async () => {
  await harness?.close();
});

type Need = 'any' | 'admin';
interface Endpoint {
  name: string;
  need: Need;
  /** Statuses that mean "allowed" for this request. */
  allowed: number[];
  request(persona: SeedPersona, unit: SeededBusinessUnit): [method: string, path: string, body?: unknown];
}

const root = (persona: SeedPersona) => seededBusinessUnit(persona.businessUnit);

const endpoints: Endpoint[] = [
  {
    name: 'GET /v1/business-units/{id}',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}`],
  },
  {
    name: 'GET /v1/business-units?parentId',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units?parentId=${u.id}`],
  },
  {
    name: 'GET /v1/business-units?parentId&q',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units?parentId=${u.id}&q=e`],
  },
  {
    name: 'GET /v1/business-units/{id}/ancestors',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/ancestors`],
  },
  {
    name: 'GET /v1/business-units/{id}/data-sources',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/data-sources`],
  },
  {
    name: 'GET /v1/tenants?businessUnitId',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/tenants?businessUnitId=${u.id}`],
  },
  {
    name: 'GET /v1/users?businessUnitId',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/users?businessUnitId=${u.id}`],
  },
  {
    name: 'GET /v1/audit-events?businessUnitId',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/audit-events?businessUnitId=${u.id}`],
  },
  {
    name: 'GET /v1/data-sources/{id}',
    need: 'any',
    allowed: [200],
    request: (p, u) => ['GET', `/v1/data-sources/${probe('source', p, u)}`],
  },
  {
    name: 'GET /v1/users/{id}',
    need: 'any',
    allowed: [200],
    request: (p, u) => ['GET', `/v1/users/${probe('user', p, u)}`],
  },
  {
    name: 'GET /v1/business-units/{id}/brand',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/brand`],
  },
  {
    name: 'PUT /v1/business-units/{id}/brand',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => ['PUT', `/v1/business-units/${u.id}/brand`, { brand: { displayName: u.name } }],
  },
  {
    name: 'POST /v1/business-units',
    need: 'admin',
    allowed: [201],
    request: (_p, u) => ['POST', '/v1/business-units', { parentId: u.id, name: 'Matrix probe' }],
  },
  {
    name: 'PATCH /v1/business-units/{id}',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => ['PATCH', `/v1/business-units/${u.id}`, { kind: u.kind }],
  },
  // Every seeded unit holds something (children, tenants, users or at least the probes), so an allowed delete is a 409.
  {
    name: 'DELETE /v1/business-units/{id}',
    need: 'admin',
    allowed: [409],
    request: (_p, u) => ['DELETE', `/v1/business-units/${u.id}`],
  },
  {
    name: 'POST /v1/business-units/{id}/move-preview',
    need: 'admin',
    allowed: [200, 409],
    request: (p, u) => ['POST', `/v1/business-units/${u.id}/move-preview`, { newParentId: root(p).id }],
  },
  // Under itself: always a cycle, so an allowed move is refused by the rule and nothing moves.
  {
    name: 'POST /v1/business-units/{id}/move',
    need: 'admin',
    allowed: [409],
    request: (_p, u) => ['POST', `/v1/business-units/${u.id}/move`, { newParentId: u.id }],
  },
  {
    name: 'POST /v1/business-units/{id}/data-sources',
    need: 'admin',
    allowed: [201],
    request: (p, u) => [
      'POST',
      `/v1/business-units/${u.id}/data-sources`,
      { kind: 'matrix', externalRef: p.key, name: 'M' },
    ],
  },
  {
    name: 'PATCH /v1/data-sources/{id}',
    need: 'admin',
    allowed: [200],
    request: (p, u) => ['PATCH', `/v1/data-sources/${probe('source', p, u)}`, { name: 'Probe' }],
  },
  {
    name: 'DELETE /v1/data-sources/{id}',
    need: 'admin',
    allowed: [204],
    request: (p, u) => ['DELETE', `/v1/data-sources/${probe('source', p, u)}`],
  },
  {
    name: 'POST /v1/users',
    need: 'admin',
    allowed: [201],
    request: (p, u) => [
      'POST',
      '/v1/users',
      { email: `${p.key}.${u.id}@new.example`, displayName: 'N', businessUnitId: u.id },
    ],
  },
  {
    name: 'PATCH /v1/users/{id}',
    need: 'admin',
    allowed: [200],
    request: (p, u) => ['PATCH', `/v1/users/${probe('user', p, u)}`, { displayName: 'P' }],
  },
  {
    name: 'POST /v1/role-assignments',
    need: 'admin',
    allowed: [201],
    request: (p, u) => [
      'POST',
      '/v1/role-assignments',
      { userId: probe('user', p, u), businessUnitId: u.id, role: 'operator' },
    ],
  },
  {
    name: 'DELETE /v1/role-assignments/{id}',
    need: 'admin',
    allowed: [204],
    request: (p, u) => ['DELETE', `/v1/role-assignments/${probe('assignment', p, u)}`],
  },
  {
    name: 'DELETE /v1/users/{id}',
    need: 'admin',
    allowed: [204],
    request: (p, u) => ['DELETE', `/v1/users/${probe('user', p, u)}`],
  },
];

/** The seed model's answer: what each persona may do on a unit. */
function expectedStatuses(persona: SeedPersona, unit: SeededBusinessUnit, endpoint: Endpoint): number[] {
  if (!isInSubtree(unit.path, root(persona).path)) return [404];
  if (endpoint.need === 'admin' && persona.role !== 'admin') return [403];
  return endpoint.allowed;
}

describe.each(personas.map((p) => [p.key, p] as const))('access matrix for %s', (_key, persona) => {
  test.each(endpoints.map((e) => [e.name, e] as const))('%s on every seeded unit', async (_name, endpoint) => {
    const token = tokens.get(persona.key) ?? '';
    const mismatches: string[] = [];
    let inside = 0;
    for (const unit of seededBusinessUnits()) {
      const [method, path, body] = endpoint.request(persona, unit);
      const response = await harness.send(method, path, token, body);
      const expected = expectedStatuses(persona, unit, endpoint);
      if (!expected.includes(response.status)) {
        mismatches.push(`${unit.key}: ${response.status} (expected ${expected.join('|')}) ${await response.text()}`);
      }
      if (expected[0] !== 404) inside++;
    }
    expect(mismatches).toEqual([]);
    expect(inside).toBeGreaterThan(0);
  });
});

test('the matrix covers every cockpit route that takes a business unit or an object inside one', async () => {
  const doc = (await (await harness.app.request('/openapi.json')).json()) as { paths: Record<string, object> };
  const covered = new Set(endpoints.map((e) => `${e.name.split(' ')[0]} ${e.name.split(' ')[1]?.split('?')[0]}`));
  const routes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  // Listing the caller's own subtree and /v1/me take no unit: every persona may call them.
  const unitless = [
    'GET /v1/me',
    'GET /v1/business-units',
    'GET /v1/tenants',
    'GET /v1/users',
    'GET /v1/audit-events',
    'GET /v1/tenants/{id}',
  ];
  for (const route of routes) if (!unitless.includes(route)) expect(covered, route).toContain(route);
});
