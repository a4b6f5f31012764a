import { html, LitElement, nothing } from 'lit';
import type { EffectiveBrand } from '../../api/types.js';
import { messagesFor } from '../../i18n/index.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { brandMarkStyles } from './brand-mark.styles.js';

/** Loads a logo's bytes by the sha256 its brand names, e.g. `BffClient.getBrandLogo` for a unit. */
export type LogoLoader = (sha256: string, signal: AbortSignal) => Promise<Blob>;

const productLogo = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M4 6.5h16M4 12h16M4 17.5h16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  <circle cx="8" cy="6.5" r="1.6" fill="currentColor" /><circle cx="15" cy="12" r="1.6" fill="currentColor" /><circle cx="10" cy="17.5" r="1.6" fill="currentColor" />
</svg>`;

/**
 * The name and logo of the brand shown, or the product's own name and mark without one. The logo
 * is fetched through `loadLogo` (with the widget token: an `<img src>` to the BFF could not send
 * it, and a unit outside the caller's subtree answers 404) and shown from a `blob:` URL, so a
 * host's Content-Security-Policy needs `img-src blob:`.
 *
 * @tag scc-brand-mark
 * @slot - Below the name, e.g. the business unit's name.
 * @csspart base - The mark.
 * @csspart logo - The logo's box.
 * @csspart name - The brand's (or product's) name.
 */
export class SccBrandMark extends LitElement {
  static override styles = [...sharedStyles, brandMarkStyles];

  static override properties = {
    brand: { attribute: false },
    productName: { attribute: 'product-name' },
    loadLogo: { attribute: false },
    locale: {},
    _logoUrl: { state: true },
  };

  declare brand: EffectiveBrand | undefined;
  /** Shown without a brand name. */
  declare productName: string;
  declare loadLogo: LogoLoader | undefined;
  declare locale: string | undefined;
  declare _logoUrl: string | undefined;

  #loading: AbortController | undefined;
  #loadedSha: string | undefined;

  constructor() {
    super();
    this.productName = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached: load the logo released on leaving.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  protected override willUpdate(): void {
    const sha256 = this.brand?.brand.logo?.sha256;
    if (sha256 !== this.#loadedSha) {
      this.#release();
      if (sha256 && this.loadLogo) void this.#load(sha256, this.loadLogo);
    }
  }

  async #load(sha256: string, loadLogo: LogoLoader): Promise<void> {
    const loading = new AbortController();
    this.#loading = loading;
    this.#loadedSha = sha256;
    try {
      const blob = await loadLogo(sha256, loading.signal);
      if (loading.signal.aborted) return;
      this._logoUrl = URL.createObjectURL(blob);
    } catch {
      // Without its logo the brand still shows its name, beside the product's mark.
    }
  }

  #release(): void {
    this.#loading?.abort();
    this.#loading = undefined;
    this.#loadedSha = undefined;
    if (this._logoUrl) URL.revokeObjectURL(this._logoUrl);
    this._logoUrl = undefined;
  }

  override render() {
    const name = this.brand?.brand.displayName ?? this.productName;
    const logoUrl = this._logoUrl;
    return html`<div part="base" class="mark">
      <span part="logo" class="logo ${logoUrl ? 'image' : ''}">
        ${logoUrl ? html`<img src=${logoUrl} alt=${messagesFor(this.locale).logoOf(name)} />` : productLogo}
      </span>
      <div class="titles">
        <div part="name" class="name" data-testid="brand-name">${name || nothing}</div>
        <slot></slot>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scc-brand-mark': SccBrandMark;
  }
}
