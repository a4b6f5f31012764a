import type { DryRun } from '@scc/contracts/operations';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';

/**
 * A copy's dry-run shows what it would overwrite in the target (PGlite, or the PostgreSQL server
 * with DATABASE_URL). Seeded: every tenant holds record-001…record-012 with its own values; Contoso
 * ERP Test carries profile version 2, Contoso ERP version 1.
 */
let harness: CockpitHarness;

const erpTest = seedId('tenant', 'contoso-erp-test');
const erpProd = seedId('tenant', 'contoso-erp-prod');
const fabrikamImaging = seedId('tenant', 'fabrikam-imaging-prod');

beforeAll(async () => {
  harness = await createCockpitHarness();
  // The source gains a record the target lacks; the target keeps one the source lacks and shares one.
  await exec(sql`insert into tenant_application_data (tenant_id, key, value, bu_path)
    select tenant_id, 'record-100', '{"new":true}'::jsonb, bu_path from tenant_application_data
    where tenant_id = ${erpTest} and key = 'record-001'`);
  await exec(
    sql`update tenant_application_data set key = 'record-200' where tenant_id = ${erpProd} and key = 'record-012'`,
  );
  await exec(sql`update tenant_application_data t set value = s.value from tenant_application_data s
    where t.tenant_id = ${erpProd} and t.key = 'record-005' and s.tenant_id = ${erpTest} and s.key = 'record-005'`);
});
afterAll(async () => {
  await harness?.close();
});

async function exec(q: SQL) {
  await harness.database.handle.db.execute(q);
}
const count = async (q: SQL) => rowsOf<{ n: number }>(await harness.database.handle.db.execute(q))[0]?.n;

async function dryRun(draft: object, persona = 'customer-admin'): Promise<Response> {
  return harness.send('POST', '/v1/operation-requests/dry-run', await harness.tokenFor(personaByKey(persona)), {
    kind: 'copy',
    ...draft,
  });
}

describe('a copy’s preview of what it overwrites', () => {
  test('application data: added, changed, removed and unchanged records, and the changed keys in order', async () => {
    const response = await dryRun({ sourceTenantId: erpTest, targetTenantId: erpProd, parts: ['applicationData'] });
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as DryRun;
    expect(answer.determinations.approvalRequired?.value).toBe(true);
    expect(answer.overwrites?.solutionProfile).toBeUndefined();
    // Source: 001–012 and 100; target: 001–011 and 200, with 005 already equal.
    expect(answer.overwrites?.applicationData).toEqual({
      added: 2,
      changed: 10,
      removed: 1,
      unchanged: 1,
      keys: [
        ...['001', '002', '003', '004', '006', '007', '008', '009', '010', '011'].map((n) => ({
          key: `record-${n}`,
          op: 'changed',
        })),
        { key: 'record-012', op: 'added' },
        { key: 'record-100', op: 'added' },
        { key: 'record-200', op: 'removed' },
      ],
    });
  });

  test('solution profile: the exact paths between the target’s version and the source’s', async () => {
    const response = await dryRun({ sourceTenantId: erpTest, targetTenantId: erpProd, parts: ['solutionProfile'] });
    const answer = (await response.json()) as DryRun;
    const profile = answer.overwrites?.solutionProfile;
    expect(profile).toMatchObject({ targetVersion: 1, sourceVersion: 2 });
    expect(profile?.changes.length).toBeGreaterThan(0);
    const solutionProfile = await harness.get(
      `/v1/tenants/${erpProd}/solution-profile`,
      await harness.tokenFor(personaByKey('customer-admin')),
    );
    const current = (await solutionProfile.json()) as { document: Record<string, Record<string, unknown>> };
    for (const change of profile?.changes ?? []) {
      const [section, ...rest] = change.path;
      const before = rest.reduce<unknown>(
        (value, key) => (value as Record<string, unknown> | undefined)?.[key],
        current.document[section as string],
      );
      expect(before, change.pointer).toEqual(change.op === 'added' ? undefined : change.old);
    }
  });

  test('the preview writes nothing', async () => {
    const before = await count(
      sql`select count(*)::int as n from tenant_application_data where tenant_id = ${erpProd}`,
    );
    const requests = await count(sql`select count(*)::int as n from operation_requests`);
    await dryRun({ sourceTenantId: erpTest, targetTenantId: erpProd, parts: ['applicationData', 'solutionProfile'] });
    expect(await count(sql`select count(*)::int as n from tenant_application_data where tenant_id = ${erpProd}`)).toBe(
      before,
    );
    expect(await count(sql`select count(*)::int as n from operation_requests`)).toBe(requests);
  });

  test('a source outside the caller’s subtree is refused like any foreign tenant, and nothing of it is compared', async () => {
    const response = await dryRun({
      sourceTenantId: fabrikamImaging,
      targetTenantId: erpProd,
      parts: ['applicationData', 'solutionProfile'],
    });
    const answer = (await response.json()) as DryRun;
    expect(answer.allowed).toBe(false);
    expect(answer.validations).toContainEqual(expect.objectContaining({ field: 'body.sourceTenantId', passed: false }));
    expect(answer.overwrites).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain('record-');
  });
});
