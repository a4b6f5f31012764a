import '../../index.js';
import '../../lazy/operations.js';
import {
  $,
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
  stubFetch,
  tenants,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { Tenant } from '../../api/types.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import type { SccTerminateDialog } from './terminate-dialog.js';

const byId = (id: string) => tenants.find((t) => t.id === id) as Tenant;

async function open(tenant: Tenant): Promise<SccTerminateDialog> {
  const el = document.createElement('scc-terminate-dialog');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  mount(el);
  await el.show(tenant);
  return el;
}

const submitButton = (el: SccTerminateDialog) => $<HTMLButtonElement>(el, '[data-testid="submit-termination"]');

describe('scc-terminate-dialog', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/operation-requests', () =>
      json(operationRequest('r-9', { kind: 'decommission', tenantId: 't-crit-prod' }), 202),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('asks for the name of a productive tenant before it requests the termination', async () => {
    const el = await open(byId('t-crit-prod'));
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'open');
    assert(submitButton(el)?.disabled, 'disabled without the name');
    const input = $<HTMLInputElement>(el, '[data-testid="confirm-name"]');
    assert(input);
    input.value = 'Critical';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    assert(submitButton(el)?.disabled, 'disabled with a wrong name');
    input.value = 'Critical PROD';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    assertEqual(submitButton(el)?.disabled, false);
    const submitted = oneEvent<SccOperationRequestSubmitEvent>(el, 'scc-operation-request-submit');
    submitButton(el)?.click();
    assertEqual((await submitted).detail.request.id, 'r-9');
    const [request] = stub.requestsTo('/v1/widget/operation-requests');
    assertDeepEqual(request?.body, { kind: 'decommission', tenantId: 't-crit-prod' });
    assert(request?.headers.get('idempotency-key'), 'idempotency key');
    assertEqual($<HTMLDialogElement>(el, 'dialog')?.open, false);
    await el.updateComplete;
    const outcome = $(el, '[data-testid="termination-outcome"]');
    assertEqual(outcome?.getAttribute('role'), 'status');
    assertEqual(outcome?.textContent, 'Termination of Critical PROD requested.');
  });

  it('needs no typed name for a test tenant and shows each rule that refused it', async () => {
    stub.on('/v1/widget/operation-requests', () =>
      json(
        {
          type: 'about:blank',
          title: 'Rejected',
          status: 422,
          errors: [{ field: 'body.tenantId', rule: 'permission', message: 'Needs the admin role' }],
        },
        422,
      ),
    );
    const el = await open(byId('t-crit-test'));
    assertEqual($(el, '[data-testid="confirm-name"]'), null);
    submitButton(el)?.click();
    await waitFor(() => $(el, '[role="alert"]'), 'the refusal');
    assertEqual($(el, '[role="alert"]')?.textContent, 'Needs the admin role');
    assert($<HTMLDialogElement>(el, 'dialog')?.open, 'stays open');
    assertEqual($(el, '[data-testid="termination-outcome"]')?.textContent, '', 'nothing claims success');
  });
});
