import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Brand, BrandPalette, EffectiveBrand } from '../api/types.js';
import { createBrandAppliedEvent } from '../events/scc-brand-applied.js';

const COLOUR = /^#[0-9a-f]{6}$/i;
/** The server admits only family names; this keeps anything else out of the style even so. */
const UNSAFE_FONT_STACK = /[;{}\\<>]|url\s*\(|\p{Cc}/iu;

const paletteProperties: Record<keyof BrandPalette, string> = {
  primary: '--scc-color-primary',
  onPrimary: '--scc-color-on-primary',
  accent: '--scc-color-accent',
  surface: '--scc-color-surface',
  text: '--scc-color-text',
};

function paletteDeclarations(palette: BrandPalette | undefined): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const [key, property] of Object.entries(paletteProperties)) {
    const value = palette?.[key as keyof BrandPalette];
    if (value && COLOUR.test(value)) declarations[property] = value;
  }
  // A palette with its own surface and text needs secondary text and lines that fit them: the
  // defaults are made for a light surface and fail contrast on a dark one.
  const surface = declarations['--scc-color-surface'];
  const text = declarations['--scc-color-text'];
  if (surface && text) {
    declarations['--scc-color-muted'] = `color-mix(in srgb, ${text} 72%, ${surface})`;
    declarations['--scc-color-border'] = `color-mix(in srgb, ${text} 22%, ${surface})`;
  }
  return declarations;
}

/** The `--scc-*` custom properties of a brand's light variant (the default), font and radius. */
export function brandProperties(brand: Brand | null | undefined): Record<string, string> {
  if (!brand) return {};
  const properties = paletteDeclarations(brand.light);
  if (brand.fontStack && !UNSAFE_FONT_STACK.test(brand.fontStack)) properties['--scc-font-family'] = brand.fontStack;
  const radius = brand.radius;
  if (radius !== undefined && Number.isInteger(radius) && radius >= 0 && radius <= 32) {
    properties['--scc-radius'] = `${radius}px`;
  }
  return properties;
}

const block = (selector: string, declarations: Record<string, string>) =>
  `${selector} { ${Object.entries(declarations)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ')} }`;

/**
 * The style sheet of a brand. Rules on `:host` inside the shadow root lose to the host page's
 * rules on the element itself, so a host's own `--scc-*` on the element wins over the brand. The
 * dark variant applies with `theme="dark"`, or by `prefers-color-scheme` unless `theme="light"`.
 */
export function brandCss(brand: Brand | null | undefined): string {
  if (!brand) return '';
  const rules = [block(':host', brandProperties(brand))];
  const dark = paletteDeclarations(brand.dark);
  if (Object.keys(dark).length > 0) {
    rules.push(block(":host([theme='dark'])", dark));
    rules.push(`@media (prefers-color-scheme: dark) { ${block(":host(:not([theme='light']))", dark)} }`);
  }
  return rules.join('\n');
}

/**
 * Applies a business unit's brand to its host element: writes the brand's `--scc-*` custom
 * properties into a style sheet of the host's shadow root and dispatches `scc-brand-applied`.
 * `apply(null)` returns to the default look. The sheet is a constructed one (adopted, as Lit
 * adopts the elements' own styles), not a `<style>` element, which a strict `style-src` CSP
 * without 'unsafe-inline' would block.
 */
export class BrandController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #brand: EffectiveBrand = null;
  readonly #sheet = new CSSStyleSheet();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The brand applied last, or null. */
  get brand(): EffectiveBrand {
    return this.#brand;
  }

  hostConnected(): void {
    // A brand applied before the shadow root existed is written once it does.
    this.#write();
  }

  apply(brand: EffectiveBrand): void {
    this.#brand = brand;
    this.#write();
    this.#host.dispatchEvent(createBrandAppliedEvent({ brand, properties: brandProperties(brand?.brand) }));
  }

  /** The sheet holding the brand, adopted by the host's shadow root (for tests and tools). */
  get sheet(): CSSStyleSheet {
    return this.#sheet;
  }

  #write(): void {
    this.#sheet.replaceSync(brandCss(this.#brand?.brand));
    const root = this.#host.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(this.#sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    }
  }
}
