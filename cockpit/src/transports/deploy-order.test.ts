import type { OperationRequest } from '@scc/contracts/operations';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { waiveApprovals } from '../../../test/support/approvals.js';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seedId } from '../../../test/support/seed-model.js';
import { createWorker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';

/**
 * A delta is worked out at submit and applied to the target's version at deployment: a version
 * written in between keeps everything the delta does not touch.
 */
let harness: CockpitHarness;
beforeAll(async () => {
  harness = await createCockpitHarness();
  // Deployment order is the subject here; four eyes is cockpit/src/approvals/ and transports.test.ts's.
  await waiveApprovals(harness.database.handle.db);
});
afterAll(async () => {
  await harness?.close();
});

const erpTest = seedId('tenant', 'contoso-erp-test');
const erpProd = seedId('tenant', 'contoso-erp-prod');

test('a delta deployed after another deployment keeps that deployment’s change', async () => {
  const token = await harness.tokenFor(personaByKey('customer-admin'));
  const submit = async (draft: object) => {
    const response = await harness.send('POST', '/v1/operation-requests', token, draft);
    expect(response.status, await response.clone().text()).toBe(202);
    return (await response.json()) as OperationRequest;
  };
  const db = harness.database.handle.db;
  const later = await submit({
    kind: 'transport',
    sourceTenantId: erpTest,
    targetTenantId: erpProd,
    profile: { mode: 'delta', baselineVersion: 1 },
  });
  const hold = (until: Date) =>
    db.execute(
      sql`update operation_requests set run_after = ${until.toISOString()}::timestamptz where id = ${later.id}`,
    );
  await hold(new Date(harness.clock.now().getTime() + 3_600_000));

  // Meanwhile the test tenant changes its sender, and that alone is deployed first.
  const profile = (await (await harness.get(`/v1/tenants/${erpTest}/solution-profile`, token)).json()) as {
    version: number;
    document: Record<string, Record<string, unknown>>;
  };
  const edited = await harness.send('POST', `/v1/tenants/${erpTest}/solution-profile/versions`, token, {
    basedOnVersion: profile.version,
    document: { ...profile.document, mail: { ...profile.document.mail, sender: 'billing@contoso.example' } },
  });
  expect(edited.status).toBe(201);
  await submit({
    kind: 'transport',
    sourceTenantId: erpTest,
    targetTenantId: erpProd,
    profile: { mode: 'delta', baselineVersion: profile.version, resolutions: { '/mail/sender': 'source' } },
  });
  const worker = createWorker({ db, provisioner: createLocalProvisioner(db), clock: harness.clock });
  expect(await worker.runUntilIdle()).toBe(1);
  await hold(harness.clock.now());
  expect(await worker.runUntilIdle()).toBe(1);

  const after = (await (await harness.get(`/v1/tenants/${erpProd}/solution-profile`, token)).json()) as {
    version: number;
    document: Record<string, Record<string, unknown>>;
  };
  expect(after.version).toBe(3);
  expect(after.document.mail).toMatchObject({ sender: 'billing@contoso.example', retryCount: 5 });
  expect(after.document.general).toMatchObject({ companyName: 'Contoso ERP', timeZone: 'Europe/Berlin' });
  expect(after.document.workflow).toMatchObject({ approvalLimit: 25_000 });
});
