import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/billing.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  type FetchStub,
  json,
  mount,
  session,
  stubFetch,
  tokenSource,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { Invoice, InvoiceList, PriceLists, UsageSummary } from '../../api/types.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { ServiceControlCenter } from '../service-control-center/service-control-center.js';
import type { SccInvoices } from './invoices.js';
import type { SccPriceLists } from './price-lists.js';
import type { SccUsage } from './usage.js';
import type { SccUsageChart } from './usage-chart.js';

const BILLING = `/v1/widget/billing/business-units/msp`;

const usage: UsageSummary = {
  from: '2026-10-01',
  to: '2026-10-03',
  byMetric: [
    { metric: 'stored_gb', quantity: '3637.5' },
    { metric: 'transferred_gb', quantity: '40.25' },
  ],
  byChild: [
    { businessUnitId: 'resellers', name: 'Resellers', metric: 'stored_gb', quantity: '2400' },
    { businessUnitId: 'internal', name: 'Internal systems', metric: 'stored_gb', quantity: '1237.5' },
    { businessUnitId: 'resellers', name: 'Resellers', metric: 'transferred_gb', quantity: '40.25' },
  ],
  byDataSource: [
    { dataSourceId: 'ds-1', name: 'Reseller One backup', metric: 'stored_gb', quantity: '2400' },
    { dataSourceId: 'ds-2', name: 'Critical backup', metric: 'stored_gb', quantity: '1237.5' },
  ],
  byDay: [
    { day: '2026-10-01', metric: 'stored_gb', quantity: '1200' },
    { day: '2026-10-02', metric: 'stored_gb', quantity: '1212.25' },
    { day: '2026-10-03', metric: 'stored_gb', quantity: '1225.25' },
    { day: '2026-10-02', metric: 'transferred_gb', quantity: '40.25' },
  ],
};

const invoice = (id: string, extra: Partial<Invoice> = {}): Invoice => ({
  id,
  sellerId: 'msp',
  sellerName: 'MSP',
  buyerId: 'reseller-one',
  buyerName: 'Reseller One',
  period: '2026-10',
  status: 'draft',
  number: null,
  currency: 'EUR',
  total: '1234567.5',
  computedAt: '2026-11-01T02:00:00.000Z',
  issuedAt: null,
  lines: [
    {
      metric: 'stored_gb',
      quantity: '2400',
      tiers: [{ quantity: '2400', unitPrice: '0.0125' }],
      minimumFee: null,
      amount: '30.00',
      priced: true,
    },
    {
      metric: 'operation.order',
      quantity: '3',
      tiers: [{ quantity: '3', unitPrice: '25' }],
      minimumFee: null,
      amount: '75.00',
      priced: true,
    },
  ],
  ...extra,
});

const summary = ({ lines: _lines, ...rest }: Invoice) => rest;

const invoices: InvoiceList = {
  issued: [summary(invoice('inv-1')), summary(invoice('inv-2', { status: 'issued', number: 7, total: '0.05' }))],
  received: [],
};

const priceLists: PriceLists = {
  sale: {
    sellerId: 'msp',
    buyerId: null,
    purpose: 'sale',
    currency: 'EUR',
    entries: [
      {
        metric: 'stored_gb',
        tiers: [
          { upTo: '1000', unitPrice: '0.03' },
          { upTo: null, unitPrice: '0.02' },
        ],
      },
    ],
    updatedAt: '2026-10-01T00:00:00.000Z',
  },
  overrides: [],
  internal: null,
  account: false,
};

function client(): BffClient {
  return new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
}

async function section<K extends 'scc-usage' | 'scc-invoices' | 'scc-price-lists'>(
  tag: K,
  locale = 'en',
  configure: (el: HTMLElementTagNameMap[K]) => void = () => undefined,
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  el.client = client();
  el.businessUnitId = 'msp';
  el.locale = locale;
  configure(el);
  mount(el);
  // The first update starts the load.
  await el.updateComplete;
  await el.loaded;
  await el.updateComplete;
  return el;
}

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');

describe('billing screens', () => {
  let stub: FetchStub;

  beforeEach(() => {
    stub = stubFetch();
    stub.on(`${BILLING}/usage`, () => json(usage));
    stub.on(`${BILLING}/invoices`, () => json(invoices));
    stub.on(`${BILLING}/price-lists`, () => json(priceLists));
  });

  afterEach(() => {
    cleanup();
    stub.restore();
  });

  describe('the view switch', () => {
    async function widget(roles: string[]): Promise<ServiceControlCenter> {
      stub.restore();
      stub = stubFetch({ session: { ...session, roles: roles as typeof session.roles } });
      stub.on(`${BILLING}/usage`, () => json(usage));
      stub.on(`${BILLING}/price-lists`, () => json(priceLists));
      const el = document.createElement('service-control-center');
      el.setAttribute('api-base', API_BASE);
      el.fetchToken = tokenSource().fetchToken;
      mount(el);
      await waitFor(() => el.status === 'ready', 'ready');
      await el.updateComplete;
      return el;
    }
    const views = (el: ServiceControlCenter) => $$(el, '[part="view"]').map((b) => b.textContent?.trim());

    it('offers a viewer the tenants and data sources, but not usage and invoices', async () => {
      const el = await widget(['viewer']);
      assertDeepEqual(views(el), ['Tenants', 'Data sources']);
      assertEqual(
        stub.requests.some((r) => r.path.startsWith('/v1/widget/billing/')),
        false,
        'no billing call',
      );
    });

    it('offers the billing role usage and invoices, loaded on demand with its chart', async () => {
      const el = await widget(['billing']);
      assertDeepEqual(views(el), ['Tenants', 'Usage & invoices', 'Data sources']);
      assertEqual($(el, '[part="view"][aria-current="true"]')?.textContent?.trim(), 'Tenants');
      $<HTMLButtonElement>(el, '[part="view"][data-view="1"]')?.click();
      const billing = await waitFor(() => $(el, 'scc-billing'), 'the billing screens');
      assertEqual($(el, '[part="view"][aria-current="true"]')?.textContent?.trim(), 'Usage & invoices');
      assertEqual($(el, 'scc-tenants'), null, 'the tenants give way');
      const usageEl = await waitFor(() => $<SccUsage>(billing, 'scc-usage'), 'usage');
      await waitFor(() => $$(usageEl, 'scc-usage-chart').length === 3, 'three charts');
      assertEqual(stub.requestsTo(`${BILLING}/usage`)[0]?.authorization?.startsWith('Bearer '), true);
    });
  });

  it('charts usage per day, child and data source, with the API’s numbers in tables', async () => {
    const el = await section('scc-usage');
    const charts = $$<SccUsageChart>(el, 'scc-usage-chart');
    assertDeepEqual(
      charts.map((c) => c.caption),
      ['Stored GB per day', 'Stored GB by business unit', 'Stored GB by data source'],
    );
    for (const chart of charts) await chart.updateComplete;
    const table = (chart: SccUsageChart | undefined) => $$(chart, '[part="chart-table"] tbody tr').map(cells);
    assertDeepEqual(table(charts[0]), [
      ['Oct 1, 2026', '1,200'],
      ['Oct 2, 2026', '1,212.25'],
      ['Oct 3, 2026', '1,225.25'],
    ]);
    assertDeepEqual(table(charts[1]), [
      ['Resellers', '2,400'],
      ['Internal systems', '1,237.5'],
    ]);
    assertDeepEqual(table(charts[2]), [
      ['Reseller One backup', '2,400'],
      ['Critical backup', '1,237.5'],
    ]);
    // The tables are read by screen readers, hidden visually until asked for.
    assertEqual($(charts[0], '.visually-hidden [part="chart-table"]') !== null, true, 'hidden visually');
    // The pictures are uPlot's canvases, hidden from assistive technology.
    await waitFor(() => charts.every((c) => c.drawn), 'uPlot drew every chart');
    assert($(charts[0], '[aria-hidden="true"] canvas'), 'a canvas');

    // Another metric: the same charts for it; "Show as table" shows the tables.
    const select = $<HTMLSelectElement>(el, '[data-testid="metric"]');
    assert(select);
    select.value = 'transferred_gb';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await charts[0]?.updateComplete;
    assertDeepEqual(table(charts[0]), [['Oct 2, 2026', '40.25']]);
    $<HTMLButtonElement>(el, '[data-testid="show-tables"]')?.click();
    await el.updateComplete;
    await charts[0]?.updateComplete;
    assertEqual($(charts[0], '.visually-hidden [part="chart-table"]'), null, 'shown');
    assertEqual(stub.requestsTo(`${BILLING}/usage`)[0]?.query.has('from'), true);
    await expectNoAxeViolations(el);
  });

  it('lists invoices with totals formatted from the API’s decimals, in English and German', async () => {
    const el = await section('scc-invoices', 'en', (e) => {
      e.seller = true;
    });
    const rows = $$(el, '[part="invoice-row"]').map(cells);
    assertDeepEqual(
      rows.map((r) => r.slice(0, 6)),
      [
        ['–', 'MSP', 'Reseller One', '2026-10', '€1,234,567.50', 'Draft'],
        ['7', 'MSP', 'Reseller One', '2026-10', '€0.05', 'Issued'],
      ],
    );
    assert(/^\d{4}-\d\d$/.test(stub.requestsTo(`${BILLING}/invoices`)[0]?.query.get('period') ?? ''), 'a month');
    await expectNoAxeViolations(el);

    const de = await section('scc-invoices', 'de');
    const total = $$(de, '[data-testid="invoice-total"]')[0]?.textContent?.replace(/\s/g, ' ');
    assertEqual(total, '1.234.567,50 €');
  });

  it('opens an invoice with its lines, downloads its CSV with the token and issues it after a confirmation', async () => {
    stub.on('/v1/widget/billing/invoices/inv-1', () => json(invoice('inv-1')));
    stub.on(
      '/v1/widget/billing/invoices/inv-1/csv',
      () => new Response('metric,amount\n', { headers: { 'content-type': 'text/csv' } }),
    );
    stub.on('/v1/widget/billing/invoices/inv-1/issue', () => json(invoice('inv-1', { status: 'issued', number: 8 })));
    const el = await section('scc-invoices', 'en', (e) => {
      e.seller = true;
    });
    $<HTMLButtonElement>(el, '[data-invoice-id="inv-1"] button')?.click();
    await waitFor(() => $(el, '[part="invoice"]'), 'the invoice');
    assertDeepEqual($$(el, '[part="invoice-lines"] tbody tr').map(cells), [
      ['Stored GB', '2,400', '2,400 × €0.0125', '–', '€30.00'],
      ['Operation.order', '3', '3 × €25.00', '–', '€75.00'],
    ]);
    assertIncludes($(el, '[data-testid="invoice-detail-total"]')?.textContent, '€1,234,567.50');

    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    try {
      $<HTMLButtonElement>(el, '[data-testid="download-csv"]')?.click();
      await waitFor(() => saved.length === 1, 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    assertDeepEqual(saved, ['invoice-2026-10-draft-inv-1.csv']);
    assertEqual(stub.requestsTo('/v1/widget/billing/invoices/inv-1/csv')[0]?.authorization, 'Bearer t');

    $<HTMLButtonElement>(el, '[data-testid="issue"]')?.click();
    await el.updateComplete;
    assertEqual(stub.requestsTo('/v1/widget/billing/invoices/inv-1/issue').length, 0, 'not before confirming');
    assertIncludes($(el, '[data-testid="issue-confirmation"]')?.textContent, 'can no longer be changed');
    $<HTMLButtonElement>(el, '[data-testid="issue-confirm"]')?.click();
    await waitFor(() => $(el, '[part="invoice"] h3')?.textContent?.includes('Invoice 8'), 'issued as number 8');
    assertEqual(stub.requestsTo('/v1/widget/billing/invoices/inv-1/issue')[0]?.method, 'POST');
    assertEqual($(el, '[data-testid="issue"]'), null, 'an issued invoice cannot be issued again');
  });

  it('runs the month’s invoices only for a seller', async () => {
    stub.on(`${BILLING}/invoice-runs`, () => json({ items: invoices.issued }));
    const buyer = await section('scc-invoices');
    assertEqual($(buyer, '[part="run-button"]'), null);
    const seller = await section('scc-invoices', 'en', (e) => {
      e.seller = true;
    });
    $<HTMLButtonElement>(seller, '[part="run-button"]')?.click();
    await waitFor(() => $(seller, '[role="status"]')?.textContent?.includes('2 invoices computed'), 'the run');
    assertEqual(stub.requestsTo(`${BILLING}/invoice-runs`)[0]?.method, 'POST');
  });

  it('shows a refused price at the field the problem names', async () => {
    stub.on(
      `${BILLING}/price-lists/sale`,
      () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Validation failed',
            status: 400,
            errors: [{ field: 'body.entries.0.tiers.1.upTo', message: 'Tiers overlap: bounds must increase' }],
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const el = await section('scc-price-lists');
    assertDeepEqual($$(el, '[part="price-list"] tbody tr').map(cells), [
      ['Stored GB', '≤ 1,000: €0.03; ∞: €0.02', '–'],
    ]);
    $<HTMLButtonElement>(el, '[data-testid="sale-list-edit"]')?.click();
    await el.updateComplete;
    const upTo = $<HTMLInputElement>(el, 'input[name="entries.0.tiers.1.upTo"]');
    assert(upTo, 'the second tier’s bound');
    upTo.value = '500';
    upTo.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, '[part="price-list-editor"]')?.requestSubmit();
    const message = await waitFor(() => $(el, '[part="field-error"]'), 'the field’s message');
    assertEqual(message.dataset.field, 'entries.0.tiers.1.upTo');
    assertEqual(message.textContent?.trim(), 'Tiers overlap: bounds must increase');
    const invalid = $<HTMLInputElement>(el, '[aria-invalid="true"]');
    assertEqual(invalid?.name, 'entries.0.tiers.1.upTo');
    assertEqual(invalid?.getAttribute('aria-describedby'), message.id);
    assertEqual(el.shadowRoot?.activeElement, invalid, 'focus at the field');
    assertDeepEqual(stub.requestsTo(`${BILLING}/price-lists/sale`)[0]?.body, {
      currency: 'EUR',
      entries: [
        {
          metric: 'stored_gb',
          tiers: [
            { upTo: '1000', unitPrice: '0.03' },
            { upTo: '500', unitPrice: '0.02' },
          ],
        },
      ],
    });
    await expectNoAxeViolations(el as SccPriceLists);
  });

  it('breaks show-back down by unit in tree order, with the API’s shares and total', async () => {
    stub.on(`${BILLING}/show-back`, () =>
      json({
        businessUnitId: 'msp',
        period: '2026-10',
        currency: 'EUR',
        total: '100.00',
        lines: [
          {
            metric: 'stored_gb',
            class: 'critical',
            quantity: '1000',
            tiers: [],
            minimumFee: null,
            amount: '60.00',
            priced: true,
          },
          {
            metric: 'stored_gb',
            class: 'other',
            quantity: '2000',
            tiers: [],
            minimumFee: null,
            amount: '40.00',
            priced: true,
          },
        ],
        units: [
          {
            businessUnitId: 'critical',
            parentId: 'internal',
            name: 'Critical systems',
            kind: 'department',
            own: '60.00',
            subtree: '60.00',
          },
          { businessUnitId: 'msp', parentId: null, name: 'MSP', kind: 'msp', own: '0.00', subtree: '100.00' },
          {
            businessUnitId: 'internal',
            parentId: 'msp',
            name: 'Internal systems',
            kind: 'division',
            own: '40.00',
            subtree: '100.00',
          },
        ],
      }),
    );
    const el = document.createElement('scc-show-back');
    el.client = client();
    el.businessUnitId = 'msp';
    mount(el);
    await waitFor(() => $(el, '[part="show-back-units"]'), 'the show-back');
    assertDeepEqual(
      $$(el, '[part="show-back-units"] tbody tr').map((tr) => [tr.dataset.depth, ...cells(tr)]),
      [
        ['0', 'MSP', 'Managed service provider', '€0.00', '€100.00'],
        ['1', 'Internal systems', 'Division', '€40.00', '€100.00'],
        ['2', 'Critical systems', 'Department', '€60.00', '€60.00'],
      ],
    );
    assertDeepEqual($$(el, '[part="show-back-lines"] tbody tr').map(cells), [
      ['Stored GB', 'Critical', '1,000', '€60.00'],
      ['Stored GB', 'Other', '2,000', '€40.00'],
    ]);
    assertEqual($(el, '[data-testid="show-back-total"]')?.textContent?.trim(), '€100.00');
    await expectNoAxeViolations(el);
  });

  it('speaks German', async () => {
    const el = await section('scc-invoices', 'de');
    assertIncludes($(el, 'caption')?.textContent, 'Gestellte Rechnungen');
    assertEqual(($(el, '[part="invoice-row"]') as HTMLElement | null)?.textContent?.includes('Entwurf'), true);
    assert((el as SccInvoices).invoices, 'loaded');
  });
});
