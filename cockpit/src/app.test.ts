import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../test/support/cockpit.js';
import { personas, personaUserId, seededBusinessUnit } from '../../test/support/seed-model.js';

let harness: CockpitHarness;

beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('GET /openapi.json', () => {
  type Operation = {
    parameters?: { name: string; in: string }[];
    responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  };
  type Document = {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: {
      schemas: Record<string, { type?: string; properties?: Record<string, unknown>; required?: string[] }>;
      securitySchemes: Record<string, { type: string; scheme: string }>;
    };
  };
  let doc: Document;

  beforeAll(async () => {
    const response = await harness.app.request('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await response.json()) as Document;
  });

  test('is OpenAPI 3.1 with every public path', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(
      Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [path, Object.keys(item).sort()])),
    ).toEqual({
      '/health': ['get'],
      '/healthz': ['get'],
      '/readyz': ['get'],
      '/v1/alerts': ['get'],
      '/v1/alerts/read': ['post'],
      '/v1/approvals': ['get'],
      '/v1/approvals/{id}': ['get'],
      '/v1/approvals/{id}/approve': ['post'],
      '/v1/approvals/{id}/reject': ['post'],
      '/v1/audit-events': ['get'],
      '/v1/business-units': ['get', 'post'],
      '/v1/business-units/{id}': ['delete', 'get', 'patch'],
      '/v1/business-units/{id}/ancestors': ['get'],
      '/v1/business-units/{id}/approval-policies/{subject}': ['delete', 'get', 'put'],
      '/v1/business-units/{id}/brand': ['get', 'put'],
      '/v1/business-units/{id}/brand/logo': ['get'],
      '/v1/business-units/{id}/data-sources': ['get', 'post'],
      '/v1/business-units/{id}/move': ['post'],
      '/v1/business-units/{id}/move-preview': ['post'],
      '/v1/business-units/{id}/totp-policy': ['get', 'put'],
      '/v1/data-sources/{id}': ['delete', 'get', 'patch'],
      '/v1/embed-sessions': ['post'],
      '/v1/hosts/api-keys': ['get', 'post'],
      '/v1/hosts/api-keys/verify': ['post'],
      '/v1/hosts/api-keys/{id}/revoke': ['post'],
      '/v1/hosts/embed-sessions/revocations': ['get'],
      '/v1/hosts/embed-sessions/revoke': ['post'],
      '/v1/hosts/identity-providers': ['get', 'post'],
      '/v1/hosts/identity-providers/effective': ['get'],
      '/v1/hosts/identity-providers/{id}': ['delete'],
      '/v1/hosts/identity-providers/{id}/sign-ins': ['post'],
      '/v1/hosts/security-events': ['post'],
      '/v1/hosts/webhook-endpoints': ['get', 'post'],
      '/v1/hosts/webhook-endpoints/{id}': ['delete'],
      '/v1/integrations/sales/contracts/{externalRef}': ['put'],
      '/v1/me': ['get'],
      '/v1/business-units/{id}/billing-account': ['put'],
      '/v1/business-units/{id}/collector-credentials': ['get', 'post'],
      '/v1/business-units/{id}/collector-credentials/{credentialId}/revoke': ['post'],
      '/v1/business-units/{id}/invoice-runs': ['post'],
      '/v1/business-units/{id}/invoices': ['get'],
      '/v1/business-units/{id}/price-lists': ['get'],
      '/v1/business-units/{id}/price-lists/internal': ['put'],
      '/v1/business-units/{id}/price-lists/sale': ['put'],
      '/v1/business-units/{id}/price-lists/sale/{buyerId}': ['delete', 'put'],
      '/v1/business-units/{id}/quotas': ['get'],
      '/v1/business-units/{id}/quotas/{metric}': ['delete', 'put'],
      '/v1/business-units/{id}/show-back': ['get'],
      '/v1/business-units/{id}/usage': ['get'],
      '/v1/hosts/collector-credentials': ['get', 'post'],
      '/v1/hosts/collector-credentials/{id}/revoke': ['post'],
      '/v1/invoices/{id}': ['get'],
      '/v1/invoices/{id}/csv': ['get'],
      '/v1/invoices/{id}/issue': ['post'],
      '/v1/invoices/{id}/pdf': ['get'],
      '/v1/usage': ['post'],
      '/v1/operation-requests': ['get', 'post'],
      '/v1/operation-requests/dry-run': ['post'],
      '/v1/operation-requests/stream': ['get'],
      '/v1/operation-requests/{id}': ['get'],
      '/v1/operation-requests/{id}/cancel': ['post'],
      '/v1/products': ['get'],
      '/v1/products/{id}/rules': ['get', 'put'],
      '/v1/role-assignments': ['post'],
      '/v1/role-assignments/{id}': ['delete'],
      '/v1/step-up': ['get', 'post'],
      '/v1/step-up/enrolment': ['post'],
      '/v1/step-up/enrolment/confirm': ['post'],
      '/v1/tenants': ['get'],
      '/v1/tenants/{id}': ['get'],
      '/v1/tenants/{id}/extensions': ['get'],
      '/v1/tenants/{id}/solution-profile': ['get'],
      '/v1/tenants/{id}/solution-profile/versions': ['post'],
      '/v1/tenants/{id}/solution-profile/versions/{version}': ['get'],
      '/v1/transports/preview': ['post'],
      '/v1/users': ['get', 'post'],
      '/v1/users/{id}': ['delete', 'get', 'patch'],
    });
  });

  test('documents the Problem schema and uses it for every error response', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem?.type).toBe('object');
    expect(problem?.required?.sort()).toEqual(['status', 'title', 'type']);
    expect(Object.keys(problem?.properties ?? {}).sort()).toEqual([
      'correlationId',
      'detail',
      'errors',
      'status',
      'title',
      'type',
    ]);
    // The probes answer no request with input or credentials; /readyz names its 503 itself.
    const api = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/'));
    expect(doc.paths['/readyz']?.get?.responses['503']?.content?.['application/problem+json']?.schema.$ref).toBe(
      '#/components/schemas/NotReady',
    );
    for (const [path, item] of api) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.keys(operation.responses).filter((s) => s.startsWith('2'));
        // A submit answers 202 when it creates a request and 200 for a retry with a used key; the
        // sales system's upsert 201 when it creates a contract and 200 when it updates one; a move
        // 200 when it moved and 202 when it waits for approval; a usage upload 207 when some rows
        // were refused and the rest stored.
        const twoSuccesses = [
          'post /v1/operation-requests',
          'put /v1/integrations/sales/contracts/{externalRef}',
          'post /v1/business-units/{id}/move',
          'post /v1/usage',
        ];
        const expected = twoSuccesses.includes(`${method} ${path}`) ? 2 : 1;
        expect(success, `${method} ${path}`).toHaveLength(expected);
        // Changes to the hierarchy also name the role (403) and rule (409) refusals they can give.
        const hierarchyChange =
          method !== 'get' &&
          !/^\/v1\/(operation-requests|products|integrations|embed-sessions|hosts|step-up|alerts|transports|tenants|usage|invoices)/.test(
            path,
          );
        const errors = hierarchyChange ? ['400', '401', '403', '404', '409'] : ['400', '401', '404'];
        for (const status of errors) {
          expect(
            operation.responses[status]?.content?.['application/problem+json']?.schema.$ref,
            `${method} ${path} ${status}`,
          ).toBe('#/components/schemas/Problem');
        }
      }
    }
  });

  test('declares the query and path parameters', () => {
    const names = (path: string) => (doc.paths[path]?.get?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
    expect(names('/v1/business-units')).toEqual(['query:cursor', 'query:limit', 'query:parentId', 'query:q']);
    expect(names('/v1/users')).toEqual(['query:businessUnitId', 'query:cursor', 'query:limit']);
    expect(names('/v1/audit-events')).toEqual([
      'query:action',
      'query:actor',
      'query:businessUnitId',
      'query:cursor',
      'query:entityType',
      'query:from',
      'query:limit',
      'query:to',
    ]);
    expect(names('/v1/tenants')).toEqual([
      'query:businessUnitId',
      'query:cursor',
      'query:lifecycle',
      'query:limit',
      'query:order',
      'query:q',
      'query:sort',
      'query:status',
      'query:type',
    ]);
    expect(names('/v1/business-units/{id}')).toEqual(['path:id']);
    expect(names('/v1/tenants/{id}')).toEqual(['path:id']);
  });

  test('declares the service-token security scheme and the response schemas', () => {
    expect(doc.components.securitySchemes.serviceToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const name of [
      'BusinessUnit',
      'BusinessUnitPage',
      'Tenant',
      'TenantPage',
      'Caller',
      'MovePreview',
      'MoveResult',
      'DataSource',
      'User',
      'UserPage',
      'RoleAssignment',
      'AuditEvent',
      'AuditEventPage',
      'OperationRequest',
      'OperationDraft',
      'DryRun',
      'Validation',
      'ProductRules',
      'Rejection',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});

describe('GET /v1/me', () => {
  test.each(personas.map((p) => [p.key, p] as const))('resolves %s', async (_key, persona) => {
    const unit = seededBusinessUnit(persona.businessUnit);
    const response = await harness.get('/v1/me', await harness.tokenFor(persona));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: personaUserId(persona), email: persona.email, displayName: persona.displayName },
      businessUnit: { id: unit.id, name: unit.name, kind: unit.kind },
      roles: [persona.role],
      permissions: expect.objectContaining({ administer: persona.role === 'admin' }),
      assignments: [],
    });
  });

  test('an unknown /v1 route is a 404 problem once authenticated', async () => {
    const [persona] = personas;
    if (!persona) throw new Error('no personas');
    const response = await harness.get('/v1/nope', await harness.tokenFor(persona));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
