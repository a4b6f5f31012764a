import '../../index.js';
import { $, API_BASE, assertEqual, mount, session, stubFetch, tokenSource, waitFor } from '../../../test/helpers.js';
import type { SccBrandAppliedEvent } from '../../events/scc-brand-applied.js';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('service-control-center brand', () => {
  it('applies the session brand, shows its name and logo; --scc-* on the element win', async () => {
    const stub = stubFetch({
      session: {
        ...session,
        brand: {
          sourceBusinessUnitId: null,
          name: null,
          brand: {
            displayName: 'Reseller One',
            light: { primary: '#c2410c' },
            logo: { sha256: 'a'.repeat(64), contentType: 'image/png', byteSize: 70 },
          },
        },
      },
    });
    stub.on(
      '/v1/widget/business-units/msp/logo',
      () =>
        new Response(
          Uint8Array.from(atob(PNG_1PX), (c) => c.charCodeAt(0)),
          { headers: { 'content-type': 'image/png' } },
        ),
    );
    const applied = new Promise<SccBrandAppliedEvent>((resolve) =>
      document.addEventListener('scc-brand-applied', (e) => resolve(e), { once: true }),
    );
    const el = document.createElement('service-control-center');
    el.setAttribute('api-base', API_BASE);
    el.fetchToken = tokenSource().fetchToken;
    mount(el);
    await applied;
    await waitFor(() => el.status === 'ready');
    await el.updateComplete;
    const mark = $(el, 'scc-brand-mark') as HTMLElement;
    await waitFor(() => $(mark, 'img'));
    assertEqual($(mark, '[part="name"]')?.textContent, 'Reseller One');
    assertEqual(getComputedStyle($(mark, '.logo') as Element).backgroundColor, 'rgba(0, 0, 0, 0)');
    const tree = $(el, 'scc-business-unit-tree');
    assertEqual(getComputedStyle(el).getPropertyValue('--scc-color-primary').trim(), '#c2410c');
    el.style.setProperty('--scc-color-primary', 'rgb(1, 2, 3)');
    assertEqual(
      getComputedStyle(tree as Element)
        .getPropertyValue('--scc-color-primary')
        .trim(),
      'rgb(1, 2, 3)',
    );
    stub.restore();
  });
});
