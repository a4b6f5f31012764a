import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BffKeys,
  createBffKeys,
  createBffWithCockpit,
  expectValidationFields,
  issueWidgetToken,
} from '../../../test/support/bff-harness.js';
import { seededBusinessUnit } from '../../../test/support/seed-model.js';

/**
 * The BFF validates every widget input with the contract's schemas itself: a bad field is its own
 * 400 naming the field, and the cockpit never hears of the request.
 */
const contoso = seededBusinessUnit('contoso');
/** Any well-formed id: the cockpit, which would look it up, is never asked. */
const id = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

let keys: BffKeys;
let token: string;
/** The URLs the BFF asked the cockpit for; it must ask for none. */
const cockpitCalls: string[] = [];

beforeAll(async () => {
  keys = await createBffKeys();
  token = await issueWidgetToken(keys);
});

const bffWithoutCockpit = () =>
  createBffWithCockpit(keys, {
    fetch: async (input) => {
      cockpitCalls.push(String(input instanceof Request ? input.url : input));
      throw new Error('the BFF called the cockpit with input it should have refused');
    },
  });

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return bffWithoutCockpit().request(`/v1/widget${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** The routes whose bodies only the cockpit used to check, each with a bad body and the fields it names. */
const badBodies: [method: string, path: string, body: unknown, fields: string[]][] = [
  ['POST', '/business-units', { parentId: 'north', name: ' ' }, ['body.parentId', 'body.name']],
  ['PATCH', `/business-units/${id}`, { name: 'Audit', colour: 'red' }, ['body.colour']],
  ['PATCH', `/business-units/${id}`, {}, ['body']],
  ['POST', `/business-units/${id}/move-preview`, { newParentId: 'north' }, ['body.newParentId']],
  ['POST', `/business-units/${id}/move`, {}, ['body.newParentId']],
  ['PUT', `/business-units/${id}/brand`, { brand: { primaryColor: 'green' } }, ['body.brand.primaryColor']],
  ['POST', `/business-units/${id}/data-sources`, { kind: '', externalRef: 'bk-01', name: 'Backup' }, ['body.kind']],
  ['PATCH', `/data-sources/${id}`, { attributes: { port: { value: 8443 } } }, ['body.attributes.port']],
  ['POST', '/users', { email: 'not-an-email', displayName: 'Pat', businessUnitId: contoso.id }, ['body.email']],
  ['PATCH', `/users/${id}`, { displayName: '' }, ['body.displayName']],
  ['POST', '/role-assignments', { userId: id, businessUnitId: contoso.id, role: 'owner' }, ['body.role']],
  ['PUT', `/business-units/${id}/totp-policy`, { required: 'yes' }, ['body.required']],
  ['POST', '/step-up', { code: '12 34' }, ['body.code']],
  ['POST', '/step-up', { code: '123456', recoveryCode: 'AAAAA-BBBBB' }, ['body.code']],
  ['POST', '/step-up/enrolment', { secret: 'JBSWY3DPEHPK3PXP' }, ['body.secret']],
  ['POST', '/step-up/enrolment/confirm', { code: '1234567' }, ['body.code']],
  ['POST', '/alerts/read', { ids: ['nope'] }, ['body.ids.0']],
  ['POST', '/alerts/read', {}, ['body.ids']],
  ['POST', `/billing/business-units/${id}/invoice-runs`, { period: '2026-13' }, ['body.period']],
  ['PUT', `/billing/business-units/${id}/billing-account`, { account: 'yes' }, ['body.account']],
  ['PUT', `/billing/business-units/${id}/price-lists/internal`, { currency: 'XXX', entries: [] }, ['body.currency']],
  [
    'PUT',
    `/billing/business-units/${id}/price-lists/sale`,
    { currency: 'EUR', entries: [{ metric: 'stored_gb', tiers: [{ upTo: null, unitPrice: '1e3' }] }] },
    ['body.entries.0.tiers.0.unitPrice'],
  ],
  ['PUT', `/billing/business-units/${id}/price-lists/sale/${id}`, { currency: 'EUR' }, ['body.entries']],
  ['PUT', `/business-units/${id}/quotas/stored_gb`, { softLimit: '2', hardLimit: '1' }, ['body.softLimit']],
  [
    'POST',
    '/transports/preview',
    { kind: 'transport', sourceTenantId: 'nope', targetTenantId: id, profile: { mode: 'full' } },
    ['body.sourceTenantId'],
  ],
  ['POST', `/tenants/${id}/solution-profile/versions`, { basedOnVersion: -1, document: {} }, ['body.basedOnVersion']],
  // Text PostgreSQL cannot store: refused here, not failed as a write in the cockpit.
  ['POST', '/business-units', { parentId: contoso.id, name: 'Au\u0000dit' }, ['body.name']],
  ['PATCH', `/business-units/${id}`, { kind: 'region\ud800' }, ['body.kind']],
  ['PUT', `/business-units/${id}/brand`, { brand: { displayName: 'Acme\u0000' } }, ['body.brand.displayName']],
  ['PATCH', `/data-sources/${id}`, { attributes: { host: 'bk\u0000' } }, ['body.attributes.host']],
  ['PATCH', `/users/${id}`, { displayName: 'Pat\ud800' }, ['body.displayName']],
  ['POST', `/approvals/${id}/approve`, { comment: 'O\u0000K' }, ['body.comment']],
  ['POST', `/approvals/${id}/reject`, { verdict: 'no' }, ['body.verdict']],
  [
    'PUT',
    `/business-units/${id}/approval-policies/terminate-productive`,
    { quorum: 11, expiryHours: 24 },
    ['body.quorum'],
  ],
];

/** The other inputs a widget route takes: path parameters, queries, headers and drafts. */
const badInputs: [method: string, path: string, body: unknown, headers: Record<string, string>, fields: string[]][] = [
  ['GET', '/business-units/north', undefined, {}, ['path.id']],
  ['DELETE', '/role-assignments/1', undefined, {}, ['path.id']],
  ['POST', '/operation-requests/nope/cancel', undefined, {}, ['path.id']],
  ['GET', '/business-units?limit=5', undefined, {}, ['query.limit']],
  ['GET', '/users?businessUnitId=north', undefined, {}, ['query.businessUnitId']],
  ['GET', '/audit-events?cursor=%2F', undefined, {}, ['query.cursor']],
  ['GET', '/tenants?lifecycle=gone', undefined, {}, ['query.lifecycle']],
  ['GET', '/operation-requests?state=later', undefined, {}, ['query.state']],
  ['GET', '/approvals?state=later', undefined, {}, ['query.state']],
  ['GET', `/business-units/${id}/approval-policies/everything`, undefined, {}, ['path.subject']],
  ['DELETE', `/business-units/${id}/quotas/tenants`, undefined, {}, ['path.metric']],
  [
    'POST',
    '/operation-requests/dry-run',
    { kind: 'order', businessUnitId: contoso.id },
    {},
    ['body.productId', 'body.type'],
  ],
  [
    'POST',
    '/operation-requests',
    { kind: 'decommission', tenantId: id },
    { 'idempotency-key': 'two words' },
    ['header.idempotency-key'],
  ],
  ['GET', '/events', undefined, { 'last-event-id': 'latest' }, ['header.last-event-id']],
  ['POST', '/users', '{"email":', {}, ['body']],
];

describe('bad input', () => {
  it.each(badBodies)('%s %s: the BFF names the bad field of the body itself', async (method, path, body, fields) => {
    expect(await expectValidationFields(await send(method, path, body))).toEqual(fields);
    expect(cockpitCalls).toEqual([]);
  });

  it.each(badInputs)('%s %s: the BFF names the bad input itself', async (method, path, body, headers, fields) => {
    expect(await expectValidationFields(await send(method, path, body, headers))).toEqual(fields);
    expect(cockpitCalls).toEqual([]);
  });
});

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { additionalProperties?: unknown; oneOf?: unknown[] }> };
}

describe('the OpenAPI document', () => {
  const widgetOperations = async () => {
    const doc = (await (await bffWithoutCockpit().request('/openapi.json')).json()) as Document;
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/widget/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
      );
    return { doc, operations };
  };

  it('documents each widget body as the contract’s closed schema, never a free object', async () => {
    const { doc, operations } = await widgetOperations();
    const withBody = operations.filter(({ operation }) => operation.requestBody);
    const formerlyFree = badBodies.map(
      ([method, path]) =>
        `${method} /v1/widget${path.replace(id, '{id}').replace(id, '{buyerId}').replace('/terminate-productive', '/{subject}').replace('/stored_gb', '/{metric}')}`,
    );
    const drafts = ['POST /v1/widget/operation-requests', 'POST /v1/widget/operation-requests/dry-run'];
    expect(withBody.map(({ route }) => route).sort()).toEqual([...new Set([...formerlyFree, ...drafts])].sort());
    for (const { route, operation } of withBody) {
      const ref = operation.requestBody?.content['application/json']?.schema.$ref ?? '';
      const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
      expect(schema, route).toBeDefined();
      // A strict object, or a union of strict objects (the operation drafts).
      if (!schema?.oneOf) expect(schema?.additionalProperties, route).toBe(false);
    }
  });

  it('documents every widget route’s answer and its problems', async () => {
    const { operations } = await widgetOperations();
    expect(operations.map(({ route }) => route)).toHaveLength(68);
    for (const { route, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses, route).toEqual(expect.arrayContaining(['400', '401', '404']));
      const success = statuses.filter((status) => status.startsWith('2'));
      expect(success.length, route).toBeGreaterThan(0);
      for (const status of success.filter((s) => s !== '204')) {
        expect(operation.responses[status]?.content, `${route} ${status}`).toBeDefined();
      }
      // Every failure is a problem; a 304 (a logo unchanged since its ETag) has no body at all.
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(Object.keys(operation.responses[status]?.content ?? {}), `${route} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  });
});
