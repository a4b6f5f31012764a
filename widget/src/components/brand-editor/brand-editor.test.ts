import '../../i18n/de.js';
import '../../lazy/admin.js';
import {
  $,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  assertIncludes,
  cleanup,
  deepText,
  type FetchStub,
  json,
  mount,
  oneEvent,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { UnitBrand } from '../../api/types.js';
import type { SccBrandChangeEvent } from '../../events/scc-brand-change.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccBrandEditor } from './brand-editor.js';

const client = () => new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
const SHA = 'ab'.repeat(32);
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const resellerBrand: UnitBrand = {
  own: {
    displayName: 'Reseller One',
    light: { primary: '#c2410c', onPrimary: '#ffffff' },
    logo: { sha256: SHA, contentType: 'image/png', byteSize: 70 },
  },
  effective: { sourceBusinessUnitId: 'r1', name: 'Reseller One', brand: { displayName: 'Reseller One' } },
  warnings: [],
};

async function create(): Promise<SccBrandEditor> {
  const el = document.createElement('scc-brand-editor');
  // As the admin panel passes it when the host sets no locale.
  el.setAttribute('locale', '');
  el.client = client();
  el.businessUnitId = 'r1';
  mount(el);
  await waitFor(() => el._loaded, 'brand loaded');
  await el.updateComplete;
  return el;
}

async function setField(el: SccBrandEditor, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `input[name="${name}"]`);
  assert(input, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

const verdict = (el: SccBrandEditor, field: string) =>
  $(el, `[data-testid="contrast-${field}"]`)?.getAttribute('data-verdict');
const saveButton = (el: SccBrandEditor) => $<HTMLButtonElement>(el, '[data-testid="save"]') as HTMLButtonElement;

describe('scc-brand-editor', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/business-units/r1/brand', (request) =>
      request.method === 'PUT'
        ? json({ ...resellerBrand, own: { ...resellerBrand.own, ...(request.body as { brand: object }).brand } })
        : json(resellerBrand),
    );
    stub.on(
      '/v1/widget/business-units/r1/logo',
      () =>
        new Response(
          Uint8Array.from(atob(PNG_1PX), (c) => c.charCodeAt(0)),
          { headers: { 'content-type': 'image/png' } },
        ),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('has no WCAG A/AA violation, in English and German', async () => {
    const el = await create();
    await expectNoAxeViolations(el, 'the brand editor');
    el.setAttribute('locale', 'de');
    await el.updateComplete;
    await expectNoAxeViolations(el, 'the brand editor in German');
  });

  it('shows the unit’s brand, previews the draft live, and checks contrast as WCAG does', async () => {
    const el = await create();
    assertEqual($<HTMLInputElement>(el, 'input[name="displayName"]')?.value, 'Reseller One');
    assertEqual(verdict(el, 'light-primary'), 'ok');
    const preview = $(el, '[data-testid="preview-light"]') as HTMLElement;
    assertEqual(preview.style.getPropertyValue('--scc-color-primary'), '#c2410c');
    assertEqual(getComputedStyle(preview.querySelector('button') as Element).backgroundColor, 'rgb(194, 65, 12)');
    await waitFor(() => $(el, '.logo-row img'), 'the current logo');

    // #e06010 with white: 3.58:1, allowed with a warning.
    await setField(el, 'light.primary', '#e06010');
    assertEqual(verdict(el, 'light-primary'), 'warn');
    assertIncludes(deepText($(el, '[data-testid="contrast-light-primary"]') as Element), '3.58:1');
    assertEqual(saveButton(el).disabled, false);
    assertEqual(preview.style.getPropertyValue('--scc-color-primary'), '#e06010');

    // White on white: refused, as the server would.
    await setField(el, 'light.primary', '#ffffff');
    assertEqual(verdict(el, 'light-primary'), 'refuse');
    assertIncludes(deepText($(el, '[data-testid="contrast-light-primary"]') as Element), 'below 3:1');
    assertEqual(saveButton(el).disabled, true);

    el.locale = 'de';
    await el.updateComplete;
    assertIncludes(deepText($(el, '[data-testid="contrast-light-primary"]') as Element), 'liegt unter 3:1');
  });

  it('saves the draft, keeping the current logo by its sha256, says so and announces it', async () => {
    const el = await create();
    await setField(el, 'fontStack', "Inter, 'Segoe UI', sans-serif");
    await setField(el, 'radius', '6');
    const changed = oneEvent<SccBrandChangeEvent>(document, 'scc-brand-change');
    saveButton(el).click();
    const event = await changed;
    assert(event.bubbles && event.composed, 'bubbles and composed');
    assertEqual(event.detail.businessUnitId, 'r1');
    const put = stub.requestsTo('/v1/widget/business-units/r1/brand').find((r) => r.method === 'PUT');
    assertDeepEqual(put?.body, {
      brand: {
        displayName: 'Reseller One',
        fontStack: "Inter, 'Segoe UI', sans-serif",
        radius: 6,
        light: { primary: '#c2410c', onPrimary: '#ffffff', accent: '#c2410c' },
        logo: { sha256: SHA },
      },
    });
    const status = await waitFor(() => $(el, '[data-testid="status"]'));
    assertEqual(status.textContent, 'Brand saved.');
  });

  it('shows the field the server names, and keeps the draft', async () => {
    stub.on('/v1/widget/business-units/r1/brand', (request) =>
      request.method === 'PUT'
        ? new Response(
            JSON.stringify({
              type: 'https://scc.example/problems/validation',
              title: 'Invalid request',
              status: 400,
              detail: 'Invalid body.brand.fontStack',
              errors: [{ field: 'body.brand.fontStack', message: 'Family names separated by commas' }],
            }),
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          )
        : json(resellerBrand),
    );
    const el = await create();
    await setField(el, 'fontStack', 'Inter; color: red');
    saveButton(el).click();
    const error = await waitFor(() => $(el, '[data-testid="error"]'));
    assertEqual(error.getAttribute('role'), 'alert');
    assertIncludes(deepText(error), 'Font stack: Family names separated by commas');
    assertEqual($<HTMLInputElement>(el, 'input[name="fontStack"]')?.value, 'Inter; color: red');
  });

  it('refuses a logo that is too large or no image before sending it', async () => {
    const el = await create();
    const input = $<HTMLInputElement>(el, 'input[name="logo"]') as HTMLInputElement;
    const choose = async (file: File) => {
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      return waitFor(() => $(el, '[data-testid="error"]'));
    };
    assertIncludes(deepText(await choose(new File([new Uint8Array(33 * 1024)], 'big.png'))), 'larger than 32 KiB');
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'x.svg', {
      type: 'image/svg+xml',
    });
    assertIncludes(deepText(await choose(svg)), 'PNG, JPEG, WebP or GIF');
    assertEqual(stub.requestsTo('/v1/widget/business-units/r1/brand').filter((r) => r.method === 'PUT').length, 0);
  });
});
