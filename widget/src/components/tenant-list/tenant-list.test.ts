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
  tenants,
  tenantsByName,
} from '../../../test/helpers.js';
import type { Tenant } from '../../api/types.js';
import type { SccTenantList } from './tenant-list.js';

async function createList(items: Tenant[], locale = 'en'): Promise<SccTenantList> {
  const list = document.createElement('scc-tenant-list');
  list.tenants = items;
  list.locale = locale;
  list.heading = 'Tenants in MSP';
  list.businessUnitNames = new Map([
    ['msp', 'MSP'],
    ['critical', 'Critical systems'],
  ]);
  mount(list);
  await list.updateComplete;
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
      tenantsByName,
      'rows sorted by tenant name',
    );
    assertEqual(rows[0]?.getAttribute('part'), 'tenant-row');
    assertEqual(rows[0]?.querySelector('th')?.getAttribute('scope'), 'row');
    assertIncludes(rows[0]?.querySelector('th')?.textContent, 'Critical PROD');
    // business unit column: the name when known, else the id
    assertEqual(rows[0]?.querySelector('.bu')?.textContent?.trim(), 'Critical systems');
    assertEqual(rowById(list, 't-msp')?.querySelector('.bu')?.textContent?.trim(), 'MSP');
    assertEqual(rowById(list, 't-other')?.querySelector('.bu')?.textContent?.trim(), 'other-systems');
  });

  it('shows the operational status as text, not colour alone', async () => {
    const list = await createList(tenants);
    const texts = $$(list, 'scc-status-badge').map((badge) => deepText(badge));
    // rows by name: Critical PROD, Critical TEST, Customer One PROD, MSP Control, Other systems PROD, Reseller One DEV
    assertDeepEqual(texts, ['Up', 'Degraded', 'Down', 'Up', 'Maintenance', 'Up']);
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

  it('sorts the rows by name whatever order the tenants come in', async () => {
    const named = (id: string, name: string): Tenant => ({ ...(tenants[0] as Tenant), id, name });
    const input = [
      named('t10', 'Tenant 10'),
      named('beta', 'beta'),
      named('t2', 'tenant 2'),
      named('alpha', 'Alpha'),
      named('t1', 'Tenant 1'),
    ];
    const snapshot = input.map((t) => t.id);
    // numbers by value ("Tenant 2" before "Tenant 10"), case ignored ("beta" before "Tenant")
    const expected = ['alpha', 'beta', 't1', 't2', 't10'];
    const list = await createList(input);
    const ids = () => $$(list, 'tbody tr').map((row) => row.dataset.tenantId);
    assertDeepEqual(ids(), expected);
    assertDeepEqual(
      $$(list, 'tbody th .name').map((name) => name.textContent),
      ['Alpha', 'beta', 'Tenant 1', 'tenant 2', 'Tenant 10'],
    );
    assertDeepEqual(
      list.tenants.map((t) => t.id),
      snapshot,
      'the array passed in is not reordered',
    );

    list.tenants = [...input].reverse();
    await list.updateComplete;
    assertDeepEqual(ids(), expected, 'same order for another input order');

    list.tenants = [...input, named('t3', 'Tenant 3')];
    await list.updateComplete;
    assertDeepEqual(ids(), ['alpha', 'beta', 't1', 't2', 't3', 't10'], 'a new tenant lands in its place');
  });

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
