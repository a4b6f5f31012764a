import '../../index.js';
import '../../lazy/transports.js';
import '../../i18n/de.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { DryRunResult, Tenant } from '../../api/types.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccProfileVersions } from './profile-versions.js';

const prod = tenants.find((t) => t.id === 't-crit-prod') as Tenant;
const REQUEST = '5f0e7f4c-1111-4a4a-9a9a-000000000001';

const profile = {
  tenantId: prod.id,
  version: 3,
  document: { mail: { retryCount: 5 } },
  versions: [
    { version: 3, createdAt: '2026-03-02T10:00:00Z', createdByRequestId: REQUEST },
    { version: 2, createdAt: '2026-02-01T10:00:00Z', createdByRequestId: REQUEST },
    { version: 1, createdAt: '2026-01-01T08:00:00Z', createdByRequestId: null },
  ],
};

const restoreCheck: DryRunResult = {
  allowed: true,
  chargeable: false,
  determinations: { approvalRequired: { value: true, reason: 'Critical PROD is productive.' } },
  validations: [{ rule: 'permission', passed: true, blocking: false, message: 'You may restore productive tenants.' }],
};

async function open(locale = 'en'): Promise<SccProfileVersions> {
  const el = document.createElement('scc-profile-versions');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.locale = locale;
  mount(el);
  await el.show(prod);
  await waitFor(() => $$(el, '[data-testid="versions"] tbody tr').length > 0, 'the versions');
  return el;
}

describe('scc-profile-versions', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on(`/v1/widget/tenants/${prod.id}/solution-profile`, () => json(profile));
    stub.on(`/v1/widget/tenants/${prod.id}/solution-profile/versions/1`, () =>
      json({ tenantId: prod.id, version: 1, document: { mail: { retryCount: 3 } } }),
    );
    stub.on('/v1/widget/operation-requests/dry-run', () => json(restoreCheck));
    stub.on('/v1/widget/operation-requests', () =>
      json(operationRequest('r-3', { kind: 'profile-restore', tenantId: prod.id, state: 'awaiting-approval' }), 202),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('lists the versions newest first, with what wrote them, and rolls back to none but earlier ones', async () => {
    const el = await open();
    assertEqual($(el, 'h2')?.textContent, 'Solution profile versions of Critical PROD');
    const rows = $$(el, '[data-testid="versions"] tbody tr');
    assertDeepEqual(
      rows.map((row) => row.dataset.version),
      ['3', '2', '1'],
    );
    assertIncludes(rows[0]?.querySelector('th')?.textContent, '(current)');
    assertEqual(rows[0]?.querySelector('td:nth-of-type(2)')?.textContent?.trim(), 'Request 5f0e7f4c');
    assertEqual(rows[2]?.querySelector('td:nth-of-type(2)')?.textContent?.trim(), 'Initial setup');
    assertEqual(rows[0]?.querySelector('[data-testid="rollback"]'), null, 'not to the current version');
    assertEqual(
      rows[2]?.querySelector('[data-testid="rollback"]')?.getAttribute('aria-label'),
      'Roll back to this version: Version 1',
    );
  });

  it('shows a version’s document', async () => {
    const el = await open();
    $<HTMLButtonElement>(el, 'tr[data-version="1"] [data-testid="view"]')?.click();
    const document = await waitFor(() => $(el, '[data-testid="document"] pre'), 'the document');
    assertEqual(document.textContent, JSON.stringify({ mail: { retryCount: 3 } }, null, 2));
    assertEqual($(el, 'tr[data-version="1"] [data-testid="view"]')?.getAttribute('aria-pressed'), 'true');
  });

  it('checks a rollback first, names the approval it needs, then submits the profile restore', async () => {
    const el = await open();
    $<HTMLButtonElement>(el, 'tr[data-version="1"] [data-testid="rollback"]')?.click();
    await waitFor(() => $(el, '[data-testid="approval"]'), 'the dry run');
    const draft = { kind: 'profile-restore', tenantId: prod.id, version: 1 };
    assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run').at(-1)?.body, draft);
    assertEqual($(el, 'h3')?.textContent, 'Roll Critical PROD back to version 1?');
    assertEqual(
      $(el, '[data-testid="approval"]')?.textContent?.trim(),
      'Needs approval by a second admin: Critical PROD is productive.',
    );
    const submit = $<HTMLButtonElement>(el, '[data-testid="submit-rollback"]');
    assertEqual(submit?.disabled, false);
    const submitted = oneEvent<SccOperationRequestSubmitEvent>(el, 'scc-operation-request-submit');
    submit?.click();
    assertEqual((await submitted).detail.request.kind, 'profile-restore');
    const [request] = stub.requestsTo('/v1/widget/operation-requests').filter((r) => r.method === 'POST');
    assertDeepEqual(request?.body, draft);
    assert(request?.headers.get('idempotency-key'), 'idempotency key');
    await el.updateComplete;
    assertEqual(
      $(el, '[data-testid="rollback-outcome"]')?.textContent,
      'Rollback of Critical PROD to version 1 submitted.',
    );
  });

  it('cannot confirm a rollback the dry run refuses, and goes back to the list', async () => {
    stub.on('/v1/widget/operation-requests/dry-run', () =>
      json({
        ...restoreCheck,
        allowed: false,
        validations: [
          {
            rule: 'permission',
            passed: false,
            blocking: true,
            message: 'Only a user with the admin role may profile-restore a productive tenant.',
          },
        ],
      }),
    );
    const el = await open();
    $<HTMLButtonElement>(el, 'tr[data-version="2"] [data-testid="rollback"]')?.click();
    await waitFor(() => $(el, '[data-testid="refusals"]'), 'the refusal');
    assertIncludes($(el, '[data-testid="refusals"]')?.textContent, 'Only a user with the admin role');
    assertEqual($<HTMLButtonElement>(el, '[data-testid="submit-rollback"]')?.disabled, true);
    $<HTMLButtonElement>(el, '[data-testid="back"]')?.click();
    await waitFor(() => $(el, '[data-testid="versions"]'), 'the list again');
  });

  for (const locale of ['en', 'de']) {
    it(`has no axe violations, with a document shown (${locale})`, async () => {
      const el = await open(locale);
      $<HTMLButtonElement>(el, 'tr[data-version="1"] [data-testid="view"]')?.click();
      await waitFor(() => $(el, '[data-testid="document"]'), 'the document');
      if (locale === 'de') assertEqual($(el, 'h2')?.textContent, 'Versionen des Lösungsprofils von Critical PROD');
      await expectNoAxeViolations(el, `the profile versions (${locale})`);
    });
  }
});
