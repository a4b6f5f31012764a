import { html, LitElement, nothing } from 'lit';
import type { BusinessUnit } from '../../api/types.js';
import { createBusinessUnitSelectEvent } from '../../events/scc-business-unit-select.js';
import { messagesFor } from '../../i18n/index.js';
import { controlStyles, sharedStyles } from '../../styles/shared.styles.js';
import { businessUnitSearchStyles } from './business-unit-search.styles.js';

/** Searches the server for units whose name contains `q`, each with its ancestors. */
export type BusinessUnitSearchFn = (q: string, signal: AbortSignal) => Promise<BusinessUnit[]>;

/** Waits for a pause in typing so a fast typist causes one request, not one per key. */
const DEBOUNCE_MS = 250;

/**
 * Name search over the caller's subtree: results show their path as breadcrumbs, and choosing one
 * selects it with that path, so the tree can open down to it.
 *
 * @tag scc-business-unit-search
 * @event scc-business-unit-select - A result was chosen; detail `{ businessUnitId, path }`. Bubbles, composed.
 * @csspart search - The search input.
 * @csspart search-result - Each result button.
 */
export class SccBusinessUnitSearch extends LitElement {
  static override styles = [...sharedStyles, controlStyles, businessUnitSearchStyles];

  static override properties = {
    search: { attribute: false },
    locale: {},
    _query: { state: true },
    _results: { state: true },
    _status: { state: true },
  };

  declare search: BusinessUnitSearchFn | undefined;
  declare locale: string | undefined;
  declare _query: string;
  declare _results: BusinessUnit[];
  declare _status: 'idle' | 'searching' | 'done' | 'failed';

  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this._query = '';
    this._results = [];
    this._status = 'idle';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  override render() {
    const m = messagesFor(this.locale);
    return html`<input
        type="search"
        part="search"
        aria-label=${m.searchLabel}
        placeholder=${m.searchPlaceholder}
        maxlength="200"
        autocomplete="off"
        .value=${this._query}
        @input=${this.#onInput}
        @keydown=${this.#onInputKey}
      />
      ${this.#renderResults()}`;
  }

  #renderResults(): unknown {
    const m = messagesFor(this.locale);
    if (this._status === 'idle') return nothing;
    if (this._status === 'searching') return html`<p class="note" role="status">${m.loading}</p>`;
    if (this._status === 'failed') return html`<p class="note error" role="status">${m.searchFailed}</p>`;
    if (this._results.length === 0) return html`<p class="note" role="status">${m.searchNoResults}</p>`;
    return html`<p class="visually-hidden" role="status">${m.searchResultCount(this._results.length)}</p>
      <ul class="results" @keydown=${this.#onResultKey}>
      ${this._results.map(
        (unit) => html`<li>
          <button type="button" part="search-result" data-business-unit-id=${unit.id} @click=${this.#onChoose}>
            <span class="name">${unit.name}</span>
            <span class="path">${(unit.ancestors ?? []).map((a) => a.name).join(' › ')}</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #onInput = (event: Event): void => {
    this._query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const q = this._query.trim();
    if (!q) {
      this._status = 'idle';
      this._results = [];
      return;
    }
    this.#timer = setTimeout(() => void this.#run(q), DEBOUNCE_MS);
  };

  async #run(q: string): Promise<void> {
    if (!this.search) return;
    const abort = new AbortController();
    this.#abort = abort;
    this._status = 'searching';
    try {
      const results = await this.search(q, abort.signal);
      if (abort.signal.aborted) return;
      this._results = results;
      this._status = 'done';
    } catch {
      if (!abort.signal.aborted) this._status = 'failed';
    }
  }

  #onChoose = (event: MouseEvent): void => {
    const id = (event.currentTarget as HTMLElement).dataset.businessUnitId;
    const unit = this._results.find((u) => u.id === id);
    if (!unit) return;
    const path = [...(unit.ancestors ?? []), { id: unit.id, name: unit.name, kind: unit.kind }];
    this._query = '';
    this._results = [];
    this._status = 'idle';
    this.dispatchEvent(createBusinessUnitSelectEvent(unit.id, path));
  };

  #onInputKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('[part="search-result"]')?.focus();
    } else if (event.key === 'Escape' && this._query) {
      this._query = '';
      this._status = 'idle';
      this._results = [];
    }
  };

  #onResultKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="search-result"]')];
    const at = buttons.indexOf(event.target as HTMLElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) this.renderRoot.querySelector<HTMLElement>('input')?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };
}
