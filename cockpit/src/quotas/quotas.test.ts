import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertPage, CreatedWebhookEndpoint } from '@scc/contracts/alerts';
import type { Invoice } from '@scc/contracts/billing';
import type { DryRun } from '@scc/contracts/operations';
import type { Quota, UnitQuotas } from '@scc/contracts/quotas';
import { executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf, TEST_HOST_ID } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';
import { createAlertDeliverer } from '../alerts/deliverer.js';
import { calendarDay } from '../operations/clock.js';
import { createWorker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import { sealer, WEBHOOK_SECRET_PURPOSE } from '../step-up/secret-box.js';

/**
 * Quotas through the cockpit's API: inherited and only tightened down the tree, hard ones as rules
 * the dry-run explains and concurrent orders cannot slip past, soft ones alerting once per crossing
 * and delivered to the host's endpoint above the writer's subtree, like an issued invoice's alert.
 */
const key = new Uint8Array(randomBytes(32));
let h: CockpitHarness;
let server: Server;
let receiverUrl: string;
let endpoint: CreatedWebhookEndpoint;
const received: { headers: Record<string, string>; body: string }[] = [];

const BAAS = seedId('product', 'BAAS');
const unit = (unitKey: string) => seededBusinessUnit(unitKey).id;
const as = (persona: string) => h.tokenFor(personaByKey(persona));
const quotaPath = (unitKey: string, metric: string) => `/v1/business-units/${unit(unitKey)}/quotas/${metric}`;

async function putQuota(persona: string, unitKey: string, metric: string, body: object): Promise<Response> {
  return h.send('PUT', quotaPath(unitKey, metric), await as(persona), body);
}

async function quotaOf(persona: string, unitKey: string, metric: string): Promise<Quota> {
  const response = await h.get(`/v1/business-units/${unit(unitKey)}/quotas`, await as(persona));
  expect(response.status, await response.clone().text()).toBe(200);
  const found = ((await response.json()) as UnitQuotas).items.find((item) => item.metric === metric);
  if (!found) throw new Error(`no ${metric} quota listed`);
  return found;
}

async function fieldsOf(response: Response, status: number): Promise<string[]> {
  expect(response.status, await response.clone().text()).toBe(status);
  return ((await problemOf(response)).errors ?? []).map((e) => e.field);
}

const quotaRows = async () =>
  executeRows<{ n: number }>(h.database.handle.db, sql`select count(*)::int as n from quotas`).then((r) => r[0]?.n);

const order = (unitKey: string, type = 'development') => ({
  kind: 'order',
  businessUnitId: unit(unitKey),
  productId: BAAS,
  type,
});

async function dryRun(persona: string, draft: object): Promise<DryRun> {
  const response = await h.send('POST', '/v1/operation-requests/dry-run', await as(persona), draft);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as DryRun;
}

const quotaRules = (result: DryRun) => result.validations.filter((v) => v.rule.endsWith('-quota'));

async function alertsOf(persona: string): Promise<AlertPage['items']> {
  const response = await h.get('/v1/alerts?limit=200', await as(persona));
  expect(response.status).toBe(200);
  return ((await response.json()) as AlertPage).items;
}

async function deliver(): Promise<{ kind: string; businessUnitId: string; subject: Record<string, unknown> }[]> {
  const before = received.length;
  await createAlertDeliverer({
    db: h.database.handle.db,
    clock: h.clock,
    secrets: sealer(key, WEBHOOK_SECRET_PURPOSE),
  }).runUntilIdle();
  return received.slice(before).map((delivery) => {
    const payload = new Webhook(endpoint.secret).verify(delivery.body, delivery.headers) as {
      data: { kind: string; businessUnitId: string; subject: Record<string, unknown> };
    };
    return payload.data;
  });
}

beforeAll(async () => {
  h = await createCockpitHarness({ totpKey: key, allowHttpWebhooks: true });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The host's endpoint on the MSP root: above every subtree that writes or issues below.
  const msp = unit('msp');
  const hostToken = await h.keys.sign({
    actsAsHost: true,
    businessUnitId: msp,
    homeBusinessUnitId: msp,
    hostId: TEST_HOST_ID,
  });
  const registered = await h.send('POST', '/v1/hosts/webhook-endpoints', hostToken, {
    url: `${receiverUrl}/msp`,
    kinds: ['quota-exceeded', 'invoice-issued'],
  });
  expect(registered.status).toBe(201);
  endpoint = (await registered.json()) as CreatedWebhookEndpoint;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
});

describe('inherited, and only tightened below', () => {
  test('a customer sets a stricter limit than its reseller, never a looser one', async () => {
    expect(
      (await putQuota('reseller-admin', 'reseller-one', 'tenants.development', { softLimit: '3', hardLimit: '5' }))
        .status,
    ).toBe(200);
    const before = await quotaRows();
    const looser = await putQuota('customer-admin', 'contoso', 'tenants.development', { hardLimit: '6' });
    expect(await fieldsOf(looser, 400)).toEqual(['body.hardLimit']);
    const looserSoft = await putQuota('customer-admin', 'contoso', 'tenants.development', { softLimit: '4' });
    expect(await fieldsOf(looserSoft, 400)).toEqual(['body.softLimit']);
    expect(await quotaRows()).toBe(before);

    const tighter = await putQuota('customer-admin', 'contoso', 'tenants.development', {
      softLimit: '2',
      hardLimit: '4',
    });
    expect(tighter.status).toBe(200);
    expect((await tighter.json()) as Quota).toMatchObject({
      own: { softLimit: '2', hardLimit: '4', tightenOnly: false },
      effective: {
        soft: { limit: '2', businessUnitId: unit('contoso'), businessUnitName: 'Contoso Retail' },
        hard: { limit: '4', businessUnitId: unit('contoso') },
      },
      consumption: '0',
    });
  });

  test('setting the limits already set writes nothing and records no change', async () => {
    const changes = async () =>
      (
        await executeRows<{ n: number }>(
          h.database.handle.db,
          sql`select count(*)::int as n from audit_events where action = 'quota.changed'`,
        )
      )[0]?.n;
    expect(
      (await putQuota('customer-one-admin', 'customer-one', 'tenants.production', { softLimit: '40', hardLimit: '50' }))
        .status,
    ).toBe(200);
    const once = await changes();
    for (const body of [
      { softLimit: '40', hardLimit: '50' },
      { softLimit: '40.0', hardLimit: '50.000' },
    ])
      expect((await putQuota('customer-one-admin', 'customer-one', 'tenants.production', body)).status).toBe(200);
    expect(await changes()).toBe(once);
    expect(
      (await putQuota('customer-one-admin', 'customer-one', 'tenants.production', { softLimit: '30', hardLimit: '50' }))
        .status,
    ).toBe(200);
    expect(await changes()).toBe((once ?? 0) + 1);
  });

  test('a limit from above the caller is named only as “above”; the reseller sees whose it is', async () => {
    expect(
      (await putQuota('reseller-admin', 'reseller-one', 'stored_gb', { softLimit: '500', hardLimit: '1000' })).status,
    ).toBe(200);
    const seenByCustomer = await quotaOf('customer-admin', 'contoso/north', 'stored_gb');
    expect(seenByCustomer).toMatchObject({
      own: null,
      effective: { soft: { limit: '500', businessUnitId: null, businessUnitName: null }, hard: { limit: '1000' } },
    });
    const seenByReseller = await quotaOf('reseller-admin', 'contoso/north', 'stored_gb');
    expect(seenByReseller.effective.hard).toEqual({
      limit: '1000',
      businessUnitId: unit('reseller-one'),
      businessUnitName: 'Reseller One',
    });
  });

  test('a quota the reseller set on a customer’s unit: the customer may lower it, not raise or remove it', async () => {
    expect((await putQuota('reseller-admin', 'contoso/north', 'tenants.development', { hardLimit: '2' })).status).toBe(
      200,
    );
    // Below Contoso's own 4, yet above what the reseller set here.
    const raised = await putQuota('customer-admin', 'contoso/north', 'tenants.development', { hardLimit: '3' });
    expect(await fieldsOf(raised, 400)).toEqual(['body.hardLimit']);
    const removedLimit = await putQuota('customer-admin', 'contoso/north', 'tenants.development', { softLimit: '1' });
    expect(await fieldsOf(removedLimit, 400)).toEqual(['body.hardLimit']);
    const removed = await h.send(
      'DELETE',
      quotaPath('contoso/north', 'tenants.development'),
      await as('customer-admin'),
    );
    expect(await fieldsOf(removed, 403)).toEqual(['path.metric']);

    const lowered = await putQuota('customer-admin', 'contoso/north', 'tenants.development', { hardLimit: '1' });
    expect(lowered.status).toBe(200);
    expect(((await lowered.json()) as Quota).own).toEqual({ softLimit: null, hardLimit: '1', tightenOnly: true });
    // Still the reseller's: it raises it back and removes it.
    expect((await putQuota('reseller-admin', 'contoso/north', 'tenants.development', { hardLimit: '2' })).status).toBe(
      200,
    );
    const dropped = await h.send(
      'DELETE',
      quotaPath('contoso/north', 'tenants.development'),
      await as('reseller-admin'),
    );
    expect(dropped.status).toBe(200);
    expect(((await dropped.json()) as Quota).own).toBeNull();
  });

  test('bad limits are 400s naming the field, and nothing is written', async () => {
    const before = await quotaRows();
    const cases: [string, object, string][] = [
      ['tenants.test', { softLimit: '3', hardLimit: '2' }, 'body.softLimit'],
      ['tenants.test', { hardLimit: '1.5' }, 'body.hardLimit'],
      ['tenants.test', { hardLimit: '-1' }, 'body.hardLimit'],
      ['tenants.test', { hardLimit: 2 }, 'body.hardLimit'],
      ['tenants.test', {}, 'body.hardLimit'],
      ['tenants.test', { hardLimit: '2', extra: true }, 'body.extra'],
      ['stored_gb', { hardLimit: '1e3' }, 'body.hardLimit'],
      ['tenants.', { hardLimit: '2' }, 'path.metric'],
      ['protected_items', { hardLimit: '2' }, 'path.metric'],
    ];
    for (const [metric, body, field] of cases) {
      const response = await putQuota('customer-admin', 'contoso', metric, body);
      expect(await fieldsOf(response, 400), `${metric} ${JSON.stringify(body)}`).toContain(field);
    }
    expect(await quotaRows()).toBe(before);
  });
});

describe('isolation', () => {
  test('a unit outside the caller’s subtree is 404 to read, set and drop; an operator may not set', async () => {
    const before = await quotaRows();
    expect((await h.get(`/v1/business-units/${unit('fabrikam')}/quotas`, await as('customer-admin'))).status).toBe(404);
    expect((await putQuota('customer-admin', 'fabrikam', 'stored_gb', { hardLimit: '1' })).status).toBe(404);
    expect((await putQuota('customer-admin', 'reseller-one', 'stored_gb', { hardLimit: '1' })).status).toBe(404);
    expect((await h.send('DELETE', quotaPath('reseller-one', 'stored_gb'), await as('customer-admin'))).status).toBe(
      404,
    );
    expect((await h.get(`/v1/business-units/${unit('contoso')}/quotas`, await as('department-user'))).status).toBe(404);
    expect((await putQuota('department-user', 'contoso/north/finance', 'stored_gb', { hardLimit: '1' })).status).toBe(
      403,
    );
    expect(await quotaRows()).toBe(before);
  });
});

describe('a hard quota is a rule of the order', () => {
  test('the dry-run explains it: whose quota, the limit, the count in the caller’s subtree', async () => {
    expect(
      (await putQuota('customer-admin', 'contoso', 'tenants.development', { softLimit: '0', hardLimit: '1' })).status,
    ).toBe(200);
    const free = await dryRun('customer-admin', order('contoso/south/stores'));
    // The reseller's count tells of its other customers: the customer is told the limit only.
    expect(quotaRules(free).filter((v) => v.rule === 'tenant-quota')).toEqual([
      expect.objectContaining({
        passed: true,
        message: 'Within the hard quota of 5 development tenants set above your unit.',
      }),
      expect.objectContaining({
        passed: true,
        field: 'body.type',
        message: 'Within Contoso Retail’s hard quota of 1 development tenants (0 now).',
      }),
    ]);

    const submitted = await h.send(
      'POST',
      '/v1/operation-requests',
      await as('customer-admin'),
      order('contoso/south/stores'),
    );
    expect(submitted.status, await submitted.clone().text()).toBe(202);

    const full = await dryRun('customer-admin', order('contoso/north/finance'));
    expect(full.validations.filter((v) => !v.passed)).toEqual([
      {
        rule: 'tenant-quota',
        passed: false,
        blocking: true,
        field: 'body.type',
        message:
          'Contoso Retail’s hard quota of 1 development tenants is reached (1 now), open orders included: terminate one first or ask for a higher quota.',
      },
    ]);
    const refused = await h.send(
      'POST',
      '/v1/operation-requests',
      await as('customer-admin'),
      order('contoso/north/finance'),
    );
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { errors: { rule: string; field: string }[] };
    expect(body.errors.map((e) => [e.rule, e.field])).toEqual([['tenant-quota', 'body.type']]);
    // Another type is not counted against it.
    expect(quotaRules(await dryRun('customer-admin', order('contoso/north/finance', 'validation')))).toEqual([
      expect.objectContaining({ rule: 'storage-quota', passed: true }),
    ]);
  });

  test('the created tenant crosses Contoso’s soft quota of 0: one alert, delivered to the host above', async () => {
    const worker = createWorker({
      db: h.database.handle.db,
      provisioner: createLocalProvisioner(h.database.handle.db),
      clock: h.clock,
    });
    await worker.runUntilIdle();
    const alerts = (await alertsOf('customer-admin')).filter((a) => a.kind === 'quota-exceeded');
    expect(alerts).toEqual([
      expect.objectContaining({
        businessUnitId: unit('contoso'),
        severity: 'warning',
        subject: { metric: 'tenants.development', limit: '0', consumption: '1' },
        summary: 'Contoso Retail has 1 development tenants, above its soft quota of 0.',
      }),
    ]);
    expect(await deliver()).toEqual([
      expect.objectContaining({ kind: 'quota-exceeded', businessUnitId: unit('contoso') }),
    ]);
  });

  test('twenty concurrent orders under one hard quota from different units: exactly one passes', async () => {
    expect((await putQuota('reseller-admin', 'fabrikam', 'tenants.development', { hardLimit: '1' })).status).toBe(200);
    const units = ['fabrikam', 'fabrikam/central', 'fabrikam/central/radiology'];
    const token = await as('reseller-admin');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.send('POST', '/v1/operation-requests', token, order(units[i % units.length] as string)),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([202, ...Array(19).fill(422)]);
    for (const response of responses.filter((r) => r.status === 422)) {
      const body = (await response.json()) as { errors: { rule: string }[] };
      expect(body.errors.map((e) => e.rule)).toEqual(['tenant-quota']);
    }
    const [row] = await executeRows<{ open: number }>(
      h.database.handle.db,
      sql`select count(*)::int as open from operation_requests
        where kind = 'order' and state = 'queued' and bu_path <@ ${seededBusinessUnit('fabrikam').path}::ltree`,
    );
    expect(row?.open).toBe(1);
  });
});

describe('stored GB', () => {
  let secret: string;
  let source: string;
  const day = (daysAgo: number) => calendarDay(new Date(h.clock.now().getTime() - daysAgo * 86_400_000));
  const upload = (daysAgo: number, storedGb: string) =>
    h.app.request('/v1/usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
      body: JSON.stringify({ dataSourceId: source, day: day(daysAgo), metrics: { stored_gb: storedGb } }),
    });
  const resellerAlerts = async () =>
    (await alertsOf('reseller-admin')).filter(
      (a) => a.kind === 'quota-exceeded' && a.businessUnitId === unit('reseller-one'),
    );

  beforeAll(async () => {
    const stores = seededBusinessUnit('contoso/south/stores');
    const [row] = await executeRows<{ id: string }>(
      h.database.handle.db,
      sql`insert into data_sources (business_unit_id, kind, external_ref, name, attributes, bu_path)
        values (${stores.id}, 'backup-server', 'quota-test', 'Backup quota-test', '{}'::jsonb, ${stores.path}::ltree)
        returning id`,
    );
    source = row?.id as string;
    const created = await h.send(
      'POST',
      `/v1/business-units/${unit('contoso')}/collector-credentials`,
      await as('customer-admin'),
      {
        name: 'Contoso exporter',
      },
    );
    expect(created.status).toBe(201);
    secret = ((await created.json()) as { secret: string }).secret;
  });

  test('the reseller’s soft quota alerts once per crossing, however often the collector re-sends', async () => {
    expect((await upload(5, '300')).status).toBe(200);
    expect(await resellerAlerts()).toEqual([]);
    expect((await upload(5, '600')).status).toBe(200);
    h.clock.advance(60_000);
    expect((await upload(5, '650')).status).toBe(200);
    expect((await resellerAlerts()).map((a) => a.subject)).toEqual([
      { metric: 'stored_gb', limit: '500', consumption: '600' },
    ]);
    // The customer's people do not see the reseller's alert.
    expect((await alertsOf('customer-admin')).filter((a) => a.businessUnitId === unit('reseller-one'))).toEqual([]);
    // Back below on a later day, then above again: a second crossing, a second alert.
    h.clock.advance(60_000);
    expect((await upload(4, '200')).status).toBe(200);
    h.clock.advance(60_000);
    expect((await upload(3, '700')).status).toBe(200);
    expect((await resellerAlerts()).map((a) => a.subject.consumption).sort()).toEqual(['600', '700']);
    const delivered = (await deliver()).filter((a) => a.kind === 'quota-exceeded');
    expect(delivered.map((a) => [a.businessUnitId, a.subject.consumption]).sort()).toEqual([
      [unit('reseller-one'), '600'],
      [unit('reseller-one'), '700'],
    ]);
  });

  test('at or above a hard stored-GB quota, orders and copies are refused with the reason', async () => {
    expect((await putQuota('customer-admin', 'contoso', 'stored_gb', { hardLimit: '700' })).status).toBe(200);
    const refused = await dryRun('customer-admin', order('contoso/north/finance', 'validation'));
    expect(refused.validations.filter((v) => !v.passed)).toEqual([
      expect.objectContaining({
        rule: 'storage-quota',
        field: 'body.businessUnitId',
        message: expect.stringContaining('Contoso Retail’s hard quota of 700 stored GB is reached (700 now)'),
      }),
    ]);
    const copy = await dryRun('customer-admin', {
      kind: 'copy',
      sourceTenantId: seedId('tenant', 'contoso-finance-backup'),
      targetTenantId: seedId('tenant', 'contoso-finance-test'),
      parts: ['applicationData'],
    });
    expect(copy.validations.filter((v) => !v.passed).map((v) => v.rule)).toEqual(['storage-quota']);
    // Fabrikam's subtree stores nothing: its orders are not held back by Contoso's data.
    expect(quotaRules(await dryRun('reseller-admin', order('fabrikam/central', 'validation')))).toEqual([
      expect.objectContaining({ rule: 'storage-quota', passed: true, message: expect.stringContaining('(700 now)') }),
    ]);
  });
});

describe('an issued invoice', () => {
  test('alerts the buyer’s people and the seller, and reaches the host’s endpoint above the seller', async () => {
    const reseller = unit('reseller-one');
    const token = await as('reseller-admin');
    const priced = await h.send('PUT', `/v1/business-units/${reseller}/price-lists/sale`, token, {
      currency: 'EUR',
      entries: [{ metric: 'stored_gb', tiers: [{ upTo: null, unitPrice: '0.08' }], minimumFee: '10' }],
    });
    expect(priced.status).toBe(200);
    const account = await h.send('PUT', `/v1/business-units/${unit('contoso')}/billing-account`, token, {
      account: true,
    });
    expect(account.status).toBe(200);
    const period = calendarDay(h.clock.now()).slice(0, 7);
    const run = await h.send('POST', `/v1/business-units/${reseller}/invoice-runs`, token, { period });
    expect(run.status, await run.clone().text()).toBe(200);
    const draft = ((await run.json()) as { items: Invoice[] }).items.find((i) => i.buyerId === unit('contoso'));
    if (!draft) throw new Error('no draft for Contoso');
    const issued = await h.send('POST', `/v1/invoices/${draft.id}/issue`, token);
    expect(issued.status).toBe(200);
    const { number } = (await issued.json()) as Invoice;

    const expected = expect.objectContaining({
      kind: 'invoice-issued',
      severity: 'info',
      businessUnitId: unit('contoso'),
      subject: { invoiceId: draft.id, invoiceNumber: number, period, sellerName: 'Reseller One' },
    });
    expect((await alertsOf('customer-admin')).filter((a) => a.kind === 'invoice-issued')).toEqual([expected]);
    expect((await alertsOf('reseller-admin')).filter((a) => a.kind === 'invoice-issued')).toEqual([expected]);
    expect((await alertsOf('customer-one-admin')).filter((a) => a.kind === 'invoice-issued')).toEqual([]);
    // The reseller's transaction issued it; the host's endpoint on the MSP lies above its subtree.
    expect((await deliver()).filter((a) => a.kind === 'invoice-issued')).toEqual([
      expect.objectContaining({
        businessUnitId: unit('contoso'),
        subject: expect.objectContaining({ invoiceId: draft.id }),
      }),
    ]);
  });
});
