import '../../api/admin-calls.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { type BffClient, BffError } from '../../api/bff-client.js';
import type { Brand, BrandInput, BrandPalette, UnitBrand } from '../../api/types.js';
import { brandProperties } from '../../controllers/brand-controller.js';
import { createBrandChangeEvent } from '../../events/scc-brand-change.js';
import { type BrandMessages, brandFieldLabel, brandMessagesFor } from '../../i18n/brand-messages.js';
import { messagesFor, resolveLocale } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { contrast, contrastVerdict, ratioText } from '../../utils/contrast.js';
import { isStepUpRequired, withStepUp } from '../../utils/with-step-up.js';
import { brandEditorStyles } from './brand-editor.styles.js';

/** The server's limit (contracts/src/images.ts): a header logo travels base64-encoded in one request. */
export const MAX_LOGO_KIB = 32;

type Palette = Required<Pick<BrandPalette, 'primary' | 'onPrimary' | 'accent'>> &
  Pick<BrandPalette, 'surface' | 'text'>;
type Variant = 'light' | 'dark';
type Logo = { kind: 'none' } | { kind: 'kept'; sha256: string } | { kind: 'new'; data: string };

interface Draft {
  displayName: string;
  fontStack: string;
  radius: string;
  light: Palette;
  dark: Palette | undefined;
}

const DEFAULT_LIGHT: Palette = { primary: '#2563eb', onPrimary: '#ffffff', accent: '#2563eb' };
const DEFAULT_DARK: Palette = {
  primary: '#60a5fa',
  onPrimary: '#0b1220',
  accent: '#93c5fd',
  surface: '#111827',
  text: '#f9fafb',
};

const palette = (given: BrandPalette | undefined, defaults: Palette): Palette => ({
  ...defaults,
  ...given,
  onPrimary: given?.onPrimary ?? defaults.onPrimary,
  accent: given?.accent ?? given?.primary ?? defaults.accent,
});

function draftOf(brand: Brand | null): Draft {
  return {
    displayName: brand?.displayName ?? '',
    fontStack: brand?.fontStack ?? '',
    radius: brand?.radius === undefined ? '' : String(brand.radius),
    light: palette(brand?.light, DEFAULT_LIGHT),
    dark: brand?.dark ? palette(brand.dark, DEFAULT_DARK) : undefined,
  };
}

/** The pairs whose contrast the server checks: text on primary, and text on the background where set. */
interface ContrastCheck {
  field: `${Variant}.${'primary' | 'text'}`;
  ratio: number;
}

function contrasts(draft: Draft): ContrastCheck[] {
  return (['light', 'dark'] as const).flatMap((variant) => {
    const p = draft[variant];
    if (!p) return [];
    const checks: ContrastCheck[] = [{ field: `${variant}.primary`, ratio: contrast(p.onPrimary, p.primary) }];
    if (p.surface && p.text) checks.push({ field: `${variant}.text`, ratio: contrast(p.text, p.surface) });
    return checks;
  });
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Brand editor for an admin of a business unit: name, logo, colours for a light and an optional
 * dark variant, font stack and corner radius, with a live preview of the draft and the WCAG
 * contrast of text on primary (a warning below 4.5:1; below 3:1 it cannot be saved, as the server
 * refuses it too). Saves or clears the unit's own brand; units below without one show it.
 *
 * @tag scc-brand-editor
 * @event scc-brand-change - The server saved or cleared the brand. Bubbles, composed.
 * @csspart editor - The form.
 * @csspart preview - Each preview box (`data-variant="light|dark"`).
 */
export class SccBrandEditor extends LitElement {
  static override styles = [...sharedStyles, controlStyles, brandEditorStyles];

  static override properties = {
    client: { attribute: false },
    businessUnitId: { attribute: false },
    locale: {},
    _loaded: { state: true },
    _draft: { state: true },
    _logo: { state: true },
    _logoUrl: { state: true },
    _busy: { state: true },
    _status: { state: true },
    _errors: { state: true },
  };

  declare client: BffClient | undefined;
  declare businessUnitId: string | undefined;
  declare locale: string | undefined;
  declare _loaded: UnitBrand | undefined;
  declare _draft: Draft;
  declare _logo: Logo;
  declare _logoUrl: string | undefined;
  declare _busy: boolean;
  /** What the last save or clear achieved. */
  declare _status: string | undefined;
  declare _errors: string[];

  #loading: AbortController | undefined;

  constructor() {
    super();
    this._draft = draftOf(null);
    this._logo = { kind: 'none' };
    this._busy = false;
    this._errors = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort();
    this.#setLogoUrl(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('businessUnitId')) && this.client && this.businessUnitId) {
      void this.#load(this.client, this.businessUnitId);
    }
  }

  protected override updated(): void {
    // Set through the CSSOM, which a strict style-src CSP allows, unlike a style attribute.
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.preview')) {
      const variant = box.dataset.variant as Variant;
      const properties = this.#previewProperties(variant);
      for (const name of [...box.style]) if (!(name in properties)) box.style.removeProperty(name);
      for (const [name, value] of Object.entries(properties)) box.style.setProperty(name, value);
    }
  }

  async #load(client: BffClient, id: string): Promise<void> {
    this.#loading?.abort();
    const loading = new AbortController();
    this.#loading = loading;
    this._status = undefined;
    this._errors = [];
    try {
      this.#show(await client.getBrand(id, loading.signal));
    } catch (error) {
      if (!loading.signal.aborted) this._errors = this.#problemLines(error);
    }
  }

  #show(brand: UnitBrand): void {
    this._loaded = brand;
    this._draft = draftOf(brand.own);
    this._logo = brand.own?.logo ? { kind: 'kept', sha256: brand.own.logo.sha256 } : { kind: 'none' };
    this.#setLogoUrl(undefined);
    const logo = brand.own?.logo;
    if (logo && this.client && this.businessUnitId) {
      const signal = this.#loading?.signal;
      this.client
        .getBrandLogo(this.businessUnitId, logo.sha256, signal)
        .then((blob) => this._logo.kind === 'kept' && this.#setLogoUrl(URL.createObjectURL(blob)))
        .catch(() => undefined);
    }
  }

  #setLogoUrl(url: string | undefined): void {
    if (this._logoUrl) URL.revokeObjectURL(this._logoUrl);
    this._logoUrl = url;
  }

  #previewProperties(variant: Variant): Record<string, string> {
    const d = this._draft;
    const radius = Number.parseInt(d.radius, 10);
    return brandProperties({
      fontStack: d.fontStack,
      ...(Number.isNaN(radius) ? {} : { radius }),
      light: variant === 'dark' && d.dark ? d.dark : d.light,
    });
  }

  /** The draft as the server takes it. */
  #input(): BrandInput {
    const d = this._draft;
    const radius = d.radius.trim() === '' ? undefined : Number(d.radius);
    const logo = this._logo;
    return {
      ...(d.displayName.trim() ? { displayName: d.displayName.trim() } : {}),
      ...(d.fontStack.trim() ? { fontStack: d.fontStack.trim() } : {}),
      ...(radius === undefined ? {} : { radius }),
      light: d.light,
      ...(d.dark ? { dark: d.dark } : {}),
      ...(logo.kind === 'kept' ? { logo: { sha256: logo.sha256 } } : {}),
      ...(logo.kind === 'new' ? { logo: { data: logo.data } } : {}),
    };
  }

  #set(patch: Partial<Draft>): void {
    this._draft = { ...this._draft, ...patch };
    this._status = undefined;
  }

  #setColour(variant: Variant, key: keyof Palette, value: string): void {
    const current = this._draft[variant];
    if (current) this.#set({ [variant]: { ...current, [key]: value } });
  }

  #onLogo = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const m = brandMessagesFor(this.locale);
    this._errors = [];
    if (file.size > MAX_LOGO_KIB * 1024) {
      this._errors = [m.logoTooLarge(MAX_LOGO_KIB)];
    } else if (
      file.type === 'image/svg+xml' ||
      !(await createImageBitmap(file).then(
        () => true,
        () => false,
      ))
    ) {
      this._errors = [m.logoNotImage];
    } else {
      this._logo = { kind: 'new', data: await base64Of(file) };
      this.#setLogoUrl(URL.createObjectURL(file));
      this._status = undefined;
      return;
    }
    input.value = '';
  };

  #removeLogo = (): void => {
    this._logo = { kind: 'none' };
    this.#setLogoUrl(undefined);
    this._status = undefined;
  };

  #onSave = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#run(this.#input(), brandMessagesFor(this.locale).saved);
  };

  #onClear = (): void => {
    void this.#run(null, brandMessagesFor(this.locale).cleared);
  };

  async #run(brand: BrandInput | null, done: string): Promise<void> {
    const client = this.client;
    const id = this.businessUnitId;
    if (!client || !id) return;
    this._busy = true;
    this._errors = [];
    this._status = undefined;
    try {
      const saved = await withStepUp(this, () => client.putBrand(id, brand));
      this.#show(saved);
      this._status = done;
      this.dispatchEvent(createBrandChangeEvent({ businessUnitId: id, brand: saved }));
    } catch (error) {
      this._errors = this.#problemLines(error);
    } finally {
      this._busy = false;
    }
  }

  #problemLines(error: unknown): string[] {
    const m = messagesFor(this.locale);
    if (!(error instanceof BffError)) return [m.errorGeneric(0)];
    if (error.status === 403 && !isStepUpRequired(error)) return [m.errorForbidden];
    if (error.kind === 'network' || error.retryable) return [m.errorUnavailable];
    const b = brandMessagesFor(this.locale);
    const fields = error.errors.map((e) => (e.field ? `${brandFieldLabel(b, e.field)}: ${e.message}` : e.message));
    return fields.length > 0 ? fields : [error.detail ?? error.title];
  }

  override render() {
    const m = brandMessagesFor(this.locale);
    const d = this._draft;
    const checks = contrasts(d);
    const refused = checks.some(({ ratio }) => contrastVerdict(ratio) === 'refuse');
    return html`<form part="editor" @submit=${this.#onSave} aria-label=${m.brandTitle} novalidate>
      <p class="hint">${m.brandHint} ${this.#effectiveNote(m)}</p>
      <div class="row">
        <label>${m.displayName}
          <input name="displayName" maxlength="100" .value=${d.displayName}
            @input=${(e: Event) => this.#set({ displayName: (e.target as HTMLInputElement).value })} />
        </label>
        <label>${m.fontStack}
          <input name="fontStack" maxlength="300" aria-describedby="font-hint" .value=${d.fontStack}
            @input=${(e: Event) => this.#set({ fontStack: (e.target as HTMLInputElement).value })} />
        </label>
        <label>${m.radius}
          <input name="radius" type="number" min="0" max="32" step="1" .value=${d.radius}
            @input=${(e: Event) => this.#set({ radius: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      <p class="hint" id="font-hint">${m.fontStackHint}</p>
      <div class="row logo-row">
        ${this._logoUrl ? html`<img src=${this._logoUrl} alt=${messagesFor(this.locale).logoOf(d.displayName || m.brandTitle)} />` : nothing}
        <label>${m.logo}
          <input name="logo" type="file" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="logo-hint"
            @change=${this.#onLogo} />
        </label>
        ${this._logo.kind === 'none' ? nothing : html`<button type="button" data-testid="remove-logo" @click=${this.#removeLogo}>${m.removeLogo}</button>`}
      </div>
      <p class="hint" id="logo-hint">${m.logoHint(MAX_LOGO_KIB)}</p>
      ${this.#renderPalette('light', m, checks)}
      <label class="row">
        <span><input type="checkbox" name="useDark" .checked=${d.dark !== undefined}
          @change=${(e: Event) => this.#set({ dark: (e.target as HTMLInputElement).checked ? DEFAULT_DARK : undefined })} />
        ${m.useDark}</span>
      </label>
      ${d.dark ? this.#renderPalette('dark', m, checks) : nothing}
      <fieldset>
        <legend>${m.preview}</legend>
        <div class="previews">
          ${(d.dark ? (['light', 'dark'] as const) : (['light'] as const)).map(
            (
              variant,
            ) => html`<div part="preview" class="preview" data-variant=${variant} data-testid="preview-${variant}">
              <scc-brand-mark .brand=${{ sourceBusinessUnitId: null, name: null, brand: { displayName: d.displayName || m.brandTitle } }}
                product-name=${m.brandTitle} locale=${this.locale ?? ''}></scc-brand-mark>
              <button type="button" tabindex="-1">${m.previewButton}</button>
              <span class="accent">${m.previewLink}</span>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="row">
        <button class="primary" data-testid="save" ?disabled=${this._busy || refused}>${m.save}</button>
        ${this._loaded?.own ? html`<button type="button" class="danger" data-testid="clear" ?disabled=${this._busy} @click=${this.#onClear}>${m.clear}</button>` : nothing}
      </div>
      <div aria-live="polite">
        ${this._status ? html`<p class="status" data-testid="status">${this._status}</p>` : nothing}
      </div>
      ${this._errors.length ? html`<ul class="error" role="alert" data-testid="error">${this._errors.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
    </form>`;
  }

  #effectiveNote(m: BrandMessages): string {
    const effective = this._loaded?.effective;
    if (!this._loaded) return '';
    if (!effective) return m.noBrand;
    return effective.name ? m.inheritedFrom(effective.name) : m.inheritedFromAbove;
  }

  #renderPalette(variant: Variant, m: BrandMessages, checks: ContrastCheck[]) {
    const p = this._draft[variant];
    if (!p) return nothing;
    const keys: (keyof Palette)[] =
      variant === 'dark' || (p.surface && p.text)
        ? ['primary', 'onPrimary', 'accent', 'surface', 'text']
        : ['primary', 'onPrimary', 'accent'];
    return html`<fieldset data-testid="palette-${variant}">
      <legend>${variant === 'light' ? m.light : m.dark}</legend>
      ${keys.map(
        (key) => html`<label>${m[key]}
          <input type="color" name="${variant}.${key}" .value=${p[key] ?? '#000000'}
            @input=${(e: Event) => this.#setColour(variant, key, (e.target as HTMLInputElement).value)} />
        </label>`,
      )}
      ${checks
        .filter(({ field }) => field.startsWith(`${variant}.`))
        .map(({ field, ratio }) => {
          const verdict = contrastVerdict(ratio);
          const text = ratioText(ratio, resolveLocale(this.locale));
          const message =
            verdict === 'refuse'
              ? m.contrastRefuse(text)
              : verdict === 'warn'
                ? m.contrastWarn(text)
                : m.contrastOk(text);
          return html`<p class="contrast ${verdict}" data-testid="contrast-${field.replace('.', '-')}" data-verdict=${verdict}>
            ${field.endsWith('.text') ? `${m.text}: ` : `${m.onPrimary}: `}${message}
          </p>`;
        })}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scc-brand-editor': SccBrandEditor;
  }
}
