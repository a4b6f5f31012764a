import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/operations.js';
import '../../lazy/approvals.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  deepQuery,
  deepText,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { Approval } from '../../api/types.js';
import type { SccApprovalDecideEvent } from '../../events/scc-approval-decide.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccPendingRequests } from '../pending-requests/pending-requests.js';
import type { SccPendingApprovals } from './approvals.js';

const approval = (id: string, extra: Partial<Approval> = {}): Approval => ({
  id,
  subject: 'terminate-productive',
  state: 'pending',
  businessUnitId: 'bu-1',
  productId: 'p-1',
  operationRequest: { id: 'r-1', kind: 'decommission', tenantId: 't-1' },
  move: null,
  quorum: 2,
  approvals: 1,
  decisions: [],
  requestedBy: { userId: 'u-1', email: 'alice@example.com' },
  createdAt: '2026-03-01T09:00:00.000Z',
  expiresAt: '2026-03-04T09:00:00.000Z',
  finishedAt: null,
  error: null,
  allowedActions: ['approve', 'reject'],
  ...extra,
});

const client = () => new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });

async function approvals(locale = 'en'): Promise<SccPendingApprovals> {
  const el = document.createElement('scc-pending-approvals');
  el.client = client();
  el.locale = locale;
  mount(el);
  return el;
}

describe('scc-pending-approvals', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('lists what the caller may decide and approves with a comment', async () => {
    stub.on('/v1/widget/approvals', () => json({ items: [approval('a-1')], nextCursor: null }));
    stub.on('/v1/widget/approvals/a-1/approve', () =>
      json(approval('a-1', { state: 'approved', approvals: 2, allowedActions: [] })),
    );
    const el = await approvals();
    await waitFor(() => $(el, '[part="approval"]'), 'the approval');
    assertEqual(stub.requests.find((r) => r.path === '/v1/widget/approvals')?.query.get('state'), 'pending');
    assert(deepText(el).includes('Terminate productive tenant'), deepText(el));
    assert(deepText(el).includes('1 of 2 approvals'), deepText(el));
    const comment = $(el, 'textarea[part="comment"]') as HTMLTextAreaElement;
    comment.value = 'Checked with the customer';
    comment.dispatchEvent(new Event('input'));
    const decided = oneEvent<SccApprovalDecideEvent>(el, 'scc-approval-decide');
    ($(el, 'button[part="approve-button"]') as HTMLButtonElement).click();
    assertEqual((await decided).detail.approval.state, 'approved');
    const sent = stub.requests.find((r) => r.path === '/v1/widget/approvals/a-1/approve');
    assertDeepEqual(sent?.body, { comment: 'Checked with the customer' });
    await waitFor(() => $$(el, '[part="approval"]').length === 0, 'the decided approval leaves');
    assert(deepText(el).includes('Approved'), deepText(el));
  });

  it('rejects, and shows the server’s reason when a decision is refused; in German too', async () => {
    stub.on('/v1/widget/approvals', () =>
      json({
        items: [
          approval('a-2', {
            subject: 'subtree-move',
            operationRequest: null,
            move: {
              businessUnitId: 'bu-2',
              newParentId: 'bu-3',
              preview: {
                businessUnit: { id: 'bu-2', name: 'Stores' },
                from: { parentId: 'bu-4', path: ['Contoso', 'South'] },
                to: { parentId: 'bu-3', path: ['Contoso', 'North'] },
                counts: { businessUnits: 1, tenants: 1, users: 0, roleAssignments: 0, dataSources: 0 },
                brand: { before: {} as never, after: {} as never, changes: false },
                inheritedRoles: [],
              },
            },
          }),
        ],
        nextCursor: null,
      }),
    );
    stub.on('/v1/widget/approvals/a-2/reject', () =>
      json(
        {
          type: 'https://scc.example/problems/conflict',
          title: 'Conflict',
          status: 409,
          detail: 'This approval expired before its quorum was reached; the request ended rejected.',
        },
        409,
      ),
    );
    const el = await approvals('de');
    await waitFor(() => $(el, '[part="approval"]'), 'the approval');
    assert(deepText(el).includes('Geschäftseinheit verschieben'), deepText(el));
    assert(deepText(el).includes('Stores → Contoso › North'), deepText(el));
    ($(el, 'button[part="reject-button"]') as HTMLButtonElement).click();
    await waitFor(() => $(el, '[role="alert"]'), 'the refusal');
    assert(deepText(el).includes('expired'), deepText(el));
    await expectNoAxeViolations(el);
  });

  it('shows nothing when there is nothing to decide', async () => {
    const el = await approvals();
    await waitFor(() => stub.requests.some((r) => r.path === '/v1/widget/approvals'), 'the list');
    await el.updateComplete;
    assertEqual($(el, 'section'), null);
  });

  it('sits in the pending requests, which label a request awaiting approval and reload the list when it stops waiting', async () => {
    let items = [approval('a-3')];
    stub.on('/v1/widget/approvals', () => json({ items, nextCursor: null }));
    stub.on('/v1/widget/operation-requests', () =>
      json({ items: [operationRequest('r-9', { kind: 'decommission', state: 'awaiting-approval' })] }),
    );
    const pending = document.createElement('scc-pending-requests') as SccPendingRequests;
    pending.client = client();
    pending.locale = 'de';
    mount(pending);
    await waitFor(() => $(pending, '[data-state="awaiting-approval"]'), 'the waiting request');
    assert(deepText(pending).includes('Wartet auf Freigabe'), deepText(pending));
    await waitFor(() => deepQuery(pending.shadowRoot as ShadowRoot, '[part="approval"]'), 'the approval inside');
    items = [];
    pending.apply(
      operationRequest('r-9', { kind: 'decommission', state: 'queued', updatedAt: '2099-01-01T00:00:00.000Z' }),
    );
    await waitFor(() => !deepQuery(pending.shadowRoot as ShadowRoot, '[part="approval"]'), 'the list reloaded');
  });
});
