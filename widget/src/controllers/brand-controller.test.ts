import { html, LitElement } from 'lit';
import { $, assertDeepEqual, assertEqual, cleanup, mount, oneEvent } from '../../test/helpers.js';
import type { EffectiveBrand } from '../api/types.js';
import type { SccBrandAppliedEvent } from '../events/scc-brand-applied.js';
import { tokens } from '../styles/shared.styles.js';
import { AA_CONTRAST, contrast } from '../utils/contrast.js';
import { BrandController, brandCss } from './brand-controller.js';

/** A stand-in host that resolves the tokens like every element of the widget. */
class BrandedHost extends LitElement {
  static override styles = [tokens];
  readonly brand = new BrandController(this);
  override render() {
    return html`<button class="primary" style="background: var(--_scc-primary); color: var(--_scc-on-primary);
      border-radius: var(--_scc-radius); font-family: var(--_scc-font-family)">Go</button>`;
  }
}
customElements.define('scc-test-branded-host', BrandedHost);

const resellerOne: EffectiveBrand = {
  sourceBusinessUnitId: null,
  name: null,
  brand: {
    displayName: 'Reseller One',
    fontStack: "'Trebuchet MS', sans-serif",
    radius: 4,
    light: { primary: '#c2410c', onPrimary: '#ffffff' },
    dark: { primary: '#fb923c', onPrimary: '#1c1917' },
  },
};

const button = (host: Element) => getComputedStyle($(host, 'button') as Element);

describe('BrandController', () => {
  afterEach(cleanup);

  it('gives a dark palette secondary text that stays readable on its surface', async () => {
    const host = mount(document.createElement('scc-test-branded-host') as BrandedHost);
    await host.updateComplete;
    host.setAttribute('theme', 'dark');
    host.brand.apply({
      ...resellerOne,
      brand: { ...resellerOne.brand, dark: { primary: '#fb923c', surface: '#1c1917', text: '#f5f5f4' } },
    });
    const muted = getComputedStyle(host).getPropertyValue('--scc-color-muted').trim();
    assertEqual(muted.startsWith('color-mix('), true, `muted follows the palette (${muted})`);
    const probe = document.createElement('span');
    probe.style.color = 'var(--scc-color-muted)';
    host.shadowRoot?.append(probe);
    // Chromium reports a mixed colour as `color(srgb r g b)` with channels from 0 to 1.
    const computed = getComputedStyle(probe).color;
    const scale = computed.startsWith('color(srgb') ? 255 : 1;
    const channels = (computed.match(/[\d.]+/g) ?? []).map((v) => Math.round(Number(v) * scale));
    const hex = `#${channels
      .slice(0, 3)
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')}`;
    assertEqual(contrast(hex, '#1c1917') >= AA_CONTRAST, true, `${hex} on #1c1917: ${contrast(hex, '#1c1917')}`);
  });

  it('applies a brand as --scc-* custom properties and fires scc-brand-applied', async () => {
    const host = mount(document.createElement('scc-test-branded-host') as BrandedHost);
    await host.updateComplete;
    const fired = oneEvent<SccBrandAppliedEvent>(document, 'scc-brand-applied');
    host.brand.apply(resellerOne);
    const event = await fired;
    assertEqual(event.bubbles && event.composed, true, 'bubbles out of the shadow root');
    assertEqual(event.detail.brand, resellerOne);
    assertDeepEqual(event.detail.properties, {
      '--scc-color-primary': '#c2410c',
      '--scc-color-on-primary': '#ffffff',
      '--scc-font-family': "'Trebuchet MS', sans-serif",
      '--scc-radius': '4px',
    });
    assertEqual(button(host).backgroundColor, 'rgb(194, 65, 12)');
    assertEqual(button(host).borderTopLeftRadius, '4px');
    assertEqual(button(host).fontFamily, '"Trebuchet MS", sans-serif');

    host.brand.apply(null);
    assertEqual(button(host).backgroundColor, 'rgb(37, 99, 235)', 'back to the default look');
  });

  it('loses to --scc-* the host page sets on the element', async () => {
    const style = document.createElement('style');
    style.textContent = 'scc-test-branded-host.hosted { --scc-color-primary: rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const host = mount(document.createElement('scc-test-branded-host') as BrandedHost);
      host.classList.add('hosted');
      host.style.setProperty('--scc-radius', '0px');
      await host.updateComplete;
      host.brand.apply(resellerOne);
      assertEqual(button(host).backgroundColor, 'rgb(1, 2, 3)', 'the page’s rule wins');
      assertEqual(button(host).borderTopLeftRadius, '0px', 'the inline style wins');
      assertEqual(button(host).color, 'rgb(255, 255, 255)', 'what the host leaves alone comes from the brand');
    } finally {
      style.remove();
    }
  });

  it('switches to the dark variant with theme="dark", and survives re-rendering', async () => {
    const host = mount(document.createElement('scc-test-branded-host') as BrandedHost);
    host.brand.apply(resellerOne);
    await host.updateComplete;
    host.setAttribute('theme', 'dark');
    assertEqual(button(host).backgroundColor, 'rgb(251, 146, 60)');
    host.setAttribute('theme', 'light');
    assertEqual(button(host).backgroundColor, 'rgb(194, 65, 12)');
    host.requestUpdate();
    await host.updateComplete;
    assertEqual(host.shadowRoot?.adoptedStyleSheets.filter((sheet) => sheet === host.brand.sheet).length, 1);
    assertEqual(host.shadowRoot?.querySelector('style'), null, 'no <style> a strict CSP would block');
  });

  it('writes nothing but colours, family names and a radius', () => {
    const css = brandCss({
      light: { primary: 'red; } :host { display: none' } as never,
      fontStack: 'x; } * { background: url(https://evil.example/)',
      radius: 99,
    });
    assertEqual(css, ':host {  }');
  });
});
