import { approvals, collectorCredentials, dataSources, operationRequests, roleAssignments, users } from '@scc/db';
import type { SeededBusinessUnit, SeedPersona } from '@scc/db/seed';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../support/cockpit.js';
import {
  isInSubtree,
  personaByKey,
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
 *
 * Two additions exercise the rest of the role rule: the MSP operator also acts on Contoso
 * (admin inherited from above its acting unit), and the department user (an operator) also
 * holds admin on one unit below its home (roles held between the acting unit and the target
 * count too).
 */
let harness: CockpitHarness;

interface MatrixCaller {
  key: string;
  persona: SeedPersona;
  /** The acting unit: the caller's subtree root. */
  root: SeededBusinessUnit;
  /** A unit below the root where the caller additionally holds admin. */
  adminBelow?: SeededBusinessUnit;
}

/** The department user also gets admin on one unit below its home (written in beforeAll). */
const adminBelowFor: Record<string, string> = { 'department-user': 'contoso/north/finance/store-servers' };

const callers: MatrixCaller[] = [
  ...personas.map((persona) => {
    const below = adminBelowFor[persona.key];
    return {
      key: persona.key,
      persona,
      root: seededBusinessUnit(persona.businessUnit),
      ...(below ? { adminBelow: seededBusinessUnit(below) } : {}),
    };
  }),
  { key: 'msp-operator-acting-on-contoso', persona: personaByKey('msp-operator'), root: seededBusinessUnit('contoso') },
];

const REQUESTER = seedId('matrix-user', 'requester');

const probe = (kind: string, caller: MatrixCaller, unit: SeededBusinessUnit) =>
  seedId(`matrix-${kind}`, `${caller.key}/${unit.key}`);

beforeAll(async () => {
  harness = await createCockpitHarness();
  const db = harness.database.handle.db;
  const pairs = callers.flatMap((caller) => seededBusinessUnits().map((unit) => ({ caller, unit })));
  await db.insert(users).values(
    pairs.map(({ caller, unit }) => ({
      id: probe('user', caller, unit),
      email: `${probe('user', caller, unit)}@matrix.example`,
      displayName: 'Probe',
      businessUnitId: unit.id,
      buPath: unit.path,
    })),
  );
  await db.insert(roleAssignments).values(
    pairs.map(({ caller, unit }) => ({
      id: probe('assignment', caller, unit),
      userId: probe('user', caller, unit),
      businessUnitId: unit.id,
      role: 'viewer' as const,
      buPath: unit.path,
    })),
  );
  await db.insert(dataSources).values(
    pairs.map(({ caller, unit }) => ({
      id: probe('source', caller, unit),
      businessUnitId: unit.id,
      kind: 'probe',
      externalRef: probe('source', caller, unit),
      name: 'Probe',
      buPath: unit.path,
    })),
  );
  // Two requests per pair waiting for approval, for deciding; their requester is nobody the matrix calls as.
  const msp = seededBusinessUnit('msp');
  await db.insert(users).values({
    id: REQUESTER,
    email: 'requester@matrix.example',
    displayName: 'Requester',
    businessUnitId: msp.id,
    buPath: msp.path,
  });
  const waiting = pairs.flatMap(({ caller, unit }) =>
    ['approval', 'approval-b'].map((kind) => ({ caller, unit, kind, id: probe(kind, caller, unit) })),
  );
  await db.insert(operationRequests).values(
    waiting.map(({ unit, id }) => ({
      id,
      kind: 'copy' as const,
      state: 'awaiting-approval' as const,
      businessUnitId: unit.id,
      draft: {},
      requestedByUserId: REQUESTER,
      requestedByEmail: 'requester@matrix.example',
      buPath: unit.path,
    })),
  );
  await db.insert(approvals).values(
    waiting.map(({ unit, id }) => ({
      id,
      subject: 'copy-into-productive' as const,
      businessUnitId: unit.id,
      operationRequestId: id,
      requestedByUserId: REQUESTER,
      requestedByEmail: 'requester@matrix.example',
      quorum: 1,
      expiresAt: new Date(Date.now() + 24 * 3_600_000),
      buPath: unit.path,
      createdAt: new Date(),
    })),
  );
  await db.insert(collectorCredentials).values(
    pairs.map(({ caller, unit }) => ({
      id: probe('collector', caller, unit),
      businessUnitId: unit.id,
      name: 'Probe',
      hash: probe('collector', caller, unit),
      buPath: unit.path,
    })),
  );
  const extra = callers.find((c) => c.adminBelow);
  if (extra?.adminBelow) {
    await db.execute(sql`insert into role_assignments (user_id, business_unit_id, role, bu_path)
      values (${personaUserId(extra.persona)}, ${extra.adminBelow.id}, 'admin', ${extra.adminBelow.path}::ltree)`);
  }
});
afterAll(async () => {
  await harness?.close();
});

/** `admin-or-absent`: without admin the resource is hidden like a foreign one (404, not 403). */
type Need = 'any' | 'admin' | 'admin-or-absent';
interface Endpoint {
  name: string;
  need: Need;
  /** Statuses that mean "allowed" for this request. */
  allowed: number[];
  /** A second unit the request needs admin on (the new parent of a move). */
  alsoAdminOn?: (caller: MatrixCaller) => SeededBusinessUnit;
  request(caller: MatrixCaller, unit: SeededBusinessUnit): [method: string, path: string, body?: unknown];
}

const BAAS = seedId('product', 'BAAS');
/** A child of the unit, if it has one (a buyer for a seller's override). */
const childOf = (unit: SeededBusinessUnit) =>
  seededBusinessUnits().find(
    (u) => u.path.startsWith(`${unit.path}.`) && !u.path.slice(unit.path.length + 1).includes('.'),
  );

const priceList = { currency: 'EUR', entries: [{ metric: 'stored_gb', tiers: [{ upTo: null, unitPrice: '0.05' }] }] };

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
    need: 'admin-or-absent',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/audit-events?businessUnitId=${u.id}`],
  },
  {
    name: 'GET /v1/operation-requests?businessUnitId',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/operation-requests?businessUnitId=${u.id}`],
  },
  // A dry-run answers every caller inside the subtree with its verdict (a missing role is the
  // failed rule `permission` in it); outside the subtree the unit does not exist.
  {
    name: 'POST /v1/operation-requests/dry-run',
    need: 'any',
    allowed: [200],
    request: (_p, u) => [
      'POST',
      '/v1/operation-requests/dry-run',
      { kind: 'order', businessUnitId: u.id, productId: seedId('product', 'BAAS'), type: 'development' },
    ],
  },
  {
    name: 'GET /v1/data-sources/{id}',
    need: 'any',
    allowed: [200],
    request: (c, u) => ['GET', `/v1/data-sources/${probe('source', c, u)}`],
  },
  {
    name: 'GET /v1/users/{id}',
    need: 'any',
    allowed: [200],
    request: (c, u) => ['GET', `/v1/users/${probe('user', c, u)}`],
  },
  {
    name: 'GET /v1/business-units/{id}/brand',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/brand`],
  },
  {
    name: 'GET /v1/business-units/{id}/brand/logo',
    need: 'any',
    // Inside, 404 means the brand shown has no logo (the PUT below replaces the seeded ones);
    // business-units/brand.test.ts tells that apart from a unit outside the subtree.
    allowed: [200, 404],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/brand/logo`],
  },
  {
    name: 'PUT /v1/business-units/{id}/brand',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => ['PUT', `/v1/business-units/${u.id}/brand`, { brand: { displayName: u.name } }],
  },
  {
    name: 'GET /v1/business-units/{id}/totp-policy',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/totp-policy`],
  },
  // No unit requires TOTP in the seed, so an allowed change needs no step-up (test/step-up/ covers it).
  {
    name: 'PUT /v1/business-units/{id}/totp-policy',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => ['PUT', `/v1/business-units/${u.id}/totp-policy`, { required: false }],
  },
  {
    name: 'GET /v1/business-units/{id}/approval-policies/{subject}',
    need: 'any',
    allowed: [200],
    request: (_p, u) => ['GET', `/v1/business-units/${u.id}/approval-policies/terminate-productive?productId=${BAAS}`],
  },
  {
    name: 'PUT /v1/business-units/{id}/approval-policies/{subject}',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => [
      'PUT',
      `/v1/business-units/${u.id}/approval-policies/terminate-productive?productId=${BAAS}`,
      { quorum: 1, expiryHours: 72 },
    ],
  },
  {
    name: 'DELETE /v1/business-units/{id}/approval-policies/{subject}',
    need: 'admin',
    allowed: [200],
    request: (_p, u) => [
      'DELETE',
      `/v1/business-units/${u.id}/approval-policies/terminate-productive?productId=${BAAS}`,
    ],
  },
  // An approval is its requester's and its deciders' (admins of its unit or above): hidden from everybody else.
  {
    name: 'GET /v1/approvals/{id}',
    need: 'admin-or-absent',
    allowed: [200],
    request: (c, u) => ['GET', `/v1/approvals/${probe('approval', c, u)}`],
  },
  {
    name: 'POST /v1/approvals/{id}/reject',
    need: 'admin-or-absent',
    allowed: [200],
    request: (c, u) => ['POST', `/v1/approvals/${probe('approval', c, u)}/reject`, { comment: 'matrix' }],
  },
  {
    name: 'POST /v1/approvals/{id}/approve',
    need: 'admin-or-absent',
    allowed: [200],
    request: (c, u) => ['POST', `/v1/approvals/${probe('approval-b', c, u)}/approve`, {}],
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
    alsoAdminOn: (c) => c.root,
    request: (c, u) => ['POST', `/v1/business-units/${u.id}/move-preview`, { newParentId: c.root.id }],
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
    request: (c, u) => [
      'POST',
      `/v1/business-units/${u.id}/data-sources`,
      { kind: 'matrix', externalRef: c.key, name: 'M' },
    ],
  },
  {
    name: 'PATCH /v1/data-sources/{id}',
    need: 'admin',
    allowed: [200],
    request: (c, u) => ['PATCH', `/v1/data-sources/${probe('source', c, u)}`, { name: 'Probe' }],
  },
  {
    name: 'DELETE /v1/data-sources/{id}',
    need: 'admin',
    allowed: [204],
    request: (c, u) => ['DELETE', `/v1/data-sources/${probe('source', c, u)}`],
  },
  // Billing: the seeded personas hold no billing role, so admins may and everyone else gets 403.
  {
    name: 'GET /v1/business-units/{id}/usage',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/usage?from=2026-10-01&to=2026-10-31`],
  },
  {
    name: 'PUT /v1/business-units/{id}/price-lists/sale',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['PUT', `/v1/business-units/${u.id}/price-lists/sale`, priceList],
  },
  {
    // A leaf has no buyer below it: its override has nobody to name (404, as for a foreign buyer).
    name: 'PUT /v1/business-units/{id}/price-lists/sale/{buyerId}',
    need: 'admin',
    allowed: [200, 404],
    request: (_c, u) => ['PUT', `/v1/business-units/${u.id}/price-lists/sale/${childOf(u)?.id ?? u.id}`, priceList],
  },
  {
    name: 'DELETE /v1/business-units/{id}/price-lists/sale/{buyerId}',
    need: 'admin',
    allowed: [204, 404],
    request: (_c, u) => ['DELETE', `/v1/business-units/${u.id}/price-lists/sale/${childOf(u)?.id ?? u.id}`],
  },
  {
    name: 'PUT /v1/business-units/{id}/price-lists/internal',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['PUT', `/v1/business-units/${u.id}/price-lists/internal`, priceList],
  },
  // Quotas: reading is billing's or an admin's; the matrix sets one the same everywhere (never a
  // loosening) and drops one never set, so only access decides.
  {
    name: 'GET /v1/business-units/{id}/quotas',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/quotas`],
  },
  {
    name: 'PUT /v1/business-units/{id}/quotas/{metric}',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['PUT', `/v1/business-units/${u.id}/quotas/tenants.validation`, { hardLimit: '1000' }],
  },
  {
    name: 'DELETE /v1/business-units/{id}/quotas/{metric}',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['DELETE', `/v1/business-units/${u.id}/quotas/tenants.development`],
  },
  {
    name: 'GET /v1/business-units/{id}/price-lists',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/price-lists`],
  },
  {
    // Whether a unit is invoiced is decided above it: on the caller's own root unit that is 403.
    name: 'PUT /v1/business-units/{id}/billing-account',
    need: 'admin',
    allowed: [200, 403],
    request: (_c, u) => ['PUT', `/v1/business-units/${u.id}/billing-account`, { account: true }],
  },
  {
    name: 'POST /v1/business-units/{id}/invoice-runs',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['POST', `/v1/business-units/${u.id}/invoice-runs`, { period: '2026-10' }],
  },
  {
    name: 'GET /v1/business-units/{id}/invoices',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/invoices?period=2026-10`],
  },
  {
    name: 'GET /v1/business-units/{id}/show-back',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/show-back?period=2026-10`],
  },
  {
    name: 'GET /v1/business-units/{id}/collector-credentials',
    need: 'admin',
    allowed: [200],
    request: (_c, u) => ['GET', `/v1/business-units/${u.id}/collector-credentials`],
  },
  {
    name: 'POST /v1/business-units/{id}/collector-credentials',
    need: 'admin',
    allowed: [201],
    request: (_c, u) => ['POST', `/v1/business-units/${u.id}/collector-credentials`, { name: 'Probe collector' }],
  },
  {
    name: 'POST /v1/business-units/{id}/collector-credentials/{credentialId}/revoke',
    need: 'admin',
    allowed: [200],
    request: (c, u) => ['POST', `/v1/business-units/${u.id}/collector-credentials/${probe('collector', c, u)}/revoke`],
  },
  {
    name: 'POST /v1/users',
    need: 'admin',
    allowed: [201],
    request: (c, u) => [
      'POST',
      '/v1/users',
      { email: `${c.key}.${u.id}@new.example`, displayName: 'N', businessUnitId: u.id },
    ],
  },
  {
    name: 'PATCH /v1/users/{id}',
    need: 'admin',
    allowed: [200],
    request: (c, u) => ['PATCH', `/v1/users/${probe('user', c, u)}`, { displayName: 'P' }],
  },
  {
    name: 'POST /v1/role-assignments',
    need: 'admin',
    allowed: [201],
    request: (c, u) => [
      'POST',
      '/v1/role-assignments',
      { userId: probe('user', c, u), businessUnitId: u.id, role: 'operator' },
    ],
  },
  {
    name: 'DELETE /v1/role-assignments/{id}',
    need: 'admin',
    allowed: [204],
    request: (c, u) => ['DELETE', `/v1/role-assignments/${probe('assignment', c, u)}`],
  },
  {
    name: 'DELETE /v1/users/{id}',
    need: 'admin',
    allowed: [204],
    request: (c, u) => ['DELETE', `/v1/users/${probe('user', c, u)}`],
  },
];

/** The seed model's answer: what each caller may do on a unit. */
function roleAt(caller: MatrixCaller, unit: SeededBusinessUnit): string {
  return caller.adminBelow && isInSubtree(unit.path, caller.adminBelow.path) ? 'admin' : caller.persona.role;
}

function expectedStatuses(caller: MatrixCaller, unit: SeededBusinessUnit, endpoint: Endpoint): number[] {
  if (!isInSubtree(unit.path, caller.root.path)) return [404];
  if (endpoint.need === 'admin-or-absent' && roleAt(caller, unit) !== 'admin') return [404];
  if (endpoint.need === 'admin') {
    const targets = [unit, ...(endpoint.alsoAdminOn ? [endpoint.alsoAdminOn(caller)] : [])];
    if (targets.some((target) => roleAt(caller, target) !== 'admin')) return [403];
  }
  return endpoint.allowed;
}

describe.each(callers.map((c) => [c.key, c] as const))('access matrix for %s', (_key, caller) => {
  test.each(endpoints.map((e) => [e.name, e] as const))('%s on every seeded unit', async (_name, endpoint) => {
    // Signed per test: service tokens live 60 s, longer than the whole matrix takes on a busy machine.
    const token = await harness.tokenFor(caller.persona, { actingOn: caller.root.id });
    const mismatches: string[] = [];
    const seen = new Set<number>();
    for (const unit of seededBusinessUnits()) {
      const [method, path, body] = endpoint.request(caller, unit);
      const response = await harness.send(method, path, token, body);
      const expected = expectedStatuses(caller, unit, endpoint);
      if (!expected.includes(response.status)) {
        mismatches.push(`${unit.key}: ${response.status} (expected ${expected.join('|')}) ${await response.text()}`);
      }
      seen.add(expected[0] ?? 0);
    }
    expect(mismatches).toEqual([]);
    expect(seen.has(404) || caller.root.key === 'msp', 'some unit lies outside').toBe(true);
  });
});

test('the matrix covers every cockpit route that takes a business unit or an object inside one', async () => {
  const doc = (await (await harness.app.request('/openapi.json')).json()) as { paths: Record<string, object> };
  const covered = new Set(endpoints.map((e) => `${e.name.split(' ')[0]} ${e.name.split(' ')[1]?.split('?')[0]}`));
  const routes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  // Listing the caller's own subtree and /v1/me take no unit: every persona may call them. Routes
  // on one operation request or product are scoped by the object's unit; operations.test.ts covers
  // them (404 outside, 403 below the product's owner). The sales integration and the health probes
  // take no user at all. Opening an embed session resolves the caller like /v1/me, and the host
  // routes act for a host on its own home subtree (test/embed-sessions/ covers both). A step-up
  // is the caller's own, in its own session (test/step-up/). Transports and a tenant's profile and
  // extensions are scoped by their tenants like GET /v1/tenants/{id}; transports.test.ts covers
  // them (404 outside the subtree, for either end of a transport). Alerts are those of the caller's
  // own subtree, read per person (cockpit/src/alerts/ shows a foreign subtree's stay unseen and unmarked).
  const unitless = [
    'POST /v1/embed-sessions',
    'GET /health',
    'GET /healthz',
    'GET /readyz',
    'GET /v1/me',
    'GET /v1/business-units',
    'GET /v1/tenants',
    'GET /v1/users',
    'GET /v1/audit-events',
    'GET /v1/tenants/{id}',
    'GET /v1/operation-requests',
    'GET /v1/approvals',
    'POST /v1/operation-requests',
    'GET /v1/operation-requests/stream',
    'GET /v1/operation-requests/{id}',
    'POST /v1/operation-requests/{id}/cancel',
    'GET /v1/products',
    'GET /v1/products/{id}/rules',
    'PUT /v1/products/{id}/rules',
    'PUT /v1/integrations/sales/contracts/{externalRef}',
    'POST /v1/transports/preview',
    'GET /v1/tenants/{id}/solution-profile',
    'GET /v1/tenants/{id}/solution-profile/versions/{version}',
    'POST /v1/tenants/{id}/solution-profile/versions',
    'GET /v1/tenants/{id}/extensions',
    'GET /v1/step-up',
    'POST /v1/step-up',
    'POST /v1/step-up/enrolment',
    'POST /v1/step-up/enrolment/confirm',
    'GET /v1/alerts',
    'POST /v1/alerts/read',
    // Usage uploads carry a collector's credential, no user; an invoice is scoped by its seller
    // and buyer, which cockpit/src/billing/billing.test.ts covers (404 outside, 403 without billing).
    'POST /v1/usage',
    'GET /v1/invoices/{id}',
    'POST /v1/invoices/{id}/issue',
    'GET /v1/invoices/{id}/csv',
    'GET /v1/invoices/{id}/pdf',
  ];
  const hostRoutes = (route: string) => route.includes(' /v1/hosts/');
  for (const route of routes)
    if (!unitless.includes(route) && !hostRoutes(route)) expect(covered, route).toContain(route);
});
