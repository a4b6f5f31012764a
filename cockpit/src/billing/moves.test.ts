import type { Invoice, ShowBack, UsageIngestResult } from '@scc/contracts/billing';
import { executeRows } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seededBusinessUnit } from '../../../test/support/seed-model.js';

/**
 * Fabrikam moves from Reseller One to Reseller Two on 16 September 2026. Its usage of the 1st to
 * the 15th stays on Reseller One's invoices (and on the MSP's invoice to Reseller One); from the
 * 16th it goes to Reseller Two (and the MSP's invoice to Reseller Two).
 */
let h: CockpitHarness;
const unit = (key: string) => seededBusinessUnit(key);
const operator = () => h.tokenFor(personaByKey('msp-operator'));
const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-09-${String(from + i).padStart(2, '0')}`);

async function json<T>(response: Response, status = 200): Promise<T> {
  if (response.status !== status) throw new Error(`${response.status}: ${await response.text()}`);
  return response.json() as Promise<T>;
}

const flatList = (price: string) => ({
  currency: 'EUR',
  entries: [{ metric: 'transferred_gb', tiers: [{ upTo: null, unitPrice: price }] }],
});

let secret: string;
let sourceId: string;
let resellerTwo: string;

async function upload(dayList: string[]) {
  const body = dayList
    .map((day) => JSON.stringify({ dataSourceId: sourceId, day, metrics: { transferred_gb: '10' } }))
    .join('\n');
  const response = await h.app.request('/v1/usage', {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  return json<UsageIngestResult>(response);
}

async function totals(seller: string, token?: string) {
  const { items } = await json<{ items: Invoice[] }>(
    await h.send('POST', `/v1/business-units/${seller}/invoice-runs`, token ?? (await operator()), {
      period: '2026-09',
    }),
  );
  return Object.fromEntries(items.map((i) => [i.buyerId, i.total]));
}

beforeAll(async () => {
  h = await createCockpitHarness();
  const token = await operator();
  const created = await json<{ id: string }>(
    await h.send('POST', '/v1/business-units', token, {
      parentId: unit('msp/resellers').id,
      name: 'Reseller Two',
      kind: 'reseller',
    }),
    201,
  );
  resellerTwo = created.id;
  const imaging = unit('fabrikam/central/radiology/imaging-servers');
  const [row] = await executeRows<{ id: string }>(
    h.database.handle.db,
    sql`insert into data_sources (business_unit_id, kind, external_ref, name, bu_path)
      values (${imaging.id}, 'backup-server', 'img-01', 'Imaging backup', ${imaging.path}::ltree) returning id`,
  );
  sourceId = row?.id ?? '';
  secret = (
    await json<{ secret: string }>(
      await h.send('POST', `/v1/business-units/${unit('msp').id}/collector-credentials`, token, { name: 'exporter' }),
      201,
    )
  ).secret;
  const put = async (path: string, body: unknown) => json(await h.send('PUT', path, token, body));
  await put(`/v1/business-units/${unit('msp').id}/price-lists/sale`, flatList('1'));
  await put(`/v1/business-units/${unit('reseller-one').id}/price-lists/sale`, flatList('2'));
  await put(`/v1/business-units/${resellerTwo}/price-lists/sale`, flatList('3'));
  await put(`/v1/business-units/${unit('fabrikam').id}/billing-account`, { account: true });
  await put(`/v1/business-units/${unit('fabrikam').id}/price-lists/internal`, flatList('0.5'));
}, 120_000);

afterAll(async () => {
  await h?.close();
});

test('usage before a move stays with the old seller, usage after it goes to the new one', async () => {
  expect(await upload(days(1, 15))).toMatchObject({ accepted: 15, rejectedCount: 0 });
  const fabrikam = unit('fabrikam').id;
  await json(
    await h.send('POST', `/v1/business-units/${fabrikam}/move`, await operator(), { newParentId: resellerTwo }),
  );
  expect(await upload(days(16, 30))).toMatchObject({ accepted: 15, rejectedCount: 0 });
  // A late re-send of a day before the move keeps that day with the old seller.
  expect(await upload(['2026-09-03'])).toMatchObject({ replaced: 1 });

  // 15 days × 10 GB = 150 GB on each side of the move.
  // Reseller One's own admin no longer sees Fabrikam, yet bills its usage of the first half.
  const riley = await h.tokenFor(personaByKey('reseller-admin'));
  expect(await totals(unit('reseller-one').id, riley)).toEqual({ [fabrikam]: '300.00' }); // 150 × 2
  expect(await totals(resellerTwo)).toEqual({ [fabrikam]: '450.00' }); // 150 × 3
  expect(await totals(unit('msp').id)).toEqual({
    [unit('reseller-one').id]: '150.00', // 150 × 1
    [resellerTwo]: '150.00',
  });

  // Show-back follows where the sources are now: the whole month under Fabrikam.
  const show = await json<ShowBack>(
    await h.get(`/v1/business-units/${fabrikam}/show-back?period=2026-09`, await operator()),
  );
  expect(show.total).toBe('150.00'); // 300 × 0.5

  // The old seller still reads, and issues, its invoice to the buyer that left.
  const { items } = await json<{ items: Invoice[] }>(
    await h.send('POST', `/v1/business-units/${unit('reseller-one').id}/invoice-runs`, riley, { period: '2026-09' }),
  );
  const issued = await json<Invoice>(await h.send('POST', `/v1/invoices/${items[0]?.id}/issue`, riley));
  expect([issued.number, issued.total, issued.buyerName]).toEqual([1, '300.00', 'Fabrikam Health']);
});
