import { contracts } from '@scc/db';
import { catalog, seededBusinessUnit } from '@scc/db/seed';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { feedSeedContracts } from './sales-system.js';

const SALES_KEY = 'demo-sales-system-key-0123456789';

describe('the demo sales system feeds the seed’s contracts through the tenant data collector', () => {
  let harness: CockpitHarness;
  const calls: { method: string; url: string }[] = [];
  const send: typeof fetch = async (input, init) => {
    calls.push({ method: init?.method ?? 'GET', url: String(input) });
    return harness.app.request(String(input), init);
  };

  beforeAll(async () => {
    harness = await createCockpitHarness({ salesApiKey: SALES_KEY });
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('one authenticated upsert per contract, keyed by its reference; a drifted contract is put back', async () => {
    const db = harness.database.handle.db;
    await db.update(contracts).set({ sla: 'bronze', endsOn: '2020-01-01' }).where(eq(contracts.externalRef, 'SO-1001'));

    expect(await feedSeedContracts('http://cockpit.test', SALES_KEY, send)).toBe(catalog.contracts.length);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(
      catalog.contracts.map((c) => `PUT http://cockpit.test/v1/integrations/sales/contracts/${c.externalRef}`),
    );
    const rows = await db
      .select({
        externalRef: contracts.externalRef,
        businessUnitId: contracts.businessUnitId,
        sla: contracts.sla,
        endsOn: sql<string | null>`${contracts.endsOn}::text`,
      })
      .from(contracts)
      .orderBy(asc(contracts.externalRef));
    expect(rows).toEqual(
      [...catalog.contracts]
        .sort((a, b) => a.externalRef.localeCompare(b.externalRef))
        .map((c) => ({
          externalRef: c.externalRef,
          businessUnitId: seededBusinessUnit(c.businessUnit).id,
          sla: c.sla,
          endsOn: c.endsOn ?? null,
        })),
    );
  });

  test('a wrong key is refused, and the adapter says so', async () => {
    await expect(feedSeedContracts('http://cockpit.test', 'not-the-key-0123456789', send)).rejects.toThrow(/401/);
  });
});
