import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparableBody } from '../../../test/support/answers.js';
import { type BffHarness, createBffHarness } from '../../../test/support/bff-harness.js';
import { personas, seededBusinessUnit, seededBusinessUnits, seedId } from '../../../test/support/seed-model.js';

/**
 * Every seeded persona × every widget route that names a business unit × every seeded unit,
 * through the real BFF and cockpit. Expected from the seed alone: inside the persona's subtree the
 * route answers (reads need any role, the audit log admin; a move preview needs admin, else 403);
 * outside it, and for the audit log without admin, a 404 that cannot be told apart from the 404
 * of a unit that does not exist.
 */
let h: BffHarness;
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await createBffHarness();
  for (const persona of personas) {
    tokens.set(persona.key, await h.openSession(h.mspHost, persona.email, seededBusinessUnit(persona.businessUnit).id));
  }
});
afterAll(async () => {
  await h?.close();
});

const reads: [string, (id: string) => string, { adminOnly?: boolean }?][] = [
  ['unit', (id) => `/business-units/${id}`],
  ['ancestors', (id) => `/business-units/${id}/ancestors`],
  ['brand', (id) => `/business-units/${id}/brand`],
  ['children', (id) => `/business-units?parentId=${id}`],
  ['data sources', (id) => `/business-units/${id}/data-sources`],
  ['users', (id) => `/users?businessUnitId=${id}`],
  ['audit events', (id) => `/audit-events?businessUnitId=${id}`, { adminOnly: true }],
  [
    'audit events, filtered',
    (id) => `/audit-events?businessUnitId=${id}&action=operation-request.`,
    { adminOnly: true },
  ],
  ['tenants', (id) => `/tenants?businessUnitId=${id}`],
  [
    'approval policy',
    (id) => `/business-units/${id}/approval-policies/terminate-productive?productId=${seedId('product', 'BAAS')}`,
  ],
];

/** Status and body, the two things a caller can observe. */
async function observe(token: string, path: string, init: RequestInit = {}) {
  const res = await h.app.request(`/v1/widget${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
  return { status: res.status, body: await comparableBody(res) };
}

const inside = (unitPath: string, rootPath: string) => unitPath === rootPath || unitPath.startsWith(`${rootPath}.`);

describe.each(personas.map((p) => [p.key, p] as const))('as %s', (_key, persona) => {
  const root = seededBusinessUnit(persona.businessUnit);
  const token = () => tokens.get(persona.key) ?? '';

  test.each(reads)('GET %s: 200 inside the subtree, the unknown-unit 404 outside', async (_name, path, only) => {
    const unknown = await observe(token(), path(randomUUID()));
    expect(unknown.status).toBe(404);
    const visible = !only?.adminOnly || persona.role === 'admin';
    for (const unit of seededBusinessUnits()) {
      const seen = await observe(token(), path(unit.id));
      if (inside(unit.path, root.path) && visible) expect(seen.status, `${unit.key}: ${seen.body}`).toBe(200);
      else expect(seen, unit.key).toEqual(unknown);
    }
  });

  test('POST move-preview: admin inside the subtree gets the rule’s 409, others 403, outside 404', async () => {
    const body = (id: string) => JSON.stringify({ newParentId: id });
    const unknownId = randomUUID();
    const unknown = await observe(token(), `/business-units/${unknownId}/move-preview`, {
      method: 'POST',
      body: body(unknownId),
    });
    expect(unknown.status).toBe(404);
    for (const unit of seededBusinessUnits()) {
      // Under itself: never allowed, so nothing can change whatever the answer.
      const seen = await observe(token(), `/business-units/${unit.id}/move-preview`, {
        method: 'POST',
        body: body(unit.id),
      });
      if (!inside(unit.path, root.path)) expect(seen, unit.key).toEqual(unknown);
      else if (persona.role !== 'admin') expect(seen.status, `${unit.key}: ${seen.body}`).toBe(403);
      else expect(seen.status, `${unit.key}: ${seen.body}`).toBe(409);
    }
  });
});
