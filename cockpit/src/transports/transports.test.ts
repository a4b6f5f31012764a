import type { OperationRequest } from '@scc/contracts/operations';
import type { TransportPreview } from '@scc/contracts/transports';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CockpitHarness, createCockpitHarness } from '../../../test/support/cockpit.js';
import { personaByKey, seedId } from '../../../test/support/seed-model.js';
import { rowsOf } from '../../../test/support/sql.js';
import { createWorker, type Worker } from '../operations/worker.js';
import { createLocalProvisioner } from '../provisioner/local-adapter.js';

/**
 * Transports on Contoso's tenants (PGlite, or the PostgreSQL server with DATABASE_URL): the
 * preview, every productive-target rule, the bad input, isolation, and a deployment cut off in
 * its transaction. Seeded: Contoso ERP Test (test, product 2.5.0, profile versions 1 and 2) and
 * Contoso ERP (productive, 2.4.0, version 1).
 */
let harness: CockpitHarness;
let worker: Worker;

const erpTest = seedId('tenant', 'contoso-erp-test');
const erpProd = seedId('tenant', 'contoso-erp-prod');
const financeBackup = seedId('tenant', 'contoso-finance-backup');
const financeTest = seedId('tenant', 'contoso-finance-test');
const storesBackup = seedId('tenant', 'contoso-stores-backup');
const fabrikamImaging = seedId('tenant', 'fabrikam-imaging-prod');
const customerOneErp = seedId('tenant', 'c1-erp-prod');

beforeAll(async () => {
  harness = await createCockpitHarness();
  const db = harness.database.handle.db;
  worker = createWorker({ db, provisioner: createLocalProvisioner(db), clock: harness.clock });
});
afterAll(async () => {
  await harness?.close();
});

const query = async <T>(q: SQL) => rowsOf<T>(await harness.database.handle.db.execute(q));
const token = (persona = 'customer-admin') => harness.tokenFor(personaByKey(persona));

async function preview(draft: object, persona?: string): Promise<Response> {
  return harness.send('POST', '/v1/transports/preview', await token(persona), { kind: 'transport', ...draft });
}
async function previewOk(draft: object): Promise<TransportPreview> {
  const response = await preview(draft);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as TransportPreview;
}
async function submit(draft: object, persona?: string): Promise<Response> {
  return harness.send('POST', '/v1/operation-requests', await token(persona), draft);
}
async function submitted(draft: object): Promise<OperationRequest> {
  const response = await submit(draft);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as OperationRequest;
}
/** A second admin (Reseller One's, above Contoso) approves the request; the requester may not. */
async function approvedBySecondAdmin(requestId: string): Promise<void> {
  const admin = await token('reseller-admin');
  const pending = (await (await harness.get('/v1/approvals?state=pending', admin)).json()) as {
    items: { id: string; operationRequest: { id: string } | null }[];
  };
  const approval = pending.items.find((a) => a.operationRequest?.id === requestId);
  expect(approval, 'the request waits for approval').toBeDefined();
  const own = await harness.send('POST', `/v1/approvals/${approval?.id}/approve`, await token(), {});
  expect(own.status, 'the requester cannot approve').toBe(403);
  const approved = await harness.send('POST', `/v1/approvals/${approval?.id}/approve`, admin, {});
  expect(approved.status, await approved.clone().text()).toBe(200);
}
async function profileOf(tenantId: string) {
  const response = await harness.get(`/v1/tenants/${tenantId}/solution-profile`, await token());
  expect(response.status).toBe(200);
  return (await response.json()) as { version: number; document: Record<string, Record<string, unknown>> };
}
const failed = (p: { validations: { rule: string; passed: boolean }[] }) =>
  p.validations.filter((v) => !v.passed).map((v) => v.rule);

/** Rows that a preview or a refused request must leave as they were. */
const footprint = () =>
  query<{ versions: number; transports: number; requests: number; audit: number; extensions: number; flat: number }>(
    sql`select (select count(*)::int from solution_profile_versions) as versions,
      (select count(*)::int from transports) as transports,
      (select count(*)::int from operation_requests where state <> 'rejected') as requests,
      (select count(*)::int from audit_events where action like 'transport.%' or action like 'solution-profile.%') as audit,
      (select count(*)::int from tenant_extensions) as extensions,
      (select count(*)::int from tenant_solution_profile) as flat`,
  );

describe('preview', () => {
  test('a full transport into productive: the exact diff, what it overwrites, approval, and nothing written', async () => {
    const before = await footprint();
    const answer = await previewOk({ sourceTenantId: erpTest, targetTenantId: erpProd, profile: { mode: 'full' } });
    expect(answer.allowed).toBe(true);
    expect(answer.source).toMatchObject({
      tenantId: erpTest,
      type: 'test',
      profileVersion: 2,
      productVersion: '2.5.0',
    });
    expect(answer.target).toMatchObject({ tenantId: erpProd, type: 'productive', profileVersion: 1 });
    expect(answer.approvalRequired.value).toBe(true);
    const changes = answer.profile?.changes.map((c) => [c.pointer, c.op, c.old, c.new]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['/general/companyName', 'changed', 'Contoso ERP', 'Contoso ERP Test'],
        ['/general/timeZone', 'added', undefined, 'Europe/Berlin'],
        ['/mail/retryCount', 'changed', 3, 5],
        ['/workflow/approvalLimit', 'changed', 10000, 25000],
      ]),
    );
    expect(answer.profile?.overwrites.map((c) => c.pointer)).not.toContain('/general/timeZone');
    expect(answer.profile?.overwrites.map((c) => c.pointer)).toContain('/mail/retryCount');
    expect(answer.profile?.resultVersion).toBe(2);
    expect(await footprint()).toEqual(before);
  });

  test('a delta with no transport yet and no baseline chosen names body.profile.baselineVersion', async () => {
    const answer = await previewOk({ sourceTenantId: erpTest, targetTenantId: erpProd, profile: { mode: 'delta' } });
    expect(failed(answer)).toContain('baseline');
    const before = await footprint();
    const response = await submit({
      kind: 'transport',
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      profile: { mode: 'delta' },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { field: string; rule: string }[] };
    expect(body.errors).toContainEqual(
      expect.objectContaining({ rule: 'baseline', field: 'body.profile.baselineVersion' }),
    );
    expect(await footprint()).toEqual(before);
  });
  test('the operations dry-run gives the same verdict for a transport draft, and stores nothing', async () => {
    const before = await footprint();
    const response = await harness.send('POST', '/v1/operation-requests/dry-run', await token(), {
      kind: 'transport',
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      profile: { mode: 'full' },
    });
    expect(response.status).toBe(200);
    const dry = (await response.json()) as {
      allowed: boolean;
      determinations: { approvalRequired?: { value: boolean } };
    };
    expect(dry.allowed).toBe(true);
    expect(dry.determinations.approvalRequired?.value).toBe(true);
    expect(await footprint()).toEqual(before);
  });
});

describe('bad input and isolation', () => {
  test('source and target the same tenant: 404 naming body.targetTenantId', async () => {
    const response = await preview({ sourceTenantId: erpTest, targetTenantId: erpTest, profile: { mode: 'full' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body.targetTenantId');
  });

  test('tenants of different customers: 404, also for a caller who sees both', async () => {
    const response = await preview(
      { sourceTenantId: financeTest, targetTenantId: fabrikamImaging, profile: { mode: 'full' } },
      'reseller-admin',
    );
    expect(response.status).toBe(404);
    const submitResponse = await submit(
      { kind: 'transport', sourceTenantId: financeTest, targetTenantId: fabrikamImaging, profile: { mode: 'full' } },
      'reseller-admin',
    );
    expect(submitResponse.status).toBe(404);
  });

  test('a tenant outside the caller’s subtree: 404, whichever end it is', async () => {
    for (const draft of [
      { sourceTenantId: erpTest, targetTenantId: customerOneErp },
      { sourceTenantId: customerOneErp, targetTenantId: erpProd },
    ]) {
      const response = await preview({ ...draft, profile: { mode: 'full' } });
      expect(response.status).toBe(404);
    }
    // The department user sees only North Finance: Contoso's ERP tenants do not exist for it.
    expect(
      (
        await preview(
          { sourceTenantId: erpTest, targetTenantId: erpProd, profile: { mode: 'full' } },
          'department-user',
        )
      ).status,
    ).toBe(404);
    for (const path of [`/v1/tenants/${customerOneErp}/solution-profile`, `/v1/tenants/${customerOneErp}/extensions`]) {
      expect((await harness.get(path, await token())).status).toBe(404);
    }
  });

  test('a draft with neither profile nor extensions is a 400', async () => {
    const response = await preview({ sourceTenantId: erpTest, targetTenantId: erpProd });
    expect(response.status).toBe(400);
  });

  test('a malformed profile: problem+json naming the path inside the body, nothing written', async () => {
    const before = await footprint();
    const { document, version } = await profileOf(erpTest);
    const broken = { ...document, mail: { ...document.mail, retryCount: 'many' }, unknownSection: {} };
    const response = await harness.send('POST', `/v1/tenants/${erpTest}/solution-profile/versions`, await token(), {
      basedOnVersion: version,
      document: broken,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.document.mail.retryCount', 'body.document.unknownSection']));
    expect(await footprint()).toEqual(before);
  });

  test('a productive tenant’s profile changes only through a transport', async () => {
    const { document, version } = await profileOf(erpProd);
    const response = await harness.send('POST', `/v1/tenants/${erpProd}/solution-profile/versions`, await token(), {
      basedOnVersion: version,
      document,
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { errors: { rule: string }[] }).errors[0]?.rule).toBe(
      'productive-through-transport',
    );
  });
});

describe('delta into productive', () => {
  test('a delta from the test tenant merges onto productive without conflicts and deploys one version', async () => {
    const draft = { sourceTenantId: erpTest, targetTenantId: erpProd, profile: { mode: 'delta', baselineVersion: 1 } };
    const answer = await previewOk(draft);
    expect(answer.profile?.conflicts).toEqual([]);
    // Only what the test tenant changed since its version 1; the productive tenant's own name stays.
    expect(answer.profile?.changes.map((c) => c.pointer).sort()).toEqual([
      '/general/timeZone',
      '/mail/retryCount',
      '/workflow/approvalLimit',
    ]);
    expect(answer.validations).toContainEqual(
      expect.objectContaining({ rule: 'tested-before-productive', passed: true }),
    );
    const request = await submitted({ kind: 'transport', ...draft });
    expect(request.determinations.approvalRequired).toMatchObject({ value: true });
    expect(request.state).toBe('awaiting-approval');
    await worker.runUntilIdle();
    expect((await profileOf(erpProd)).version, 'nothing deployed before the approval').toBe(1);
    await approvedBySecondAdmin(request.id);
    await worker.runUntilIdle();
    const done = (await (
      await harness.get(`/v1/operation-requests/${request.id}`, await token())
    ).json()) as OperationRequest;
    expect(done.state).toBe('succeeded');
    const profile = await profileOf(erpProd);
    expect(profile.version).toBe(2);
    expect(profile.document.general).toEqual({
      companyName: 'Contoso ERP',
      currency: 'EUR',
      fiscalYearStart: '01-01',
      timeZone: 'Europe/Berlin',
    });
    expect(profile.document.mail?.retryCount).toBe(5);
    // The flat sections follow the new version.
    const [flat] = await query<{ value: unknown }>(
      sql`select value from tenant_solution_profile where tenant_id = ${erpProd} and key = 'mail'`,
    );
    expect(flat?.value).toEqual(profile.document.mail);
    const [record] = await query<{ source_version: number; target_version_after: number; profile_mode: string }>(
      sql`select source_version, target_version_after, profile_mode from transports where request_id = ${request.id}`,
    );
    expect(record).toEqual({ source_version: 2, target_version_after: 2, profile_mode: 'delta' });
    const audit = await query<{ action: string }>(
      sql`select action from audit_events where entity_id = ${request.id} and action = 'transport.deployed'`,
    );
    expect(audit).toHaveLength(1);
  });

  test('overlapping changes are conflicts: side by side, unresolved is a 422 naming body.profile.resolutions', async () => {
    // The test tenant changes the sender, which productive has its own value for.
    const { document, version } = await profileOf(erpTest);
    const edited = { ...document, mail: { ...document.mail, sender: 'billing@contoso.example' } };
    const saved = await harness.send('POST', `/v1/tenants/${erpTest}/solution-profile/versions`, await token(), {
      basedOnVersion: version,
      document: edited,
    });
    expect(saved.status).toBe(201);
    // Baseline: the last transport between the two (source version 2).
    const draft = { sourceTenantId: erpTest, targetTenantId: erpProd, profile: { mode: 'delta' } };
    const answer = await previewOk(draft);
    expect(answer.profile?.baselineVersion).toBe(2);
    expect(answer.profile?.conflicts).toEqual([
      {
        pointer: '/mail/sender',
        path: ['mail', 'sender'],
        base: 'erp@contoso-erp-test.example',
        source: 'billing@contoso.example',
        target: 'erp@contoso-erp-prod.example',
        resolution: null,
      },
    ]);
    const rejected = await submit({ kind: 'transport', ...draft });
    expect(rejected.status).toBe(422);
    expect(((await rejected.json()) as { errors: { field: string; rule: string }[] }).errors).toContainEqual(
      expect.objectContaining({ rule: 'conflicts-resolved', field: 'body.profile.resolutions' }),
    );
    // Keeping the target's value leaves nothing to deploy; taking the source's deploys it.
    const kept = await previewOk({ ...draft, profile: { mode: 'delta', resolutions: { '/mail/sender': 'target' } } });
    expect(failed(kept)).toEqual(['changes']);
    const taken = { ...draft, profile: { mode: 'delta', resolutions: { '/mail/sender': 'source' } } };
    expect((await previewOk(taken)).profile?.changes.map((c) => [c.pointer, c.new])).toEqual([
      ['/mail/sender', 'billing@contoso.example'],
    ]);
    await approvedBySecondAdmin((await submitted({ kind: 'transport', ...taken })).id);
    await worker.runUntilIdle();
    expect((await profileOf(erpProd)).document.mail?.sender).toBe('billing@contoso.example');
  });

  test('a delta from productive into productive must have been deployed to a non-productive tenant first', async () => {
    const draft = {
      sourceTenantId: financeBackup,
      targetTenantId: storesBackup,
      profile: { mode: 'delta', baselineVersion: 1 },
    };
    const refused = await previewOk(draft);
    expect(refused.validations).toContainEqual(
      expect.objectContaining({ rule: 'tested-before-productive', passed: false, field: 'body.sourceTenantId' }),
    );
    // Deploy the same source version to Contoso's test tenant: into test it runs at once, no approval.
    const toTest = await submitted({
      kind: 'transport',
      sourceTenantId: financeBackup,
      targetTenantId: financeTest,
      profile: { mode: 'full' },
    });
    expect(toTest.determinations.approvalRequired).toMatchObject({ value: false });
    expect(toTest.state).toBe('queued');
    await worker.runUntilIdle();
    const allowedNow = await previewOk(draft);
    expect(allowedNow.validations).toContainEqual(
      expect.objectContaining({ rule: 'tested-before-productive', passed: true }),
    );
  });

  test('a copy into productive is flagged for approval; into test it is not', async () => {
    const dry = async (targetTenantId: string, sourceTenantId: string) => {
      const response = await harness.send('POST', '/v1/operation-requests/dry-run', await token(), {
        kind: 'copy',
        sourceTenantId,
        targetTenantId,
        parts: ['solutionProfile'],
      });
      return ((await response.json()) as { determinations: { approvalRequired?: { value: boolean } } }).determinations;
    };
    expect((await dry(storesBackup, financeTest)).approvalRequired?.value).toBe(true);
    expect((await dry(financeTest, storesBackup)).approvalRequired?.value).toBe(false);
  });
});

describe('extensions', () => {
  test('a dependency missing in the target after the transport is refused, naming the rule and field', async () => {
    const answer = await previewOk({
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      extensions: [{ name: 'payroll-de', version: '1.0.0' }],
    });
    expect(answer.validations).toContainEqual(
      expect.objectContaining({ rule: 'extension-dependency', passed: false, field: 'body.extensions.0' }),
    );
  });

  test('an extension the target’s product version does not support is refused', async () => {
    const response = await submit({
      kind: 'transport',
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      extensions: [{ name: 'analytics', version: '2.0.0' }],
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: { field: string; rule: string }[] }).errors).toContainEqual({
      field: 'body.extensions.0',
      rule: 'extension-product-version',
      message: expect.stringContaining('2.4.0'),
    });
  });

  test('an upgrade with its dependency installs both in one deployment', async () => {
    const draft = {
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      extensions: [
        { name: 'payroll', version: '1.2.0' },
        { name: 'payroll-de', version: '1.0.0' },
      ],
    };
    const answer = await previewOk(draft);
    expect(answer.extensions).toEqual([
      { name: 'payroll', action: 'upgrade', fromVersion: '1.0.0', toVersion: '1.2.0' },
      { name: 'payroll-de', action: 'install', fromVersion: null, toVersion: '1.0.0' },
    ]);
    await approvedBySecondAdmin((await submitted({ kind: 'transport', ...draft })).id);
    await worker.runUntilIdle();
    const response = await harness.get(`/v1/tenants/${erpProd}/extensions`, await token());
    const body = (await response.json()) as { installed: { name: string; version: string }[] };
    expect(body.installed).toEqual([
      { name: 'payroll', version: '1.2.0' },
      { name: 'payroll-de', version: '1.0.0' },
    ]);
  });
});

describe('profile restore', () => {
  test('restoring an earlier version is an operation that deploys it as the newest version', async () => {
    const before = await profileOf(erpProd);
    const request = await submitted({ kind: 'profile-restore', tenantId: erpProd, version: 1 });
    expect(request.determinations.approvalRequired).toMatchObject({ value: true });
    await approvedBySecondAdmin(request.id);
    await worker.runUntilIdle();
    const after = await profileOf(erpProd);
    expect(after.version).toBe(before.version + 1);
    const first = await harness.get(`/v1/tenants/${erpProd}/solution-profile/versions/1`, await token());
    expect(after.document).toEqual(((await first.json()) as { document: unknown }).document);
    const current = await submit({ kind: 'profile-restore', tenantId: erpProd, version: after.version });
    expect(current.status).toBe(422);
  });
});

describe('a deployment cut off inside its transaction', () => {
  test('the target stays on its old version, and the resumed request deploys exactly one new version', async () => {
    const db = harness.database.handle.db;
    const request = await submitted({
      kind: 'transport',
      sourceTenantId: erpProd,
      targetTenantId: erpTest,
      profile: { mode: 'full' },
    });
    const target = request.tenantId as string;
    const before = await profileOf(target);
    const flatBefore = await query(
      sql`select key, value from tenant_solution_profile where tenant_id = ${target} order by key`,
    );
    // The crash: the transport record's insert fails after the version row was written.
    await db.execute(sql`create function scc_test_crash() returns trigger language plpgsql as $$
      begin raise exception 'worker killed'; end $$`);
    await db.execute(
      sql`create trigger scc_test_crash before insert on transports for each row execute function scc_test_crash()`,
    );
    try {
      await worker.runOnce();
    } finally {
      await db.execute(sql`drop trigger scc_test_crash on transports`);
      await db.execute(sql`drop function scc_test_crash()`);
    }
    const mid = await profileOf(target);
    expect(mid).toEqual(before);
    expect(
      await query(sql`select key, value from tenant_solution_profile where tenant_id = ${target} order by key`),
    ).toEqual(flatBefore);
    expect(await query(sql`select id from transports where request_id = ${request.id}`)).toEqual([]);
    // The retry comes after its backoff.
    harness.clock.advance(60_000);
    await worker.runUntilIdle();
    const [done] = await query<{ state: string; attempts: number }>(
      sql`select state::text, attempts from operation_requests where id = ${request.id}`,
    );
    expect(done).toEqual({ state: 'succeeded', attempts: 2 });
    const after = await profileOf(target);
    expect(after.version).toBe(before.version + 1);
    expect(
      await query(sql`select version from solution_profile_versions where created_by_request_id = ${request.id}`),
    ).toHaveLength(1);
  });
});
