import '../../index.js';
import '../../i18n/de.js';
import '../../lazy/operations.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  problem,
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { DryRunResult } from '../../api/types.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import type { SccOrderTenant } from './order-tenant.js';

const products = [{ id: 'p-backup', name: 'Backup as a Service', tenantTypes: ['productive', 'test'] }];
const productive = tenants.find((t) => t.id === 't-crit-prod');

const proposing = (extra: Partial<DryRunResult> = {}): DryRunResult => ({
  allowed: true,
  chargeable: false,
  validations: [{ rule: 'max-test-tenants', passed: true, blocking: true, message: 'ok' }],
  determinations: {
    applicationDataSourceTenantId: { value: 't-crit-prod', reason: 'the productive tenant' },
    solutionProfileSourceTenantId: { value: 't-crit-prod', reason: 'the productive tenant' },
    name: { value: 'Critical TEST', reason: 'unit and type' },
  },
  ...extra,
});

async function open(): Promise<SccOrderTenant> {
  const el = document.createElement('scc-order-tenant');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.tenants = tenants;
  el.businessUnitId = 'critical';
  el.businessUnitName = 'Critical systems';
  mount(el);
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[data-testid="order-tenant"]')?.click();
  await waitFor(() => $$(el, '[data-testid="product"] option').length > 1, 'products');
  return el;
}

function choose(el: SccOrderTenant, testid: string, value: string): void {
  const select = $<HTMLSelectElement>(el, `[data-testid="${testid}"]`);
  assert(select, testid);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('scc-order-tenant', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/products', () => json({ items: products }));
    stub.on('/v1/widget/operation-requests/dry-run', () => json(proposing()));
    stub.on('/v1/widget/operation-requests', () => json(operationRequest('r-1'), 202));
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('offers the product’s tenant types and dry-runs the draft once the user pauses', async () => {
    const el = await open();
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'the form opens as a dialog');
    assertEqual($<HTMLSelectElement>(el, '[data-testid="product"]')?.value, 'p-backup', 'the only product is chosen');
    assertDeepEqual(
      $$<HTMLOptionElement>(el, '[data-testid="type"] option').map((o) => o.value),
      ['', 'productive', 'test'],
    );
    choose(el, 'type', 'productive');
    choose(el, 'type', 'test');
    await waitFor(() => stub.requestsTo('/v1/widget/operation-requests/dry-run').length === 1, 'dry-run');
    await waitFor(() => $$(el, '[part="proposal"]').length === 3, 'proposals');
    // Only the last draft was checked: typing on does not flood the cockpit.
    assertEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run').length, 1);
    assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run')[0]?.body, {
      kind: 'order',
      businessUnitId: 'critical',
      productId: 'p-backup',
      type: 'test',
    });
    assertEqual($<HTMLInputElement>(el, '[data-testid="name"]')?.placeholder, 'Critical TEST');
    const proposal = $(el, '[data-testid="application-data-source"] ~ [part="proposal"]');
    assert(proposal?.textContent?.includes(productive?.name ?? '?'), 'names the proposed source');
  });

  it('checks the draft again when the form opens anew with the same defaults', async () => {
    // One product of one type: every opening starts with the same complete draft.
    stub.on('/v1/widget/products', () => json({ items: [{ ...products[0], tenantTypes: ['test'] }] }));
    const dryRuns = () => stub.requestsTo('/v1/widget/operation-requests/dry-run');
    const el = await open();
    await waitFor(() => dryRuns().length === 1, 'the first opening’s dry run');
    await waitFor(() => $$(el, '[part="proposal"]').length === 3, 'proposals');
    el.close();
    $<HTMLButtonElement>(el, '[data-testid="order-tenant"]')?.click();
    await waitFor(() => dryRuns().length === 2, 'the second opening’s dry run');
    assertDeepEqual(dryRuns()[1]?.body, dryRuns()[0]?.body);
  });

  it('takes a proposal, or "none", independently per source', async () => {
    const el = await open();
    choose(el, 'type', 'test');
    await waitFor(() => $$(el, '[part="proposal"]').length === 3, 'proposals');
    $<HTMLButtonElement>(el, '[data-testid="application-data-source"] ~ [part="proposal"] button')?.click();
    choose(el, 'solution-profile-source', 'none');
    await waitFor(() => stub.requestsTo('/v1/widget/operation-requests/dry-run').length === 2, 'second dry-run');
    assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests/dry-run')[1]?.body, {
      kind: 'order',
      businessUnitId: 'critical',
      productId: 'p-backup',
      type: 'test',
      applicationDataSourceTenantId: 't-crit-prod',
      solutionProfileSourceTenantId: null,
    });
  });

  it('shows each blocking rule and the chargeable notice, and blocks submitting', async () => {
    stub.on('/v1/widget/operation-requests/dry-run', () =>
      json(
        proposing({
          allowed: false,
          chargeable: true,
          validations: [
            { rule: 'max-live-productive', passed: false, blocking: true, message: 'Already one productive tenant' },
            { rule: 'permission', passed: true, blocking: true, message: 'ok' },
          ],
        }),
      ),
    );
    const el = await open();
    choose(el, 'type', 'productive');
    await waitFor(() => $(el, '[data-rule="max-live-productive"]'), 'the blocking rule');
    assertEqual($(el, '[data-rule="max-live-productive"]')?.className, 'blocking');
    assert($(el, '[data-rule="chargeable"]'), 'chargeable notice');
    assertEqual($(el, '[data-rule="permission"]'), null, 'passed rules are not listed');
    assert($<HTMLButtonElement>(el, '[data-testid="submit-order"]')?.disabled, 'submit disabled');
  });

  it('submits once per form: double clicks and retries carry one idempotency key', async () => {
    stub.on('/v1/widget/operation-requests', () => problem(503, 'Unavailable'), { once: true });
    const el = await open();
    choose(el, 'type', 'test');
    await el.updateComplete;
    const submit = $<HTMLButtonElement>(el, '[data-testid="submit-order"]');
    assert(submit);
    submit.click();
    submit.click();
    await waitFor(() => $(el, '[role="alert"]'), 'the failure is shown');
    assertEqual(stub.requestsTo('/v1/widget/operation-requests').length, 1, 'a double click sends once');
    const submitted = oneEvent<SccOperationRequestSubmitEvent>(el, 'scc-operation-request-submit');
    submit.click();
    const event = await submitted;
    assertEqual(event.detail.request.id, 'r-1');
    assert(event.bubbles && event.composed, 'bubbles and composed');
    const [first, retry] = stub.requestsTo('/v1/widget/operation-requests');
    const key = first?.headers.get('idempotency-key');
    assert(key && /^[0-9a-f-]{36}$/.test(key), 'a UUID idempotency key');
    assertEqual(retry?.headers.get('idempotency-key'), key, 'the retry reuses the key');
    assertEqual($<HTMLDialogElement>(el, 'dialog')?.open, false, 'closed after success');
    await el.updateComplete;
    assertEqual($(el, '[data-testid="order-outcome"]')?.textContent, 'Order of Critical TEST 2 submitted.');
    assertEqual($(el, '[data-testid="order-outcome"]')?.getAttribute('role'), 'status');

    $<HTMLButtonElement>(el, '[data-testid="order-tenant"]')?.click();
    choose(el, 'type', 'test');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-testid="submit-order"]')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/operation-requests').length === 3, 'second order');
    assert(
      stub.requestsTo('/v1/widget/operation-requests')[2]?.headers.get('idempotency-key') !== key,
      'new form, new key',
    );
  });

  describe('opened from a tenant (order from this tenant)', () => {
    const source = tenants.find((t) => t.id === 't-crit-test');

    async function openFrom(locale = 'en'): Promise<SccOrderTenant> {
      const el = document.createElement('scc-order-tenant');
      el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
      el.tenants = tenants;
      el.hideOpener = true;
      el.locale = locale;
      mount(el);
      assert(source, 'the fixture');
      await el.show(source);
      await waitFor(() => $$(el, '[data-testid="type"] option').length > 1, 'the product’s types');
      return el;
    }
    const dryRuns = () => stub.requestsTo('/v1/widget/operation-requests/dry-run');

    it('orders into the tenant’s unit and product, with no part taken until the user ticks one', async () => {
      const el = await openFrom();
      assertEqual($(el, '[data-testid="order-tenant"]'), null, 'no opener of its own');
      assertEqual($(el, 'h2')?.textContent, 'New tenant for Critical systems from Critical TEST');
      const product = $<HTMLSelectElement>(el, '[data-testid="product"]');
      assertEqual(product?.value, 'p-backup');
      assert(product?.disabled, 'the product is the source’s');
      assertEqual($(el, '[data-testid="application-data-source"]'), null, 'no proposal selects');
      assertEqual($(el, '[data-testid="order-from-parts"] legend')?.textContent, 'Take from Critical TEST');
      assertEqual($$<HTMLInputElement>(el, '[data-part]').filter((box) => box.checked).length, 0, 'nothing ticked');
      choose(el, 'type', 'test');
      await waitFor(() => dryRuns().length === 1, 'the dry run');
      // Unticked means none: an initial part, not whatever the cockpit would propose.
      assertDeepEqual(dryRuns()[0]?.body, {
        kind: 'order',
        businessUnitId: 'critical',
        productId: 'p-backup',
        type: 'test',
        applicationDataSourceTenantId: null,
        solutionProfileSourceTenantId: null,
      });
      $<HTMLInputElement>(el, '[data-part="solutionProfile"]')?.click();
      await waitFor(() => dryRuns().length === 2, 'the dry run of the ticked part');
      assertDeepEqual(dryRuns()[1]?.body, {
        kind: 'order',
        businessUnitId: 'critical',
        productId: 'p-backup',
        type: 'test',
        applicationDataSourceTenantId: null,
        solutionProfileSourceTenantId: 't-crit-test',
      });
      await waitFor(() => $(el, '[data-testid="determinations"]'), 'the proposals');
      const proposals = $$(el, '[data-testid="determinations"] li').map((li) => li.textContent?.trim());
      assertDeepEqual(proposals, [
        'Application data: Critical PROD · the productive tenant',
        'Solution profile: Critical PROD · the productive tenant',
      ]);
      $<HTMLButtonElement>(el, '[data-testid="submit-order"]')?.click();
      await waitFor(() => stub.requestsTo('/v1/widget/operation-requests').length === 1, 'the order');
      assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests')[0]?.body, dryRuns()[1]?.body);
    });

    it('speaks German', async () => {
      const el = await openFrom('de');
      assertEqual($(el, 'h2')?.textContent, 'Neuer Mandant für Critical systems aus Critical TEST');
      assertEqual($(el, '[data-testid="order-from-parts"] legend')?.textContent, 'Aus Critical TEST übernehmen');
    });
  });
});
