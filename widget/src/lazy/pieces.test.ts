import '../index.js';
import './pieces.js';
import {
  $,
  $$,
  API_BASE,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  type FetchStub,
  fixture,
  liveStream,
  operationRequest,
  stubFetch,
  tenants,
  tokenSource,
  waitFor,
} from '../../test/helpers.js';
import { createConnection } from '../context/connection.js';
import type { SccNavigateEvent } from '../events/scc-navigate.js';
import { expectNoAxeViolations } from '../testing/axe.js';

type Piece = 'scc-hierarchy' | 'scc-order-form' | 'scc-pending-requests-panel';

/** `<scc-session>` holding `<scc-tenants>` and one more piece elsewhere in the host's page. */
function page(piece: string, source = tokenSource()) {
  const host = fixture(`<scc-session api-base="${API_BASE}">
      <aside>${piece}</aside>
      <main><scc-tenants></scc-tenants></main>
    </scc-session>`) as HTMLElementTagNameMap['scc-session'];
  host.fetchToken = source.fetchToken;
  const tenantRows = () => $$($(host.querySelector('scc-tenants'), 'scc-tenant-list'), 'tbody tr').length;
  return { host, source, tenantRows };
}

function expectOneOfEach(stub: FetchStub, source: { calls: number }): void {
  assertEqual(source.calls, 1, 'one fetchToken call');
  assertEqual(stub.requestsTo('/v1/widget/session').length, 1, 'one session call');
  assertEqual(stub.requestsTo('/v1/widget/events').length, 1, 'one event stream');
}

describe('the composable pieces on a shared connection', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('<scc-hierarchy> shows the tree from the shared session, and selecting a unit navigates', async () => {
    const { host, source, tenantRows } = page('<scc-hierarchy></scc-hierarchy>');
    const hierarchy = host.querySelector('scc-hierarchy') as HTMLElementTagNameMap['scc-hierarchy'];
    const tree = () => $(hierarchy, 'scc-business-unit-tree');
    await waitFor(() => $$(tree(), '[role="treeitem"]').length > 1 && tenantRows() === tenants.length, 'tree and list');
    expectOneOfEach(stub, source);
    assertEqual(deepText($(hierarchy, '[part="breadcrumbs"]') as Element), 'MSP');

    const navigations: SccNavigateEvent['detail'][] = [];
    document.addEventListener('scc-navigate', (event) => navigations.push(event.detail), { once: true });
    await hierarchy.select('internal');
    assertDeepEqual(navigations, [{ view: 'business-unit', businessUnitId: 'internal' }]);
    await waitFor(
      () => deepText($(hierarchy, '[part="breadcrumbs"]') as Element).includes('Internal systems'),
      'crumbs',
    );
    await expectNoAxeViolations(hierarchy);
  });

  it('<scc-order-form> offers ordering into its unit, named by the server', async () => {
    const { host, source, tenantRows } = page('<scc-order-form business-unit-id="critical"></scc-order-form>');
    const form = host.querySelector('scc-order-form') as HTMLElementTagNameMap['scc-order-form'];
    const inner = () => $<HTMLElementTagNameMap['scc-order-tenant']>(form, 'scc-order-tenant');
    await waitFor(() => inner()?.businessUnitName === 'Critical systems' && tenantRows() > 0, 'named form and list');
    // The stream opens once a live piece listens: the list does.
    await waitFor(() => stub.requestsTo('/v1/widget/events').length === 1, 'the stream');
    expectOneOfEach(stub, source);
    assertEqual(inner()?.businessUnitId, 'critical');
    assertEqual(inner()?.client, host.connection.client, 'the shared client');
    assertIncludes(deepText($(inner(), '[part="order-button"]') as Element), 'Order');
    await expectNoAxeViolations(form);
  });

  it('<scc-pending-requests-panel> follows the shared stream', async () => {
    const stream = liveStream(stub);
    const { host, source, tenantRows } = page('<scc-pending-requests-panel></scc-pending-requests-panel>');
    const panel = host.querySelector('scc-pending-requests-panel') as Element;
    await waitFor(() => stream.opened && tenantRows() > 0, 'stream and list');
    expectOneOfEach(stub, source);
    stream.push(
      `id: 1\nevent: operation-request\ndata: ${JSON.stringify(operationRequest('r-1', { state: 'running', progress: 40 }))}\n\n`,
    );
    const bar = () => $<HTMLProgressElement>($(panel, 'scc-pending-requests'), '[data-request-id="r-1"] progress');
    await waitFor(() => bar()?.value === 40, 'the request from the stream');
    await expectNoAxeViolations(panel);
  });

  it('each piece works alone with `.connection` (no provider), all three on one token and one stream', async () => {
    const source = tokenSource();
    const connection = createConnection({ apiBase: API_BASE, fetchToken: source.fetchToken });
    const pieces = (['scc-hierarchy', 'scc-order-form', 'scc-pending-requests-panel'] as Piece[]).map((tag) => {
      const el = document.createElement(tag);
      el.connection = connection;
      if (tag === 'scc-order-form') el.setAttribute('business-unit-id', 'internal');
      return el;
    });
    const holder = fixture('<div></div>');
    holder.append(...pieces);
    const [hierarchy, form, panel] = pieces;
    await waitFor(() => $$($(hierarchy, 'scc-business-unit-tree'), '[role="treeitem"]').length > 1, 'tree');
    await waitFor(
      () =>
        $<HTMLElementTagNameMap['scc-order-tenant']>(form, 'scc-order-tenant')?.businessUnitName === 'Internal systems',
      'form',
    );
    await waitFor(() => $(panel, 'scc-pending-requests') && stub.requestsTo('/v1/widget/events').length === 1, 'panel');
    expectOneOfEach(stub, source);
  });
});
