import '../index.js';
import { sendKeys } from '@web/test-runner-commands';
import '../lazy/admin.js';
import '../lazy/operations.js';
import {
  $,
  $$,
  API_BASE,
  assertEqual,
  businessUnits,
  cleanup,
  deepActiveElement,
  type FetchStub,
  json,
  levelOf,
  mount,
  operationRequest,
  session,
  stubFetch,
  tenants,
  tokenSource,
  waitFor,
} from '../../test/helpers.js';
import { BffClient } from '../api/bff-client.js';
import type { BusinessUnit, Session, Tenant } from '../api/types.js';
import type { ServiceControlCenter } from '../components/service-control-center/service-control-center.js';
import { expectNoAxeViolations } from './axe.js';

/** The palette a host (or a brand's dark variant) sets for a dark page. */
const darkPalette: Record<string, string> = {
  '--scc-color-surface': '#111827',
  '--scc-color-text': '#f9fafb',
  '--scc-color-muted': '#9ca3af',
  '--scc-color-border': '#374151',
  '--scc-color-primary': '#60a5fa',
  '--scc-color-on-primary': '#111827',
  '--scc-color-danger': '#f87171',
  '--scc-color-warning': '#fbbf24',
  '--scc-color-success': '#4ade80',
};

const personas: Record<string, Session> = {
  'MSP operator': session,
  'reseller admin': { ...session, roles: ['admin', 'operator', 'viewer'] },
  'department viewer': { ...session, roles: ['viewer'] },
};

/** A ready control center; `palette` is what a host sets as `--scc-*` properties on it. */
async function controlCenter(
  attributes: Record<string, string>,
  palette: Record<string, string> = {},
): Promise<ServiceControlCenter> {
  const el = document.createElement('service-control-center');
  el.setAttribute('api-base', API_BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const [name, value] of Object.entries(palette)) el.style.setProperty(name, value);
  el.fetchToken = tokenSource().fetchToken;
  mount(el);
  await waitFor(() => el.status === 'ready', 'ready state');
  await waitFor(() => !$(el, '.part-loading'), 'lazy parts');
  const tree = $(el, 'scc-business-unit-tree');
  await waitFor(() => $$(tree, '[role="treeitem"]').length > 1, 'tree items');
  await waitFor(() => $$($($(el, 'scc-tenants'), 'scc-tenant-list'), '[part~="tenant-row"]').length > 0, 'tenant rows');
  return el;
}

/** Reseller One's brand colour: the tinted selections must stay readable with it too. */
const brandPrimary = '#c2410c';

describe('accessibility of the whole control center (axe, WCAG 2.2 A/AA)', () => {
  let stub: FetchStub;
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  for (const [persona, shape] of Object.entries(personas)) {
    for (const dark of [false, true]) {
      for (const locale of ['en', 'de']) {
        for (const dir of ['ltr', 'rtl']) {
          it(`${persona}, ${dark ? 'dark' : 'light'}, ${locale}, ${dir}`, async () => {
            stub = stubFetch({ session: shape });
            stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
            const el = await controlCenter({ locale, dir }, dark ? darkPalette : {});
            await expectNoAxeViolations(el, `${persona} ${locale} ${dir}`);
          });
        }
      }
    }
  }

  it(`a brand primary (${brandPrimary}) keeps selections and badges readable`, async () => {
    stub = stubFetch();
    const el = await controlCenter({}, { '--scc-color-primary': brandPrimary });
    const logo = $($(el, 'scc-brand-mark'), '.logo');
    assertEqual(getComputedStyle(logo as Element).backgroundColor, 'rgb(194, 65, 12)', 'the brand applies');
    await expectNoAxeViolations(el, 'the branded control center');
  });
});

const client = () => new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
const criticalProd = tenants.find((t) => t.id === 't-crit-prod') as Tenant;

/** Mounts a screen with the fake BFF as its client and waits for `ready` to find something. */
async function screen<T extends HTMLElement>(tag: string, set: (el: T) => void, ready: (el: T) => unknown): Promise<T> {
  const el = document.createElement(tag) as T & { client: BffClient };
  el.client = client();
  set(el);
  mount(el);
  await waitFor(() => ready(el), `${tag} ready`);
  return el;
}

describe('accessibility of each screen (axe, WCAG 2.2 A/AA)', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/products', () =>
      json({ items: [{ id: 'p-backup', name: 'Backup as a Service', tenantTypes: ['productive', 'test'] }] }),
    );
    stub.on('/v1/widget/operation-requests/dry-run', () =>
      json({ allowed: true, chargeable: true, validations: [], determinations: {} }),
    );
    stub.on('/v1/widget/operation-requests', () =>
      json({ items: [operationRequest('r-1', { state: 'running', progress: 40 })] }),
    );
    stub.on('/v1/widget/users', () =>
      json({
        items: [
          {
            id: 'u-dana',
            email: 'dana@contoso.example',
            displayName: 'Dana Okafor',
            businessUnitId: 'critical',
            roles: [{ id: 'ra-1', businessUnitId: 'critical', businessUnitName: 'Critical systems', role: 'operator' }],
          },
        ],
        nextCursor: null,
      }),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  for (const locale of ['en', 'de']) {
    it(`the tenant list, the pending panel and the state panels (${locale})`, async () => {
      const list = await screen<HTMLElementTagNameMap['scc-tenant-list']>(
        'scc-tenant-list',
        (el) => {
          el.tenants = tenants;
          el.locale = locale;
        },
        (el) => $(el, '[part~="tenant-row"]'),
      );
      await expectNoAxeViolations(list);
      const pending = await screen<HTMLElementTagNameMap['scc-pending-requests']>(
        'scc-pending-requests',
        (el) => {
          el.tenants = tenants;
          el.locale = locale;
        },
        (el) => $(el, '[part="request"]'),
      );
      await expectNoAxeViolations(pending);
      for (const variant of ['loading', 'empty', 'error'] as const) {
        const panel = document.createElement('scc-state-panel');
        panel.variant = variant;
        panel.locale = locale;
        mount(panel);
        await panel.updateComplete;
        await expectNoAxeViolations(panel, `state panel ${variant}`);
      }
    });

    it(`the order form and the termination dialog (${locale})`, async () => {
      const order = await screen<HTMLElementTagNameMap['scc-order-tenant']>(
        'scc-order-tenant',
        (el) => {
          el.tenants = tenants;
          el.businessUnitId = 'critical';
          el.businessUnitName = 'Critical systems';
          el.locale = locale;
        },
        (el) => $(el, '[data-testid="order-tenant"]'),
      );
      $<HTMLButtonElement>(order, '[data-testid="order-tenant"]')?.click();
      await waitFor(() => $$(order, '[data-testid="product"] option').length > 1, 'products');
      await expectNoAxeViolations(order, 'the order form');
      $<HTMLDialogElement>(order, 'dialog')?.close();
      const terminate = await screen<HTMLElementTagNameMap['scc-terminate-dialog']>(
        'scc-terminate-dialog',
        (el) => {
          el.locale = locale;
        },
        () => true,
      );
      await terminate.show(criticalProd);
      await expectNoAxeViolations(terminate, 'the termination dialog');
      terminate.close();
      const copy = await screen<HTMLElementTagNameMap['scc-copy-dialog']>(
        'scc-copy-dialog',
        (el) => {
          el.locale = locale;
        },
        () => true,
      );
      await copy.show(criticalProd);
      await waitFor(() => $(copy, 'input[name="source"]'), 'the source tenants');
      $<HTMLInputElement>(copy, 'input[name="source"]')?.click();
      $<HTMLInputElement>(copy, '[data-part="solutionProfile"]')?.click();
      await waitFor(() => $(copy, '[data-testid="validations"]'), 'the dry run');
      await expectNoAxeViolations(copy, 'the copy dialog into a productive tenant');
      for (const [name, value] of Object.entries(darkPalette)) copy.style.setProperty(name, value);
      await expectNoAxeViolations(copy, 'the copy dialog on a dark page');
      copy.close();
      const orderFrom = await screen<HTMLElementTagNameMap['scc-order-tenant']>(
        'scc-order-tenant',
        (el) => {
          el.tenants = tenants;
          el.hideOpener = true;
          el.locale = locale;
        },
        () => true,
      );
      await orderFrom.show(criticalProd);
      await waitFor(() => $$(orderFrom, '[data-testid="type"] option').length > 1, 'the types');
      await expectNoAxeViolations(orderFrom, 'the order form opened from a tenant');
    });

    it(`the tenant list with every row action (${locale})`, async () => {
      const list = await screen<HTMLElementTagNameMap['scc-tenant-list']>(
        'scc-tenant-list',
        (el) => {
          el.tenants = tenants.map(
            (t) =>
              ({
                ...t,
                allowedActions: ['terminate', 'copy-into', 'order-from', 'transport', 'profile-versions'],
              }) as Tenant,
          );
          el.terminable = true;
          el.locale = locale;
        },
        (el) => $(el, '[part="copy-into-button"]'),
      );
      await expectNoAxeViolations(list, 'the tenant list with its actions');
      $<HTMLButtonElement>(list, '[part="actions-button"]')?.click();
      await waitFor(() => $(list, '[role="menu"]'), 'the actions menu');
      await expectNoAxeViolations(list, 'the open actions menu');
    });

    it(`the admin screens: unit admin, users and the move preview (${locale})`, async () => {
      stub.on('/v1/widget/business-units/critical/move-preview', () =>
        json({
          businessUnit: { id: 'critical', name: 'Critical systems' },
          from: { parentId: 'internal', path: ['MSP', 'Internal systems'] },
          to: { parentId: 'external', path: ['MSP', 'External customers'] },
          counts: { businessUnits: 1, tenants: 2, users: 1, roleAssignments: 0, dataSources: 4 },
          brand: { before: null, after: null, changes: false },
          inheritedRoles: [],
        }),
      );
      stub.on('/v1/widget/business-units', (request) => json(levelOf(businessUnits, request.query)));
      const admin = await screen<HTMLElementTagNameMap['scc-business-unit-admin']>(
        'scc-business-unit-admin',
        (el) => {
          el.path = [
            { id: 'msp', name: 'MSP', kind: 'msp' },
            { id: 'internal', name: 'Internal systems', kind: 'division' },
            { id: 'critical', name: 'Critical systems', kind: 'department' },
          ];
          el.businessUnitId = 'critical';
          el.rootId = 'msp';
          el.roles = ['admin', 'operator', 'viewer'];
          el.locale = locale;
        },
        (el) => $(el, 'details'),
      );
      for (const details of $$<HTMLDetailsElement>(admin, 'details')) details.open = true;
      await expectNoAxeViolations(admin, 'the unit admin with every section open');
      const users = await screen<HTMLElementTagNameMap['scc-user-admin']>(
        'scc-user-admin',
        (el) => {
          el.businessUnitId = 'critical';
          el.roles = ['admin', 'operator', 'viewer'];
          el.locale = locale;
        },
        (el) => $(el, '[part="user-row"]'),
      );
      await expectNoAxeViolations(users, 'the user admin');
      const move = await screen<HTMLElementTagNameMap['scc-move-dialog']>(
        'scc-move-dialog',
        (el) => {
          el.path = [
            { id: 'msp', name: 'MSP' },
            { id: 'internal', name: 'Internal systems' },
            { id: 'critical', name: 'Critical systems' },
          ];
          el.locale = locale;
        },
        (el) => $(el, 'scc-business-unit-search'),
      );
      const search = $<HTMLElementTagNameMap['scc-business-unit-search']>(move, 'scc-business-unit-search');
      await search?.updateComplete;
      const input = $<HTMLInputElement>(search, 'input');
      input?.focus();
      await sendKeys({ type: 'customers' });
      await waitFor(() => $(search, '[part="search-result"]'), 'a search result');
      await expectNoAxeViolations(move, 'the move dialog with search results');
      $(search, '[part="search-result"]')?.click();
      await waitFor(() => $(move, '[data-testid="move-preview"]'), 'the preview');
      await expectNoAxeViolations(move, 'the move preview');
    });
  }
});

/*
 * The dialogs are native modal `<dialog>`s: Escape closes them and the browser gives focus back to
 * the opener; FocusTrapController keeps Tab inside while they are open.
 */
describe('dialogs close on Escape and give focus back (real key presses)', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/products', () =>
      json({ items: [{ id: 'p-backup', name: 'Backup as a Service', tenantTypes: ['productive', 'test'] }] }),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('the termination dialog returns focus to the row button that opened it', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Request termination';
    mount(opener);
    const dialog = document.createElement('scc-terminate-dialog');
    dialog.client = client();
    mount(dialog);
    opener.addEventListener('click', () => void dialog.show(criticalProd));
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const native = await waitFor(() => $<HTMLDialogElement>(dialog, 'dialog[open]'), 'the open dialog');
    const active = deepActiveElement();
    assertEqual(Boolean(active && native.contains(active)), true, 'focus moves into the dialog');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !native.open, 'Escape closes the dialog');
    assertEqual(deepActiveElement(), opener, 'focus is back on the opener');
  });

  it('Tab and Shift+Tab stay inside the open termination dialog', async () => {
    const dialog = document.createElement('scc-terminate-dialog');
    dialog.client = client();
    mount(dialog);
    await dialog.show(criticalProd);
    const native = await waitFor(() => $<HTMLDialogElement>(dialog, 'dialog[open]'), 'the open dialog');
    for (let press = 0; press < 8; press++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      assertEqual(Boolean(active && native.contains(active)), true, `Tab ${press + 1} stays inside`);
    }
    await sendKeys({ down: 'Shift' });
    for (let press = 0; press < 8; press++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      assertEqual(Boolean(active && native.contains(active)), true, `Shift+Tab ${press + 1} stays inside`);
    }
    await sendKeys({ up: 'Shift' });
  });

  it('the order form returns focus to its "Order tenant" button', async () => {
    const order = await screen<HTMLElementTagNameMap['scc-order-tenant']>(
      'scc-order-tenant',
      (el) => {
        el.tenants = tenants;
        el.businessUnitId = 'critical';
        el.businessUnitName = 'Critical systems';
      },
      (el) => $(el, '[data-testid="order-tenant"]'),
    );
    const button = $<HTMLButtonElement>(order, '[data-testid="order-tenant"]');
    button?.focus();
    await sendKeys({ press: 'Enter' });
    const native = await waitFor(() => $<HTMLDialogElement>(order, 'dialog[open]'), 'the open form');
    await waitFor(() => $$(order, '[data-testid="product"] option').length > 1, 'products');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !native.open, 'Escape closes the form');
    assertEqual(deepActiveElement(), button, 'focus is back on "Order tenant"');
  });
});

describe('search with real key presses', () => {
  afterEach(cleanup);

  it('type, arrow into the results, Enter picks one', async () => {
    const units = levelOf(businessUnits, new URLSearchParams({ q: 'systems' })).items as BusinessUnit[];
    const search = document.createElement('scc-business-unit-search');
    search.search = async () => units;
    mount(search);
    await search.updateComplete;
    $<HTMLInputElement>(search, 'input')?.focus();
    await sendKeys({ type: 'systems' });
    await waitFor(() => $$(search, '[part="search-result"]').length === units.length, 'the results');
    assertEqual($(search, '[role="status"]')?.textContent, `${units.length} business units found`, 'announced');
    const picked = new Promise<CustomEvent>((resolve) =>
      search.addEventListener('scc-business-unit-select', (e) => resolve(e as CustomEvent), { once: true }),
    );
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    assertEqual((await picked).detail.businessUnitId, units[1]?.id);
  });
});

describe('locale and direction of the whole control center', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      session: {
        ...session,
        user: { ...session.user, displayName: 'Dr. Annegret Müller-Lüdenscheidt' },
        businessUnit: { id: 'msp', name: 'Contoso Einzelhandel Deutschland', kind: 'customer' },
      },
    });
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('the German header is not cut at 1024 px', async () => {
    const el = await controlCenter({ locale: 'de' });
    el.style.width = '1024px';
    await el.updateComplete;
    const texts = [
      ...$$($(el, 'scc-brand-mark'), '.name'),
      ...$$(el, 'header .context, header .user-name, header .user-email'),
    ];
    assertEqual(texts.length, 4, 'the header texts');
    for (const text of texts) {
      assertEqual(
        text.scrollWidth <= text.clientWidth,
        true,
        `"${text.textContent?.trim()}" fits (${text.scrollWidth} > ${text.clientWidth})`,
      );
    }
  });

  it('the locale attribute switches the language at runtime', async () => {
    const el = await controlCenter({ locale: 'en' });
    const title = () => $(el, '.section-title')?.textContent?.trim();
    assertEqual(title(), 'Business units');
    el.setAttribute('locale', 'de');
    await waitFor(() => title() === 'Organisationseinheiten', 'German after the attribute changed');
    assertEqual($(el, '.base')?.getAttribute('lang'), 'de');
    const tree = $(el, 'scc-business-unit-tree');
    await waitFor(
      () => $(tree, '[data-business-unit-id="internal"] .kind')?.textContent === 'Geschäftsbereich',
      'German unit kinds',
    );
  });

  for (const where of ['the element', 'an ancestor']) {
    it(`dir="rtl" on ${where} mirrors the layout: the tree is on the right, its chevrons point left`, async () => {
      const ancestor = document.createElement('div');
      if (where === 'an ancestor') ancestor.dir = 'rtl';
      mount(ancestor);
      const el = document.createElement('service-control-center');
      el.setAttribute('api-base', API_BASE);
      if (where === 'the element') el.dir = 'rtl';
      el.fetchToken = tokenSource().fetchToken;
      el.style.width = '1024px';
      mount(el, ancestor);
      await waitFor(() => el.status === 'ready', 'ready');
      const sidebar = await waitFor(() => $(el, '.sidebar'), 'the sidebar');
      const main = sidebar.nextElementSibling as HTMLElement;
      const hostBox = el.getBoundingClientRect();
      const sideBox = sidebar.getBoundingClientRect();
      assertEqual(Math.round(sideBox.right), Math.round(hostBox.right - 1), 'the sidebar ends at the right border');
      assertEqual(sideBox.left > main.getBoundingClientRect().left, true, 'the tenants are left of the tree');
      const tree = $(el, 'scc-business-unit-tree');
      const collapsed = await waitFor(() => $(tree, '[aria-expanded="false"] .toggle svg'), 'a collapsed unit');
      assertEqual(getComputedStyle(collapsed).transform, 'matrix(-1, 0, 0, 1, 0, 0)', 'the chevron is mirrored');
    });
  }
});
