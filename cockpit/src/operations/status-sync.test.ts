import type { Tenant } from '@scc/contracts/tenants';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';
import { createStatusSync } from './status-sync.js';

let harness: CockpitHarness;
beforeAll(async () => {
  harness = await createCockpitHarness();
});
afterAll(async () => {
  await harness?.close();
});

test('a status the provisioner reports reaches the tenant list once, as a tenant event', async () => {
  const db = harness.database.handle.db;
  const provisioner = createLocalProvisioner(db);
  const sync = createStatusSync({ db, provisioner, clock: harness.clock });
  const tenantId = seedId('tenant', 'contoso-stores-backup');
  expect(await sync.runOnce()).toBe(0);
  provisioner.reportStatus(tenantId, 'down');
  expect(await sync.runOnce()).toBe(1);
  expect(await sync.runOnce()).toBe(0);
  const token = await harness.tokenFor(personaByKey('customer-admin'));
  const tenant = (await (await harness.get(`/v1/tenants/${tenantId}`, token)).json()) as Tenant;
  expect(tenant.operationalStatus).toBe('down');
  const events = rowsOf<{ status: string }>(
    await db.execute(sql`select payload->>'operationalStatus' as status from operation_request_events
      where kind = 'tenant' and tenant_id = ${tenantId}`),
  );
  expect(events).toEqual([{ status: 'down' }]);
});
