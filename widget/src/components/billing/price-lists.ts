import { html, nothing } from 'lit';
import type { BffClient } from '../../api/bff-client.js';
import type { PriceListTarget } from '../../api/billing-calls.js';
import type { BusinessUnit, PriceList, PriceListBody, PriceListEntry, PriceLists } from '../../api/types.js';
import { formatMoney, formatQuantity, formatUnitPrice } from '../../i18n/billing-messages.js';
import { labelFor } from '../../i18n/index.js';
import { BillingSection } from './billing-section.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'DKK', 'SEK', 'NOK'] as const;
const CLASSES = ['critical', 'other'] as const;

const emptyEntry = (): PriceListEntry => ({ metric: '', tiers: [{ upTo: null, unitPrice: '' }] });

/** A list as the editor starts it: a copy of what is stored, or one empty entry. */
function draftOf(list: PriceList | null): PriceListBody {
  if (!list) return { currency: 'EUR', entries: [emptyEntry()] };
  return structuredClone({ currency: list.currency, entries: list.entries });
}

/** The editor's entries as the API takes them: an optional field left empty is left out. */
function bodyOf(draft: PriceListBody, internal: boolean): PriceListBody {
  return {
    currency: draft.currency,
    entries: draft.entries.map(({ metric, class: klass, tiers, minimumFee }) => ({
      metric: metric.trim(),
      ...(internal && klass ? { class: klass } : {}),
      tiers: tiers.map((t) => ({ upTo: t.upTo?.trim() ? t.upTo.trim() : null, unitPrice: t.unitPrice.trim() })),
      ...(minimumFee?.trim() ? { minimumFee: minimumFee.trim() } : {}),
    })),
  };
}

type Editing = { target: PriceListTarget; title: string; draft: PriceListBody; errors: Map<string, string> };

/**
 * A seller's price lists: what it charges every buyer, its prices for single buyers, and its
 * internal show-back prices, each viewable and editable (metric, class, graduated tiers, minimum
 * fee, currency). A refused list shows the server's message at the field it names.
 *
 * @tag scc-price-lists
 * @csspart price-list - Each list's table.
 * @csspart price-list-editor - The editing form; `field-error` each message at a field.
 */
export class SccPriceLists extends BillingSection {
  static override properties = {
    buyers: { attribute: false },
    _lists: { state: true },
    _editing: { state: true },
    _note: { state: true },
  };

  /** Units a buyer's own prices may be set for (the unit's children). */
  declare buyers: Pick<BusinessUnit, 'id' | 'name'>[];
  declare _lists: PriceLists | undefined;
  declare _editing: Editing | undefined;
  declare _note: string;

  constructor() {
    super();
    this.buyers = [];
    this._note = '';
  }

  get lists(): PriceLists | undefined {
    return this._lists;
  }

  protected async fetch(client: BffClient, unitId: string, signal: AbortSignal): Promise<void> {
    const lists = await client.getPriceLists(unitId, signal);
    if (!signal.aborted) this._lists = lists;
  }

  #buyerName(id: string | null): string {
    return this.buyers.find((b) => b.id === id)?.name ?? id ?? '';
  }

  #edit(target: PriceListTarget, title: string, list: PriceList | null): void {
    this._note = '';
    this._editing = { target, title, draft: draftOf(list), errors: new Map() };
  }

  /** Changes the draft in place and renders again (the draft is the editor's own copy). */
  #change(apply: (draft: PriceListBody) => void): void {
    if (!this._editing) return;
    apply(this._editing.draft);
    this._editing = { ...this._editing };
  }

  #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { client, businessUnitId: unitId, _editing: editing } = this;
    if (!client || !unitId || !editing) return;
    try {
      await client.putPriceList(unitId, editing.target, bodyOf(editing.draft, editing.target.purpose === 'internal'));
      this._editing = undefined;
      this._note = this.m.saved;
      await this.reload();
    } catch (error) {
      this._editing = { ...editing, errors: this.refused(error) };
      await this.focusInvalid();
    }
  };

  /** An input of the editor bound to `field` (its path in the body), with the server's message for it. */
  #field(field: string, label: string, value: string, set: (value: string) => void, hint = '') {
    const error = this._editing?.errors.get(field);
    const id = `f-${field.replaceAll('.', '-')}`;
    return html`<label>${label}${hint ? html` <span class="muted">(${hint})</span>` : nothing}
      <input id=${id} name=${field} .value=${value} inputmode="decimal" autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.#change(() => set((e.target as HTMLInputElement).value))} />
      ${error ? html`<span part="field-error" class="field-error" id=${`${id}-error`} data-field=${field}>${error}</span>` : nothing}
    </label>`;
  }

  #entryEditor(entry: PriceListEntry, index: number, internal: boolean) {
    const m = this.m;
    const at = `entries.${index}`;
    return html`<fieldset data-testid="price-entry">
      <legend>${entry.metric ? labelFor(m.metrics, entry.metric) : m.metric}</legend>
      <div class="tier">
        ${this.#field(`${at}.metric`, m.metric, entry.metric, (v) => {
          entry.metric = v;
        })}
        ${
          internal
            ? html`<label>${m.class}
                <select .value=${entry.class ?? ''} @change=${(e: Event) =>
                  this.#change(() => {
                    const value = (e.target as HTMLSelectElement).value;
                    if (value === 'critical' || value === 'other') entry.class = value;
                    else delete entry.class;
                  })}>
                  <option value="">${m.anyClass}</option>
                  ${CLASSES.map((c) => html`<option value=${c} ?selected=${entry.class === c}>${m.classes[c]}</option>`)}
                </select></label>`
            : nothing
        }
        ${this.#field(`${at}.minimumFee`, m.minimumFee, entry.minimumFee ?? '', (v) => {
          entry.minimumFee = v;
        })}
        <button type="button" @click=${() => this.#change((d) => d.entries.splice(index, 1))}>${m.removeEntry}</button>
      </div>
      ${entry.tiers.map(
        (tier, t) => html`<div class="tier" role="group" aria-label=${`${m.tiers} ${t + 1}`}>
          ${this.#field(
            `${at}.tiers.${t}.upTo`,
            m.upTo,
            tier.upTo ?? '',
            (v) => {
              tier.upTo = v;
            },
            m.upToOpen,
          )}
          ${this.#field(`${at}.tiers.${t}.unitPrice`, m.unitPrice, tier.unitPrice, (v) => {
            tier.unitPrice = v;
          })}
          ${
            entry.tiers.length > 1
              ? html`<button type="button" @click=${() => this.#change(() => entry.tiers.splice(t, 1))}>${m.removeTier}</button>`
              : nothing
          }
        </div>`,
      )}
      <button type="button" @click=${() => this.#change(() => entry.tiers.push({ upTo: null, unitPrice: '' }))}>${m.addTier}</button>
    </fieldset>`;
  }

  #editor(editing: Editing) {
    const m = this.m;
    const internal = editing.target.purpose === 'internal';
    const currencyError = editing.errors.get('currency');
    return html`<form part="price-list-editor" class="panel" data-testid="price-list-editor" aria-label=${editing.title}
      novalidate @submit=${this.#save}>
      <h3>${editing.title}</h3>
      <label>${m.currency}
        <select name="currency" aria-invalid=${currencyError ? 'true' : 'false'}
          @change=${(e: Event) =>
            this.#change((d) => {
              d.currency = (e.target as HTMLSelectElement).value as PriceListBody['currency'];
            })}>
          ${CURRENCIES.map((c) => html`<option ?selected=${editing.draft.currency === c}>${c}</option>`)}
        </select>
        ${currencyError ? html`<span part="field-error" class="field-error" data-field="currency">${currencyError}</span>` : nothing}
      </label>
      ${editing.draft.entries.map((entry, i) => this.#entryEditor(entry, i, internal))}
      <div class="bar">
        <button type="button" @click=${() => this.#change((d) => d.entries.push(emptyEntry()))}>${m.addEntry}</button>
        <button type="submit" class="primary" data-testid="save-price-list">${m.save}</button>
        <button type="button" @click=${() => {
          this._editing = undefined;
        }}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #list(title: string, list: PriceList | null, target: PriceListTarget, testId: string) {
    const { m, tag } = this;
    const internal = target.purpose === 'internal';
    return html`<section data-testid=${testId}>
      ${
        list && list.entries.length > 0
          ? html`<div class="scroll"><table part="price-list">
              <caption>${title} (${list.currency})</caption>
              <thead><tr><th scope="col">${m.metric}</th>${internal ? html`<th scope="col">${m.class}</th>` : nothing}
                <th scope="col">${m.tiers}</th><th scope="col" class="num">${m.minimumFee}</th></tr></thead>
              <tbody>${list.entries.map(
                (e) => html`<tr><th scope="row">${labelFor(m.metrics, e.metric)}</th>
                  ${internal ? html`<td>${e.class ? m.classes[e.class] : m.anyClass}</td>` : nothing}
                  <td>${e.tiers
                    .map(
                      (t) =>
                        `${t.upTo === null ? '∞' : `≤ ${formatQuantity(tag, t.upTo)}`}: ${formatUnitPrice(tag, list.currency, t.unitPrice)}`,
                    )
                    .join('; ')}</td>
                  <td class="num">${e.minimumFee ? formatMoney(tag, list.currency, e.minimumFee) : '–'}</td></tr>`,
              )}</tbody>
            </table></div>`
          : html`<h3>${title}</h3><p class="note">${m.noList}</p>`
      }
      <button type="button" data-testid=${`${testId}-edit`} aria-label=${`${m.edit}: ${title}`}
        @click=${() => this.#edit(target, title, list)}>${m.edit}</button>
    </section>`;
  }

  override render() {
    const m = this.m;
    const lists = this._lists;
    const overrides = lists?.overrides.filter((o): o is PriceList => o !== null) ?? [];
    const overridden = new Set(overrides.map((o) => o.buyerId));
    return html`${this.renderStatus()}
      ${this._note ? html`<p class="note" role="status">${this._note}</p>` : nothing}
      ${
        lists
          ? html`${this.#list(m.saleList, lists.sale, { purpose: 'sale' }, 'sale-list')}
              ${overrides.map((o) =>
                this.#list(
                  m.buyerList(this.#buyerName(o.buyerId)),
                  o,
                  { purpose: 'sale', buyerId: o.buyerId ?? '' },
                  'buyer-list',
                ),
              )}
              ${
                lists.sale
                  ? html`<form class="bar" @submit=${(e: SubmitEvent) => {
                      e.preventDefault();
                      const id = String(new FormData(e.target as HTMLFormElement).get('buyer'));
                      if (id)
                        this.#edit({ purpose: 'sale', buyerId: id }, m.buyerList(this.#buyerName(id)), lists.sale);
                    }}>
                      <label>${m.buyer}<select name="buyer">
                        ${this.buyers.filter((b) => !overridden.has(b.id)).map((b) => html`<option value=${b.id}>${b.name}</option>`)}
                      </select></label>
                      <button type="submit">${m.edit}</button>
                    </form>`
                  : nothing
              }
              ${this.#list(m.internalList, lists.internal, { purpose: 'internal' }, 'internal-list')}`
          : nothing
      }
      ${this._editing ? this.#editor(this._editing) : nothing}`;
  }
}
