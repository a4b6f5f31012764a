import type { Invoice, UsageIngestResult } from '@scc/contracts/billing';
import { executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { fc } from '../../../test/support/fast-check.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';

/**
 * Through the API, on the seeded hierarchy: random usage sent in random uploads, in any order,
 * with re-sends of the same data source and day. Whatever was sent, every seller's invoices bill
 * each data source and day exactly once, at the value sent last (a second row of the same day in
 * one upload is refused, the first kept), and the MSP's and Reseller One's runs each cover all the
 * usage below their buyers; the daily totals the runs read always equal the records' sums.
 */
let h: CockpitHarness;
const unit = (key: string) => seededBusinessUnit(key);
const leaves = [
  { key: 'contoso/north/finance/store-servers', buyers: { msp: 'reseller-one', reseller: 'contoso' } },
  { key: 'contoso/south/stores/store-servers', buyers: { msp: 'reseller-one', reseller: 'contoso' } },
  { key: 'fabrikam/central/radiology/imaging-servers', buyers: { msp: 'reseller-one', reseller: 'fabrikam' } },
  { key: 'customer-one/americas/sales/primary-servers', buyers: { msp: 'customer-one', reseller: null } },
  { key: 'msp/internal/other/file-servers', buyers: { msp: null, reseller: null } },
];
const sourceIds: string[] = [];
let secret: string;

async function json<T>(response: Response, statuses = [200]): Promise<T> {
  if (!statuses.includes(response.status)) throw new Error(`${response.status}: ${await response.text()}`);
  return response.json() as Promise<T>;
}

beforeAll(async () => {
  h = await createCockpitHarness();
  const token = await h.tokenFor(personaByKey('msp-operator'));
  for (const leaf of leaves) {
    const at = unit(leaf.key);
    const [row] = await executeRows<{ id: string }>(
      h.database.handle.db,
      sql`insert into data_sources (business_unit_id, kind, external_ref, name, bu_path)
        values (${at.id}, 'backup-server', ${leaf.key}, 'Backup', ${at.path}::ltree) returning id`,
    );
    sourceIds.push(row?.id ?? '');
  }
  secret = (
    await json<{ secret: string }>(
      await h.send('POST', `/v1/business-units/${unit('msp').id}/collector-credentials`, token, { name: 'p' }),
      [201],
    )
  ).secret;
  const list = { currency: 'EUR', entries: [{ metric: 'transferred_gb', tiers: [{ upTo: null, unitPrice: '1' }] }] };
  await json(await h.send('PUT', `/v1/business-units/${unit('msp').id}/price-lists/sale`, token, list));
  await json(await h.send('PUT', `/v1/business-units/${unit('reseller-one').id}/price-lists/sale`, token, list));
  for (const key of ['customer-one', 'contoso', 'fabrikam']) {
    await json(await h.send('PUT', `/v1/business-units/${unit(key).id}/billing-account`, token, { account: true }));
  }
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const send = fc.record({
  source: fc.integer({ min: 0, max: leaves.length - 1 }),
  day: fc.integer({ min: 1, max: 5 }),
  gb: fc.integer({ min: 0, max: 1000 }),
});

test('every usage record is billed exactly once per selling level, whatever the order and re-sends', async () => {
  const token = await h.tokenFor(personaByKey('msp-operator'));
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(send, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
      async (uploads) => {
        await h.database.handle.db.execute(sql`delete from usage_records`);
        await h.database.handle.db.execute(sql`delete from usage_daily_totals`);
        const model = new Map<string, { source: number; gb: number }>();
        for (const upload of uploads) {
          const inThisUpload = new Set<string>();
          const lines = upload.map((s) => {
            const key = `${s.source} ${s.day}`;
            if (!inThisUpload.has(key)) model.set(key, { source: s.source, gb: s.gb });
            inThisUpload.add(key);
            return JSON.stringify({
              dataSourceId: sourceIds[s.source],
              day: `2026-08-0${s.day}`,
              metrics: { transferred_gb: String(s.gb) },
            });
          });
          const result = await json<UsageIngestResult>(
            await h.app.request('/v1/usage', {
              method: 'POST',
              headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
              body: lines.join('\n'),
            }),
            [200, 207],
          );
          expect(result.accepted + result.replaced + result.rejectedCount).toBe(upload.length);
          expect(result.rejectedCount).toBe(upload.length - inThisUpload.size);
        }
        // The daily totals invoices read are exactly the sums of the records, after any re-sends.
        const sums = (query: ReturnType<typeof sql>) =>
          executeRows<{ key: string }>(h.database.handle.db, query).then((rows) => rows.map((r) => r.key));
        expect(
          await sums(sql`select concat_ws(' ', day, bu_path, billed_path, usage_class, metric, quantity, records) as key
            from usage_daily_totals where records > 0 order by 1`),
        ).toEqual(
          await sums(sql`select concat_ws(' ', r.day, r.bu_path, r.billed_path, r.usage_class, m.key,
              sum(m.value::numeric), count(*)) as key
            from usage_records r, jsonb_each_text(r.metrics) m group by r.day, r.bu_path, r.billed_path, r.usage_class, m.key
            order by 1`),
        );
        for (const [seller, level] of [
          ['msp', 'msp'],
          ['reseller-one', 'reseller'],
        ] as const) {
          const { items } = await json<{ items: Invoice[] }>(
            await h.send('POST', `/v1/business-units/${unit(seller).id}/invoice-runs`, token, { period: '2026-08' }),
          );
          const expected = new Map<string, number>();
          for (const { source, gb } of model.values()) {
            const buyer = leaves[source]?.buyers[level];
            if (buyer) expected.set(unit(buyer).id, (expected.get(unit(buyer).id) ?? 0) + gb);
          }
          const billed = new Map(
            items
              .map((i) => [i.buyerId, Number(i.total)] as const)
              .filter(([buyer, total]) => total > 0 || expected.has(buyer)),
          );
          expect(billed).toEqual(expected);
        }
      },
    ),
    { numRuns: 15 },
  );
}, 240_000);
