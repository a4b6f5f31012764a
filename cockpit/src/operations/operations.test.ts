import { randomUUID } from 'node:crypto';
import type { DryRun, OperationRequest } from '@scc/contracts/operations';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { systemClock } from './clock.js';
import { forgetExpiredKeys, requestHash } from './idempotency.js';

let harness: CockpitHarness;
const SALES_KEY = 'sales-system-test-key';

beforeAll(async () => {
  harness = await createCockpitHarness({ salesApiKey: SALES_KEY });
});
afterAll(async () => {
  await harness?.close();
});

const BAAS = seedId('product', 'BAAS');
const ERP = seedId('product', 'ERP');
const tenant = (key: string) => seedId('tenant', key);
const unit = (key: string) => seededBusinessUnit(key).id;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await harness.database.handle.db.execute(query));
  return Number(row?.n);
}
const counts = async () => ({
  requests: await count(sql`select count(*)::int as n from operation_requests`),
  tenants: await count(sql`select count(*)::int as n from tenants`),
  outbox: await count(sql`select count(*)::int as n from outbox_events`),
  events: await count(sql`select count(*)::int as n from operation_request_events`),
});

async function as(personaKey: string, actingOn?: string) {
  return harness.tokenFor(personaByKey(personaKey), actingOn ? { actingOn: unit(actingOn) } : {});
}

async function dryRun(token: string, draft: object): Promise<DryRun> {
  const response = await harness.send('POST', '/v1/operation-requests/dry-run', token, draft);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as DryRun;
}

const failedRules = (d: { validations: { rule: string; passed: boolean }[] }) =>
  d.validations.filter((v) => !v.passed).map((v) => v.rule);

interface Rejection {
  status: number;
  requestId: string;
  errors: { field: string; rule: string; message: string }[];
}

async function expectRejected(token: string, draft: object, rules: string[]): Promise<Rejection> {
  const before = await counts();
  const response = await harness.send('POST', '/v1/operation-requests', token, draft);
  expect(response.status, await response.clone().text()).toBe(422);
  const body = (await problemOf(response)) as unknown as Rejection;
  expect(body.errors.map((e) => e.rule).sort()).toEqual([...rules].sort());
  const after = await counts();
  // The rejected request and its event; no tenant, no outbox message.
  expect(after).toEqual({ ...before, requests: before.requests + 1, events: before.events + 1 });
  const stored = await harness.get(`/v1/operation-requests/${body.requestId}`, token);
  expect(((await stored.json()) as OperationRequest).state).toBe('rejected');
  return body;
}

describe('dry-run', () => {
  test('a test tenant for a unit with a productive one: proposals, and the one-test-tenant rule', async () => {
    const token = await as('customer-admin');
    const draft = { kind: 'order', businessUnitId: unit('contoso/north/finance'), productId: BAAS, type: 'test' };
    const before = await counts();
    const result = await dryRun(token, draft);
    expect(await counts()).toEqual(before);
    expect(result.determinations.applicationDataSourceTenantId?.value).toBe(tenant('contoso-finance-backup'));
    expect(result.determinations.solutionProfileSourceTenantId?.value).toBe(tenant('contoso-finance-backup'));
    expect(failedRules(result)).toEqual(['max-test-tenants']);
    expect(result.allowed).toBe(false);
  });

  test('a first productive tenant for a subsidiary proposes its siblings’ configuration', async () => {
    const north = seededBusinessUnit('contoso/north');
    const id = randomUUID();
    await harness.database.handle.db.execute(sql`insert into business_units (id, parent_id, name, kind, path)
      values (${id}, ${north.id}, 'Marketing', 'department', ${`${north.path}.${id.replaceAll('-', '')}`}::ltree)`);
    const result = await dryRun(await as('customer-admin'), {
      kind: 'order',
      businessUnitId: id,
      productId: BAAS,
      type: 'productive',
    });
    expect([tenant('contoso-finance-backup'), tenant('contoso-logistics-backup')]).toContain(
      result.determinations.solutionProfileSourceTenantId?.value,
    );
    expect(result.determinations.applicationDataSourceTenantId?.value).toBeNull();
    expect(result.allowed).toBe(true);
  });

  test('an extra test tenant the contract allows is chargeable', async () => {
    const result = await dryRun(await as('customer-one-admin'), {
      kind: 'order',
      businessUnitId: unit('customer-one'),
      productId: ERP,
      type: 'test',
    });
    expect(result).toMatchObject({ allowed: true, chargeable: true });
  });

  test('malformed drafts are a 400 naming the field', async () => {
    const token = await as('customer-admin');
    const response = await harness.send('POST', '/v1/operation-requests/dry-run', token, {
      kind: 'order',
      businessUnitId: 'nope',
      productId: BAAS,
      type: 'test',
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.field)).toContain('body.businessUnitId');
  });

  test('hostile text is a 400 naming the field, and nothing is written', async () => {
    const token = await as('customer-admin');
    const draft = { kind: 'order', businessUnitId: unit('contoso/south/stores'), productId: BAAS, type: 'development' };
    const before = await counts();
    const send = (body: string, headers: Record<string, string> = {}) =>
      harness.app.request('/v1/operation-requests', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body,
      });
    const cases: [string, Response][] = [
      ['body.name', await send(JSON.stringify({ ...draft, name: 'a\u0000b' }))],
      // A lone surrogate survives JSON text only as an escape; PostgreSQL refuses it in jsonb.
      ['body.name', await send(JSON.stringify({ ...draft, name: 'x' }).replace('"x"', '"a\\ud800b"'))],
      ['body.name', await send(JSON.stringify({ ...draft, name: 'bell\u0007' }))],
      ['body.type', await send(JSON.stringify({ ...draft, type: 'development\u0000' }))],
      ['body.name', await send(JSON.stringify({ ...draft, name: 'x'.repeat(1_000_000) }))],
      // Refused by its depth at the edge, before any parser that recurses sees it.
      ['body', await send(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)],
      ['header.idempotency-key', await send(JSON.stringify(draft), { 'idempotency-key': 'key\u0001' })],
    ];
    for (const [field, response] of cases) {
      expect(response.status, field).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('submit: the rules of the brief', () => {
  test('a second live productive tenant is rejected, naming the rule', async () => {
    const body = await expectRejected(
      await as('customer-admin'),
      { kind: 'order', businessUnitId: unit('contoso/north/finance'), productId: BAAS, type: 'productive' },
      ['max-live-productive'],
    );
    expect(body.errors[0]?.field).toBe('body.type');
  });

  test('a second test tenant is rejected when the contract has no extra test tenants', async () => {
    await expectRejected(
      await as('customer-admin'),
      { kind: 'order', businessUnitId: unit('contoso/north/finance'), productId: BAAS, type: 'test' },
      ['max-test-tenants'],
    );
  });

  test('an unknown tenant type is rejected', async () => {
    await expectRejected(
      await as('customer-admin'),
      { kind: 'order', businessUnitId: unit('contoso/south/stores'), productId: ERP, type: 'validation' },
      ['tenant-type-allowed'],
    );
  });

  test('sources outside the subtree and of another product are rejected without telling them apart from unknown ones', async () => {
    const draft = {
      kind: 'order',
      businessUnitId: unit('contoso/north/finance'),
      productId: BAAS,
      type: 'development',
      applicationDataSourceTenantId: tenant('globex-backup'),
      solutionProfileSourceTenantId: tenant('contoso-erp-test'),
    };
    const body = await expectRejected(await as('customer-admin'), draft, ['source-in-scope', 'source-same-product']);
    const unknown = await expectRejected(
      await as('customer-admin'),
      { ...draft, applicationDataSourceTenantId: randomUUID() },
      ['source-in-scope', 'source-same-product'],
    );
    expect(unknown.errors.find((e) => e.rule === 'source-in-scope')).toEqual(
      body.errors.find((e) => e.rule === 'source-in-scope'),
    );
  });

  test('an expired contract is rejected', async () => {
    await expectRejected(
      await as('msp-operator', 'globex'),
      { kind: 'order', businessUnitId: unit('globex'), productId: BAAS, type: 'test' },
      ['contract-valid'],
    );
  });

  test('no contract for the product is rejected', async () => {
    await expectRejected(
      await as('msp-operator', 'msp/internal/critical/core-databases'),
      { kind: 'order', businessUnitId: unit('msp/internal/critical/core-databases'), productId: ERP, type: 'test' },
      ['contract-entitlement'],
    );
  });

  test('a department operator may not terminate a productive tenant; the customer admin may', async () => {
    const draft = { kind: 'decommission', tenantId: tenant('contoso-finance-backup') };
    await expectRejected(await as('department-user'), draft, ['permission']);
    const response = await harness.send('POST', '/v1/operation-requests', await as('customer-admin'), draft);
    expect(response.status, await response.clone().text()).toBe(202);
    // Four eyes (the product's default): it waits until another admin approves, then it is queued.
    const request = (await response.json()) as OperationRequest;
    expect(request).toMatchObject({ kind: 'decommission', state: 'awaiting-approval', tenantId: draft.tenantId });
    const [approval] = rowsOf<{ id: string }>(
      await harness.database.handle.db.execute(
        sql`select id from approvals where operation_request_id = ${request.id}`,
      ),
    );
    const approved = await harness.send(
      'POST',
      `/v1/approvals/${approval?.id}/approve`,
      await as('reseller-admin'),
      {},
    );
    expect(approved.status, await approved.clone().text()).toBe(200);
    const queued = await harness.get(`/v1/operation-requests/${request.id}`, await as('customer-admin'));
    expect(await queued.json()).toMatchObject({ state: 'queued' });
  });

  test('a live productive tenant with a termination request no longer blocks a new one', async () => {
    const token = await as('customer-admin');
    const response = await harness.send('POST', '/v1/operation-requests', token, {
      kind: 'order',
      businessUnitId: unit('contoso/north/finance'),
      productId: BAAS,
      type: 'productive',
    });
    expect(response.status, await response.clone().text()).toBe(202);
    // …and that open order now blocks the next productive one.
    await expectRejected(
      token,
      { kind: 'order', businessUnitId: unit('contoso/north/finance'), productId: BAAS, type: 'productive' },
      ['max-live-productive'],
    );
  });

  test('ids outside the subtree answer 404', async () => {
    const token = await as('department-user');
    for (const draft of [
      { kind: 'decommission', tenantId: tenant('contoso-stores-backup') },
      { kind: 'order', businessUnitId: unit('contoso/south'), productId: BAAS, type: 'test' },
    ]) {
      const response = await harness.send('POST', '/v1/operation-requests', token, draft);
      expect(response.status).toBe(404);
    }
  });

  test('a chargeable extra test tenant writes one outbox message with the request', async () => {
    const before = await counts();
    const response = await harness.send('POST', '/v1/operation-requests', await as('customer-one-admin'), {
      kind: 'order',
      businessUnitId: unit('customer-one'),
      productId: ERP,
      type: 'test',
    });
    expect(response.status).toBe(202);
    const request = (await response.json()) as OperationRequest;
    expect(request.chargeable).toBe(true);
    expect(await counts()).toMatchObject({ requests: before.requests + 1, outbox: before.outbox + 1 });
    expect(
      await count(sql`select count(*)::int as n from outbox_events where payload->>'requestId' = ${request.id}`),
    ).toBe(1);
    // Cancelled before it ran: the sales system hears that the charge is void.
    const cancelled = await harness.send(
      'POST',
      `/v1/operation-requests/${request.id}/cancel`,
      await as('customer-one-admin'),
    );
    expect(cancelled.status).toBe(200);
    expect(
      await count(sql`select count(*)::int as n from outbox_events
        where payload->>'requestId' = ${request.id} and type = 'operation.chargeable-voided'
          and payload->>'reason' = 'cancelled'`),
    ).toBe(1);
  });
});

describe('idempotency, listing and cancelling', () => {
  test('a retry with the same Idempotency-Key returns the same request', async () => {
    const token = await as('customer-admin');
    const draft = { kind: 'order', businessUnitId: unit('contoso/south/stores'), productId: BAAS, type: 'development' };
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const first = await harness.send('POST', '/v1/operation-requests', token, draft, headers);
    expect(first.status).toBe(202);
    const before = await counts();
    const again = await harness.send('POST', '/v1/operation-requests', token, draft, headers);
    expect(again.status).toBe(200);
    expect(((await again.json()) as OperationRequest).id).toBe(((await first.json()) as OperationRequest).id);
    expect(await counts()).toEqual(before);
  });

  test('the same Idempotency-Key with a different body is a 422 naming the header, and stores nothing', async () => {
    const token = await as('customer-admin');
    const draft = { kind: 'order', businessUnitId: unit('contoso/south/stores'), productId: BAAS, type: 'validation' };
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const first = await harness.send('POST', '/v1/operation-requests', token, draft, headers);
    expect(first.status).toBe(202);
    const before = await counts();
    const other = await harness.send('POST', '/v1/operation-requests', token, { ...draft, name: 'Another' }, headers);
    expect(other.status).toBe(422);
    const body = await problemOf(other);
    expect(body.type).toBe('https://scc.example/problems/idempotency-key-reused');
    expect(body.errors?.map((e) => e.field)).toEqual(['header.idempotency-key']);
    expect(await counts()).toEqual(before);
    // Key order does not make a body different.
    const reordered = {
      type: 'validation',
      productId: BAAS,
      businessUnitId: unit('contoso/south/stores'),
      kind: 'order',
    };
    const again = await harness.send('POST', '/v1/operation-requests', token, reordered, headers);
    expect(again.status).toBe(200);
    expect(((await again.json()) as OperationRequest).id).toBe(((await first.json()) as OperationRequest).id);
  });

  test('a key older than 24 hours names a new request; the sweep forgets expired keys of everyone', async () => {
    const token = await as('customer-admin');
    const draft = { kind: 'order', businessUnitId: unit('contoso/south/stores'), productId: BAAS, type: 'development' };
    const key = `key-${randomUUID()}`;
    const first = (await (
      await harness.send('POST', '/v1/operation-requests', token, draft, { 'idempotency-key': key })
    ).json()) as OperationRequest;
    const [stored] = rowsOf<{ idempotency_hash: string }>(
      await harness.database.handle.db.execute(
        sql`select idempotency_hash from operation_requests where id = ${first.id}`,
      ),
    );
    expect(stored?.idempotency_hash).toBe(requestHash(draft));
    // 23 hours on, the key still holds: another body is refused.
    const age = async (hours: number) =>
      harness.database.handle.db.execute(
        sql`update operation_requests set idempotency_key_used_at = ${new Date(harness.clock.now().getTime() - hours * 3_600_000).toISOString()}::timestamptz
          where id = ${first.id}`,
      );
    await age(23);
    const other = { ...draft, type: 'validation' };
    expect(
      (await harness.send('POST', '/v1/operation-requests', token, other, { 'idempotency-key': key })).status,
    ).toBe(422);
    // 25 hours on, it has expired: the same key places a new request, and the old one keeps its history.
    await age(25);
    const second = await harness.send('POST', '/v1/operation-requests', token, other, { 'idempotency-key': key });
    expect(second.status, await second.clone().text()).toBe(202);
    expect(((await second.json()) as OperationRequest).id).not.toBe(first.id);
    const keys = rowsOf<{ id: string; idempotency_key: string | null }>(
      await harness.database.handle.db.execute(
        sql`select id, idempotency_key from operation_requests where id = ${first.id}`,
      ),
    );
    expect(keys).toEqual([{ id: first.id, idempotency_key: null }]);

    // The sweep: every expired key goes, a fresh one stays.
    // Accepted or rejected by the rules, a request keeps its key either way.
    const third = (await (
      await harness.send('POST', '/v1/operation-requests', token, draft, { 'idempotency-key': `key-${randomUUID()}` })
    ).json()) as { id?: string; requestId?: string };
    await harness.database.handle.db.execute(
      sql`update operation_requests set idempotency_key_used_at = now() - interval '2 days' where id = ${third.id ?? third.requestId}`,
    );
    expect(await forgetExpiredKeys(harness.database.handle.db, systemClock)).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from operation_requests
        where idempotency_key is not null and idempotency_key_used_at < now() - interval '24 hours'`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from operation_requests where idempotency_key = ${key}`)).toBe(1);
  });

  test('list newest first, filtered by state; pages walk every request once', async () => {
    const token = await as('customer-admin');
    const all = (await (await harness.get('/v1/operation-requests?limit=500', token)).json()) as {
      items: OperationRequest[];
    };
    expect(all.items.length).toBeGreaterThan(3);
    const times = all.items.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const open = (await (await harness.get('/v1/operation-requests?state=open', token)).json()) as {
      items: OperationRequest[];
    };
    expect(
      open.items.every((r) => ['requested', 'validated', 'awaiting-approval', 'queued', 'running'].includes(r.state)),
    ).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await harness.get(`/v1/operation-requests?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token)
      ).json()) as { items: OperationRequest[]; nextCursor: string | null };
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r) => r.id));
  });

  test('the department user sees only its department’s requests', async () => {
    const token = await as('department-user');
    const page = (await (await harness.get('/v1/operation-requests?limit=500', token)).json()) as {
      items: OperationRequest[];
    };
    const finance = unit('contoso/north/finance');
    expect(page.items.length).toBeGreaterThan(0);
    for (const request of page.items) expect(request.businessUnitId).toBe(finance);
  });

  test('a queued request can be cancelled once; then 409', async () => {
    const token = await as('customer-admin');
    const response = await harness.send('POST', '/v1/operation-requests', token, {
      kind: 'order',
      businessUnitId: unit('contoso/north'),
      productId: BAAS,
      type: 'development',
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const request = (await response.json()) as OperationRequest;
    const cancelled = await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, token);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled' });
    expect((await harness.send('POST', `/v1/operation-requests/${request.id}/cancel`, token)).status).toBe(409);
    const outside = await harness.send(
      'POST',
      `/v1/operation-requests/${request.id}/cancel`,
      await as('department-user'),
    );
    expect(outside.status).toBe(404);
  });
});

describe('products and rules', () => {
  test('products shared from above are listed; rules have the brief’s defaults', async () => {
    const token = await as('department-user');
    const list = (await (await harness.get('/v1/products', token)).json()) as {
      items: { id: string; own: boolean }[];
    };
    expect(list.items.map((p) => p.id).sort()).toEqual([BAAS, ERP].sort());
    expect(list.items.every((p) => !p.own)).toBe(true);
    const rules = await (await harness.get(`/v1/products/${BAAS}/rules`, token)).json();
    expect(rules).toMatchObject({
      tenantTypes: ['productive', 'test', 'validation', 'development'],
      maxLiveProductive: 1,
      maxTestTenants: 1,
      extraTestTenants: 'chargeable',
      retentionDays: 28,
      afterRetention: { test: 'delete', development: 'delete', '*': 'archive' },
    });
  });

  test('only an admin of the owner unit may change rules; the change drives the rules at once', async () => {
    const rules = { tenantTypes: ['productive', 'test'], maxTestTenants: 3, extraTestTenants: 'refuse' };
    const customer = await harness.send('PUT', `/v1/products/${ERP}/rules`, await as('customer-admin'), rules);
    expect(customer.status).toBe(403);
    const bad = await harness.send('PUT', `/v1/products/${ERP}/rules`, await as('msp-operator'), {
      ...rules,
      retentionDays: -3,
    });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.field)).toEqual(['body.retentionDays']);
    const ok = await harness.send('PUT', `/v1/products/${ERP}/rules`, await as('msp-operator'), rules);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ maxTestTenants: 3, extraTestTenants: 'refuse', retentionDays: 28 });
    // Contoso has one ERP test tenant; three are now allowed.
    const result = await dryRun(await as('customer-admin'), {
      kind: 'order',
      businessUnitId: unit('contoso'),
      productId: ERP,
      type: 'test',
    });
    expect(failedRules(result)).toEqual([]);
    const development = await dryRun(await as('customer-admin'), {
      kind: 'order',
      businessUnitId: unit('contoso'),
      productId: ERP,
      type: 'development',
    });
    expect(failedRules(development)).toEqual(['tenant-type-allowed']);
  });
});

describe('sales integration', () => {
  const path = '/v1/integrations/sales/contracts/SO-9000';
  const body = {
    businessUnitId: unit('fabrikam'),
    productCode: 'ERP',
    sla: 'gold',
    options: { extraTestTenants: 2 },
    startsOn: '2026-01-01',
  };

  test('refuses user tokens and wrong keys', async () => {
    expect((await harness.send('PUT', path, await as('msp-operator'), body)).status).toBe(401);
    expect((await harness.send('PUT', path, 'wrong', body)).status).toBe(401);
    expect((await harness.send('PUT', path, null, body)).status).toBe(401);
  });

  test('upserts by the sales system’s reference: 201 then 200; the new contract entitles at once', async () => {
    const created = await harness.send('PUT', path, SALES_KEY, body);
    expect(created.status, await created.clone().text()).toBe(201);
    const replaced = await harness.send('PUT', path, SALES_KEY, { ...body, sla: 'platinum' });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      externalRef: 'SO-9000',
      sla: 'platinum',
      businessUnitId: body.businessUnitId,
    });
    expect(await count(sql`select count(*)::int as n from contracts where external_ref = 'SO-9000'`)).toBe(1);
    const result = await dryRun(await as('reseller-admin', 'fabrikam'), {
      kind: 'order',
      businessUnitId: unit('fabrikam'),
      productId: ERP,
      type: 'productive',
    });
    expect(failedRules(result)).toEqual([]);
  });

  test('bad bodies name the field', async () => {
    const response = await harness.send('PUT', path, SALES_KEY, { ...body, startsOn: '2026-13-01', extra: 1 });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.field).sort()).toEqual(['body.extra', 'body.startsOn']);
  });
});
