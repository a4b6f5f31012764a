/**
 * Tests against the BUILT bundle `dist/service-control-center.js` (the `test` script runs
 * `vite build` first). They catch what a broken build gets wrong even when the sources work:
 * untransformed decorators, class fields shadowing reactive properties, missing styles,
 * lit not bundled, elements not registered, eval or inline styles under a strict CSP, and lazy
 * chunks that are not built, not found next to the entry or carry their own copy of lit.
 */
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
  deepText,
  type FetchStub,
  json,
  mount,
  oneEvent,
  operationRequest,
  press,
  problem,
  session,
  stubFetch,
  tenants,
  tenantsByName,
  tokenSource,
  waitFor,
} from './helpers.js';

type WidgetModule = typeof import('../src/index.js');
type Widget = InstanceType<WidgetModule['ServiceControlCenter']>;

const bundleUrl = new URL('../dist/service-control-center.js', import.meta.url).href;
const violations: SecurityPolicyViolationEvent[] = [];
let widgetModule: WidgetModule;

async function whenReady(el: Widget): Promise<void> {
  await waitFor(
    () => el.status === 'ready' && $($(el, 'scc-tenants'), 'scc-tenant-list')?.shadowRoot?.querySelector('tr'),
    'ready',
  );
  await waitFor(() => !$(el, '.part-loading'), 'admin screens and operations loaded');
  await el.updateComplete;
}

function create(attributes: Record<string, string> = {}, source = tokenSource()): Widget {
  const el = document.createElement('service-control-center') as Widget;
  el.setAttribute('api-base', API_BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.fetchToken = source.fetchToken;
  return mount(el);
}

const distPath = new URL('../dist/', import.meta.url).pathname;

/** Module scripts this page fetched from `dist/` other than the entry: the lazy chunks. */
const chunksLoaded = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(distPath) && !path.endsWith('/service-control-center.js'))
    .map((path) => path.slice(path.lastIndexOf('/') + 1));

/** The tenant list's narrow-width styles, which every list loads after its first render. */
const isNarrowStyles = (name: string) => /^tenant-list-narrow-styles\.[\w-]{8,}\.js$/.test(name);
const treeTags = ['scc-business-unit-tree', 'scc-business-unit-search'];
const adminTags = ['scc-business-unit-admin', 'scc-move-dialog', 'scc-user-admin'];
const operationTags = ['scc-order-tenant', 'scc-terminate-dialog', 'scc-pending-requests'];

const tree = (el: Widget) => $(el, 'scc-business-unit-tree');
const rowIds = (el: Widget) =>
  $$($($(el, 'scc-tenants'), 'scc-tenant-list'), 'tr[part~="tenant-row"]').map((r) => r.dataset.tenantId);

describe('built bundle dist/service-control-center.js', () => {
  let stub: FetchStub;

  before(async () => {
    // A strict CSP for everything that happens from here on: no eval, no inline styles.
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'; style-src 'self'";
    document.head.append(meta);
    widgetModule = (await import(bundleUrl)) as WidgetModule;
  });

  beforeEach(() => {
    stub = stubFetch();
  });

  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('self-registers the elements every caller needs and exports the classes; nothing else yet', () => {
    assertEqual(customElements.get('service-control-center'), widgetModule.ServiceControlCenter);
    for (const tag of ['scc-tenant-list', 'scc-status-badge', 'scc-state-panel']) {
      assert(customElements.get(tag), `${tag} defined`);
    }
    for (const tag of [...treeTags, ...adminTags, ...operationTags]) {
      assertEqual(customElements.get(tag), undefined, tag);
    }
    assertDeepEqual(chunksLoaded(), [], 'no chunk loaded by the entry itself');
    assertEqual(typeof widgetModule.loadAdmin, 'function');
    assertEqual(typeof widgetModule.loadOperations, 'function');
    assertEqual(typeof widgetModule.BffClient, 'function');
    assertEqual(typeof widgetModule.SessionTokenController, 'function');
    assertEqual(widgetModule.SCC_READY, 'scc-ready');
  });

  it('a viewer gets the tenants and the tree, with the tree chunk only', async () => {
    stub.restore();
    // As the cockpit answers a viewer: no row allows an action, so nothing asks for the operations.
    stub = stubFetch({
      session: { ...session, roles: ['viewer'] },
      tenants: tenants.map((tenant) => ({ ...tenant, allowedActions: [] })),
    });
    const el = create();
    await whenReady(el);
    assertEqual($(el, 'scc-order-tenant'), null);
    // Loaded with the session and the first page: ready means the tree chunk is there.
    for (const tag of treeTags) assert(customElements.get(tag), `${tag} defined`);
    // The tree chunk, lit's directive base its cssVar directive shares with the operations, and
    // the notification list every caller has.
    await waitFor(() => customElements.get('scc-notifications'), 'the notifications chunk');
    const chunks = chunksLoaded()
      .filter((name) => !isNarrowStyles(name))
      .sort();
    assertEqual(chunks.length, 3, `the tree's chunks and the notifications besides the narrow-width styles: ${chunks}`);
    assert(/^directive\.[\w-]{8,}\.js$/.test(chunks[0] ?? ''), `content-hashed name: ${chunks[0]}`);
    assert(/^notifications\.[\w-]{8,}\.js$/.test(chunks[1] ?? ''), `content-hashed name: ${chunks[1]}`);
    assert(/^tree\.[\w-]{8,}\.js$/.test(chunks[2] ?? ''), `content-hashed name: ${chunks[2]}`);
    await waitFor(() => $$(tree(el), '[role="treeitem"]').length > 0, 'tree items rendered by the chunk');
    await waitFor(() => chunksLoaded().some(isNarrowStyles), 'the narrow-width styles, after the first rows');
  });

  it('an operator gets the order button from the operations chunk, and no admin chunk', async () => {
    const el = create();
    await whenReady(el);
    const order = await waitFor(() => $(el, 'scc-order-tenant'), 'order element');
    assert($(order, '[part="order-button"]'), 'order button rendered by the chunk');
    for (const tag of operationTags) assert(customElements.get(tag), `${tag} defined`);
    for (const tag of [...adminTags, 'scc-step-up-dialog']) assertEqual(customElements.get(tag), undefined, tag);
    const chunks = chunksLoaded()
      .filter(
        (name) =>
          !name.startsWith('tree.') &&
          !name.startsWith('directive.') &&
          !name.startsWith('notifications.') &&
          !isNarrowStyles(name),
      )
      .sort();
    // The operations, and what they share with the step-up chunk, which itself loads only when a
    // termination asks for a code.
    assertEqual(chunks.length, 3, `three chunks besides the tree's and the narrow-width styles: ${chunks}`);
    // The shared one is named by the bundler after one of its modules (problems, focus trap …).
    for (const chunk of chunks) assert(/^[\w-]+\.[\w-]{8,}\.js$/.test(chunk), `content-hashed name: ${chunk}`);
    assert(
      chunks.some((name) => name.startsWith('operations.')),
      `the operations chunk: ${chunks}`,
    );
    assert(
      chunks.some((name) => name.startsWith('with-step-up.')),
      `what it shares with the step-up chunk: ${chunks}`,
    );
  });

  it('an admin opens the admin screens from the admin chunk, which shares lit with the entry', async () => {
    stub.restore();
    stub = stubFetch({ session: { ...session, roles: ['admin', 'operator', 'viewer'] } });
    stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
    const el = create();
    await whenReady(el);
    const admin = await waitFor(() => $(el, 'scc-business-unit-admin'), 'admin panel');
    await waitFor(() => $<HTMLDetailsElement>(admin, 'details[data-testid="admin-create"]'), 'create');
    assertEqual(getComputedStyle($(admin, 'section') as Element).display, 'flex', "the chunk's styles applied");
    const users = await waitFor(() => $(admin, 'details[data-testid="admin-users"]'), 'users and roles');
    assert(users, 'users and roles');
    assert(
      chunksLoaded().some((name) => /^admin\.[\w-]{8,}\.js$/.test(name)),
      'the admin chunk came from dist/',
    );
    // One lit: the chunk's elements extend the very LitElement the entry's do.
    const LitElementOfEntry = Object.getPrototypeOf(widgetModule.ServiceControlCenter);
    for (const tag of [...adminTags, ...operationTags]) {
      assert(customElements.get(tag)?.prototype instanceof LitElementOfEntry, `${tag} extends the entry's LitElement`);
    }
    const admins = await widgetModule.loadAdmin();
    assertEqual(
      admins.SccBusinessUnitAdmin,
      customElements.get('scc-business-unit-admin'),
      'loadAdmin() gives the classes',
    );
  });

  it('loading the bundle a second time does not throw', async () => {
    const again = (await import(`${bundleUrl}?again`)) as WidgetModule;
    assert(again.ServiceControlCenter !== widgetModule.ServiceControlCenter, 'a second copy was evaluated');
    assertEqual(
      customElements.get('service-control-center'),
      widgetModule.ServiceControlCenter,
      'first definition kept',
    );
  });

  it('renders tree and tenants from the BFF, with styles applied', async () => {
    const ready = oneEvent<CustomEvent>(document, 'scc-ready');
    const el = create();
    const event = await ready;
    assertDeepEqual(event.detail, session);
    assert(event.bubbles && event.composed, 'scc-ready bubbles and is composed');
    await whenReady(el);
    assertEqual(getComputedStyle(el).display, 'block', ':host style applied');
    assertEqual(
      getComputedStyle($($(el, 'scc-brand-mark'), '.logo') as Element).backgroundColor,
      'rgb(37, 99, 235)',
      'component styles applied',
    );
    assertIncludes(deepText($(el, 'header') as Element), 'Ada Operator');
    await waitFor(() => $$(tree(el), '[role="treeitem"]').length === 4, 'children of the root loaded');
    assertDeepEqual(
      $$(tree(el), '[role="treeitem"]').map((li) => li.dataset.businessUnitId),
      ['msp', 'external', 'internal', 'resellers'],
      'siblings by name',
    );
    assertDeepEqual(rowIds(el), tenantsByName, 'tenants by name');
    assertEqual(stub.requests[0]?.authorization?.startsWith('Bearer '), true);
    el.style.setProperty('--scc-color-primary', 'rgb(1, 2, 3)');
    assertEqual(
      getComputedStyle($($(el, 'scc-brand-mark'), '.logo') as Element).backgroundColor,
      'rgb(1, 2, 3)',
      'themable',
    );
  });

  it('keyboard selection in the tree filters the tenants and fires scc-business-unit-select', async () => {
    const el = create();
    await whenReady(el);
    const t = tree(el);
    await waitFor(() => $(t, '[data-business-unit-id="internal"]'), 'children of the root loaded');
    $(t, '[data-business-unit-id="msp"]')?.focus();
    // the visual (alphabetical) order: MSP > External customers > Internal systems
    press(deepActiveElement() as Element, 'ArrowDown');
    await waitFor(() => deepActiveElement()?.getAttribute('data-business-unit-id') === 'external', 'focus moved');
    press(deepActiveElement() as Element, 'ArrowDown');
    await waitFor(() => deepActiveElement()?.getAttribute('data-business-unit-id') === 'internal', 'focus moved on');
    const selected = oneEvent<CustomEvent>(document, 'scc-business-unit-select');
    press(deepActiveElement() as Element, 'Enter');
    const event = await selected;
    assertDeepEqual(event.detail, { businessUnitId: 'internal' });
    assert(event.composed && event.bubbles);
    await waitFor(() => rowIds(el).length === 3, 'filtered rows');
    assertDeepEqual(rowIds(el), ['t-crit-prod', 't-crit-test', 't-other']);
  });

  it('reactive properties work (locale, fetchToken set after connect)', async () => {
    const el = document.createElement('service-control-center') as Widget;
    el.setAttribute('api-base', API_BASE);
    el.setAttribute('locale', 'de');
    mount(el);
    await el.updateComplete;
    assertEqual(el.status, 'idle');
    el.fetchToken = tokenSource().fetchToken;
    await whenReady(el);
    assertIncludes(deepText(el.shadowRoot as ShadowRoot), 'Mandanten in MSP');
  });

  it('503 then retry refetches', async () => {
    stub.on('/v1/widget/tenants', () => problem(503, 'Service Unavailable'), { once: true });
    const failed = oneEvent<CustomEvent>(document, 'scc-error');
    const el = create();
    assertDeepEqual((await failed).detail, { status: 503, title: 'Service Unavailable' });
    const panel = await waitFor(() => $(el, 'scc-state-panel[data-testid="error"]'), 'error panel');
    const button = await waitFor(() => $<HTMLButtonElement>(panel, 'button[part="retry-button"]'), 'retry button');
    button.click();
    await whenReady(el);
    assertEqual(stub.tenantListLoads().length, 2);
  });

  it('401 re-fetches the token once and retries', async () => {
    stub.on('/v1/widget/business-units', () => problem(401, 'expired'), { once: true });
    const source = tokenSource();
    const el = create({}, source);
    await whenReady(el);
    assertEqual(source.calls, 2);
    const rootLevels = stub.requestsTo('/v1/widget/business-units').filter((r) => !r.query.has('parentId'));
    assertEqual(rootLevels.length, 2);
  });

  it('works under a strict CSP (no eval, no inline styles)', async () => {
    // Controls: prove the policy is active in this page.
    let evalBlocked = false;
    try {
      // biome-ignore lint/security/noGlobalEval: deliberately probing the CSP
      eval('1');
    } catch {
      evalBlocked = true;
    }
    assert(evalBlocked, 'control: eval is blocked by the CSP');
    const probe = document.createElement('div');
    mount(probe);
    probe.setAttribute('style', 'color: red');
    await waitFor(
      () => violations.some((v) => v.violatedDirective.startsWith('style-src')),
      'control: inline style reported',
    );
    await waitFor(() => violations.some((v) => v.violatedDirective.startsWith('script-src')), 'control: eval reported');
    const before = violations.length;

    const el = create();
    await whenReady(el);
    const t = tree(el);
    await waitFor(() => $(t, '[data-business-unit-id="internal"]'), 'children of the root loaded');
    $(t, '[data-business-unit-id="internal"] [data-toggle]')?.click();
    await waitFor(() => $(t, '[data-business-unit-id="critical"]'), 'expanded');
    // The operations UI too: the order form with proposals, and a pending request's progress bar.
    stub.on('/v1/widget/products', () => json({ items: [{ id: 'p-backup', name: 'Backup', tenantTypes: ['test'] }] }));
    stub.on('/v1/widget/operation-requests', () => json({ items: [operationRequest('r-1', { progress: 30 })] }));
    await el.reload();
    await whenReady(el);
    const order = $(el, 'scc-order-tenant');
    $<HTMLButtonElement>(order, '[part="order-button"]')?.click();
    await waitFor(() => $<HTMLDialogElement>(order, 'dialog')?.open, 'order form');
    await waitFor(() => $($(el, 'scc-pending-requests'), 'progress'), 'progress bar');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assertDeepEqual(
      violations.slice(before).map((v) => `${v.violatedDirective} ${v.blockedURI}`),
      [],
      'no CSP violations from the widget',
    );
    // the tree indentation is set through the CSSOM, which CSP allows
    assertEqual(
      ($(t, '[data-business-unit-id="critical"] > .row') as HTMLElement).style.getPropertyValue('--level'),
      '2',
    );
  });
});
