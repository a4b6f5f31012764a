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
import type { SccPendingRequests } from './pending-requests.js';

const retained: Tenant = {
  ...(tenants[1] as Tenant),
  id: 't-retained',
  name: 'Old TEST',
  lifecycleStatus: 'retained',
  retainedUntil: '2026-04-01T00:00:00Z',
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
});

async function panel(lingerMs = 100): Promise<SccPendingRequests> {
  const el = document.createElement('scc-pending-requests');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.tenants = tenants;
  el.lingerMs = lingerMs;
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
    assertDeepEqual(shown(el), ['r-1:queued', 'r-term:running'], 'newest first');
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

  it('shows a finished request briefly as done, tells the host, then removes it', async () => {
    const el = await panel();
    const completed = oneEvent<SccOperationRequestCompleteEvent>(el, 'scc-operation-request-complete');
    el.apply(operationRequest('r-1', { state: 'succeeded', progress: 100, updatedAt: '2026-03-01T10:01:00.000Z' }));
    assertEqual((await completed).detail.request.state, 'succeeded');
    await el.updateComplete;
    assertDeepEqual(shown(el), ['r-1:succeeded', 'r-term:running']);
    assertEqual($<HTMLProgressElement>(el, '[data-request-id="r-1"] progress')?.value, 100);
    await waitFor(() => shown(el).length === 1, 'removal');
    assertDeepEqual(shown(el), ['r-term:running']);
    // A late replay of the same request does not bring it back.
    el.apply(operationRequest('r-1', { state: 'succeeded', progress: 100, updatedAt: '2026-03-01T10:01:00.000Z' }));
    await el.updateComplete;
    assertDeepEqual(shown(el), ['r-term:running']);
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
  });
});
