import '../../index.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  businessUnits,
  cleanup,
  counted,
  deepActiveElement,
  deepText,
  type FetchStub,
  fixture,
  json,
  levelOf,
  liveStream,
  mount,
  oneEvent,
  operationRequest,
  press,
  problem,
  session,
  sleep,
  stubFetch,
  tenants,
  tenantsByName,
  tokenSource,
  type UnitFixture,
  waitFor,
} from '../../../test/helpers.js';
import { createBusinessUnitChangeEvent } from '../../events/scc-business-unit-change.js';
import type { SccBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import type { SccErrorEvent } from '../../events/scc-error.js';
import type { SccNavigateEvent } from '../../events/scc-navigate.js';
import type { SccReadyEvent } from '../../events/scc-ready.js';
import type { SccTokenRefreshedEvent } from '../../events/scc-token-refreshed.js';
import type { WidgetPart } from '../../lazy/parts.js';
import type { ServiceControlCenter } from './service-control-center.js';

function create(source = tokenSource(), attributes: Record<string, string> = {}): ServiceControlCenter {
  const el = document.createElement('service-control-center');
  el.setAttribute('api-base', API_BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.fetchToken = source.fetchToken;
  return mount(el);
}

async function whenReady(el: ServiceControlCenter): Promise<void> {
  await waitFor(() => el.status === 'ready', 'ready state');
  await waitFor(() => !$(el, '.part-loading'), 'admin screens and operations loaded');
  await el.updateComplete;
  const tree = treeOf(el);
  await tenantsOf(el)?.loaded;
  const list = listOf(el);
  // The tree loads its first levels by itself: ready once no level is still loading.
  await waitFor(
    () =>
      $$(tree, '[role="treeitem"]').length > 0 && $$(tree, '.level-note').every((note) => note.querySelector('button')),
    'first tree levels',
  );
  await tree?.updateComplete;
  await list?.updateComplete;
  for (const badge of list?.shadowRoot?.querySelectorAll('scc-status-badge') ?? []) {
    await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
}

let widgetTags = 0;

/** A `<service-control-center>` whose admin and operations parts load through `load` (given the real loader). */
function createLoadingParts(
  load: (part: WidgetPart, real: (part: WidgetPart) => Promise<unknown>) => Promise<unknown>,
): ServiceControlCenter {
  const Widget = customElements.get('service-control-center') as typeof ServiceControlCenter;
  const tag = `scc-test-widget-${++widgetTags}`;
  customElements.define(
    tag,
    class extends Widget {
      static override loadPart(part: WidgetPart): Promise<unknown> {
        return load(part, (p) => Widget.loadPart(p));
      }
    },
  );
  const el = document.createElement(tag) as ServiceControlCenter;
  el.setAttribute('api-base', API_BASE);
  el.fetchToken = tokenSource().fetchToken;
  return mount(el);
}

const treeOf = (el: ServiceControlCenter) =>
  $<HTMLElementTagNameMap['scc-business-unit-tree']>(el, 'scc-business-unit-tree');
const tenantsOf = (el: ServiceControlCenter) => $<HTMLElementTagNameMap['scc-tenants']>(el, 'scc-tenants');
const listOf = (el: ServiceControlCenter) =>
  $<HTMLElementTagNameMap['scc-tenant-list']>(tenantsOf(el), 'scc-tenant-list');
const treeItem = (el: ServiceControlCenter, id: string) =>
  $(treeOf(el), `[role="treeitem"][data-business-unit-id="${id}"]`);
const rowIds = (el: ServiceControlCenter) =>
  $$(listOf(el), 'tr[part~="tenant-row"]').map((row) => row.dataset.tenantId ?? '');
const statePanel = (el: ServiceControlCenter, testid: string) =>
  $<HTMLElementTagNameMap['scc-state-panel']>(el, `scc-state-panel[data-testid="${testid}"]`);

describe('service-control-center', () => {
  let stub: FetchStub;

  beforeEach(() => {
    stub = stubFetch();
  });

  afterEach(() => {
    cleanup();
    stub.restore();
    for (const style of document.querySelectorAll('style[data-test]')) style.remove();
  });

  it('renders header, business-unit tree and tenants from the BFF with the bearer token', async () => {
    const source = tokenSource();
    const el = create(source);
    await whenReady(el);

    assertEqual(source.calls, 1, 'fetchToken calls');
    for (const [name, requests] of [
      ['session', stub.requestsTo('/v1/widget/session')],
      ['tenants', stub.tenantListLoads()],
    ] as const) {
      assertEqual(requests.length, 1, `requests for ${name}`);
      assertEqual(requests[0]?.authorization, `Bearer ${source.issued[0]}`);
    }
    assertEqual(stub.requestsTo('/v1/widget/session')[0]?.url, `${API_BASE}/v1/widget/session`);
    assertEqual(stub.tenantListLoads()[0]?.query.has('businessUnitId'), false, 'the whole subtree');
    // The tree loads lazily: the root level, then the root's children, and nothing deeper.
    await waitFor(() => treeItem(el, 'internal'), 'children of the root');
    assertDeepEqual(
      stub.requestsTo('/v1/widget/business-units').map((r) => r.query.toString()),
      ['', 'parentId=msp'],
    );

    assertIncludes($(el, '[data-testid="business-unit-name"]')?.textContent, 'MSP');
    assertEqual($(el, '[data-testid="user-name"]')?.textContent?.trim(), 'Ada Operator');

    const tree = treeOf(el);
    assert(tree, 'tree rendered');
    assertDeepEqual(
      $$(tree, '[role="treeitem"]').map((li) => li.dataset.businessUnitId),
      ['msp', 'external', 'internal', 'resellers'],
      'visible tree items (root expanded, others collapsed, siblings by name)',
    );
    assertEqual(treeItem(el, 'msp')?.getAttribute('aria-expanded'), 'true');
    assertEqual(treeItem(el, 'internal')?.getAttribute('aria-expanded'), 'false');
    assertEqual(treeItem(el, 'msp')?.getAttribute('aria-selected'), 'true');
    assertEqual(deepText($(el, '[part="breadcrumbs"]') as Element), 'MSP', 'breadcrumbs of the root');
    assertDeepEqual(rowIds(el), tenantsByName, 'all tenants of the root subtree, by name');
    // The page names each tenant's unit itself: no call per unit, even below the loaded levels.
    assertIncludes(deepText($$(listOf(el), 'tr[part~="tenant-row"]')[0] as Element), 'Critical systems');
    for (const unit of businessUnits) {
      assertEqual(stub.requestsTo(`/v1/widget/business-units/${unit.id}`).length, 0, `no lookup of ${unit.id}`);
    }
    const firstRow = $$(listOf(el), 'tr[part~="tenant-row"]')[0];
    assert(firstRow);
    assertIncludes(deepText(firstRow), 'Critical PROD');
    assertIncludes(deepText(firstRow), 'Productive');
    assertIncludes(deepText(firstRow), 'Live');
    assertIncludes(deepText(firstRow), 'Up');
    assertIncludes(deepText(listOf(el) as Element), 'Tenants in MSP');
    assertEqual($(el, '[data-testid="body"]')?.getAttribute('aria-busy'), 'false');
  });

  it('selecting a business unit filters the tenants to it and its descendants', async () => {
    const el = create();
    await whenReady(el);
    const selected = oneEvent<SccBusinessUnitSelectEvent>(document, 'scc-business-unit-select');

    (await waitFor(() => treeItem(el, 'internal'), 'children of the root'))
      .querySelector<HTMLElement>('.name')
      ?.click();

    const event = await selected;
    assertDeepEqual(event.detail, { businessUnitId: 'internal' });
    assert(event.bubbles && event.composed, 'bubbles and composed');
    assertEqual(event.target, el, 'retargeted to the host element');
    await waitFor(() => rowIds(el).length === 3, 'tenants of Internal systems');
    assertDeepEqual(rowIds(el), ['t-crit-prod', 't-crit-test', 't-other']);
    assertEqual(stub.tenantListLoads().at(-1)?.query.get('businessUnitId'), 'internal');
    await waitFor(() => deepText($(el, '[part="breadcrumbs"]') as Element) === 'MSP Internal systems', 'breadcrumbs');
    assertEqual(el.selectedBusinessUnitId, 'internal');
    assertIncludes(deepText(listOf(el) as Element), 'Tenants in Internal systems');

    // keyboard: expand "Internal systems", go to "Critical systems", select it
    const internal = treeItem(el, 'internal');
    assert(internal);
    internal.focus();
    press(internal, 'ArrowRight');
    await waitFor(() => treeItem(el, 'critical'), 'children of Internal systems loaded');
    press(internal, 'ArrowRight');
    await waitFor(() => deepActiveElement()?.getAttribute('data-business-unit-id') === 'critical', 'focus on critical');
    press(deepActiveElement() as Element, 'Enter');
    await waitFor(() => rowIds(el).length === 2, 'tenants of Critical systems');
    assertDeepEqual(rowIds(el), ['t-crit-prod', 't-crit-test']);
    // business unit column shows the owning unit's name, known once its level is loaded
    assertIncludes(deepText($$(listOf(el), 'tr[part~="tenant-row"]')[0] as Element), 'Critical systems');
  });

  it('keeps the order the server sends a level in, without sorting it again', async () => {
    stub.on('/v1/widget/business-units', (request) => {
      if (request.query.get('parentId') !== 'msp') return json(levelOf(businessUnits, request.query));
      const level = levelOf(businessUnits, request.query).items;
      return json({ items: [...level].reverse(), nextCursor: null });
    });
    const el = create();
    await whenReady(el);
    await waitFor(() => treeItem(el, 'internal'), 'children of the root');
    assertDeepEqual(
      $$(treeOf(el), '[role="treeitem"]').map((li) => li.dataset.businessUnitId),
      ['msp', 'resellers', 'internal', 'external'],
    );
  });

  it('pages a long level with "load more" and searches by name, opening the tree to the result', async () => {
    const many: UnitFixture[] = [
      { id: 'root', parentId: null, name: 'Root', kind: 'msp', depth: 0 },
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `c${i}`,
        parentId: 'root',
        name: `Customer ${i}`,
        kind: 'customer',
        depth: 1,
      })),
      { id: 'deep', parentId: 'c4', name: 'Deep department', kind: 'department', depth: 2 },
    ];
    stub.restore();
    stub = stubFetch({
      businessUnits: many,
      tenants: [],
      session: { ...session, businessUnit: { id: 'root', name: 'Root', kind: 'msp' } },
    });
    stub.on('/v1/widget/business-units', (request) => {
      const page = levelOf(many, request.query);
      if (request.query.get('parentId') !== 'root') return json(page);
      // Two at a time, like a server with a small page size.
      const start = Number(request.query.get('cursor') ?? 0);
      const next = start + 2 < page.items.length ? String(start + 2) : null;
      return json({ items: page.items.slice(start, start + 2), nextCursor: next });
    });
    const el = create();
    await whenReady(el);
    const ids = () => $$(treeOf(el), '[role="treeitem"]').map((li) => li.dataset.businessUnitId);
    await waitFor(() => ids().length === 3, 'first page');
    assertDeepEqual(ids(), ['root', 'c0', 'c1']);
    $(treeOf(el), '[part="tree-load-more"]')?.click();
    await waitFor(() => ids().length === 5, 'second page');
    assertDeepEqual(ids(), ['root', 'c0', 'c1', 'c2', 'c3']);

    const search = $<HTMLElementTagNameMap['scc-business-unit-search']>(el, 'scc-business-unit-search');
    const input = $<HTMLInputElement>(search, 'input');
    assert(input, 'search box');
    input.value = 'dep';
    input.dispatchEvent(new Event('input'));
    input.value = 'deep';
    input.dispatchEvent(new Event('input'));
    const result = await waitFor(() => $(search, '[part="search-result"]'), 'a search result');
    assertEqual(stub.requests.filter((r) => r.query.has('q')).length, 1, 'typing is debounced into one search');
    assertIncludes(deepText(result), 'Deep department');
    assertIncludes(deepText(result), 'Root › Customer 4');
    result.click();
    // The path is opened page by page until the unit is there, then the unit is selected.
    await waitFor(() => treeItem(el, 'deep')?.getAttribute('aria-selected') === 'true', 'result selected in the tree');
    assertEqual(el.selectedBusinessUnitId, 'deep');
    assertEqual(treeItem(el, 'c4')?.getAttribute('aria-expanded'), 'true');
    await waitFor(() => deepActiveElement()?.getAttribute('data-business-unit-id') === 'deep', 'focus follows');
    await waitFor(
      () => deepText($(el, '[part="breadcrumbs"]') as Element) === 'Root Customer 4 Deep department',
      'breadcrumbs of the result',
    );
    // A breadcrumb selects its unit.
    $(el, '[part="breadcrumbs"] button[data-index="1"]')?.click();
    await waitFor(() => el.selectedBusinessUnitId === 'c4', 'breadcrumb selects');
  });

  it('shows the admin screens only to a caller holding admin', async () => {
    const el = create();
    await whenReady(el);
    assertEqual($(el, 'scc-business-unit-admin'), null, 'an operator sees none');
    cleanup();
    stub.restore();
    stub = stubFetch({ session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const admin = create();
    await whenReady(admin);
    const panel = await waitFor(
      () => $<HTMLElementTagNameMap['scc-business-unit-admin']>(admin, 'scc-business-unit-admin'),
      'admin panel',
    );
    assertEqual(panel.businessUnitId, 'msp');
  });

  it('shows the admin screens below a unit where the caller was made admin', async () => {
    stub.restore();
    // The session names the roles held below the acting unit: no separate user lookup.
    stub = stubFetch({ session: { ...session, assignments: [{ businessUnitId: 'internal', role: 'admin' }] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const el = create();
    await whenReady(el);
    assertEqual($(el, 'scc-business-unit-admin'), null, 'not on the root');
    (await waitFor(() => treeItem(el, 'internal'), 'internal')).querySelector<HTMLElement>('.name')?.click();
    const panel = await waitFor(
      () => $<HTMLElementTagNameMap['scc-business-unit-admin']>(el, 'scc-business-unit-admin'),
      'admin panel on Internal systems',
    );
    assertDeepEqual([...panel.roles].sort(), ['admin', 'operator', 'viewer'], 'admin brings operator and viewer');
    (await waitFor(() => treeItem(el, 'external'), 'external')).querySelector<HTMLElement>('.name')?.click();
    await waitFor(() => !$(el, 'scc-business-unit-admin'), 'no admin panel on a sibling');
    assertEqual(
      stub.requests.some((r) => r.path.startsWith('/v1/widget/users')),
      false,
      'roles below the acting unit come with the session',
    );
  });

  it('loads the admin screens and operations on demand, with a loading note meanwhile', async () => {
    stub.restore();
    stub = stubFetch({ session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const asked: WidgetPart[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const el = createLoadingParts(async (part, real) => {
      asked.push(part);
      // The tree comes with the first requests (the widget is not ready without it); hold the rest.
      if (part !== 'tree' && part !== 'notifications') await held;
      return real(part);
    });
    await waitFor(() => el.status === 'ready', 'ready state');
    await el.updateComplete;
    assertDeepEqual(asked.sort(), ['admin', 'notifications', 'operations', 'tree']);
    assertIncludes(deepText($(el, '[data-testid="admin-loading"]') as Element), 'Loading');
    assert($(el, '[data-testid="operations-loading"]'), 'operations loading note');
    assertEqual($(el, 'scc-business-unit-admin'), null, 'no admin panel before its chunk');
    assertEqual($$(listOf(el), '[part="terminate-button"]').length, 0, 'no terminate buttons before their dialog');
    release();
    await waitFor(() => $(el, 'scc-business-unit-admin') && $(el, 'scc-order-tenant'), 'both parts');
    assertEqual($(el, '.part-loading'), null, 'loading notes gone');
    await waitFor(() => $$(listOf(el), '[part="terminate-button"]').length === tenants.length, 'terminate buttons');
    assertEqual(asked.length, 4, 'each part asked for once');
  });

  it('a viewer loads neither the admin screens nor the operations, only the tree and the notifications', async () => {
    stub.restore();
    const noActions = tenants.map((t) => ({ ...t, allowedActions: [] }));
    stub = stubFetch({ session: { ...session, roles: ['viewer'] }, tenants: noActions });
    const asked: WidgetPart[] = [];
    const el = createLoadingParts((part, real) => {
      asked.push(part);
      return real(part);
    });
    await whenReady(el);
    await el.updateComplete;
    assertDeepEqual(asked, ['tree', 'notifications']);
    assertEqual($(el, '.part-loading'), null);
  });

  it('a part that fails to load shows the error panel, and retry loads it', async () => {
    stub.restore();
    stub = stubFetch({ session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const asked: WidgetPart[] = [];
    const errorEvent = oneEvent<SccErrorEvent>(document, 'scc-error');
    const el = createLoadingParts((part, real) => {
      asked.push(part);
      return part === 'admin' && asked.filter((p) => p === 'admin').length === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : real(part);
    });
    assertDeepEqual((await errorEvent).detail, { status: 0, title: 'Widget part unavailable' });
    assertEqual(el.status, 'error');
    const panel = await waitFor(() => statePanel(el, 'error'), 'error panel');
    await panel.updateComplete;
    assertIncludes(deepText(panel), 'could not be reached');
    $<HTMLButtonElement>(panel, 'button[part="retry-button"]')?.click();
    await whenReady(el);
    assert($(el, 'scc-business-unit-admin'), 'admin panel after the retry');
    assertEqual(asked.filter((p) => p === 'admin').length, 2, 'the admin chunk asked for again');
  });

  it('after an admin change, reloads the touched level and selects the unit', async () => {
    stub.restore();
    const units = [...businessUnits];
    stub = stubFetch({ businessUnits: units, session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const el = create();
    await whenReady(el);
    await waitFor(() => treeItem(el, 'internal'), 'children of the root');
    const created = { id: 'audit', parentId: 'msp', name: 'Audit', kind: 'department', depth: 1, childCount: 0 };
    units.push(created);
    stub.on('/v1/widget/business-units/audit/ancestors', () => json({ items: [{ id: 'msp', name: 'MSP' }, created] }));
    const before = stub.requestsTo('/v1/widget/business-units').length;
    $(el, 'scc-business-unit-admin')?.dispatchEvent(
      createBusinessUnitChangeEvent({ action: 'created', businessUnit: created, parentIds: ['msp'] }),
    );
    await waitFor(() => treeItem(el, 'audit')?.getAttribute('aria-selected') === 'true', 'new unit selected');
    const after = stub.requestsTo('/v1/widget/business-units').slice(before);
    assertDeepEqual(
      after.map((r) => r.query.toString()),
      ['parentId=msp'],
      'only the touched level',
    );
    await waitFor(() => deepText($(el, '[part="breadcrumbs"]') as Element) === 'MSP Audit', 'breadcrumbs');
  });

  it('an admin’s audit log asks again after an operation or a unit change, so it shows them', async () => {
    stub.restore();
    stub = stubFetch({ session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    stub.on('/v1/widget/audit-events', () => json({ items: [], nextCursor: null }));
    const el = create();
    await whenReady(el);
    await waitFor(() => $(el, 'scc-audit-log'), 'the audit log');
    await waitFor(() => stub.requestsTo('/v1/widget/audit-events').length === 1, 'the first page');
    $(el, 'scc-tenants')?.dispatchEvent(
      new CustomEvent('scc-operation-request-cancel', { bubbles: true, composed: true }),
    );
    await waitFor(() => stub.requestsTo('/v1/widget/audit-events').length === 2, 'asked again after an operation');
    const renamed = { id: 'msp', parentId: null, name: 'MSP renamed', kind: 'msp', depth: 0, childCount: 3 };
    $(el, 'scc-business-unit-admin')?.dispatchEvent(
      createBusinessUnitChangeEvent({ action: 'updated', businessUnit: renamed, parentIds: [] }),
    );
    await waitFor(() => stub.requestsTo('/v1/widget/audit-events').length === 3, 'asked again after a unit change');
  });

  it('after renaming the caller’s own unit, reloads the tree from its root', async () => {
    stub.restore();
    const units = [...businessUnits];
    stub = stubFetch({ businessUnits: units, session: { ...session, roles: ['admin'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const el = create();
    await whenReady(el);
    const renamed = { ...(businessUnits[0] as UnitFixture), name: 'Northstar MSP' };
    units[0] = renamed;
    stub.on('/v1/widget/business-units/msp/ancestors', () => json({ items: [{ id: 'msp', name: 'Northstar MSP' }] }));
    $(el, 'scc-business-unit-admin')?.dispatchEvent(
      createBusinessUnitChangeEvent({ action: 'updated', businessUnit: counted(units, renamed), parentIds: [] }),
    );
    await waitFor(() => treeItem(el, 'msp')?.textContent?.includes('Northstar MSP'), 'renamed root');
    await waitFor(() => deepText($(el, '[part="breadcrumbs"]') as Element) === 'Northstar MSP', 'breadcrumbs');
  });

  it('shows the empty state for a business unit without tenants', async () => {
    stub.restore();
    stub = stubFetch({ tenants: tenants.filter((t) => t.businessUnitId !== 'reseller-one') });
    const el = create();
    await whenReady(el);
    (await waitFor(() => treeItem(el, 'resellers'), 'children of the root'))
      .querySelector<HTMLElement>('.name')
      ?.click();
    await waitFor(() => rowIds(el).length === 0, 'no tenants');
    assertDeepEqual(rowIds(el), []);
    const empty = $(listOf(el), '[data-testid="tenants-empty"]');
    assert(empty, 'empty state rendered');
    assertIncludes(deepText(empty), 'No tenants in this business unit');
    assertEqual($(listOf(el), 'table'), null, 'no table when empty');
  });

  it('shows an aria-busy loading state until the data arrives', async () => {
    stub.hold();
    const el = create();
    await el.updateComplete;
    await waitFor(() => el.status === 'loading', 'loading');
    const body = $(el, '[data-testid="body"]');
    assertEqual(body?.getAttribute('aria-busy'), 'true');
    const panel = statePanel(el, 'loading');
    assert(panel, 'loading panel');
    await panel.updateComplete;
    assert($(panel, '[role="status"] .spinner'), 'spinner in a status region');
    assertIncludes(deepText(panel), 'Loading');
    assertEqual(treeOf(el), null, 'no tree while loading');
    stub.release();
    await whenReady(el);
    assertEqual(body?.getAttribute('aria-busy'), 'false');
  });

  it('503 shows an error with a retry button that really refetches', async () => {
    stub.on('/v1/widget/tenants', () => problem(503, 'Cockpit unavailable', 'upstream down'), { once: true });
    const errorEvent = oneEvent<SccErrorEvent>(document, 'scc-error');
    const el = create();
    const event = await errorEvent;
    assertDeepEqual(event.detail, { status: 503, title: 'Cockpit unavailable' });
    assert(event.bubbles && event.composed, 'scc-error bubbles and is composed');
    assertEqual(el.status, 'error');
    assertEqual(el.error?.status, 503);
    assertEqual(el.error?.detail, 'upstream down');

    const panel = statePanel(el, 'error');
    assert(panel, 'error panel');
    await panel.updateComplete;
    assert($(panel, '[role="alert"]'), 'error is an alert');
    assertIncludes(deepText(panel), 'temporarily unavailable');
    const retry = $<HTMLButtonElement>(panel, 'button[part="retry-button"]');
    assert(retry, 'retry button');
    assertEqual(stub.tenantListLoads().length, 1);

    const ready = oneEvent<SccReadyEvent>(document, 'scc-ready');
    retry.click();
    await ready;
    await whenReady(el);
    assertEqual(stub.tenantListLoads().length, 2, 'tenants refetched');
    assertEqual(stub.requestsTo('/v1/widget/session').length, 2, 'session refetched');
    assertEqual(rowIds(el).length, tenants.length);
  });

  it('a network failure shows the retry state too', async () => {
    stub.on(
      '/v1/widget/business-units',
      () => {
        throw new TypeError('Failed to fetch');
      },
      { once: true },
    );
    const errorEvent = oneEvent<SccErrorEvent>(document, 'scc-error');
    const el = create();
    const event = await errorEvent;
    assertEqual(event.detail.status, 0);
    assertEqual(el.error?.kind, 'network');
    const panel = statePanel(el, 'error');
    await panel?.updateComplete;
    assertIncludes(deepText(panel as Element), 'could not be reached');
    $<HTMLButtonElement>(panel, 'button[part="retry-button"]')?.click();
    await whenReady(el);
    const rootLevels = stub.requestsTo('/v1/widget/business-units').filter((r) => !r.query.has('parentId'));
    assertEqual(rootLevels.length, 2, 'the root level asked for again');
  });

  it('429 says to wait instead of an HTTP status, and the retry works once the limit has passed', async () => {
    stub.on('/v1/widget/tenants', () => problem(429, 'Too many requests', 'Rate limit widget-per-user reached'), {
      once: true,
    });
    const el = create();
    await waitFor(() => el.status === 'error', 'error');
    const panel = statePanel(el, 'error');
    await panel?.updateComplete;
    const text = deepText(panel as Element);
    assertIncludes(text, 'Too many requests in a short time');
    assert(!text.includes('HTTP 429'), 'no bare status');
    $<HTMLButtonElement>(panel, 'button[part="retry-button"]')?.click();
    await whenReady(el);
    assertEqual(rowIds(el).length, tenants.length);
  });

  it('on 401 fetches the token exactly once more and retries once', async () => {
    stub.on('/v1/widget/session', () => problem(401, 'Token expired'), { once: true });
    const source = tokenSource();
    const el = create(source);
    await whenReady(el);
    assertEqual(source.calls, 2, 'fetchToken calls');
    const sessionRequests = stub.requestsTo('/v1/widget/session');
    assertEqual(sessionRequests.length, 2);
    assertEqual(sessionRequests[0]?.authorization, `Bearer ${source.issued[0]}`);
    assertEqual(sessionRequests[1]?.authorization, `Bearer ${source.issued[1]}`);
    assertEqual(stub.tenantListLoads().length, 1, 'other calls not repeated');
  });

  it('concurrent 401s share one token refresh', async () => {
    for (const path of ['/v1/widget/session', '/v1/widget/business-units', '/v1/widget/tenants']) {
      stub.on(path, () => problem(401, 'Token expired'), { once: true });
    }
    const source = tokenSource();
    const el = create(source);
    await whenReady(el);
    assertEqual(source.calls, 2, 'fetchToken calls');
    const first = ['/v1/widget/session', '/v1/widget/business-units', '/v1/widget/tenants'];
    assertEqual(
      stub.requests.filter((r) => first.includes(r.path) && !r.query.has('parentId') && !r.query.has('lifecycle'))
        .length,
      6,
      'each of the three calls twice',
    );
  });

  it('a second 401 ends in the error state without looping', async () => {
    stub.on('/v1/widget/session', () => problem(401, 'Invalid token'));
    const source = tokenSource();
    const errorEvent = oneEvent<SccErrorEvent>(document, 'scc-error');
    const el = create(source);
    const event = await errorEvent;
    assertDeepEqual(event.detail, { status: 401, title: 'Invalid token' });
    assertEqual(source.calls, 2);
    assertEqual(stub.requestsTo('/v1/widget/session').length, 2);
    assertEqual(el.status, 'error');
  });

  it('refreshes the token before it expires', async function () {
    this.timeout(8000);
    const source = tokenSource(2); // expires in 2 s -> refresh at half-life
    const el = create(source);
    await whenReady(el);
    assertEqual(source.calls, 1);
    assert(el.tokenController.refreshScheduled, 'refresh scheduled');
    await waitFor(() => source.calls >= 2, 'token refresh', 3000);
    assertEqual(el.tokenController.token, source.issued[1], 'new token in use');
    assert(el.tokenController.refreshScheduled, 'next refresh scheduled');
    // the refreshed token is used for the next BFF call
    await el.reload();
    const sent = stub.tenantListLoads().at(-1)?.authorization ?? '';
    assert(sent.startsWith('Bearer '), 'authorization header');
    assert(source.issued.slice(1).includes(sent.slice(7)), 'a refreshed token was sent');
  });

  it('no refresh timer survives disconnect', async function () {
    this.timeout(8000);
    const source = tokenSource(2);
    const el = create(source);
    await whenReady(el);
    assert(el.tokenController.refreshScheduled, 'refresh scheduled while connected');
    el.remove();
    assertEqual(el.tokenController.refreshScheduled, false, 'timer cleared on disconnect');
    await sleep(2200);
    assertEqual(source.calls, 1, 'no refresh after disconnect');
    // reconnecting re-arms (the token is expired by now, so it is fetched on demand)
    document.body.append(el);
    await el.reload();
    assertEqual(source.calls, 2);
    assert(el.tokenController.refreshScheduled, 'refresh re-armed after reconnect');
    el.remove();
    assertEqual(el.tokenController.refreshScheduled, false);
  });

  it('resumes an interrupted load when re-attached', async () => {
    stub.hold();
    const source = tokenSource();
    const el = create(source);
    await waitFor(() => stub.requests.length === 3, 'requests started');
    el.remove();
    stub.release();
    await sleep(20);
    assertEqual(el.status, 'loading', 'aborted load does not settle the state');
    document.body.append(el);
    await whenReady(el);
    assertEqual(stub.tenantListLoads().length, 2);
    assertEqual(source.calls, 1, 'cached token reused');
  });

  it('a new api-base reloads from the new BFF with a fresh token', async () => {
    const source = tokenSource();
    const el = create(source);
    await whenReady(el);
    el.apiBase = 'http://other-bff.test';
    await waitFor(
      () => stub.requests.some((r) => r.url.startsWith('http://other-bff.test/v1/widget/tenants')),
      'request to new base',
    );
    await whenReady(el);
    assertEqual(source.calls, 2);
  });

  it('fires scc-ready with the session, bubbling and composed', async () => {
    const ready = oneEvent<SccReadyEvent>(document, 'scc-ready');
    const el = create();
    const event = await ready;
    assertDeepEqual(event.detail, session);
    assert(event.bubbles, 'bubbles');
    assert(event.composed, 'composed');
    assertEqual(event.target, el);
    assert(treeOf(el), 'rendered before scc-ready');
  });

  it('global page CSS does not leak in', async () => {
    const el = create();
    // Wide enough for the table layout (narrower, the list turns into cards on purpose).
    el.style.width = '1280px';
    await whenReady(el);
    const th = $$(listOf(el), 'thead th')[0];
    const name = $(listOf(el), 'tbody th .name');
    const table = $(listOf(el), 'table');
    const treeRow = $(treeOf(el), '.row');
    assert(th && name && table && treeRow);
    const snapshot = () => ({
      table: getComputedStyle(table).display,
      thColor: getComputedStyle(th).color,
      thPadding: getComputedStyle(th).padding,
      nameColor: getComputedStyle(name).color,
      nameFont: getComputedStyle(name).fontFamily,
      nameSpacing: getComputedStyle(name).letterSpacing,
      rowFont: getComputedStyle(treeRow).fontFamily,
      rowSize: getComputedStyle(treeRow).fontSize,
      rowColor: getComputedStyle(treeRow).color,
    });
    const before = snapshot();
    assertEqual(before.table, 'table');
    fixture(`<style data-test>
      * { color: red !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 5px !important; font-size: 30px !important; }
      table { display: none !important; }
      th, td { padding: 50px !important; }
      service-control-center { color: red; font: italic 40px serif; line-height: 5; }
    </style>`);
    await whenReady(el);
    assertDeepEqual(snapshot(), before, 'computed styles inside the widget');
  });

  it("the widget's styles do not affect light-DOM elements", async () => {
    const light = fixture(
      `<div><table id="light"><tr><th>h</th><td>x</td></tr></table><button>b</button><p>t</p></div>`,
    );
    const probe = () =>
      ['table', 'th', 'td', 'button', 'p'].map((sel) => {
        const cs = getComputedStyle(light.querySelector(sel) as Element);
        return [cs.display, cs.color, cs.fontFamily, cs.fontSize, cs.padding, cs.borderBottom, cs.background].join('|');
      });
    const before = probe();
    const styleCount = document.querySelectorAll('style, link[rel="stylesheet"]').length;
    const sheetCount = document.adoptedStyleSheets.length;
    const el = create();
    await whenReady(el);
    assertDeepEqual(probe(), before);
    assertEqual(
      document.querySelectorAll('style, link[rel="stylesheet"]').length,
      styleCount,
      'no style elements added',
    );
    assertEqual(document.adoptedStyleSheets.length, sheetCount, 'no document-level sheets adopted');
  });

  it('--scc-color-primary on the host themes the inside', async () => {
    const el = create();
    await whenReady(el);
    const logo = $($(el, 'scc-brand-mark'), '.logo');
    assert(logo);
    assertEqual(getComputedStyle(logo).backgroundColor, 'rgb(37, 99, 235)', 'default primary');
    el.style.setProperty('--scc-color-primary', 'rgb(1, 2, 3)');
    assertEqual(getComputedStyle(logo).backgroundColor, 'rgb(1, 2, 3)');
    el.style.setProperty('--scc-font-family', 'monospace');
    assertEqual(
      getComputedStyle($(treeOf(el), '.row') as Element).fontFamily,
      'monospace',
      'font reaches nested elements',
    );
  });

  it('exported parts can be styled from the page', async () => {
    fixture(`<style data-test>
      service-control-center::part(header) { outline: 2px solid rgb(0, 0, 255); }
      service-control-center::part(tenant-row) { outline: 3px solid rgb(0, 128, 0); }
      service-control-center::part(status-badge) { text-transform: uppercase; }
      service-control-center::part(tree-item) { outline: 1px solid rgb(128, 0, 0); }
      service-control-center::part(tree) { outline: 1px solid rgb(9, 9, 9); }
      service-control-center::part(tenants) { outline: 1px solid rgb(8, 8, 8); }
    </style>`);
    const el = create();
    await whenReady(el);
    assertEqual(getComputedStyle($(el, 'header') as Element).outlineColor, 'rgb(0, 0, 255)');
    assertEqual(getComputedStyle($$(listOf(el), 'tr')[1] as Element).outlineColor, 'rgb(0, 128, 0)');
    assertEqual(getComputedStyle($(listOf(el), 'table') as Element).outlineColor, 'rgb(8, 8, 8)');
    assertEqual(getComputedStyle($(treeOf(el), '[role="tree"]') as Element).outlineColor, 'rgb(9, 9, 9)');
    assertEqual(getComputedStyle($(treeOf(el), '[role="treeitem"]') as Element).outlineColor, 'rgb(128, 0, 0)');
    const badge = $(listOf(el), 'scc-status-badge');
    assertEqual(getComputedStyle($(badge, '[part="base"]') as Element).textTransform, 'uppercase');
  });

  it('the retry button part can be styled from the page', async () => {
    fixture(`<style data-test>service-control-center::part(retry-button) { outline: 4px solid rgb(1, 1, 1); }</style>`);
    stub.on('/v1/widget/session', () => problem(503, 'Service Unavailable'));
    const el = create();
    await waitFor(() => el.status === 'error', 'error');
    const panel = statePanel(el, 'error');
    await panel?.updateComplete;
    assertEqual(getComputedStyle($(panel, 'button') as Element).outlineColor, 'rgb(1, 1, 1)');
  });

  it('shows German strings with locale="de"', async () => {
    const el = create(tokenSource(), { locale: 'de' });
    await whenReady(el);
    const text = deepText(el.shadowRoot as ShadowRoot);
    assertIncludes(text, 'Organisationseinheiten');
    assertIncludes(text, 'Mandanten in MSP');
    assertIncludes(text, 'Lebenszyklus');
    assertIncludes(text, 'In Betrieb');
    assertIncludes(text, 'Produktiv');
    assertEqual($(el, '.base')?.getAttribute('lang'), 'de');
    el.locale = 'en';
    await whenReady(el);
    assertIncludes(deepText(el.shadowRoot as ShadowRoot), 'Tenants in MSP');
  });

  it('defaults the locale to navigator.language', async () => {
    const el = create();
    await whenReady(el);
    const expected = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
    assertEqual($(el, '.base')?.getAttribute('lang'), expected);
  });

  it('waits for fetchToken before calling the BFF', async () => {
    const el = document.createElement('service-control-center');
    el.setAttribute('api-base', API_BASE);
    mount(el);
    await el.updateComplete;
    await sleep(50);
    assertEqual(stub.requests.length, 0);
    assertEqual(el.status, 'idle');
    const source = tokenSource();
    el.fetchToken = source.fetchToken;
    await whenReady(el);
    assertEqual(source.calls, 1);
  });

  it('fires scc-navigate for a unit and for a tenant, and scc-token-refreshed, bubbling and composed', async () => {
    const refreshed = oneEvent<SccTokenRefreshedEvent>(document, 'scc-token-refreshed');
    const el = create(tokenSource(600));
    const token = await refreshed;
    assert(token.bubbles && token.composed, 'scc-token-refreshed bubbles and is composed');
    assertEqual(token.target, el, 'announced by the control center');
    assert((token.detail.expiresAt ?? 0) > Date.now(), 'the new token expires in the future');
    await whenReady(el);
    const unit = oneEvent<SccNavigateEvent>(document, 'scc-navigate');
    (await waitFor(() => treeItem(el, 'internal'), 'children of the root'))
      .querySelector<HTMLElement>('.name')
      ?.click();
    const toUnit = await unit;
    assertDeepEqual(toUnit.detail, { view: 'business-unit', businessUnitId: 'internal' });
    assert(toUnit.bubbles && toUnit.composed, 'scc-navigate bubbles and is composed');
    await waitFor(() => rowIds(el).length === 3, 'tenants of Internal systems');
    const tenant = oneEvent<SccNavigateEvent>(document, 'scc-navigate');
    $<HTMLButtonElement>(listOf(el), '[data-tenant-id="t-other"] .name')?.click();
    assertDeepEqual((await tenant).detail, { view: 'tenant', businessUnitId: 'other-systems', tenantId: 't-other' });
  });

  it('a token expiring mid-session is refreshed unnoticed: the list stays, the next call carries a new token', async function () {
    this.timeout(8000);
    const source = tokenSource(2);
    const el = create(source);
    await whenReady(el);
    const list = listOf(el);
    const shown = rowIds(el);
    let flicker = false;
    const watch = new MutationObserver(() => {
      if (!listOf(el)?.isConnected || $(el, '[data-testid="loading"], [data-testid="error"]')) flicker = true;
    });
    watch.observe(el.shadowRoot as ShadowRoot, { childList: true, subtree: true });
    await sleep(2300); // past the first token's exp
    (await waitFor(() => treeItem(el, 'internal'), 'children of the root'))
      .querySelector<HTMLElement>('.name')
      ?.click();
    await waitFor(() => rowIds(el).length === 3, 'tenants of Internal systems');
    watch.disconnect();
    const sent = stub.tenantListLoads().at(-1)?.authorization ?? '';
    assert(source.calls >= 2, 'a new token was fetched');
    assert(
      sent !== `Bearer ${source.issued[0]}` && source.issued.includes(sent.slice(7)),
      'the call after expiry used a new token',
    );
    assertEqual(el.status, 'ready', 'no error state');
    assertEqual(flicker, false, 'no loading or error panel, the list never left');
    assertEqual(listOf(el), list, 'the same list element throughout');
    assertEqual(shown.length, tenants.length);
  });

  it('a failing fetchToken ends in the error state', async () => {
    const errorEvent = oneEvent<SccErrorEvent>(document, 'scc-error');
    const el = create({ fetchToken: () => Promise.reject(new Error('host said no')), calls: 0, issued: [] });
    const event = await errorEvent;
    assertEqual(event.detail.status, 0);
    assertEqual(el.error?.kind, 'token');
    assertEqual(stub.requests.length, 0);
  });
});

describe('service-control-center operations', () => {
  let stub: FetchStub;
  /** Pushes one SSE chunk into the open event stream. */
  let push: (chunk: string) => void;

  beforeEach(() => {
    stub = stubFetch();
    push = liveStream(stub).push;
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('follows the live event stream: tenants change and leave, requests show their progress', async () => {
    const el = create();
    await whenReady(el);
    await waitFor(() => stub.requestsTo('/v1/widget/events').length === 1, 'the event stream');
    const [stream] = stub.requestsTo('/v1/widget/events');
    assert(stream?.authorization?.startsWith('Bearer '), 'the stream carries the widget token');
    const critical = tenants.find((t) => t.id === 't-crit-prod');
    push(`id: 1\nevent: tenant\ndata: ${JSON.stringify({ ...critical, operationalStatus: 'down' })}\n\n`);
    await waitFor(
      () => $(listOf(el), '[data-tenant-id="t-crit-prod"] scc-status-badge')?.getAttribute('status') === 'down',
      'the new status',
    );
    push(`id: 2\nevent: tenant\ndata: ${JSON.stringify({ ...critical, lifecycleStatus: 'decommissioning' })}\n\n`);
    await waitFor(() => !rowIds(el).includes('t-crit-prod'), 'the terminated tenant leaves the list');

    push(
      `id: 3\nevent: operation-request\ndata: ${JSON.stringify(operationRequest('r-1', { state: 'running', progress: 40 }))}\n\n`,
    );
    const panel = $(el, 'scc-pending-requests');
    await waitFor(() => $<HTMLProgressElement>(panel, '[data-request-id="r-1"] progress')?.value === 40, 'progress');
  });

  it('offers ordering and termination to operators only', async () => {
    const el = create();
    await whenReady(el);
    assert($(el, 'scc-order-tenant'), 'order button for an operator');
    assertEqual($$(listOf(el), '[part="terminate-button"]').length, tenants.length);
    cleanup();
    // The server offers a viewer no action on any tenant.
    stub.restore();
    stub = stubFetch({
      session: { ...session, roles: ['viewer'] },
      tenants: tenants.map((t) => ({ ...t, allowedActions: [] })),
    });
    const viewer = create();
    await whenReady(viewer);
    assertEqual($(viewer, 'scc-order-tenant'), null);
    assertEqual($$(listOf(viewer), '[part="terminate-button"]').length, 0);
  });

  it('a burst of live updates for tenants not listed refetches the list once', async () => {
    const el = create();
    await whenReady(el);
    await waitFor(() => stub.requestsTo('/v1/widget/events').length === 1, 'the event stream');
    const before = stub.tenantListLoads().length;
    for (let i = 1; i <= 5; i++) {
      const stranger = { ...tenants[0], id: `t-new-${i}`, name: `New ${i}` };
      push(`id: ${i}\nevent: tenant\ndata: ${JSON.stringify(stranger)}\n\n`);
      await sleep(10);
    }
    await waitFor(() => stub.tenantListLoads().length > before, 'a refetch');
    await sleep(400);
    assertEqual(stub.tenantListLoads().length, before + 1, 'one refetch for the whole burst');
  });

  it('a live update that arrives while the list reloads makes it load once more (the page may predate it)', async () => {
    const el = create();
    await whenReady(el);
    await waitFor(() => stub.requestsTo('/v1/widget/events').length === 1, 'the event stream');
    const before = stub.tenantListLoads().length;
    const listed = tenants[0];
    assert(listed, 'a listed tenant');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The reload reads the list as it was before the termination below committed.
    const page = (items: typeof tenants) => json({ items, nextCursor: null, total: items.length, totalCapped: false });
    stub.on(
      '/v1/widget/tenants',
      async () => {
        await held;
        return page(tenants);
      },
      { once: true },
    );
    // Read after the event: the termination is in.
    stub.on('/v1/widget/tenants', () => page(tenants.filter((t) => t.id !== listed.id)), { once: true });
    tenantsOf(el)?.dispatchEvent(
      new CustomEvent('scc-operation-request-submit', { bubbles: true, composed: true, detail: {} }),
    );
    await waitFor(() => stub.tenantListLoads().length === before + 1, 'the reload');
    push(`id: 1\nevent: tenant\ndata: ${JSON.stringify({ ...listed, lifecycleStatus: 'retained' })}\n\n`);
    await sleep(20);
    release();
    await waitFor(() => stub.tenantListLoads().length === before + 2, 'loaded once more');
    await waitFor(() => !$(listOf(el) as Element, `[data-tenant-id="${listed.id}"]`), 'the terminated tenant leaves');
  });

  it('opening the termination dialog keeps the tenant name column in view at 1280 px', async () => {
    const el = create();
    el.style.width = '1280px';
    await whenReady(el);
    const list = listOf(el) as HTMLElement;
    $<HTMLButtonElement>(list, '[data-tenant-id="t-r1-dev"] [part="terminate-button"]')?.click();
    const dialog = $<HTMLElementTagNameMap['scc-terminate-dialog']>(tenantsOf(el), 'scc-terminate-dialog');
    await waitFor(() => $<HTMLDialogElement>(dialog, 'dialog')?.open, 'the dialog opens');
    const box = list.getBoundingClientRect();
    const name = $(list, '[data-tenant-id="t-r1-dev"] th')?.getBoundingClientRect();
    assert(name, 'the name cell');
    assert(
      name.left >= box.left && name.right <= box.right,
      `name cell ${name.left}-${name.right} inside ${box.left}-${box.right}`,
    );
  });

  it('opens the termination dialog for a row', async () => {
    const el = create();
    await whenReady(el);
    $<HTMLButtonElement>(listOf(el), '[data-tenant-id="t-crit-test"] [part="terminate-button"]')?.click();
    const dialog = $<HTMLElementTagNameMap['scc-terminate-dialog']>(tenantsOf(el), 'scc-terminate-dialog');
    await waitFor(() => $<HTMLDialogElement>(dialog, 'dialog')?.open, 'the dialog opens');
    assertEqual(dialog?.tenant?.id, 't-crit-test');
  });
});
