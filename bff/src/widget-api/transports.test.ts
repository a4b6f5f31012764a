import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffHarness, createBffHarness, expectProblem } from '../../../test/support/bff-harness.js';
import { personaByKey, seededBusinessUnit, seedId } from '../../../test/support/seed-model.js';

const casey = personaByKey('customer-admin');
const contoso = seededBusinessUnit('contoso');
const erpTest = seedId('tenant', 'contoso-erp-test');
const erpProd = seedId('tenant', 'contoso-erp-prod');
const customerOneErp = seedId('tenant', 'c1-erp-prod');

let h: BffHarness;
let token: string;
beforeAll(async () => {
  h = await createBffHarness();
  token = await h.openSession(h.resellerHost, casey.email, contoso.id);
});
afterAll(async () => {
  await h?.close();
});

const call = (path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') =>
  h.app.request(`/v1/widget${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      origin: h.resellerHost.origin,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });

describe('transports through the BFF', () => {
  it('previews a transport with the cockpit’s answer: diff, conflicts, extension plan, approval', async () => {
    const res = await call('/transports/preview', {
      kind: 'transport',
      sourceTenantId: erpTest,
      targetTenantId: erpProd,
      profile: { mode: 'delta', baselineVersion: 1 },
      extensions: [{ name: 'payroll', version: '1.2.0' }],
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as {
      allowed: boolean;
      profile: { changes: { pointer: string }[]; conflicts: unknown[] };
      extensions: { name: string; action: string }[];
      approvalRequired: { value: boolean };
    };
    expect(preview.allowed).toBe(true);
    expect(preview.profile.changes.map((c) => c.pointer).sort()).toEqual([
      '/general/timeZone',
      '/mail/retryCount',
      '/workflow/approvalLimit',
    ]);
    expect(preview.profile.conflicts).toEqual([]);
    expect(preview.extensions).toEqual([expect.objectContaining({ name: 'payroll', action: 'upgrade' })]);
    expect(preview.approvalRequired.value).toBe(true);
  });

  it('validates the draft before forwarding, and a tenant of another customer is not found', async () => {
    await expectProblem(await call('/transports/preview', { kind: 'transport', sourceTenantId: erpTest }), 400);
    await expectProblem(
      await call('/transports/preview', {
        kind: 'transport',
        sourceTenantId: erpTest,
        targetTenantId: customerOneErp,
        profile: { mode: 'full' },
      }),
      404,
    );
    await expectProblem(await call(`/tenants/${customerOneErp}/solution-profile`), 404);
  });

  it('reads a tenant’s profile, an earlier version and its extensions', async () => {
    const profile = (await (await call(`/tenants/${erpTest}/solution-profile`)).json()) as {
      version: number;
      versions: { version: number }[];
    };
    expect(profile.version).toBe(2);
    expect(profile.versions.map((v) => v.version)).toEqual([2, 1]);
    const first = await call(`/tenants/${erpTest}/solution-profile/versions/1`);
    expect(first.status).toBe(200);
    const extensions = (await (await call(`/tenants/${erpTest}/extensions`)).json()) as { productVersion: string };
    expect(extensions.productVersion).toBe('2.5.0');
  });

  it('saves an edit of a test tenant, naming a malformed path', async () => {
    const current = (await (await call(`/tenants/${erpTest}/solution-profile`)).json()) as {
      version: number;
      document: Record<string, Record<string, unknown>>;
    };
    const bad = await call(`/tenants/${erpTest}/solution-profile/versions`, {
      basedOnVersion: current.version,
      document: { ...current.document, mail: { ...current.document.mail, retryCount: -1 } },
    });
    const problem = await expectProblem(bad, 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['body.document.mail.retryCount']);
    const saved = await call(`/tenants/${erpTest}/solution-profile/versions`, {
      basedOnVersion: current.version,
      document: { ...current.document, mail: { ...current.document.mail, retryCount: 7 } },
    });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { version: number }).version).toBe(current.version + 1);
  });
});
