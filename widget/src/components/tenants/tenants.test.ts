import '../../index.js';
import '../../lazy/pieces.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  type FetchStub,
  fixture,
  json,
  liveStream,
  oneEvent,
  operationRequest,
  stubFetch,
  tenants,
  tokenSource,
  waitFor,
} from '../../../test/helpers.js';
import type { Tenant } from '../../api/types.js';
import type { SccNavigateEvent } from '../../events/scc-navigate.js';
import type { SccOperationRequestSubmitEvent } from '../../events/scc-operation-request-submit.js';
import type { SccTokenRefreshedEvent } from '../../events/scc-token-refreshed.js';
import type { SccSession } from '../session/session.js';
import type { SccTenants } from './tenants.js';

const rowIds = (piece: SccTenants) =>
  $$($(piece, 'scc-tenant-list'), 'tbody tr').map((row) => row.dataset.tenantId ?? '');

/** `<scc-session>` with two `<scc-tenants>` pieces in different places of the host's page. */
function page(source = tokenSource()): { session: SccSession; first: SccTenants; second: SccTenants } {
  const host = fixture(`<scc-session api-base="${API_BASE}">
      <section><scc-tenants data-testid="all"></scc-tenants></section>
      <aside><div><scc-tenants data-testid="critical" business-unit-id="critical"></scc-tenants></div></aside>
    </scc-session>`) as SccSession;
  host.fetchToken = source.fetchToken;
  const first = host.querySelector('scc-tenants[data-testid="all"]') as SccTenants;
  const second = host.querySelector('scc-tenants[data-testid="critical"]') as SccTenants;
  return { session: host, first, second };
}

describe('scc-tenants and scc-session', () => {
  let stub: FetchStub;

  beforeEach(() => {
    stub = stubFetch();
  });

  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('two pieces share one token fetch, one session call and one event stream, and both follow one event', async () => {
    const stream = liveStream(stub);
    const source = tokenSource();
    const { session, first, second } = page(source);
    await waitFor(() => rowIds(first).length === tenants.length && rowIds(second).length === 2, 'both lists');
    await waitFor(() => session.session !== undefined && stream.opened, 'session and stream');
    assertEqual(source.calls, 1, 'one fetchToken call');
    assertEqual(stub.requestsTo('/v1/widget/session').length, 1, 'one session call');
    assertEqual(stub.requestsTo('/v1/widget/events').length, 1, 'one event stream');

    const changed: Tenant = { ...(tenants[1] as Tenant), operationalStatus: 'down' };
    stream.push(`id: 1\nevent: tenant\ndata: ${JSON.stringify(changed)}\n\n`);
    const statusOf = (piece: SccTenants) =>
      deepText($($(piece, 'scc-tenant-list'), 'tr[data-tenant-id="t-crit-prod"] scc-status-badge') as Element);
    await waitFor(() => statusOf(first) === 'Down' && statusOf(second) === 'Down', 'both lists show the change');
  });

  it('pages with "Load more", counts all matches and keeps the selection across pages', async () => {
    const many = Array.from(
      { length: 120 },
      (_, i): Tenant => ({
        ...(tenants[0] as Tenant),
        id: `t-${String(i).padStart(3, '0')}`,
        name: `Tenant ${String(i).padStart(3, '0')}`,
      }),
    );
    stub.restore();
    stub = stubFetch({ tenants: many });
    const { first } = page();
    await waitFor(() => rowIds(first).length === 50, 'first page');
    assertIncludes(deepText($(first, 'scc-tenant-list') as Element), '120 tenants');
    assertEqual(deepText($(first, '[data-testid="showing"]') as Element), 'Showing 50 of 120');
    const navigations: SccNavigateEvent['detail'][] = [];
    document.addEventListener('scc-navigate', (event) => navigations.push(event.detail), { once: true });
    $<HTMLButtonElement>($(first, 'scc-tenant-list'), 'tr[data-tenant-id="t-003"] .name')?.click();
    assertDeepEqual(
      navigations,
      [{ view: 'tenant', businessUnitId: 'msp', tenantId: 't-003' }],
      'scc-navigate reached the page',
    );
    $<HTMLButtonElement>(first, '[data-testid="load-more"]')?.click();
    await waitFor(() => rowIds(first).length === 100, 'second page appended');
    assertEqual(stub.tenantListLoads().at(-1)?.query.get('cursor'), '50');
    assertEqual(new Set(rowIds(first)).size, 100, 'no row twice');
    await first.updateComplete;
    assertEqual($($(first, 'scc-tenant-list'), 'tr.selected')?.dataset.tenantId, 't-003', 'still selected');
  });

  it('shows "10,000+" when the server caps the count', async () => {
    stub.on('/v1/widget/tenants', () =>
      json({ items: tenants.slice(0, 2), nextCursor: 'x', total: 10_000, totalCapped: true }),
    );
    const { first } = page();
    await waitFor(() => rowIds(first).length === 2, 'rows');
    assertIncludes(deepText($(first, 'scc-tenant-list') as Element), '10,000+ tenants');
  });

  it('sorts on the server by the clicked header, filters and searches (debounced)', async () => {
    const { first } = page();
    await waitFor(() => rowIds(first).length === tenants.length, 'rows');
    const list = $(first, 'scc-tenant-list');
    $<HTMLButtonElement>(list, 'button[data-sort="status"]')?.click();
    await waitFor(() => stub.tenantListLoads().at(-1)?.query.get('sort') === 'status', 'sorted request');
    await waitFor(() => rowIds(first)[0] === 't-crit-test', 'degraded first by status');
    assertEqual($(list, 'th[aria-sort]')?.getAttribute('aria-sort'), 'ascending');

    const type = $<HTMLSelectElement>(first, '[data-testid="filter-type"]') as HTMLSelectElement;
    type.value = 'test';
    type.dispatchEvent(new Event('change'));
    await waitFor(() => rowIds(first).join() === 't-crit-test', 'only the test tenant');
    assertEqual(stub.tenantListLoads().at(-1)?.query.get('type'), 'test');
    type.value = '';
    type.dispatchEvent(new Event('change'));
    await waitFor(() => rowIds(first).length === tenants.length, 'filter cleared');

    const loads = stub.tenantListLoads().length;
    const search = $<HTMLInputElement>(first, '[data-testid="tenant-search"]') as HTMLInputElement;
    for (const text of ['c', 'cu', 'cus']) {
      search.value = text;
      search.dispatchEvent(new InputEvent('input'));
    }
    await waitFor(() => rowIds(first).join() === 't-c1-prod', 'the search result');
    assertEqual(stub.tenantListLoads().length, loads + 1, 'one request for three keystrokes');
    assertEqual(stub.tenantListLoads().at(-1)?.query.get('q'), 'cus');
  });

  it('scc-token-refreshed and scc-ready bubble out of scc-session, composed', async () => {
    const events: Array<SccTokenRefreshedEvent | CustomEvent> = [];
    document.addEventListener('scc-token-refreshed', (event) => events.push(event), { once: true });
    document.addEventListener('scc-ready', (event) => events.push(event), { once: true });
    const source = tokenSource(600);
    page(source);
    await waitFor(() => events.length === 2, 'both events');
    const refreshed = events.find((event) => event.type === 'scc-token-refreshed') as SccTokenRefreshedEvent;
    assert(refreshed.bubbles && refreshed.composed, 'bubbles, composed');
    assert(typeof refreshed.detail.expiresAt === 'number', 'the expiry, never the token');
    assertEqual(JSON.stringify(refreshed.detail).includes(source.issued[0] ?? '-'), false);
    const ready = events.find((event) => event.type === 'scc-ready') as CustomEvent<{ user: { id: string } }>;
    assertEqual(ready.detail.user.id, 'u-1');
  });

  it('a piece given its own connection works without a provider', async () => {
    const { createConnection } = await import('../../context/connection.js');
    const connection = createConnection({ apiBase: API_BASE, fetchToken: tokenSource().fetchToken });
    const piece = document.createElement('scc-tenants');
    piece.connection = connection;
    fixture('<div></div>').append(piece);
    await waitFor(() => rowIds(piece).length === tenants.length, 'rows');
    assertEqual(stub.requestsTo('/v1/widget/tenants')[0]?.authorization?.startsWith('Bearer '), true);
  });

  it('a row’s copy into and order from open their dialogs for that tenant; a row’s restore submits it', async () => {
    const operable = tenants.map(
      (t): Tenant =>
        t.id === 't-crit-test'
          ? { ...t, allowedActions: ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'] }
          : t.id === 't-other'
            ? { ...t, lifecycleStatus: 'retained', allowedActions: ['restore'] }
            : t,
    );
    stub.restore();
    stub = stubFetch({ tenants: operable });
    stub.on('/v1/widget/products', () =>
      json({ items: [{ id: 'p-backup', name: 'Backup as a Service', tenantTypes: ['productive', 'test'] }] }),
    );
    stub.on('/v1/widget/tenants', () => json({ items: operable, nextCursor: null, total: 6, totalCapped: false }));
    stub.on('/v1/widget/operation-requests', () => json(operationRequest('r-5', { kind: 'restore' }), 202));
    const { first } = page();
    const button = (id: string, part: string) =>
      $<HTMLButtonElement>($(first, 'scc-tenant-list'), `tr[data-tenant-id="${id}"] [part="${part}"]`);
    await waitFor(() => button('t-crit-test', 'copy-into-button'), 'the operations loaded, the actions offered');

    button('t-crit-test', 'copy-into-button')?.click();
    const copy = $<HTMLElementTagNameMap['scc-copy-dialog']>(first, 'scc-copy-dialog');
    await waitFor(() => $<HTMLDialogElement>(copy, 'dialog[open]'), 'the copy dialog');
    assertEqual(copy?.target?.id, 't-crit-test');
    copy?.close();

    button('t-crit-test', 'order-from-button')?.click();
    const order = $(first, 'scc-order-tenant');
    await waitFor(() => $<HTMLDialogElement>(order, 'dialog[open]'), 'the order form');
    assertEqual($(order, 'h2')?.textContent, 'New tenant for Critical systems from Critical TEST');
    $<HTMLDialogElement>(order, 'dialog')?.close();

    // Transports and profile versions come from a chunk of their own, into the piece's shadow root.
    stub.on('/v1/widget/tenants/t-crit-test/solution-profile', () =>
      json({ tenantId: 't-crit-test', version: 0, document: {}, versions: [] }),
    );
    stub.on('/v1/widget/tenants/t-crit-test/extensions', () =>
      json({ tenantId: 't-crit-test', productVersion: '1.0.0', installed: [], catalogue: [] }),
    );
    button('t-crit-test', 'transport-button')?.click();
    const transport = await waitFor(() => $(first, 'scc-transport-dialog'), 'the transport dialog');
    await waitFor(() => $<HTMLDialogElement>(transport, 'dialog[open]'), 'it opens');
    assertEqual($<HTMLSelectElement>(transport, '[data-testid="source"]')?.value, 't-crit-test');
    $<HTMLDialogElement>(transport, 'dialog')?.close();
    button('t-crit-test', 'profile-versions-button')?.click();
    const versions = await waitFor(() => $(first, 'scc-profile-versions'), 'the versions');
    await waitFor(() => $(versions, '[data-testid="no-versions"]'), 'none yet');
    assertEqual($(versions, 'h2')?.textContent, 'Solution profile versions of Critical TEST');
    $<HTMLDialogElement>(versions, 'dialog')?.close();

    // A retained tenant shows with every lifecycle.
    const lifecycle = $<HTMLSelectElement>(first, '[data-testid="filter-lifecycle"]') as HTMLSelectElement;
    lifecycle.value = 'all';
    lifecycle.dispatchEvent(new Event('change'));
    await waitFor(() => button('t-other', 'restore-button'), 'the retained tenant');
    const submitted = oneEvent<SccOperationRequestSubmitEvent>(first, 'scc-operation-request-submit');
    button('t-other', 'restore-button')?.click();
    assertEqual((await submitted).detail.request.id, 'r-5');
    assertDeepEqual(stub.requestsTo('/v1/widget/operation-requests')[0]?.body, {
      kind: 'restore',
      tenantId: 't-other',
      mode: 'same',
    });
  });
});
