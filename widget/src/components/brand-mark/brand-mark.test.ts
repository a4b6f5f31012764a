import { $, assertEqual, cleanup, mount, waitFor } from '../../../test/helpers.js';
import type { EffectiveBrand } from '../../api/types.js';
import { register } from '../../register.js';
import { SccBrandMark } from './brand-mark.js';

register({ 'scc-brand-mark': SccBrandMark });

const PNG = new Uint8Array(
  [...atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==')].map(
    (c) => c.charCodeAt(0),
  ),
);

const brand = (sha256?: string): EffectiveBrand => ({
  sourceBusinessUnitId: null,
  name: null,
  brand: {
    displayName: 'Reseller One',
    light: { primary: '#c2410c' },
    ...(sha256 ? { logo: { sha256, contentType: 'image/png', byteSize: PNG.length } } : {}),
  },
});

describe('scc-brand-mark', () => {
  afterEach(cleanup);

  it('shows the product name and mark without a brand', async () => {
    const mark = mount(document.createElement('scc-brand-mark'));
    mark.productName = 'Service Control Center';
    await mark.updateComplete;
    assertEqual($(mark, '[part="name"]')?.textContent, 'Service Control Center');
    assertEqual($(mark, 'img'), null);
    assert$svg(mark);
  });

  it('shows the brand’s name and its logo from a blob: URL, loaded by sha256', async () => {
    const loaded: string[] = [];
    const mark = document.createElement('scc-brand-mark');
    mark.productName = 'Service Control Center';
    mark.brand = brand('a'.repeat(64));
    mark.loadLogo = async (sha256) => {
      loaded.push(sha256);
      return new Blob([PNG], { type: 'image/png' });
    };
    mount(mark);
    const img = await waitFor(() => $<HTMLImageElement>(mark, 'img'));
    assertEqual(img.src.startsWith('blob:'), true);
    assertEqual(img.alt, 'Reseller One logo');
    assertEqual($(mark, '[part="name"]')?.textContent, 'Reseller One');
    await waitFor(() => img.complete && img.naturalWidth === 1, 'the image decodes');

    mark.brand = brand('b'.repeat(64));
    await waitFor(() => loaded.length === 2);
    assertEqual(loaded.join(), `${'a'.repeat(64)},${'b'.repeat(64)}`);
    mark.brand = brand();
    await mark.updateComplete;
    assertEqual($(mark, 'img'), null, 'a brand without a logo shows the product mark');
  });

  it('keeps the name when the logo cannot be loaded', async () => {
    const mark = document.createElement('scc-brand-mark');
    mark.brand = brand('c'.repeat(64));
    mark.loadLogo = () => Promise.reject(new Error('404'));
    mount(mark);
    await mark.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    assertEqual($(mark, 'img'), null);
    assertEqual($(mark, '[part="name"]')?.textContent, 'Reseller One');
  });
});

function assert$svg(mark: Element): void {
  assertEqual($(mark, '[part="logo"] svg') !== null, true, 'the product’s own mark');
}
