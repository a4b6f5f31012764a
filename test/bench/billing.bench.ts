/**
 * `pnpm bench billing`: usage ingest through the cockpit's HTTP API (a real socket, JSON lines in
 * uploads of 50,000 rows, two uploads at a time), a month's invoice run of every seller, the
 * show-back of one customer's subtree and a usage summary. On the server named by DATABASE_URL:
 * 100,000 data sources under 10,000 customers of the MSP and Reseller One, 100 days of usage
 * (10 million records): 90 days written by SQL (records and their daily totals, as ingest would
 * leave them), the last 10 days (1,000,000 rows) uploaded through the API: five days listing the
 * data sources in id order, five unit by unit, then all ten again (every row replaced). Each shape
 * runs several seconds, so that checkpoints (and the page images written after each) fall into it
 * about as often as in steady ingest. On PGlite a fiftieth of the sources. `SCC_BENCH_SEEDED_DAYS`
 * seeds fewer days, for a quick look at ingest. Numbers go to BENCHMARKS.md; nothing here asserts
 * timing.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { newCollectorSecret } from '@scc/cockpit';
import type { UsageIngestResult } from '@scc/contracts/billing';
import { signServiceToken } from '@scc/contracts/service-token';
import { executeRows } from '@scc/db';
import { personaByKey, seededBusinessUnit, seedId } from '@scc/db/seed';
import { createTestDatabase } from '@scc/db/testing';
import { sql } from 'drizzle-orm';
import { measure, printTable } from './support/measure.js';
import { BENCH_HOST_ID, benchServices } from './support/services.js';

const onServer = Boolean(process.env.DATABASE_URL);
const CUSTOMERS = onServer ? 10_000 : 200;
const SOURCES_PER_CUSTOMER = 10;
const FIRST_DAY = '2026-07-24';
/** Days from FIRST_DAY written by SQL; the uploads bring the rest of October. Fewer for a quick look at ingest. */
const SEEDED_DAYS = Number(process.env.SCC_BENCH_SEEDED_DAYS ?? 90);
const UPLOADED_DAYS = 10;
const UPLOAD_ROWS = 50_000;
const PARALLEL_UPLOADS = 2;

const msp = seededBusinessUnit('msp');
const reseller = seededBusinessUnit('reseller-one');

const test = await createTestDatabase({ seed: true });
const { db, engine } = test.handle;
try {
  // Customers under Reseller One and under the MSP's other-customers segment, each an account
  // with its data sources.
  const parents = [reseller, seededBusinessUnit('msp/external/other')];
  await db.execute(sql`
    with made as (
      select gen_random_uuid() as id, i from generate_series(1, ${CUSTOMERS}) i)
    insert into business_units (id, parent_id, name, kind, path)
    select made.id, p.id, 'Bench customer ' || i, 'customer', p.path || replace(made.id::text, '-', '')::ltree
    from made join business_units p on p.id = (case when i % 2 = 0 then ${parents[0]?.id} else ${parents[1]?.id} end)::uuid`);
  await db.execute(sql`insert into billing_accounts (business_unit_id, bu_path)
    select id, path from business_units where kind = 'customer' and name like 'Bench customer %'`);
  await db.execute(sql`insert into data_sources (business_unit_id, kind, external_ref, name, bu_path)
    select u.id, 'backup-server', 'bk-' || s, 'Backup ' || s, u.path
    from business_units u, generate_series(1, ${SOURCES_PER_CUSTOMER}) s where u.name like 'Bench customer %'`);
  const flat = (metric: string, price: string) => ({ metric, tiers: [{ upTo: null, unitPrice: price }] });
  const entries = JSON.stringify([
    {
      metric: 'stored_gb',
      tiers: [
        { upTo: '100000', unitPrice: '0.025' },
        { upTo: null, unitPrice: '0.02' },
      ],
      minimumFee: '50',
    },
    flat('protected_items', '0.5'),
    flat('transferred_gb', '0.01'),
  ]);
  for (const seller of [msp, reseller]) {
    await db.execute(sql`insert into price_lists (seller_id, purpose, currency, entries, bu_path)
      values (${seller.id}, 'sale', 'EUR', ${entries}::jsonb, ${seller.path}::ltree)`);
  }
  const [customer] = await executeRows<{ id: string; path: string }>(
    db,
    sql`select id, path::text as path from business_units where name = 'Bench customer 2'`,
  );
  await db.execute(sql`insert into price_lists (seller_id, purpose, currency, entries, bu_path)
    values (${customer?.id}, 'internal', 'EUR', ${entries}::jsonb, ${customer?.path}::ltree)`);
  const secret = newCollectorSecret();
  await db.execute(sql`insert into collector_credentials (business_unit_id, name, hash, bu_path)
    values (${msp.id}, 'bench', ${createHash('sha256').update(secret).digest('hex')}, ${msp.path}::ltree)`);
  const sources = await executeRows<{ id: string; unit: string }>(
    db,
    sql`select id, business_unit_id as unit from data_sources where external_ref like 'bk-%' order by id`,
  );

  // The seeded days hold what the uploads below would send: per data source (numbered in id order
  // from 0) the same values every day.
  const seedStarted = performance.now();
  await db.execute(sql`create table bench_sources as
    select d.id, d.business_unit_id, d.bu_path, (row_number() over (order by d.id) - 1)::int as i
    from data_sources d where d.external_ref like 'bk-%'`);
  const seededDays = sql`generate_series(${FIRST_DAY}::date, ${FIRST_DAY}::date + ${SEEDED_DAYS - 1}::int, interval '1 day')`;
  await db.execute(sql`insert into usage_records (data_source_id, day, metrics, usage_class, business_unit_id, bu_path, billed_path)
    select s.id, d.day::date,
      jsonb_build_object('stored_gb', (200 + s.i % 500) || '.5', 'protected_items', ((200 + s.i % 500) * 3)::text,
        'transferred_gb', (s.i % 7 + 1) || '.25'),
      'other', s.business_unit_id, s.bu_path, s.bu_path
    from bench_sources s, ${seededDays} d(day) order by d.day, s.id`);
  await db.execute(sql`insert into usage_daily_totals (day, bu_path, billed_path, usage_class, metric, quantity, records)
    select d.day::date, u.bu_path, u.bu_path, 'other', m.metric, m.quantity, u.n
    from (select bu_path, sum(200 + i % 500 + 0.5) as stored, sum((200 + i % 500) * 3) as items,
        sum(i % 7 + 1.25) as transferred, count(*)::int as n
      from bench_sources group by bu_path) u
    cross join lateral (values ('stored_gb', u.stored), ('protected_items', u.items), ('transferred_gb', u.transferred))
      m(metric, quantity)
    cross join ${seededDays} d(day)
    order by d.day, u.bu_path::text collate "C"`);
  await db.execute(sql`drop table bench_sources`);
  await db.execute(sql`analyze`);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const { serviceKey, cockpit } = await benchServices(db, { maxUsageBodyBytes: 64 * 1024 * 1024 });
  const server = serve({ fetch: cockpit.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The uploads, made before the clock starts: one row per data source and day of October 2026.
  // The first half of the days lists the data sources in id order, so each upload touches nearly
  // every customer; the second half unit by unit, as a collector walking its inventory sends them
  // (each customer's sums then come from one upload: half the daily totals rows to write).
  const byUnit = sources
    .map((source, i) => ({ ...source, i }))
    .sort((a, b) => a.unit.localeCompare(b.unit) || a.i - b.i);
  const uploadsOf = (days: number[], order: { id: string; i: number }[]) => {
    const rows: string[] = [];
    for (const day of days) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      for (const { id, i } of order) {
        const stored = 200 + (i % 500);
        rows.push(
          `{"dataSourceId":"${id}","day":"${date}","metrics":{"stored_gb":"${stored}.5","protected_items":"${stored * 3}","transferred_gb":"${(i % 7) + 1}.25"}}`,
        );
      }
    }
    const uploads: string[] = [];
    for (let at = 0; at < rows.length; at += UPLOAD_ROWS) uploads.push(rows.slice(at, at + UPLOAD_ROWS).join('\n'));
    return { uploads, rows: rows.length };
  };
  const uploadedDays = Array.from({ length: UPLOADED_DAYS }, (_, k) => 32 - UPLOADED_DAYS + k);
  const half = UPLOADED_DAYS / 2;
  const inIdOrder = uploadsOf(
    uploadedDays.slice(0, half),
    sources.map((source, i) => ({ id: source.id, i })),
  );
  const unitByUnit = uploadsOf(uploadedDays.slice(half), byUnit);
  const send = async (body: string) => {
    const res = await fetch(`${base}/v1/usage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    const result = (await res.json()) as UsageIngestResult;
    if (res.status !== 200) throw new Error(`upload: ${res.status} ${JSON.stringify(result).slice(0, 300)}`);
    return result;
  };
  const ingest = async (uploads: string[]) => {
    const started = performance.now();
    let next = 0;
    let stored = 0;
    await Promise.all(
      Array.from({ length: PARALLEL_UPLOADS }, async () => {
        while (next < uploads.length) {
          const body = uploads[next++] ?? '';
          const result = await send(body);
          stored += result.accepted + result.replaced;
        }
      }),
    );
    return { stored, seconds: (performance.now() - started) / 1000 };
  };
  const firstInIdOrder = await ingest(inIdOrder.uploads);
  const firstByUnit = await ingest(unitByUnit.uploads);
  const again = await ingest([...inIdOrder.uploads, ...unitByUnit.uploads]);
  await db.execute(sql`analyze usage_records`);
  await db.execute(sql`analyze usage_daily_totals`);
  const [{ records } = { records: 0 }] = await executeRows<{ records: number }>(
    db,
    sql`select count(*)::int as records from usage_records`,
  );

  const operator = personaByKey('msp-operator');
  const tokenFor = (businessUnitId: string) =>
    signServiceToken(serviceKey, {
      sub: seedId('user', operator.key),
      businessUnitId,
      homeBusinessUnitId: msp.id,
      hostId: BENCH_HOST_ID,
    });
  const call = async (path: string, body?: unknown) => {
    const res = await cockpit.request(path, {
      ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
      headers: {
        authorization: `Bearer ${await tokenFor(msp.id)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // The seed and the uploads agree: the customer's October totals are its records' sums.
  const octoberOf = (table: 'records' | 'totals') =>
    executeRows<{ metric: string; quantity: string }>(
      db,
      table === 'records'
        ? sql`select m.key as metric, trim_scale(sum(m.value::numeric))::text as quantity from usage_records r, jsonb_each_text(r.metrics) m
            where r.business_unit_id = ${customer?.id}::uuid and r.day between '2026-10-01' and '2026-10-31' group by 1 order by 1`
        : sql`select metric, trim_scale(sum(quantity))::text as quantity from usage_daily_totals
            where bu_path = ${customer?.path}::ltree and day between '2026-10-01' and '2026-10-31' group by 1 order by 1`,
    );
  const [fromRecords, fromTotals] = [await octoberOf('records'), await octoberOf('totals')];
  if (JSON.stringify(fromRecords) !== JSON.stringify(fromTotals))
    throw new Error(`totals differ from records: ${JSON.stringify({ fromRecords, fromTotals })}`);

  const runStarted = performance.now();
  let invoices = 0;
  for (const seller of [msp, reseller]) {
    const { items } = (await call(`/v1/business-units/${seller.id}/invoice-runs`, { period: '2026-10' })) as {
      items: unknown[];
    };
    invoices += items.length;
  }
  const runSeconds = (performance.now() - runStarted) / 1000;
  const showBack = await measure(`show-back of one customer (${SOURCES_PER_CUSTOMER} sources, a month)`, 100, () =>
    call(`/v1/business-units/${customer?.id}/show-back?period=2026-10`),
  );
  const usage = await measure(
    'usage summary of Reseller One’s subtree (half the sources), a month',
    3,
    () => call(`/v1/business-units/${reseller.id}/usage?from=2026-10-01&to=2026-10-31`),
    { warmup: 0 },
  );

  console.log(
    `\n### Billing (${engine}): ${sources.length} data sources, ${records} usage records (${inIdOrder.rows + unitByUnit.rows} uploaded), ${CUSTOMERS} customers\n`,
  );
  console.log('| measure | value |\n| --- | --- |');
  console.log(`| seed by SQL (${SEEDED_DAYS} days: records and daily totals) | ${seedSeconds.toFixed(1)} s |`);
  const rate = (run: { stored: number; seconds: number }) =>
    `${Math.round(run.stored / run.seconds)} rows/s (${run.stored} rows in ${run.seconds.toFixed(1)} s)`;
  const shape = `HTTP, JSON lines, ${UPLOAD_ROWS} rows per upload, ${PARALLEL_UPLOADS} at a time`;
  console.log(`| ingest, new rows, data sources in id order (${shape}) | ${rate(firstInIdOrder)} |`);
  console.log(`| ingest, new rows, unit by unit (${shape}) | ${rate(firstByUnit)} |`);
  console.log(
    `| ingest, the same rows again (replacing) | ${Math.round(again.stored / again.seconds)} rows/s (${again.seconds.toFixed(1)} s) |`,
  );
  console.log(
    `| invoice run for October, every seller (MSP and Reseller One, ${invoices} invoices) | ${runSeconds.toFixed(2)} s |`,
  );
  console.log('');
  printTable([showBack, usage]);
  server.close();
} finally {
  await test.drop();
}
