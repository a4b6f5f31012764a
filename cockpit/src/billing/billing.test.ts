import type { Invoice, InvoiceList, PutPriceList, ShowBack, UsageIngestResult } from '@scc/contracts/billing';
import { type Database, executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness, problemOf } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';

/**
 * The article's hierarchy billed for October 2026: the MSP invoices Reseller One, External
 * customer One and Globex at its prices; Reseller One invoices Contoso and Fabrikam at its own;
 * Contoso and the MSP's internal systems see show-back at their internal prices. Every expected
 * amount below is computed by hand in its comment.
 */
let h: CockpitHarness;
let owner: Database;
const unit = (key: string) => seededBusinessUnit(key);
const token = (persona: string) => h.tokenFor(personaByKey(persona));
let msp: string;
let reseller: string;
let contoso: string;

const sources: Record<string, { unit: string; id?: string; critical?: boolean }> = {
  contosoNorth: { unit: 'contoso/north/finance/store-servers' },
  contosoSouth: { unit: 'contoso/south/stores/store-servers' },
  fabrikam: { unit: 'fabrikam/central/radiology/imaging-servers' },
  customerOne: { unit: 'customer-one/emea/finance/primary-servers' },
  critical: { unit: 'msp/internal/critical/core-databases', critical: true },
  other: { unit: 'msp/internal/other/file-servers' },
};

/** Daily values of October 2026 per source: stored GB (a level) and transferred GB (a flow). */
const daily: Record<string, { stored_gb: string; transferred_gb?: string }> = {
  contosoNorth: { stored_gb: '100', transferred_gb: '2' },
  contosoSouth: { stored_gb: '300', transferred_gb: '1' },
  fabrikam: { stored_gb: '700', transferred_gb: '0.5' },
  customerOne: { stored_gb: '2000', transferred_gb: '10' },
  critical: { stored_gb: '50' },
  other: { stored_gb: '80' },
};

const october = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
let collectorSecret: string;

async function upload(body: string, type = 'application/x-ndjson', secret = collectorSecret) {
  return h.app.request('/v1/usage', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': type },
    body,
  });
}

const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

async function json<T>(response: Response, status = 200): Promise<T> {
  if (response.status !== status) throw new Error(`${response.status}: ${await response.text()}`);
  return response.json() as Promise<T>;
}

async function put(path: string, persona: string, body: unknown, status = 200) {
  return json(await h.send('PUT', path, await token(persona), body), status);
}

const flat = (metric: string, price: string, minimumFee?: string) => ({
  metric,
  tiers: [{ upTo: null, unitPrice: price }],
  ...(minimumFee ? { minimumFee } : {}),
});

const mspPrices: PutPriceList = {
  currency: 'EUR',
  entries: [
    {
      metric: 'stored_gb',
      tiers: [
        { upTo: '1000', unitPrice: '0.05' },
        { upTo: null, unitPrice: '0.04' },
      ],
      minimumFee: '20',
    },
    flat('transferred_gb', '0.01'),
  ],
};

async function run(seller: string, persona: string, period = '2026-10') {
  return (
    await json<{ items: Invoice[] }>(
      await h.send('POST', `/v1/business-units/${seller}/invoice-runs`, await token(persona), { period }),
    )
  ).items;
}

const byBuyer = (items: { buyerId: string; total: string }[]) =>
  Object.fromEntries(items.map((i) => [i.buyerId, i.total]));

beforeAll(async () => {
  h = await createCockpitHarness();
  owner = h.database.handle.db;
  msp = unit('msp').id;
  reseller = unit('reseller-one').id;
  contoso = unit('contoso').id;
  for (const [key, source] of Object.entries(sources)) {
    const at = unit(source.unit);
    const [row] = await executeRows<{ id: string }>(
      owner,
      sql`insert into data_sources (business_unit_id, kind, external_ref, name, attributes, bu_path)
        values (${at.id}, 'backup-server', ${key}, ${`Backup ${key}`},
          ${JSON.stringify(source.critical ? { class: 'critical' } : {})}::jsonb, ${at.path}::ltree) returning id`,
    );
    source.id = row?.id;
  }
  const created = await json<{ secret: string }>(
    await h.send('POST', `/v1/business-units/${msp}/collector-credentials`, await token('msp-operator'), {
      name: 'Backup exporter',
    }),
    201,
  );
  collectorSecret = created.secret;
  await put(`/v1/business-units/${msp}/price-lists/sale`, 'msp-operator', mspPrices);
  await put(`/v1/business-units/${reseller}/price-lists/sale`, 'reseller-admin', {
    currency: 'EUR',
    entries: [flat('stored_gb', '0.08'), flat('transferred_gb', '0.02')],
  });
  await put(`/v1/business-units/${reseller}/price-lists/sale/${unit('fabrikam').id}`, 'reseller-admin', {
    currency: 'EUR',
    entries: [flat('stored_gb', '0.07'), flat('transferred_gb', '0.02')],
  });
  for (const key of ['customer-one', 'globex', 'contoso', 'fabrikam']) {
    const persona = key === 'contoso' || key === 'fabrikam' ? 'reseller-admin' : 'msp-operator';
    await put(`/v1/business-units/${unit(key).id}/billing-account`, persona, { account: true });
  }
  await put(`/v1/business-units/${contoso}/price-lists/internal`, 'customer-admin', {
    currency: 'EUR',
    entries: [flat('stored_gb', '0.10'), flat('transferred_gb', '0.05')],
  });
  await put(`/v1/business-units/${msp}/price-lists/internal`, 'msp-operator', {
    currency: 'EUR',
    entries: [{ ...flat('stored_gb', '0.30'), class: 'critical' }, flat('stored_gb', '0.10')],
  });
  const rows = Object.keys(sources).flatMap((key) =>
    october.map((day) => ({ dataSourceId: sources[key]?.id, day, metrics: daily[key] })),
  );
  const stored = await json<UsageIngestResult>(await upload(ndjson(rows)));
  expect(stored).toMatchObject({ accepted: rows.length, replaced: 0, rejectedCount: 0 });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('invoices at every level, by hand', () => {
  test('the MSP invoices its direct buyers for their whole subtrees at its prices', async () => {
    const items = await run(msp, 'msp-operator');
    expect(byBuyer(items)).toEqual({
      // stored 100 + 300 + 700 = 1100 GB: 1000 × 0.05 + 100 × 0.04 = 54.00;
      // transferred 62 + 31 + 15.5 = 108.5 GB × 0.01 = 1.085 → 1.08 (half to even)
      [reseller]: '55.08',
      // stored 2000: 50 + 1000 × 0.04 = 90.00; transferred 310 × 0.01 = 3.10
      [unit('customer-one').id]: '93.10',
      // nothing used: the minimum fee of stored GB
      [unit('globex').id]: '20.00',
    });
    expect(items.every((i) => i.status === 'draft' && i.number === null)).toBe(true);
  });

  test('Reseller One invoices its customers at its own prices, Fabrikam at its override', async () => {
    const items = await run(reseller, 'reseller-admin');
    expect(byBuyer(items)).toEqual({
      // stored 400 × 0.08 = 32.00; transferred 93 × 0.02 = 1.86
      [contoso]: '33.86',
      // stored 700 × 0.07 = 49.00; transferred 15.5 × 0.02 = 0.31
      [unit('fabrikam').id]: '49.31',
    });
  });

  test('a reseller’s invoices to its customers do not depend on what the MSP charges it', async () => {
    const before = byBuyer(await run(reseller, 'reseller-admin'));
    await put(`/v1/business-units/${msp}/price-lists/sale`, 'msp-operator', {
      currency: 'EUR',
      entries: [flat('stored_gb', '1'), flat('transferred_gb', '1')],
    });
    const expensive = byBuyer(await run(msp, 'msp-operator'));
    expect(expensive[reseller]).toBe('1208.50');
    expect(byBuyer(await run(reseller, 'reseller-admin'))).toEqual(before);
    await put(`/v1/business-units/${msp}/price-lists/sale`, 'msp-operator', mspPrices);
    expect(byBuyer(await run(msp, 'msp-operator'))[reseller]).toBe('55.08');
  });

  test('a draft recomputes to the same invoice; a re-sent day replaces and bills nothing twice', async () => {
    const first = await run(reseller, 'reseller-admin');
    const again = await json<UsageIngestResult>(
      await upload(
        ndjson(october.map((day) => ({ dataSourceId: sources.contosoNorth?.id, day, metrics: daily.contosoNorth }))),
      ),
    );
    expect(again).toMatchObject({ accepted: 0, replaced: 31, rejectedCount: 0 });
    const second = await run(reseller, 'reseller-admin');
    const detail = async (id: string) =>
      (({ computedAt: _c, ...rest }) => rest)(
        await json<Invoice>(await h.get(`/v1/invoices/${id}`, await token('reseller-admin'))),
      );
    expect(second.map((i) => i.id)).toEqual(first.map((i) => i.id));
    for (const invoice of first) expect(await detail(invoice.id)).toEqual(await detail(invoice.id));
    expect(byBuyer(second)).toEqual(byBuyer(first));
  });

  test('show-back: Contoso by region, department and server group, summing to its total', async () => {
    const show = await json<ShowBack>(
      await h.get(`/v1/business-units/${contoso}/show-back?period=2026-10`, await token('customer-admin')),
    );
    // stored 400 × 0.10 = 40.00; transferred 93 × 0.05 = 4.65
    expect(show.total).toBe('44.65');
    const share = (key: string) => show.units.find((u) => u.businessUnitId === unit(key).id)?.subtree;
    // North: stored 100/400 of 40.00 = 10.00, transferred 62/93 of 4.65 = 3.10; South: 30.00 + 1.55
    expect(share('contoso/north')).toBe('13.10');
    expect(share('contoso/north/finance/store-servers')).toBe('13.10');
    expect(share('contoso/south')).toBe('31.55');
    expect(share('contoso')).toBe('44.65');
    const leaves = show.units.reduce((sum, u) => sum + Math.round(Number(u.own) * 100), 0);
    expect(leaves).toBe(4465);
  });

  test('show-back of internal systems: critical and other systems priced differently', async () => {
    const show = await json<ShowBack>(
      await h.get(
        `/v1/business-units/${unit('msp/internal').id}/show-back?period=2026-10`,
        await token('msp-operator'),
      ),
    );
    // critical 50 GB × 0.30 = 15.00; other 80 GB × 0.10 = 8.00
    expect(show.total).toBe('23.00');
    expect(show.units.find((u) => u.businessUnitId === unit('msp/internal/critical').id)?.subtree).toBe('15.00');
    expect(show.units.find((u) => u.businessUnitId === unit('msp/internal/other').id)?.subtree).toBe('8.00');
  });
});

describe('issuing', () => {
  test('numbers per seller without gaps; an issued invoice never changes, a rerun keeps it', async () => {
    const items = await run(msp, 'msp-operator');
    const operator = await token('msp-operator');
    const numbers: number[] = [];
    for (const invoice of items) {
      const issued = await json<Invoice>(await h.send('POST', `/v1/invoices/${invoice.id}/issue`, operator));
      numbers.push(issued.number ?? 0);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const twice = await h.send('POST', `/v1/invoices/${items[0]?.id}/issue`, operator);
    expect(twice.status).toBe(409);
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => 'changed',
        (error: { message: string; cause?: { message: string } }) => error.cause?.message ?? error.message,
      );
    expect(
      await refusal(owner.execute(sql`update invoices set total_minor = 1 where id = ${items[0]?.id}::uuid`)),
    ).toMatch(/is issued and cannot change/);
    expect(await refusal(owner.execute(sql`delete from invoices where id = ${items[0]?.id}::uuid`))).toMatch(
      /is issued and cannot be deleted/,
    );
    const rerun = await run(msp, 'msp-operator');
    expect(rerun.map((i) => [i.status, i.number])).toEqual(items.map((_, i) => ['issued', numbers[i]]));
    const reseller1 = await run(reseller, 'reseller-admin');
    const first = await json<Invoice>(
      await h.send('POST', `/v1/invoices/${reseller1[0]?.id}/issue`, await token('reseller-admin')),
    );
    expect(first.number).toBe(1);
  });

  test('CSV and PDF exports carry the lines', async () => {
    const list = await json<InvoiceList>(
      await h.get(`/v1/business-units/${contoso}/invoices`, await token('customer-admin')),
    );
    const invoice = list.received[0];
    expect(invoice?.sellerId).toBe(reseller);
    const csv = await h.get(`/v1/invoices/${invoice?.id}/csv`, await token('customer-admin'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('stored_gb,400,400 x 0.08,,32.00');
    expect(text).toContain('total,,,,33.86');
    const pdf = await h.get(`/v1/invoices/${invoice?.id}/pdf`, await token('customer-admin'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(bytes).toContain('Total: 33.86 EUR');
    const startxref = Number(/startxref\n(\d+)/.exec(bytes)?.[1]);
    expect(bytes.slice(startxref, startxref + 4)).toBe('xref');
  });
});

describe('isolation', () => {
  test('a reseller never sees the MSP’s prices nor its invoices to others', async () => {
    const riley = await token('reseller-admin');
    expect((await h.get(`/v1/business-units/${msp}/price-lists`, riley)).status).toBe(404);
    const mspInvoices = await json<InvoiceList>(
      await h.get(`/v1/business-units/${msp}/invoices`, await token('msp-operator')),
    );
    const toCustomerOne = mspInvoices.issued.find((i) => i.buyerId === unit('customer-one').id);
    expect((await h.get(`/v1/invoices/${toCustomerOne?.id}`, riley)).status).toBe(404);
    const own = await json<InvoiceList>(await h.get(`/v1/business-units/${reseller}/invoices`, riley));
    expect(own.received.map((i) => i.sellerId)).toEqual([msp]);
    expect(own.received[0]?.total).toBe('55.08');
  });

  test('a customer never sees the reseller’s cost or prices', async () => {
    const casey = await token('customer-admin');
    expect((await h.get(`/v1/business-units/${reseller}/price-lists`, casey)).status).toBe(404);
    const resellerList = await json<InvoiceList>(
      await h.get(`/v1/business-units/${reseller}/invoices`, await token('reseller-admin')),
    );
    const cost = resellerList.received[0];
    expect((await h.get(`/v1/invoices/${cost?.id}`, casey)).status).toBe(404);
    expect((await h.get(`/v1/invoices/${cost?.id}/pdf`, casey)).status).toBe(404);
    const own = await json<InvoiceList>(await h.get(`/v1/business-units/${contoso}/invoices`, casey));
    expect(own.received.map((i) => [i.sellerId, i.total])).toEqual([[reseller, '33.86']]);
    expect(own.issued).toEqual([]);
  });

  test('drafts are the seller’s: the buyer sees an invoice only once issued', async () => {
    const drafts = await run(reseller, 'reseller-admin');
    const fabrikamDraft = drafts.find((i) => i.buyerId === unit('fabrikam').id);
    expect(fabrikamDraft?.status).toBe('draft');
    const fabrikamAdmin = await h.tokenFor(personaByKey('reseller-admin'), { actingOn: unit('fabrikam').id });
    // acting on Fabrikam, Reseller One's admin is inside Fabrikam's subtree only: the draft is Reseller One's
    expect((await h.get(`/v1/invoices/${fabrikamDraft?.id}`, fabrikamAdmin)).status).toBe(404);
  });

  test('viewers and operators see nothing of billing', async () => {
    const dana = await token('department-user');
    const finance = unit('contoso/north/finance').id;
    expect((await h.get(`/v1/business-units/${finance}/usage?from=2026-10-01&to=2026-10-31`, dana)).status).toBe(403);
    expect((await h.get(`/v1/business-units/${finance}/invoices`, dana)).status).toBe(403);
    const sam = await token('critical-systems-viewer');
    expect((await h.get(`/v1/business-units/${unit('msp/internal/critical').id}/price-lists`, sam)).status).toBe(403);
  });
});

describe('usage', () => {
  test('summary of a subtree by metric, child, data source and day', async () => {
    const summary = await json<{
      byMetric: { metric: string; quantity: string }[];
      byChild: { businessUnitId: string; metric: string; quantity: string }[];
      byDay: { day: string; metric: string; quantity: string }[];
      byDataSource: { dataSourceId: string; metric: string; quantity: string }[];
    }>(await h.get(`/v1/business-units/${contoso}/usage?from=2026-10-01&to=2026-10-31`, await token('customer-admin')));
    expect(summary.byMetric).toEqual([
      { metric: 'stored_gb', quantity: '400' },
      { metric: 'transferred_gb', quantity: '93' },
    ]);
    expect(summary.byChild.filter((c) => c.metric === 'stored_gb').map((c) => [c.businessUnitId, c.quantity])).toEqual([
      [unit('contoso/north').id, '100'],
      [unit('contoso/south').id, '300'],
    ]);
    expect(summary.byDay).toHaveLength(62);
    expect(
      summary.byDataSource.find((d) => d.dataSourceId === sources.contosoSouth?.id && d.metric === 'stored_gb')
        ?.quantity,
    ).toBe('300');
  });

  test('bad rows are reported by line and field, the good ones kept', async () => {
    const good = sources.other?.id;
    const body = [
      JSON.stringify({ dataSourceId: good, day: '2026-11-01', metrics: { stored_gb: '80' } }),
      JSON.stringify({
        dataSourceId: '00000000-0000-4000-8000-000000000000',
        day: '2026-11-01',
        metrics: { stored_gb: '1' },
      }),
      JSON.stringify({ dataSourceId: good, day: '2026-11-02', metrics: { stored_gb: '-1' } }),
      JSON.stringify({ dataSourceId: good, day: '2026-11-03', metrics: { stored_gb: 'lots' } }),
      JSON.stringify({ dataSourceId: good, day: '2099-01-01', metrics: { stored_gb: '1' } }),
      JSON.stringify({ dataSourceId: good, day: '2026-11-01', metrics: { stored_gb: '81' } }),
      '{"dataSourceId": [[[[[[[[[[',
      '',
      JSON.stringify({ dataSourceId: good, day: '2026-02-30', metrics: { stored_gb: '1' } }),
      JSON.stringify({ dataSourceId: good, day: '2026-11-04', metrics: { stored_gb: 1.25 } }),
    ].join('\n');
    const response = await upload(body);
    const result = await json<UsageIngestResult>(response, 207);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      { line: 3, field: 'metrics.stored_gb', message: expect.any(String) },
      { line: 4, field: 'metrics.stored_gb', message: expect.any(String) },
      { line: 5, field: 'day', message: 'Lies in the future' },
      { line: 6, field: 'day', message: 'Same data source and day as line 1' },
      { line: 7, field: 'line', message: expect.any(String) },
      { line: 9, field: 'day', message: 'A date as YYYY-MM-DD' },
      { line: 2, field: 'dataSourceId', message: expect.stringContaining('No such data source') },
    ]);
  });

  test('new, seen and unknown rows in one upload, and twenty uploads of the same days at once: each day counted once', async () => {
    const id = sources.critical?.id;
    const row = (day: string, stored: string) => ({ dataSourceId: id, day, metrics: { stored_gb: stored } });
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'];
    // The first day is new; the second was received before and is replaced; the third row is unknown.
    await json<UsageIngestResult>(await upload(ndjson([row('2026-11-11', '5')])));
    const mixed = await json<UsageIngestResult>(
      await upload(
        ndjson([
          row('2026-11-10', '4'),
          row('2026-11-11', '6'),
          { dataSourceId: '00000000-0000-4000-8000-000000000000', day: '2026-11-10', metrics: { stored_gb: '1' } },
        ]),
      ),
      207,
    );
    expect(mixed).toMatchObject({ accepted: 1, replaced: 1, rejectedCount: 1 });
    expect(mixed.rejected).toEqual([{ line: 3, field: 'dataSourceId', message: expect.any(String) }]);
    // Raced: one upload inserts each day, the others wait for it and replace it, in any order.
    const raced = await Promise.all(
      Array.from({ length: 20 }, async () =>
        json<UsageIngestResult>(await upload(ndjson(days.map((day) => row(day, '7'))))),
      ),
    );
    expect(raced.map((r) => r.accepted + r.replaced)).toEqual(Array(20).fill(5));
    expect(raced.reduce((sum, r) => sum + r.accepted, 0)).toBe(5);
    const [totals] = await executeRows<{ quantity: string; records: number }>(
      owner,
      sql`select trim_scale(sum(quantity))::text as quantity, sum(records)::int as records from usage_daily_totals
        where bu_path = ${unit('msp/internal/critical/core-databases').path}::ltree and metric = 'stored_gb'
          and day between '2026-11-10' and '2026-11-24'`,
    );
    expect(totals).toEqual({ quantity: String(4 + 6 + 5 * 7), records: 7 });
  });

  test('hostile lines are rejected by line, and a body that breaks off stores nothing', async () => {
    const id = sources.critical?.id;
    const stored = async () =>
      (
        await executeRows<{ n: number }>(
          owner,
          sql`select count(*)::int as n from usage_records where day = '2026-11-27'`,
        )
      )[0]?.n;
    const good = JSON.stringify({ dataSourceId: id, day: '2026-11-27', metrics: { stored_gb: '1' } });
    const hostile = [
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '{"dataSourceId":"a\u0000b","day":"2026-11-27","metrics":{"stored_gb":"1"}}',
      `{"dataSourceId":"${id}","day":"2026-11-27\u0000","metrics":{"stored_gb":"1"}}`,
      `{"dataSourceId":"${id}","day":"2026-11-26","metrics":{"stored\u0000gb":"1"}}`,
      `{"dataSourceId":"${id}","day":"2026-11-26","metrics":{"stored_gb":"${'9'.repeat(5000)}"}}`,
      // The same NULs escaped: valid JSON, refused by the field's pattern.
      String.raw`{"dataSourceId":"a\u0000b","day":"2026-11-27","metrics":{"stored_gb":"1"}}`,
      String.raw`{"dataSourceId":"${id}","day":"2026-11-26","metrics":{"stored\u0000gb":"1"}}`,
    ];
    const result = await json<UsageIngestResult>(await upload([...hostile, good].join('\n')), 207);
    expect(result).toMatchObject({ accepted: 1, rejectedCount: 7 });
    // Raw NULs (lines 2–4) are no JSON at all.
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'line'],
      [2, 'line'],
      [3, 'line'],
      [4, 'line'],
      [5, 'metrics.stored_gb'],
      [6, 'dataSourceId'],
      [7, 'metrics'],
    ]);
    expect(await stored()).toBe(1);
    // The collector's connection drops after a good line: the upload's transaction rolls back whole.
    const encoder = new TextEncoder();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(`${JSON.stringify({ dataSourceId: id, day: '2026-11-27', metrics: { stored_gb: '2' } })}\n`),
        );
        controller.enqueue(encoder.encode(`${JSON.stringify({ dataSourceId: id, day: '2026-11-28' })}`));
        controller.error(new Error('connection reset'));
      },
    });
    const response = await Promise.resolve(
      h.app.request('/v1/usage', {
        method: 'POST',
        headers: { authorization: `Bearer ${collectorSecret}`, 'content-type': 'application/x-ndjson' },
        body: broken,
        duplex: 'half',
      } as RequestInit),
    ).catch(() => undefined);
    expect(response?.status).toBe(400);
    expect((await problemOf(response as Response)).errors?.[0]?.field).toBe('body');
    expect(await stored()).toBe(1);
    const [kept] = await executeRows<{ stored: string }>(
      owner,
      sql`select metrics ->> 'stored_gb' as stored from usage_records where day = '2026-11-27' and data_source_id = ${id}::uuid`,
    );
    expect(kept?.stored).toBe('1');
  });

  test('CSV uploads, with a header; a data source outside the collector’s subtree is unknown', async () => {
    const created = await json<{ secret: string }>(
      await h.send('POST', `/v1/business-units/${contoso}/collector-credentials`, await token('customer-admin'), {
        name: 'Contoso exporter',
      }),
      201,
    );
    const csv = [
      'data_source_id,day,stored_gb,transferred_gb',
      `${sources.contosoNorth?.id},2026-11-01,100,`,
      `${sources.fabrikam?.id},2026-11-01,700,1`,
      `${sources.contosoSouth?.id},2026-11-01,"300",1`,
      `${sources.contosoSouth?.id},2026-11-02,x,1`,
    ].join('\r\n');
    const result = await json<UsageIngestResult>(await upload(csv, 'text/csv', created.secret), 207);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [5, 'metrics.stored_gb'],
      [3, 'dataSourceId'],
    ]);
  });

  test('no credential, a revoked one, or another media type gets nothing in', async () => {
    expect((await upload('{}', 'application/x-ndjson', 'scc_col_nope')).status).toBe(401);
    const response = await upload('a,b', 'application/xml');
    expect(response.status).toBe(415);
    expect((await problemOf(response)).errors?.[0]?.field).toBe('header.content-type');
    const operator = await token('msp-operator');
    const created = await json<{ secret: string; credential: { id: string } }>(
      await h.send('POST', `/v1/business-units/${msp}/collector-credentials`, operator, { name: 'Short-lived' }),
      201,
    );
    await json(
      await h.send('POST', `/v1/business-units/${msp}/collector-credentials/${created.credential.id}/revoke`, operator),
    );
    expect((await upload('', 'application/x-ndjson', created.secret)).status).toBe(401);
  });

  test('overlapping tiers are refused naming the field', async () => {
    const response = await h.send('PUT', `/v1/business-units/${msp}/price-lists/sale`, await token('msp-operator'), {
      currency: 'EUR',
      entries: [
        {
          metric: 'stored_gb',
          tiers: [
            { upTo: '100', unitPrice: '1' },
            { upTo: '50', unitPrice: '1' },
            { upTo: null, unitPrice: '1' },
          ],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.field).toBe('body.entries.0.tiers.1.upTo');
  });
});
