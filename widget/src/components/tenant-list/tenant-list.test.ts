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
    assertEqual(rows[0]?.getAttribute('part'), 'tenant-row');
    assertEqual(rows[0]?.dataset.tenantId, 't-msp');
    assertEqual(rows[0]?.querySelector('th')?.getAttribute('scope'), 'row');
    assertIncludes(rows[1]?.textContent, 'Critical systems');
  });

  it('shows the operational status as text, not colour alone', async () => {
    const list = await createList(tenants);
    const texts = $$(list, 'scc-status-badge').map((badge) => deepText(badge));
    assertDeepEqual(texts, ['Up', 'Up', 'Degraded', 'Maintenance', 'Down', 'Up']);
    const down = $$(list, 'scc-status-badge')[4];
    assertEqual($(down, '[part="base"]')?.dataset.tone, 'danger');
  });

  it('humanizes unknown values and localizes known ones', async () => {
    const odd: Tenant = {
      ...(tenants[0] as Tenant),
      id: 'x',
      type: 'sandbox_env',
      lifecycleStatus: 'on-hold',
      operationalStatus: 'unknown',
    };
    const list = await createList([odd, tenants[1] as Tenant], 'de');
    const rows = $$(list, 'tbody tr');
    assertIncludes(deepText(rows[0] as Element), 'Sandbox env');
    assertIncludes(deepText(rows[0] as Element), 'On hold');
    assertIncludes(deepText(rows[0] as Element), 'Unknown');
    assertIncludes(deepText(rows[1] as Element), 'Produktiv');
    assertIncludes(deepText(rows[1] as Element), 'In Betrieb');
    assertDeepEqual(
      $$(list, 'thead th').map((th) => th.textContent?.trim()),
      ['Name', 'Typ', 'Lebenszyklus', 'Status', 'Organisationseinheit'],
    );
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
