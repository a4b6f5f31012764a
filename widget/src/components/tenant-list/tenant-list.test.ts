import '../../i18n/de.js';
import '../../index.js';
import {
  $,
  $$,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  mount,
  press,
  tenants,
} from '../../../test/helpers.js';
import type { Tenant } from '../../api/types.js';
import type { SccTenantList } from './tenant-list.js';

async function createList(items: Tenant[], locale = 'en'): Promise<SccTenantList> {
  const list = document.createElement('scc-tenant-list');
  list.tenants = items;
  list.locale = locale;
  list.heading = 'Tenants in MSP';
  list.note = '6 tenants';
  mount(list);
  await list.updateComplete;
  // The menu and the cards come with styles of their own chunk; a busy machine takes a moment.
  await list.narrowStylesApplied;
  for (const badge of $$(list, 'scc-status-badge'))
    await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return list;
}

const rowById = (list: SccTenantList, id: string) => $(list, `tbody tr[data-tenant-id="${id}"]`);

describe('scc-tenant-list', () => {
  afterEach(cleanup);

  it('is a real table with caption, column headers and row headers', async () => {
    const list = await createList(tenants);
    const table = $(list, 'table');
    assert(table, 'table');
    assertEqual(table.getAttribute('part'), 'tenants');
    assertIncludes($(list, 'caption')?.textContent, 'Tenants in MSP');
    assertIncludes($(list, 'caption')?.textContent, '6 tenants');
    const headers = $$(list, 'thead th[scope="col"]').map((th) => th.textContent?.trim());
    assertDeepEqual(headers, ['Name', 'Type', 'Lifecycle', 'Status', 'Business unit']);
    const rows = $$(list, 'tbody tr');
    assertEqual(rows.length, tenants.length);
    assertDeepEqual(
      rows.map((row) => row.dataset.tenantId),
      tenants.map((t) => t.id),
      'rows in the order the server sent them',
    );
    assertEqual(rows[0]?.getAttribute('part'), 'tenant-row');
    assertEqual(rows[0]?.querySelector('th')?.getAttribute('scope'), 'row');
    assertIncludes(rows[0]?.querySelector('th')?.textContent, 'MSP Control');
    // the business unit column shows the name the page brought along
    assertEqual(rowById(list, 't-crit-prod')?.querySelector('.bu')?.textContent?.trim(), 'Critical systems');
    assertEqual(rowById(list, 't-other')?.querySelector('.bu')?.textContent?.trim(), 'Other systems');
  });

  it('shows the operational status as text, not colour alone', async () => {
    const list = await createList(tenants);
    const texts = $$(list, 'scc-status-badge').map((badge) => deepText(badge));
    // rows as given: MSP Control, Critical PROD, Critical TEST, Other systems PROD, Customer One PROD, Reseller One DEV
    assertDeepEqual(texts, ['Up', 'Up', 'Degraded', 'Maintenance', 'Down', 'Up']);
    const down = rowById(list, 't-c1-prod')?.querySelector('scc-status-badge');
    assertEqual(deepText(down as Element), 'Down');
    assertEqual($(down, '[part="base"]')?.dataset.tone, 'danger');
  });

  it('humanizes unknown values and localizes known ones', async () => {
    const odd: Tenant = {
      ...(tenants[0] as Tenant),
      id: 'x',
      type: 'sandbox_env',
      // Statuses the document does not list (yet): shown humanized rather than dropped.
      lifecycleStatus: 'on-hold' as Tenant['lifecycleStatus'],
      operationalStatus: 'unknown' as Tenant['operationalStatus'],
    };
    const list = await createList([odd, tenants[1] as Tenant], 'de');
    const oddRow = rowById(list, 'x');
    const knownRow = rowById(list, 't-crit-prod');
    assert(oddRow && knownRow, 'both rows rendered');
    assertIncludes(deepText(oddRow), 'Sandbox env');
    assertIncludes(deepText(oddRow), 'On hold');
    assertIncludes(deepText(oddRow), 'Unknown');
    assertIncludes(deepText(knownRow), 'Produktiv');
    assertIncludes(deepText(knownRow), 'In Betrieb');
    assertDeepEqual(
      $$(list, 'thead th').map((th) => th.textContent?.trim()),
      ['Name', 'Typ', 'Lebenszyklus', 'Status', 'Organisationseinheit'],
    );
  });

  it('marks the sorted column with aria-sort and asks for the other order on a header click', async () => {
    const list = await createList(tenants);
    list.sort = 'status';
    list.order = 'asc';
    await list.updateComplete;
    const sorted = $$(list, 'thead th[aria-sort]');
    assertEqual(sorted.length, 1, 'one sorted column');
    assertEqual(sorted[0]?.getAttribute('aria-sort'), 'ascending');
    assertIncludes(sorted[0]?.textContent, 'Status');
    const asked: unknown[] = [];
    list.addEventListener('scc-tenant-sort', (event) => asked.push(event.detail));
    $<HTMLButtonElement>(list, 'button[data-sort="status"]')?.click();
    $<HTMLButtonElement>(list, 'button[data-sort="businessUnit"]')?.click();
    assertDeepEqual(asked, [
      { sort: 'status', order: 'desc' },
      { sort: 'businessUnit', order: 'asc' },
    ]);
  });

  it('offers termination only on rows that allow it, and only with the operations loaded', async () => {
    const kept: Tenant = { ...(tenants[1] as Tenant), allowedActions: [] };
    const list = await createList([kept, tenants[2] as Tenant]);
    assertEqual($$(list, '[part="terminate-button"]').length, 0, 'nothing before the operations are loaded');
    list.terminable = true;
    await list.updateComplete;
    assertEqual($(list, `tr[data-tenant-id="${kept.id}"] [part="terminate-button"]`), null, 'not allowed: not offered');
    assert($(list, 'tr[data-tenant-id="t-crit-test"] [part="terminate-button"]'), 'allowed: offered');
    assert($(list, 'tr[data-tenant-id="t-crit-test"] [part="actions-button"]'), 'and in the actions menu');
  });

  it('the actions menu opens with the arrow key, moves by arrow keys and closes with Escape', async () => {
    const list = await createList(tenants);
    list.terminable = true;
    list.style.width = '600px';
    await list.updateComplete;
    const button = $<HTMLButtonElement>(list, 'tr[data-tenant-id="t-crit-test"] [part="actions-button"]');
    assert(button, 'menu button');
    assertEqual(button.getAttribute('aria-haspopup'), 'menu');
    assertEqual(button.getAttribute('aria-expanded'), 'false');
    button.focus();
    press(button, 'ArrowDown');
    await list.updateComplete;
    assertEqual(button.getAttribute('aria-expanded'), 'true');
    const menu = $(list, '[role="menu"]');
    assertEqual(menu?.id, button.getAttribute('aria-controls'));
    const item = $<HTMLButtonElement>(list, '[role="menuitem"]');
    assertEqual(list.shadowRoot?.activeElement, item, 'focus on the first item');
    press(item as HTMLElement, 'ArrowDown');
    assertEqual(list.shadowRoot?.activeElement, item, 'one item: the arrow wraps to it');
    const terminated: string[] = [];
    list.addEventListener('scc-tenant-terminate', (event) => terminated.push(event.detail.tenant.id));
    press(item as HTMLElement, 'Escape');
    await list.updateComplete;
    assertEqual($(list, '[role="menu"]'), null, 'closed');
    assertEqual(list.shadowRoot?.activeElement, button, 'focus back on the button');
    button.click();
    await list.updateComplete;
    $<HTMLButtonElement>(list, '[role="menuitem"]')?.click();
    assertDeepEqual(terminated, ['t-crit-test']);
  });

  for (const width of [360, 1024, 1280]) {
    it(`fits ${width} px without horizontal overflow, every action reachable`, async () => {
      const list = await createList(tenants);
      list.terminable = true;
      list.style.width = `${width}px`;
      await list.updateComplete;
      assert(
        list.scrollWidth <= list.clientWidth,
        `scrollWidth ${list.scrollWidth} <= clientWidth ${list.clientWidth}`,
      );
      const frame = $(list, '.frame') as HTMLElement;
      assert(frame.scrollWidth <= frame.clientWidth, 'the table does not overflow its frame');
      for (const row of $$(list, 'tbody tr')) {
        const visible = [
          ...row.querySelectorAll<HTMLElement>('[part="terminate-button"], [part="actions-button"]'),
        ].filter((b) => b.getBoundingClientRect().width > 0);
        assertEqual(visible.length, 1, `one visible way to the actions of ${row.dataset.tenantId}`);
        const box = visible[0]?.getBoundingClientRect();
        const frameBox = frame.getBoundingClientRect();
        assert(box && box.right <= frameBox.right + 0.5 && box.left >= frameBox.left - 0.5, 'inside the list');
      }
      if (width === 360) assertEqual(getComputedStyle($(list, 'tbody tr') as Element).display, 'block', 'cards');
    });
  }

  it('offers copy into and order from where allowed and asks the parent to open them, from the menu too', async () => {
    const operable: Tenant = {
      ...(tenants[2] as Tenant),
      allowedActions: ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'],
    };
    const list = await createList([operable, tenants[1] as Tenant]);
    list.terminable = true;
    await list.updateComplete;
    const row = rowById(list, operable.id);
    const copy = row?.querySelector<HTMLButtonElement>('[part="copy-into-button"]');
    const order = row?.querySelector<HTMLButtonElement>('[part="order-from-button"]');
    assertEqual(copy?.getAttribute('aria-label'), 'Copy into this tenant: Critical TEST');
    assertEqual(order?.getAttribute('aria-label'), 'Order from this tenant: Critical TEST');
    assertEqual($(list, 'tr[data-tenant-id="t-crit-prod"] [part="copy-into-button"]'), null, 'not allowed there');
    const asked: string[] = [];
    list.addEventListener('scc-tenant-operate', (event) =>
      asked.push(`${event.detail.action} ${event.detail.tenant.id}`),
    );
    copy?.click();
    order?.click();
    list.style.width = '600px';
    const menuButton = row?.querySelector<HTMLButtonElement>('[part="actions-button"]');
    menuButton?.click();
    await list.updateComplete;
    assertDeepEqual(
      $$(list, '[role="menuitem"]').map((item) => item.textContent?.trim()),
      [
        'Request termination',
        'Copy into this tenant',
        'Order from this tenant',
        'Transport configuration…',
        'Solution profile versions',
      ],
    );
    $<HTMLButtonElement>(list, '[role="menuitem"][data-action="copy-into"]')?.click();
    await list.updateComplete;
    assertEqual($(list, '[role="menu"]'), null, 'the menu closes');
    assertEqual(list.shadowRoot?.activeElement, menuButton, 'focus on the menu button, for the dialog to return to');
    assertDeepEqual(asked, ['copy-into t-crit-test', 'order-from t-crit-test', 'copy-into t-crit-test']);
  });

  it('offers transports and profile versions only where the server allows them', async () => {
    const copyOnly: Tenant = { ...(tenants[2] as Tenant), allowedActions: ['copy-into', 'transport'] };
    const list = await createList([copyOnly]);
    list.terminable = true;
    await list.updateComplete;
    const row = rowById(list, copyOnly.id);
    assert(row?.querySelector('[part="transport-button"]'), 'transport allowed');
    assertEqual(row?.querySelector('[part="profile-versions-button"]'), null, 'no rollback without the right');
  });

  it('offers the row actions in German', async () => {
    const operable: Tenant = {
      ...(tenants[2] as Tenant),
      allowedActions: ['copy-into', 'order-from', 'transport', 'profile-versions'],
    };
    const list = await createList([operable], 'de');
    list.terminable = true;
    await list.updateComplete;
    assertDeepEqual(
      $$(list, '.inline button').map((button) => button.textContent?.trim()),
      [
        'In diesen Mandanten kopieren',
        'Aus diesem Mandanten bestellen',
        'Konfiguration transportieren…',
        'Versionen des Lösungsprofils',
      ],
    );
  });

  for (const width of [360, 1024, 1440]) {
    it(`with every action on every row, fits ${width} px and reaches each action`, async () => {
      const all = tenants.map(
        (t) =>
          ({
            ...t,
            allowedActions: ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'],
          }) as Tenant,
      );
      const list = await createList(all);
      list.terminable = true;
      list.style.width = `${width}px`;
      await list.updateComplete;
      const frame = $(list, '.frame') as HTMLElement;
      assert(frame.scrollWidth <= frame.clientWidth, `no overflow (${frame.scrollWidth} > ${frame.clientWidth})`);
      for (const row of $$(list, 'tbody tr')) {
        const visible = [...row.querySelectorAll<HTMLElement>('.inline button, [part="actions-button"]')].filter(
          (b) => b.getBoundingClientRect().width > 0,
        );
        const menu = visible.some((b) => b.matches('[part="actions-button"]'));
        // With copy into come the transport and the profile versions.
        assertEqual(visible.length, menu ? 1 : 5, `the actions of ${row.dataset.tenantId}`);
      }
    });
  }

  it('shows an empty state without a table', async () => {
    const list = await createList([]);
    assertEqual($(list, 'table'), null);
    const empty = $(list, 'scc-state-panel');
    assert(empty);
    await (empty as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    assertIncludes(deepText(empty), 'No tenants in this business unit');
    assert($(empty, '[role="status"]'), 'empty state is announced politely');
  });
});
