import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/operations.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  deepQueryAll,
  deepText,
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
import type { Tenant } from '../../api/types.js';
import type { SccOperationRequestCancelEvent } from '../../events/scc-operation-request-cancel.js';
import type { SccOperationRequestCompleteEvent } from '../../events/scc-operation-request-complete.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccPendingRequests } from './pending-requests.js';

/** 27 days from now: the countdown is computed from the real clock, so the fixture is too. */
const until = new Date(Date.now() + 27 * 24 * 60 * 60 * 1000).toISOString();
const retained: Tenant = {
  ...(tenants[1] as Tenant),
  id: 't-retained',
  name: 'Old TEST',
  lifecycleStatus: 'retained',
  retainedUntil: until,
};
const archived: Tenant = {
  ...(tenants[1] as Tenant),
  id: 't-archived',
  name: 'Archived DEV',
  lifecycleStatus: 'archived',
};
const termination = operationRequest('r-term', {
  kind: 'decommission',
  state: 'running',
  progress: 50,
  tenantId: 't-retained',
  createdAt: '2026-03-01T09:00:00.000Z',
  retainedUntil: until,
});

async function panel(lingerMs = 100, { restorable = true, locale = 'en' } = {}): Promise<SccPendingRequests> {
  const el = document.createElement('scc-pending-requests');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.tenants = tenants;
  el.lingerMs = lingerMs;
  el.restorable = restorable;
  el.locale = locale;
  mount(el);
  await waitFor(() => $(el, 'section'), 'the panel');
  return el;
}

const shown = (el: SccPendingRequests) =>
  $$(el, '[part="request"]').map((li) => `${li.dataset.requestId}:${li.dataset.state}`);

describe('scc-pending-requests', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/operation-requests', () =>
      json({ items: [operationRequest('r-1', { progress: 10 }), termination] }),
    );
    const items = [...tenants, retained, archived];
    stub.on('/v1/widget/tenants', () => json({ items, nextCursor: null, total: items.length, totalCapped: false }));
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('lists the open requests with progress bars that follow the updates', async () => {
    const el = await panel();
    assertEqual(
      stub.requestsTo('/v1/widget/operation-requests?state=open')[0]?.url,
      `${API_BASE}/v1/widget/operation-requests?state=open`,
    );
    assertDeepEqual(shown(el), ['r-1:queued'], 'a pending termination is shown with its tenant, not as running');
    const bar = () => $<HTMLProgressElement>(el, '[data-request-id="r-1"] progress');
    assertEqual(bar()?.value, 10);
    assertEqual(bar()?.max, 100);
    el.apply(
      operationRequest('r-1', {
        state: 'running',
        progress: 60,
        step: 'Copying application data',
        updatedAt: '2026-03-01T10:00:05.000Z',
      }),
    );
    await el.updateComplete;
    assertEqual(bar()?.value, 60);
    assertEqual($(el, '[data-request-id="r-1"] .step')?.textContent, 'Copying application data');
    // An older state arriving late does not move the bar back.
    el.apply(operationRequest('r-1', { progress: 20, updatedAt: '2026-03-01T10:00:01.000Z' }));
    await el.updateComplete;
    assertEqual(bar()?.value, 60);
    // Strict CSP: no inline style attributes anywhere.
    assertEqual(deepQueryAll(el.shadowRoot as ShadowRoot, '[style]').length, 0);
  });

  it('names a transport by both its tenants, and shows it waiting for approval', async () => {
    const el = await panel();
    el.apply(
      operationRequest('r-tr', {
        kind: 'transport',
        state: 'awaiting-approval',
        tenantId: 't-crit-prod',
        draft: { kind: 'transport', sourceTenantId: 't-crit-test', targetTenantId: 't-crit-prod' },
      }),
    );
    await el.updateComplete;
    const item = $(el, '[data-request-id="r-tr"]');
    assertEqual(item?.querySelector('.what')?.textContent?.trim(), 'Transport Critical TEST → Critical PROD');
    assertEqual(item?.querySelector('.state')?.textContent, 'Awaiting approval');
  });

  it('shows a finished request briefly as done, tells the host, then removes it', async () => {
    const el = await panel();
    const completed = oneEvent<SccOperationRequestCompleteEvent>(el, 'scc-operation-request-complete');
    el.apply(operationRequest('r-1', { state: 'succeeded', progress: 100, updatedAt: '2026-03-01T10:01:00.000Z' }));
    assertEqual((await completed).detail.request.state, 'succeeded');
    await el.updateComplete;
    assertDeepEqual(shown(el), ['r-1:succeeded']);
    assertEqual($<HTMLProgressElement>(el, '[data-request-id="r-1"] progress')?.value, 100);
    assertEqual($(el, '[data-testid="outcome"]')?.textContent, 'Order finished: Critical TEST 2');
    await waitFor(() => shown(el).length === 0, 'removal');
    // A late replay of the same request does not bring it back.
    el.apply(operationRequest('r-1', { state: 'succeeded', progress: 100, updatedAt: '2026-03-01T10:01:00.000Z' }));
    await el.updateComplete;
    assertDeepEqual(shown(el), []);
  });

  it('says why a request failed', async () => {
    const el = await panel();
    el.apply(
      operationRequest('r-1', {
        state: 'failed',
        error: { code: 'operation-failed', message: 'storage unavailable' },
        updatedAt: '2026-03-01T10:01:00.000Z',
      }),
    );
    await el.updateComplete;
    const outcome = $(el, '[data-testid="outcome"]');
    assertEqual(outcome?.getAttribute('role'), 'status');
    assertEqual(outcome?.textContent, 'Order failed: Critical TEST 2. storage unavailable');
  });

  it('offers cancel only where the request allows it', async () => {
    stub.on('/v1/widget/operation-requests', () =>
      json({
        items: [
          operationRequest('r-1'),
          operationRequest('r-2', { state: 'running', allowedActions: [], createdAt: '2026-03-01T09:30:00.000Z' }),
          operationRequest('r-3', { allowedActions: [], createdAt: '2026-03-01T09:20:00.000Z' }),
          termination,
        ],
      }),
    );
    const el = await panel();
    await waitFor(() => shown(el).length === 3, 'requests');
    const cancellable = $$(el, '[data-testid="cancel-request"]').map((b) => b.closest('li')?.dataset.requestId);
    assertDeepEqual(cancellable, ['r-1'], 'running, and a viewer’s queued request, offer nothing');
  });

  it('shows a pending termination as retained until a day, counting down, with Restore only', async () => {
    const el = await panel();
    await waitFor(() => $(el, '[data-tenant-id="t-retained"]'), 'the retained tenant');
    const row = $(el, '[data-tenant-id="t-retained"]');
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(until));
    assertEqual(
      row?.querySelector('[data-testid="retained-until"]')?.textContent,
      `Retained until ${day} (in 27 days)`,
    );
    assertEqual(row?.querySelectorAll('button').length, 1);
    assertEqual(row?.querySelector('button')?.textContent, 'Restore');
    assertEqual($(el, '[data-request-id="r-term"]'), null, 'no second row with Cancel request');
    assertEqual(deepText(row as Node).includes('%'), false, 'no percentage');
  });

  it('loads the terminated list again when a running termination retains its tenant', async () => {
    const before = { items: tenants, nextCursor: null, total: tenants.length, totalCapped: false };
    stub.on('/v1/widget/tenants', () => json(before));
    const el = await panel();
    const started = operationRequest('r-term', {
      ...termination,
      retainedUntil: null,
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    el.apply(started);
    await el.refresh();
    assertEqual($(el, '[data-tenant-id="t-retained"]'), null, 'not retained yet');
    const items = [...tenants, retained];
    stub.on('/v1/widget/tenants', () => json({ items, nextCursor: null, total: items.length, totalCapped: false }));
    el.apply({ ...started, retainedUntil: until, updatedAt: '2026-03-02T09:02:00.000Z' });
    await waitFor(() => $(el, '[data-tenant-id="t-retained"]'), 'the retained tenant after the retention event');
  });

  it('keeps the latest terminated list when an earlier, slower refresh answers after it', async () => {
    const el = await panel();
    await waitFor(() => $(el, '[data-tenant-id="t-retained"]'), 'the retained tenant');
    // The first refresh (the termination started) answers late, with the tenant not yet retained;
    // the second (it finished) answers at once with the tenant retained.
    let answerSlow: (() => void) | undefined;
    const before = { items: tenants, nextCursor: null, total: tenants.length, totalCapped: false };
    stub.on(
      '/v1/widget/tenants',
      () =>
        new Promise<Response>((resolve) => {
          answerSlow = () => resolve(json(before));
        }),
      { once: true },
    );
    const slow = el.refresh();
    await waitFor(() => answerSlow, 'the slow request');
    await el.refresh();
    answerSlow?.();
    await slow;
    await el.updateComplete;
    assert($(el, '[data-tenant-id="t-retained"]'), 'the retained tenant is still shown');
  });

  it('has no WCAG A/AA violation with requests, a pending termination and an outcome', async () => {
    const el = await panel();
    await waitFor(() => $(el, '[data-tenant-id="t-retained"]'), 'the retained tenant');
    el.apply(
      operationRequest('r-1', {
        state: 'failed',
        error: { code: 'x', message: 'no' },
        updatedAt: '2026-03-01T10:01:00.000Z',
      }),
    );
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('in German: one date format and the countdown', async () => {
    const el = await panel(100, { locale: 'de' });
    await waitFor(() => $(el, '[data-tenant-id="t-retained"]'), 'the retained tenant');
    const day = new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date(until));
    assertEqual(
      $(el, '[data-tenant-id="t-retained"] [data-testid="retained-until"]')?.textContent,
      `Aufbewahrt bis ${day} (in 27 Tagen)`,
    );
    assertEqual($(el, '[data-tenant-id="t-retained"] button')?.textContent, 'Wiederherstellen');
  });

  it('offers no restore where the caller may not', async () => {
    stub.on('/v1/widget/operation-requests', () => json({ items: [{ ...termination, allowedActions: [] }] }));
    const el = await panel(100, { restorable: false });
    await waitFor(() => $$(el, '[data-tenant-id]').length === 2, 'both terminated tenants');
    assertEqual($$(el, '[data-testid="restore-tenant"]').length, 0);
  });

  it('cancels a request', async () => {
    stub.on('/v1/widget/operation-requests/r-1/cancel', () =>
      json(operationRequest('r-1', { state: 'cancelled', updatedAt: '2026-03-01T10:02:00.000Z' })),
    );
    const el = await panel();
    const cancelled = oneEvent<SccOperationRequestCancelEvent>(el, 'scc-operation-request-cancel');
    $<HTMLButtonElement>(el, '[data-request-id="r-1"] [data-testid="cancel-request"]')?.click();
    assertEqual((await cancelled).detail.request.state, 'cancelled');
    assertEqual(stub.requestsTo('/v1/widget/operation-requests/r-1/cancel')[0]?.method, 'POST');
    await el.updateComplete;
    assertEqual($(el, '[data-testid="outcome"]')?.textContent, 'Request cancelled: Order Critical TEST 2');
    await waitFor(() => !shown(el).includes('r-1:cancelled') && !shown(el).includes('r-1:queued'), 'gone');
  });

  it('brings a retained tenant back by cancelling its termination, an archived one by a restore', async () => {
    stub.on('/v1/widget/operation-requests/r-term/cancel', () =>
      json({ ...termination, state: 'cancelled', updatedAt: '2026-03-01T10:03:00.000Z' }),
    );
    const el = await panel();
    assertEqual(
      stub.requestsTo('/v1/widget/tenants?lifecycle=all&limit=200')[0]?.url,
      `${API_BASE}/v1/widget/tenants?lifecycle=all&limit=200`,
    );
    await waitFor(() => $$(el, '[data-testid="restore-tenant"]').length === 2, 'restore actions');
    $<HTMLButtonElement>(el, '[data-tenant-id="t-retained"] [data-testid="restore-tenant"]')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/operation-requests/r-term/cancel').length === 1, 'cancel');
    await waitFor(() => $(el, '[data-testid="outcome"]')?.textContent === 'Old TEST is back.', 'says so');

    stub.on('/v1/widget/operation-requests', (request) =>
      request.method === 'POST'
        ? json(operationRequest('r-restore', { kind: 'restore', tenantId: 't-archived' }), 202)
        : json({ items: [] }),
    );
    $<HTMLButtonElement>(el, '[data-tenant-id="t-archived"] [data-testid="restore-tenant"]')?.click();
    await waitFor(() => stub.requestsTo('/v1/widget/operation-requests').some((r) => r.method === 'POST'), 'restore');
    const post = stub.requestsTo('/v1/widget/operation-requests').find((r) => r.method === 'POST');
    assertDeepEqual(post?.body, { kind: 'restore', tenantId: 't-archived', mode: 'same' });
    assert(post?.headers.get('idempotency-key'), 'idempotency key');
    await waitFor(() => shown(el).includes('r-restore:queued'), 'the restore is pending');
    assertEqual($(el, '[data-testid="outcome"]')?.textContent, 'Restore of Archived DEV requested.');
  });
});
