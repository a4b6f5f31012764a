import '../../index.js';
import '../../lazy/transports.js';
import '../../i18n/de.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepActiveElement,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  type RecordedRequest,
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { Tenant, TransportPreview } from '../../api/types.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccTransportDialog } from './transport-dialog.js';

const byId = (id: string) => tenants.find((t) => t.id === id) as Tenant;
const test = byId('t-crit-test');
const prod = byId('t-crit-prod');
const LONG = 'a sender whose address is far longer than a table cell should ever be asked to hold';

const profileOf = (tenantId: string) => ({
  tenantId,
  version: 2,
  document: {},
  versions: [
    { version: 2, createdAt: '2026-03-02T10:00:00Z', createdByRequestId: '5f0e7f4c-1111-4a4a-9a9a-000000000001' },
    { version: 1, createdAt: '2026-01-01T08:00:00Z', createdByRequestId: null },
  ],
});
const extensionsOf = (tenantId: string, installed: { name: string; version: string }[]) => ({
  tenantId,
  productVersion: '2.4.0',
  installed,
  catalogue: [],
});

const side = (tenant: Tenant, profileVersion: number) => ({
  tenantId: tenant.id,
  name: tenant.name,
  type: tenant.type,
  productVersion: '2.4.0',
  profileVersion,
});

/** A delta into the productive tenant with one conflict at /mail/sender, resolved as the draft says. */
function previewOf(body: { profile?: { resolutions?: Record<string, 'source' | 'target'> } }): TransportPreview {
  const resolution = body.profile?.resolutions?.['/mail/sender'] ?? null;
  return {
    allowed: resolution !== null,
    source: side(test, 2),
    target: side(prod, 4),
    profile: {
      mode: 'delta',
      baselineVersion: 1,
      resultVersion: 5,
      changes: [
        { pointer: '/mail/retryCount', path: ['mail', 'retryCount'], op: 'changed', old: 3, new: 5 },
        { pointer: '/general/timeZone', path: ['general', 'timeZone'], op: 'added', new: 'Europe/Berlin' },
        { pointer: '/workflow/steps', path: ['workflow', 'steps'], op: 'removed', old: ['draft', 'post'] },
        ...(resolution === 'source'
          ? [{ pointer: '/mail/sender', path: ['mail', 'sender'], op: 'changed' as const, old: 'prod@x', new: LONG }]
          : []),
      ],
      overwrites: [
        { pointer: '/mail/retryCount', path: ['mail', 'retryCount'], op: 'changed', old: 3, new: 5 },
        { pointer: '/workflow/steps', path: ['workflow', 'steps'], op: 'removed', old: ['draft', 'post'] },
      ],
      conflicts: [
        {
          pointer: '/mail/sender',
          path: ['mail', 'sender'],
          base: 'erp@x',
          source: LONG,
          target: 'prod@x',
          resolution,
        },
      ],
    },
    extensions: null,
    approvalRequired: { value: true, reason: 'Critical PROD is productive.' },
    validations: [
      { rule: 'permission', passed: true, blocking: false, message: 'You may transport productive tenants.' },
      ...(resolution
        ? []
        : [
            {
              rule: 'conflicts-resolved',
              passed: false,
              blocking: true,
              message: '1 conflict has no resolution.',
              field: 'body.profile.resolutions',
            },
          ]),
    ],
  };
}

async function open(origin: Tenant, locale = 'en'): Promise<SccTransportDialog> {
  const el = document.createElement('scc-transport-dialog');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.locale = locale;
  mount(el);
  await el.show(origin);
  await waitFor(() => $$(el, '[data-testid="target"] option').length > 1, 'the tenants to choose from');
  return el;
}

function select(el: SccTransportDialog, testId: string, value: string): void {
  const element = $<HTMLSelectElement>(el, `[data-testid="${testId}"]`);
  assert(element, testId);
  element.value = value;
  element.dispatchEvent(new Event('change'));
}

function click(el: SccTransportDialog, selector: string): void {
  const input = $<HTMLInputElement>(el, selector);
  assert(input, selector);
  input.click();
}

const submitButton = (el: SccTransportDialog) => $<HTMLButtonElement>(el, '[data-testid="submit-transport"]');
const previews = (stub: FetchStub) => stub.requestsTo('/v1/widget/transports/preview');
const lastProfile = (stub: FetchStub) => (previews(stub).at(-1)?.body as { profile?: unknown } | undefined)?.profile;
const cells = (row: Element) => [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

describe('scc-transport-dialog', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    for (const t of [test, prod]) {
      stub.on(`/v1/widget/tenants/${t.id}/solution-profile`, () => json(profileOf(t.id)));
    }
    stub.on(`/v1/widget/tenants/${test.id}/extensions`, () =>
      json(
        extensionsOf(test.id, [
          { name: 'payroll', version: '1.2.0' },
          { name: 'analytics', version: '2.0.0' },
          { name: 'audit', version: '1.0.0' },
        ]),
      ),
    );
    stub.on(`/v1/widget/tenants/${prod.id}/extensions`, () =>
      json(
        extensionsOf(prod.id, [
          { name: 'payroll', version: '1.0.0' },
          { name: 'audit', version: '1.0.0' },
        ]),
      ),
    );
    stub.on('/v1/widget/transports/preview', (request: RecordedRequest) =>
      json(previewOf(request.body as Parameters<typeof previewOf>[0])),
    );
    stub.on('/v1/widget/operation-requests', () =>
      json(operationRequest('r-9', { kind: 'transport', tenantId: prod.id, state: 'awaiting-approval' }), 202),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('starts from the row’s tenant as the source, offers the same product’s tenants, and previews nothing yet', async () => {
    const el = await open(test);
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'open');
    assertEqual($<HTMLSelectElement>(el, '[data-testid="source"]')?.value, test.id);
    assertEqual($<HTMLSelectElement>(el, '[data-testid="target"]')?.value, '', 'no target chosen');
    const targets = $$<HTMLOptionElement>(el, '[data-testid="target"] option').map((o) => o.value);
    assert(!targets.includes(test.id), 'not the source itself');
    assert(targets.includes(prod.id), targets.join());
    assertEqual(submitButton(el)?.disabled, true);
    assertEqual(previews(stub).length, 0, 'nothing to preview yet');
    assertIncludes($(el, '[data-testid="preview"]')?.textContent, 'Choose the source, the target');
  });

  it('renders the exact diff, the overwrites and the approval the preview names', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    await waitFor(() => $(el, '[data-testid="changes"]'), 'the diff');
    assertDeepEqual(previews(stub).at(-1)?.body, {
      kind: 'transport',
      sourceTenantId: test.id,
      targetTenantId: prod.id,
      profile: { mode: 'delta' },
    });
    const rows = $$(el, '[data-testid="changes"] tbody tr');
    assertDeepEqual(rows.map(cells), [
      ['mail.retryCount', 'changed', '3', '5'],
      ['general.timeZone', 'added', '(none)', '"Europe/Berlin"'],
      ['workflow.steps', 'removed', '["draft","post"]', '(none)'],
    ]);
    assertEqual($(el, '[data-testid="result-version"]')?.textContent?.includes('Critical PROD gets version 5'), true);
    assertEqual(
      $(el, '[data-testid="overwrites"]')?.textContent,
      '2 values Critical PROD has now are overwritten or removed.',
    );
    assertEqual(
      $(el, '[data-testid="approval"]')?.textContent?.trim(),
      'Needs approval by a second admin: Critical PROD is productive.',
    );
    assertEqual(submitButton(el)?.className, 'danger', 'into a productive tenant');
  });

  it('shows a conflict side by side and submits only once it is resolved, previewing again with the choice', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    const conflict = await waitFor(() => $(el, '[part="conflict"][data-pointer="/mail/sender"]'), 'the conflict');
    assertDeepEqual(
      [...conflict.querySelectorAll('.side')].map((s) => s.querySelector('.hint')?.textContent),
      ['Baseline', 'Critical TEST', 'Critical PROD'],
    );
    assertIncludes(conflict.textContent, '"erp@x"');
    assertIncludes(conflict.textContent, '"prod@x"');
    // The source's long value is cut, and the whole of it one click away.
    const full = conflict.querySelector('details');
    assert(full, 'the long value folds');
    assertIncludes(full.querySelector('summary')?.textContent, '…');
    assertEqual(full.querySelector('pre')?.textContent, JSON.stringify(LONG, null, 2));
    const group = conflict.querySelector('[role="radiogroup"]');
    assertEqual(group?.getAttribute('aria-labelledby'), conflict.querySelector('code[id]')?.id);
    assertEqual($(el, '[data-testid="unresolved"]')?.textContent, '1 conflict needs your choice.');
    assertEqual($(el, '[data-testid="refusals"] li')?.dataset.rule, 'conflicts-resolved');
    assertEqual(submitButton(el)?.disabled, true, 'unresolved: no submit');

    click(el, '[data-pointer="/mail/sender"] input[data-resolution="source"]');
    await waitFor(() => submitButton(el)?.disabled === false, 'resolved and allowed');
    const draft = {
      kind: 'transport',
      sourceTenantId: test.id,
      targetTenantId: prod.id,
      profile: { mode: 'delta', resolutions: { '/mail/sender': 'source' } },
    };
    assertDeepEqual(previews(stub).at(-1)?.body, draft, 'previewed again with the resolution');
    assertEqual($(el, '[data-testid="unresolved"]'), null);
    assert($(el, '[data-testid="changes"] tr[data-pointer="/mail/sender"]'), 'the resolution’s change shows');

    const submitted = oneEvent<SccOperationRequestSubmitEvent>(el, 'scc-operation-request-submit');
    submitButton(el)?.click();
    assertEqual((await submitted).detail.request.id, 'r-9');
    const [request] = stub.requestsTo('/v1/widget/operation-requests').filter((r) => r.method === 'POST');
    assertDeepEqual(request?.body, draft);
    assert(request?.headers.get('idempotency-key'), 'idempotency key');
    assertEqual($<HTMLDialogElement>(el, 'dialog')?.open, false);
    await el.updateComplete;
    assertEqual(
      $(el, '[data-testid="transport-outcome"]')?.textContent,
      'Transport from Critical TEST into Critical PROD submitted.',
    );
  });

  it('offers the source’s extensions the target lacks or runs older, and sends the chosen ones', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    await waitFor(() => $$(el, '[data-extension]').length === 2, 'the extensions');
    assertDeepEqual(
      $$<HTMLLabelElement>(el, 'label:has([data-extension])').map((l) => l.textContent?.trim()),
      ['payroll 1.0.0 → 1.2.0', 'analytics 2.0.0 (new)'],
    );
    stub.on('/v1/widget/transports/preview', () =>
      json({
        ...previewOf({ profile: { resolutions: { '/mail/sender': 'target' } } }),
        allowed: false,
        validations: [
          {
            rule: 'extension-product-version',
            passed: false,
            blocking: true,
            message: 'analytics 2.0.0 needs product version 2.5.0 or later; Critical PROD runs 2.4.0.',
            field: 'body.extensions.0',
          },
        ],
      }),
    );
    click(el, 'input[data-extension="analytics"]');
    await waitFor(() => $(el, '[data-rule="extension-product-version"]'), 'the refusal');
    assertDeepEqual((previews(stub).at(-1)?.body as { extensions?: unknown } | undefined)?.extensions, [
      { name: 'analytics', version: '2.0.0' },
    ]);
    assertIncludes($(el, '[data-testid="refusals"]')?.textContent, 'Not possible like this:');
    assertIncludes($(el, '[data-testid="refusals"]')?.textContent, 'needs product version 2.5.0');
    assertEqual(submitButton(el)?.disabled, true);
  });

  it('counts a delta from a chosen version of the source, and a full transport from none', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    await waitFor(() => $$(el, '[data-testid="baseline"] option').length === 3, 'the source’s versions');
    select(el, 'baseline', '1');
    await waitFor(() => previews(stub).some((r) => JSON.stringify(r.body).includes('"baselineVersion":1')), 'v1');
    assertDeepEqual(lastProfile(stub), {
      mode: 'delta',
      baselineVersion: 1,
    });
    click(el, 'input[data-mode="full"]');
    await waitFor(() => JSON.stringify(previews(stub).at(-1)?.body).includes('"full"'), 'the full preview');
    assertDeepEqual(lastProfile(stub), { mode: 'full' });
    assertEqual($(el, '[data-testid="baseline"]'), null, 'no baseline for a full transport');
  });

  it('swaps source and target, and previews the other direction', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    await waitFor(() => previews(stub).length === 1, 'the first preview');
    click(el, '[data-testid="swap"]');
    await waitFor(() => previews(stub).length === 2, 'the swapped preview');
    const body = previews(stub).at(-1)?.body as { sourceTenantId: string; targetTenantId: string };
    assertDeepEqual([body.sourceTenantId, body.targetTenantId], [prod.id, test.id]);
  });

  it('is keyboard usable: Tab stays inside, arrows pick a conflict’s side, Escape closes', async () => {
    const el = await open(test);
    select(el, 'target', prod.id);
    await waitFor(() => $(el, '[part="conflict"]'), 'the conflict');
    const native = $<HTMLDialogElement>(el, 'dialog');
    assert(native);
    while ((deepActiveElement() as HTMLElement | null)?.dataset.resolution !== 'source') {
      await sendKeys({ press: 'Tab' });
      assert(native.contains(deepActiveElement()), 'Tab stays inside');
    }
    await sendKeys({ press: 'Space' });
    await waitFor(() => submitButton(el)?.disabled === false, 'resolved from the keyboard');
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(
      () => JSON.stringify(previews(stub).at(-1)?.body).includes('"target"'),
      'the arrow keys switch to keep target',
    );
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !native.open, 'Escape closes the dialog');
  });

  for (const locale of ['en', 'de']) {
    it(`has no axe violations with a diff and an open conflict (${locale})`, async () => {
      const el = await open(test, locale);
      select(el, 'target', prod.id);
      await waitFor(() => $(el, '[part="conflict"]'), 'the conflict');
      if (locale === 'de') {
        assertEqual($(el, 'h2')?.textContent, 'Konfiguration transportieren');
        assertEqual($(el, '[data-testid="unresolved"]')?.textContent, '1 Konflikt braucht Ihre Wahl.');
      }
      await expectNoAxeViolations(el, `the transport dialog (${locale})`);
    });
  }
});
